"""Saving an annotated copy off the GUI thread.

Rendering a long article as PDF or HTML takes seconds; the window stays responsive and
hears back once the copy is written (atomically) or refused. A job never touches widgets.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QObject, QRunnable, Signal

from stance_reader.core.analysis import Analysis

log = logging.getLogger(__name__)


class SaveSignals(QObject):
    saved = Signal(object)  # Path written
    failed = Signal(object)  # Exception


# Jobs keep themselves alive until they have reported (see worker._alive).
_alive: set[SaveJob] = set()


class SaveJob(QRunnable):
    """Render and write one annotated copy; reports exactly one of saved or failed."""

    def __init__(self, analysis: Analysis, fmt: str, path: Path, *, force: bool,
                 inputs: Iterable[Path]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = SaveSignals()
        self._analysis, self._fmt, self._path = analysis, fmt, path
        self._force, self._inputs = force, tuple(inputs)
        _alive.add(self)

    def run(self) -> None:
        from stance_reader import export

        try:
            out = export.write(self._analysis, self._fmt, self._path, force=self._force,
                               inputs=self._inputs)
            self.signals.saved.emit(out)
        except Exception as exc:  # shown by the window, in one place
            log.debug("saving a copy failed", exc_info=True)
            self.signals.failed.emit(exc)
        finally:
            _alive.discard(self)
