"""A collection's analysis off the GUI thread: one job reporting each article as it comes.

The job scans the folder, then runs `Collector.run` (caches first, then a process pool: the window's own spaCy
pipeline stays free for reading) and reports every article, progress, then exactly one of
finished, failed or cancelled. It never touches widgets.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from stance_reader.collection.collect import Collected, Collector
from stance_reader.collection.scan import scan_folder
from stance_reader.core.types import CancelToken

log = logging.getLogger(__name__)
BATCH_S = 0.25  # a progress bar repaints at once on each new value: not too often


class CollectionSignals(QObject):
    scanned = Signal(object)  # list of article paths
    collected = Signal(object)  # a list of Collected, in order
    progress = Signal(int, int)  # done, total
    finished = Signal()
    failed = Signal(object)  # Exception
    cancelled = Signal()


_alive: set[CollectionJob] = set()  # kept until reported, even if the tab closes first


class CollectionJob(QRunnable):
    """Scan `root` (a folder can be large: not on the GUI thread), then collect."""

    def __init__(self, collector: Collector, root: str, *, recursive: bool = True) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = CollectionSignals()
        self.cancel_token = CancelToken()
        self._collector, self._root, self._recursive = collector, root, recursive
        _alive.add(self)

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            found = scan_folder(Path(self._root), recursive=self._recursive)
            paths = [str(p) for p in found.files]
            self.signals.scanned.emit(paths)
            batch: list[Collected] = []
            done, sent = 0, time.monotonic()
            for item in self._collector.run(paths, cancel=self.cancel_token):
                batch.append(item)
                done += 1
                # Articles from the cache come by the hundred a second: the window gets
                # them in batches (one model insert, one progress step) every BATCH_S.
                if time.monotonic() - sent >= BATCH_S:
                    self._send(batch, done, len(paths))
                    batch, sent = [], time.monotonic()
            self._send(batch, done, len(paths))
            if self.cancel_token.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit()
        except Exception as exc:  # shown by show_error in the window
            log.debug("collection job failed", exc_info=True)
            self.signals.failed.emit(exc)
        finally:
            _alive.discard(self)

    def _send(self, batch: list[Collected], done: int, total: int) -> None:
        if batch:
            self.signals.collected.emit(batch)
        if done:
            self.signals.progress.emit(done, total)
