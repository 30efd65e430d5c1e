"""Scoring the analysis against annotated data (PolNeAR quotes, NewsMTSC tone)."""
