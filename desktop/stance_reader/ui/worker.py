"""Analysis off the GUI thread: one job per document on a one-thread pool (spaCy is one
shared resource). A job reports exactly one of finished, failed or cancelled."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from stance_reader.core.analysis import Analysis
from stance_reader.core.article import Article
from stance_reader.core.types import CancelToken
from stance_reader.errors import Cancelled

log = logging.getLogger(__name__)

# (path or None, article, progress, cancel) -> Analysis; replaceable in tests.
Analyser = Callable[[Article, Callable[[float, str], None], CancelToken], Analysis]


def default_analyser(model: str | None = None) -> Analyser:
    def run(article: Article, progress: Callable[[float, str], None], cancel: CancelToken) -> Analysis:
        from stance_reader.core.pipeline import analyse
        return analyse(article, progress=progress, cancel=cancel, model=model, batch_size=8)
    return run


def default_loader(path: str) -> Article | Analysis:
    """Our own annotated copies reopen as their analysis; anything else is loaded."""
    from stance_reader.core.loaders import load
    from stance_reader.export.reopen import read_annotated

    embedded = read_annotated(Path(path))
    return embedded if embedded is not None else load(path)


class JobSignals(QObject):
    loaded = Signal(object)  # Article (or Analysis for an annotated copy)
    progress = Signal(float, str)
    finished = Signal(object)  # Analysis
    failed = Signal(object)  # Exception
    cancelled = Signal()


# Jobs keep themselves alive until they have reported, even if the tab that started one
# is closed meanwhile (a QRunnable collected while running would crash the pool thread).
_alive: set[AnalysisJob] = set()


class AnalysisJob(QRunnable):
    """Load (when given a path) then analyse. Catches everything; never touches widgets."""

    def __init__(self, analyser: Analyser, *, path: str | None = None,
                 article: Article | None = None,
                 loader: Callable[[str], Article | Analysis] = default_loader) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps a reference until the job reports
        self.signals = JobSignals()
        self.cancel_token = CancelToken()
        self._analyser, self._path, self._article, self._loader = analyser, path, article, loader
        # Content hash of the file opened (set before `loaded` is emitted): an article's
        # own, or an annotated copy's bytes, so a copy and its original are separate
        # entries in the reading history.
        self.opened_sha256: str | None = article.sha256 if article is not None else None
        _alive.add(self)

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            item = self._article
            if item is None and self._path is not None:
                item = self._loader(self._path)
                self.opened_sha256 = item.sha256 if isinstance(item, Article) else _file_sha256(self._path)
            self.signals.loaded.emit(item)
            if isinstance(item, Analysis):
                self.signals.finished.emit(item)
                return
            assert item is not None
            self.cancel_token.raise_if_cancelled()
            analysis = self._analyser(item, self.signals.progress.emit, self.cancel_token)
            self.signals.finished.emit(analysis)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the window, shown by show_error
            log.debug("analysis job failed", exc_info=True)
            self.signals.failed.emit(exc)
        finally:
            _alive.discard(self)


def _file_sha256(path: str) -> str | None:
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def analysis_pool() -> QThreadPool:
    """One thread: spaCy runs one document at a time; the GUI thread never waits on it."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
