"""How an analysis is shown, without Qt: the layers, the marks (what is highlighted and
how), tone labels by the person's thresholds, and the voices and stance figures. The
reader window and every export draw from here, so they show the same things."""
