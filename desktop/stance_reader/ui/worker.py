"""Opening off the GUI thread: one job per document on a one-thread pool (spaCy is one
shared resource). The job runs the documents service's steps; it reports exactly one of
finished, failed or cancelled."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from stance_reader.core.analysis import Analysis
from stance_reader.core.timelimit import call_with_time_limit
from stance_reader.core.types import CancelToken
from stance_reader.documents import DocumentService
from stance_reader.errors import Cancelled

log = logging.getLogger(__name__)


class JobSignals(QObject):
    loaded = Signal(object)  # Article (or Analysis for an annotated copy)
    progress = Signal(float, str)
    finished = Signal(object)  # OpenedDocument
    failed = Signal(object)  # Exception
    cancelled = Signal()


# Jobs keep themselves alive until they have reported, even if the tab that started one
# is closed meanwhile (a QRunnable collected while running would crash the pool thread).
_alive: set[AnalysisJob] = set()


class AnalysisJob(QRunnable):
    """Load, analyse (or reuse the cache), finish. Catches everything; never touches widgets."""

    def __init__(self, documents: DocumentService, path: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps a reference until the job reports
        self.signals = JobSignals()
        self.cancel_token = CancelToken()
        self._documents, self._path = documents, path
        _alive.add(self)

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            # A read that never returns (a hung network drive) fails after a time limit,
            # and cancelling (closing the tab, quitting) returns at once.
            item = call_with_time_limit(self._documents.load, self._path,
                                        cancel=self.cancel_token)
            self.signals.loaded.emit(item)
            copy = isinstance(item, Analysis)  # an annotated copy: its own history entry
            if not copy:
                self.cancel_token.raise_if_cancelled()
                item = self._documents.analysed(item, progress=self.signals.progress.emit,
                                                cancel=self.cancel_token)
            self.signals.finished.emit(self._documents.finish(item, self._path, copy=copy))
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the window, shown by show_error
            log.debug("analysis job failed", exc_info=True)
            self.signals.failed.emit(exc)
        finally:
            _alive.discard(self)


def one_thread_pool() -> QThreadPool:
    """A pool of one thread: its jobs run one after another, never on the GUI thread
    (spaCy analyses one document at a time; copies are written in the order asked)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
