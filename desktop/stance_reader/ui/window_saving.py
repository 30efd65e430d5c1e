"""Saving annotated copies from the window: the format from the export registry, a
question before replacing a file. A mixin of `MainWindow`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from stance_reader.core.analysis import Analysis
from stance_reader.ui.dialogs import show_error


class SavingMixin:
    """Save Annotated Copy; expects `MainWindow`'s `current_tab` and status bar."""

    def save_annotated_copy(self) -> None:
        from stance_reader import export

        tab = self.current_tab()
        if tab is None or tab.analysis is None:
            return  # the action is disabled then
        source = Path(tab.path or "article.txt")
        filters = [f.dialog_filter for f in export.REGISTRY]
        suggested_path = export.default_output_path(source, "html")
        if self._last_folder():
            suggested_path = Path(self._last_folder()) / suggested_path.name
        suggested = str(suggested_path)
        path, chosen = QFileDialog.getSaveFileName(self, "Save annotated copy", suggested,
                                                   ";;".join(filters), filters[0],
                                                   QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        fmt = export.REGISTRY[filters.index(chosen)].name if chosen in filters else "html"
        self._remember_folder(Path(path).parent)
        self.write_copy(tab.analysis, fmt, Path(path))

    def write_copy(self, analysis: Analysis, fmt: str, path: Path, confirm: Any = None) -> bool:
        from stance_reader import export
        from stance_reader.errors import StanceReaderError

        force = False
        if path.exists():
            ask = confirm or (lambda p: QMessageBox.question(
                self, "Replace file?", f"{p} already exists. Replace it?") ==
                QMessageBox.StandardButton.Yes)
            if not ask(path):
                return False
            force = True
        try:
            export.write(analysis, fmt, path, force=force)
        except StanceReaderError as exc:
            show_error(self, exc, str(path))
            return False
        self.statusBar().showMessage(f"Saved {path}", 6000)
        return True

