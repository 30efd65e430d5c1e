"""The window's file dialogs, both starting in the folder last used: Open, and Save
Annotated Copy (the format follows the name's extension, else the registry filter), a
question before replacing a file, never onto an input (the file the tab was opened from,
the article a copy names), rendered and written off the GUI thread. A mixin of
`MainWindow`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from stance_reader.core.analysis import Analysis
from stance_reader.ui.dialogs import show_error

log = logging.getLogger(__name__)


class SavingMixin:
    """Save Annotated Copy; expects `MainWindow`'s `current_tab`, status bar, `save_pool`
    and its `copy_saved`/`copy_failed` signals."""

    def open_dialog(self) -> None:
        from stance_reader.core.loaders import FILE_DIALOG_FILTERS

        filters = ";;".join(f"{label} ({' '.join(p)})" for label, p in FILE_DIALOG_FILTERS)
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", self._last_folder(),
                                                filters + ";;All files (*)")
        if paths:
            self._remember_folder(Path(paths[0]).parent)
        for p in paths:
            self.open_path(p)

    def _last_folder(self) -> str:
        """The folder last used in an Open or Save dialog, if it still exists."""
        folder = self.settings_store.settings.last_folder
        return folder if folder and Path(folder).is_dir() else ""

    def _remember_folder(self, folder: Path) -> None:
        try:
            self.settings_store.update(last_folder=str(folder))
        except Exception as exc:  # a settings problem must never stop opening or saving
            log.warning("last folder not kept: %s", exc)

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
        target, fmt = saved_as(Path(path), filters.index(chosen) if chosen in filters else 0)
        self._remember_folder(target.parent)
        self.write_copy(tab.analysis, fmt, target, inputs=(tab.path,))

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

def saved_as(path: Path, filter_index: int) -> tuple[Path, str]:
    """The file and format a Save dialog answer means: the format follows the name's
    extension ("taiwan.annotated.pdf" is a PDF whatever filter was left selected); a name
    without a known extension gets the selected filter's."""
    from stance_reader import export

    by_name = export.format_for_path(path)
    if by_name is not None:
        return path, by_name.name
    chosen = export.REGISTRY[filter_index]
    return path.with_name(path.name + chosen.extension), chosen.name
