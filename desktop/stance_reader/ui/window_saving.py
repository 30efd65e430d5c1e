"""Saving annotated copies from the window: the format from the export registry, a
question before replacing a file, never onto an input (the file the tab was opened from,
the article a copy names), rendered and written off the GUI thread. A mixin of
`MainWindow`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from stance_reader.core.analysis import Analysis
from stance_reader.ui.dialogs import show_error


class SavingMixin:
    """Save Annotated Copy; expects `MainWindow`'s `current_tab`, status bar, `save_pool`
    and its `copy_saved`/`copy_failed` signals."""

    def save_annotated_copy(self) -> None:
        from stance_reader import export

        tab = self.current_tab()
        if tab is None or tab.analysis is None:
            self.statusBar().showMessage("Nothing to save yet: the analysis is not done.", 5000)
            return
        source = Path(tab.path or "article.txt")
        filters = [f.dialog_filter for f in export.REGISTRY]
        suggested = str(export.default_output_path(source, "html"))
        path, chosen = QFileDialog.getSaveFileName(self, "Save annotated copy", suggested,
                                                   ";;".join(filters), filters[0],
                                                   QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        fmt = export.REGISTRY[filters.index(chosen)].name if chosen in filters else "html"
        self.write_copy(tab.analysis, fmt, Path(path), inputs=(tab.path,))

    def write_copy(self, analysis: Analysis, fmt: str, path: Path, confirm: Any = None,
                   inputs: tuple[str | None, ...] = ()) -> bool:
        """Check the target here (cheap; may ask before replacing), then render and write
        off the GUI thread. True when the save has started; `copy_saved` follows."""
        from stance_reader.errors import StanceReaderError
        from stance_reader.output_plan import check_target
        from stance_reader.ui.save_job import SaveJob

        protected = [Path(p) for p in (*inputs, analysis.source.path) if p]
        try:
            check_target(path, protected, force=True)  # never an input, never a folder
        except StanceReaderError as exc:
            show_error(self, exc, str(path))
            return False
        force = False
        if path.exists():
            ask = confirm or (lambda p: QMessageBox.question(
                self, "Replace file?", f"{p} already exists. Replace it?") ==
                QMessageBox.StandardButton.Yes)
            if not ask(path):
                return False
            force = True
        job = SaveJob(analysis, fmt, path, force=force, inputs=protected)
        job.signals.saved.connect(self._on_copy_saved)
        job.signals.failed.connect(lambda exc, p=str(path): self._on_copy_failed(exc, p))
        self.statusBar().showMessage(f"Saving {path.name}…")
        self.save_pool.start(job)
        return True

    def _on_copy_saved(self, path: Path) -> None:
        self.statusBar().showMessage(f"Saved {path}", 6000)
        self.copy_saved.emit(path)

    def _on_copy_failed(self, exc: Exception, path: str) -> None:
        self.statusBar().showMessage(f"Could not save {Path(path).name}", 6000)
        show_error(self, exc, path)
        self.copy_failed.emit(exc)
