"""A collection's records, in input order: from the caches, or analysed (pool or Dask).

Two passes. The first reads each file's bytes for its SHA-256 and looks for a record
(record cache) or a whole analysis (the reader's analysis cache, e.g. an article already
opened) under the current pipeline, corrections and tone thresholds; the second yields
every record in input order, analysing only the misses. Workers open articles through
the documents service (which reads and fills the analysis cache); this process finishes
each analysis the same way the reader does (the person's corrections, tone thresholds)
and keeps its record.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from stance_reader.collection.outlet import outlet_of
from stance_reader.collection.pool import run_local, start_server, uses_workers
from stance_reader.collection.record import ArticleRecord, build_record
from stance_reader.collection.work import Outcome, analyse_path, head_of
from stance_reader.core.analysis import Analysis
from stance_reader.core.types import CancelToken

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Collected:
    """One article of the collection: its record, or why there is none."""

    path: str
    record: ArticleRecord | None = None
    error: str | None = None
    internal: bool = False
    cached: bool = False
    detail: str | None = None  # traceback of an internal error


@dataclass(frozen=True, slots=True)
class Stores:
    """What a collection reads and fills. `documents` is a DocumentService over the
    person's history that records no opens (corrections, thresholds, the analysis cache);
    `records` the record cache; `cache` False reads and fills neither cache."""

    documents: Any  # DocumentService
    records: Any  # RecordStore | NullRecordStore
    cache: bool = True

    @property
    def history_db(self) -> str | None:
        """The history file workers use for the analysis cache (None: no cache)."""
        path = getattr(self.documents.history, "path", None)
        return str(path) if self.cache and path else None

    def pipeline(self) -> str:
        from stance_reader.documents import current_pipeline
        from stance_reader.store.history import pipeline_key

        return pipeline_key(current_pipeline(self.documents.model))


def record_key(pipeline: str, corrections: Sequence[Any],
               thresholds: tuple[float, float] | None = None) -> str:
    """A record serves the same pipeline, corrections and tone thresholds only."""
    if not corrections and thresholds is None:
        return pipeline
    digest = hashlib.sha256(repr(([(c.target, c.field, c.new) for c in corrections],
                                  thresholds)).encode())
    return f"{pipeline}#{digest.hexdigest()[:16]}"


class Collector:
    """Runs a collection; `progress(done, total, path)` after each article."""

    def __init__(self, stores: Stores, *, jobs: int = 1, dask_address: str | None = None,
                 in_process: bool | None = None,
                 run: Callable[..., Iterator[Outcome]] | None = None) -> None:
        self.stores, self.jobs, self.dask = stores, jobs, dask_address
        self.in_process = in_process
        self._run = run  # replaces the pool (tests: analysis in the test's process)
        self._pipeline: str | None = None

    @property
    def model(self) -> str | None:
        return self.stores.documents.model  # type: ignore[no-any-return]

    def _key(self, sha: str) -> str:
        if self._pipeline is None:
            self._pipeline = self.stores.pipeline()
        corrections = self.stores.documents.history.corrections_for(sha)
        return record_key(self._pipeline, corrections, self.stores.documents.thresholds)

    def _finish(self, analysis: Analysis, path: str, outlet: str | None) -> ArticleRecord:
        """The record of the analysis the reader would show (corrections, thresholds)."""
        shown = self.stores.documents.finish(analysis, path).analysis
        record = build_record(shown, path, outlet)
        if self.stores.cache:
            self.stores.records.put(record, self._key(record.sha256))
        return record

    def _lookup(self, path: str) -> str | None:
        """The file's SHA-256 when its record is cached (made now from a cached analysis
        if need be), else None. Only looks: records are read in the second pass."""
        if not self.stores.cache:
            return None
        try:
            sha = self.stores.records.file_sha256(path)
        except OSError:
            return None  # the analysis reports the file's problem in its own words
        try:
            if self.stores.records.has(sha, self._key(sha)):
                return sha
            cached = self.stores.documents.history.cache_get(sha, self.stores.pipeline())
            if cached is not None:
                self._finish(cached, path, outlet_of(cached.byline, cached.text,
                                                     head_of(Path(path), cached)))
                return sha
        except Exception:  # a cache problem never stops a collection
            log.warning("collection cache unavailable for %s", path, exc_info=True)
        return None

    def _cached(self, path: str, sha: str) -> ArticleRecord | None:
        try:
            record = self.stores.records.get(sha, self._key(sha))
        except Exception:
            log.warning("collection cache unavailable for %s", path, exc_info=True)
            return None
        return replace(record, path=path) if record is not None else None

    def _outcomes(self, paths: list[str], cancel: CancelToken | None) -> Iterator[Outcome]:
        if self._run is not None:
            return self._run(paths, jobs=self.jobs, model=self.model, cancel=cancel)
        if self.dask:
            from stance_reader.collection.cluster import run_dask

            return run_dask(paths, address=self.dask, model=self.model, cancel=cancel)
        return run_local(paths, jobs=self.jobs, model=self.model, cancel=cancel,
                         in_process=self.in_process,
                         analyse=partial(analyse_path, history_db=self.stores.history_db))

    def _local_workers(self) -> bool:
        return self._run is None and not self.dask and uses_workers(self.jobs, self.in_process)

    def run(self, paths: Sequence[str], *, cancel: CancelToken | None = None,
            progress: Callable[[int, int, str], None] | None = None) -> Iterator[Collected]:
        """Every article's `Collected`, in the order of `paths`; stops when cancelled."""
        hits: list[str | None] = []  # SHA-256 of the cached, else None
        workers_started = not self._local_workers()
        for path in paths:
            hits.append(self._lookup(path))
            if hits[-1] is None and not workers_started:
                start_server()  # workers get ready while the other files are looked up
                workers_started = True
        misses = self._outcomes([p for p, hit in zip(paths, hits) if not hit], cancel)
        total = len(paths)
        for done, (path, hit) in enumerate(zip(paths, hits), start=1):
            if cancel is not None and cancel.cancelled:
                return
            record = self._cached(path, hit) if hit else None
            if record is not None:
                item = Collected(path, record, cached=True)
            else:
                # A hit whose entry went away meanwhile (history cleared) is analysed alone.
                outcome = next(self._outcomes([path], cancel) if hit else misses, None)
                if outcome is None:  # the runner stopped: cancelled
                    return
                item = self._collected(outcome)
            if progress is not None:
                progress(done, total, path)
            yield item

    def _collected(self, outcome: Outcome) -> Collected:
        if outcome.analysis is None:
            return Collected(outcome.path, error=outcome.error, internal=outcome.internal,
                             detail=outcome.detail)
        analysis = outcome.analysis
        try:
            if self.dask and self.stores.cache:  # cluster workers keep no cache of ours
                self.stores.documents.history.cache_put(analysis)
            record = self._finish(analysis, outcome.path, outcome.outlet)
        except Exception:
            log.warning("collection cache not updated for %s", outcome.path, exc_info=True)
            record = build_record(analysis, outcome.path, outcome.outlet)
        return Collected(outcome.path, replace(record, path=outcome.path))
