"""Walking through quotations from the window: F8 / Shift+F8 over the quotations shown, or
over a Stance row's quotations; each centred, its place ("Quotation 3 of 7") in the status
bar. A mixin of `MainWindow`, which owns `_walk` and `walk_label`."""

from __future__ import annotations

from stance_reader.ui.quote_walk import step as walk_step


class WalkMixin:
    """F8 / Shift+F8; expects `MainWindow`'s `current_tab`, `state`, `_walk`, `walk_label`."""

    def step_quote(self, forward: bool) -> None:
        """F8 / Shift+F8: the next or previous quotation shown (or of a stance cell's walk),
        centred in the view, its place ("Quotation 3 of 7") in the status bar."""
        tab = self.current_tab()
        if tab is None or tab.analysis is None:
            return
        if self._walk:
            quotes = [q for q in map(tab.analysis.quote_by_id, self._walk) if q is not None]
        else:
            quotes = tab.quotes_in_view(self.state)
        found = walk_step(quotes, tab.view.current_position(), forward)
        if found is None:
            self.walk_label.setText("No quotations shown")
            return
        tab.view.select_range(found.quote.start, found.quote.end)
        self.walk_label.setText(found.label)

    def _walk_quotes(self, quote_ids: list[str]) -> None:
        self._walk = list(quote_ids)
        tab = self.current_tab()
        if tab is not None and quote_ids:
            tab.jump_to(quote_ids[0])
            self.statusBar().showMessage(f"{len(quote_ids)} quotation(s): F8 walks through them", 6000)

    def _forget_walk(self) -> None:
        """Another speaker, tab or Show All: F8 walks what is shown again."""
        self._walk = []
        self.walk_label.clear()
