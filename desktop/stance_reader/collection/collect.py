"""A collection's records, in input order: from the caches, or analysed (pool or Dask).

Two passes. The first reads each file's bytes for its SHA-256 and looks for a record
(record cache) or a whole analysis (the reader's analysis cache, e.g. an article already
opened) under the current pipeline and corrections; the second yields every record in
input order, analysing only the misses. Analyses made here go into the analysis cache
(a double-click then opens the article at once) and their records into the record cache.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from stance_reader.collection.outlet import outlet_of
from stance_reader.collection.pool import run_local
from stance_reader.collection.record import ArticleRecord, build_record
from stance_reader.collection.work import Outcome, head_of
from stance_reader.core.analysis import Analysis
from stance_reader.core.corrections import replay
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
class Caches:
    """The stores a collection reads and fills; `pipeline` is the analysis cache key."""

    history: Any  # History | NullHistory
    records: Any  # RecordStore | NullRecordStore
    pipeline: str


def pipeline_key(model: str | None) -> str:
    """The analysis cache key for the pipeline `model` names, known before analysing."""
    from stance_reader import __version__
    from stance_reader.core.nlp import installed_model_info

    name, version = installed_model_info(model)
    return f"{name}@{version}/stance-reader@{__version__}"


def record_key(pipeline: str, corrections: Sequence[Any]) -> str:
    if not corrections:
        return pipeline
    digest = hashlib.sha256(repr([(c.target, c.field, c.new) for c in corrections]).encode())
    return f"{pipeline}#{digest.hexdigest()[:16]}"


class Collector:
    """Runs a collection; `progress(done, total, path)` after each article."""

    def __init__(self, caches: Caches | None, *, model: str | None = None, jobs: int = 1,
                 dask_address: str | None = None, in_process: bool | None = None,
                 run: Callable[..., Iterator[Outcome]] | None = None) -> None:
        self.caches, self.model, self.jobs, self.dask = caches, model, jobs, dask_address
        self.in_process = in_process
        self._run = run  # replaces the pool (tests: a fake analysis)

    def _record_from(self, analysis: Analysis, path: str, outlet: str | None,
                     sha: str) -> tuple[ArticleRecord, str]:
        stored = self.caches.history.corrections_for(sha) if self.caches else []
        if stored and not analysis.corrections:
            analysis = replay(analysis, stored)
        record = build_record(analysis, path, outlet)
        return record, record_key(self.caches.pipeline if self.caches else "", stored)

    def _lookup(self, path: str) -> bool:
        """Whether a record for the file is cached (made now from a cached analysis)."""
        assert self.caches is not None
        try:
            sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            return False  # the analysis reports the file's problem in its own words
        try:
            key = record_key(self.caches.pipeline, self.caches.history.corrections_for(sha))
            if self.caches.records.get(sha, key) is not None:
                return True
            cached = self.caches.history.cache_get(sha, self.caches.pipeline)
            if cached is not None:
                record, key = self._record_from(cached, path, outlet_of(
                    cached.byline, cached.text, head_of(Path(path), cached)), sha)
                self.caches.records.put(record, key)
                return True
        except Exception:  # a cache problem never stops a collection
            log.warning("collection cache unavailable for %s", path, exc_info=True)
        return False

    def _cached(self, path: str) -> ArticleRecord | None:
        assert self.caches is not None
        try:
            sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            key = record_key(self.caches.pipeline, self.caches.history.corrections_for(sha))
            record = self.caches.records.get(sha, key)
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
                         in_process=self.in_process)

    def run(self, paths: Sequence[str], *, cancel: CancelToken | None = None,
            progress: Callable[[int, int, str], None] | None = None) -> Iterator[Collected]:
        """Every article's `Collected`, in the order of `paths`; stops when cancelled."""
        hits = [self._lookup(p) if self.caches else False for p in paths]
        misses = self._outcomes([p for p, hit in zip(paths, hits) if not hit], cancel)
        total = len(paths)
        for done, (path, hit) in enumerate(zip(paths, hits), start=1):
            if cancel is not None and cancel.cancelled:
                return
            record = self._cached(path) if hit else None
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
        sha = analysis.source.sha256
        try:
            if self.caches is not None and not analysis.corrections:
                self.caches.history.cache_put(analysis)
            record, key = self._record_from(analysis, outcome.path, outcome.outlet, sha)
            if self.caches is not None:
                self.caches.records.put(record, key)
        except Exception:
            log.warning("collection cache not updated for %s", outcome.path, exc_info=True)
            record = build_record(analysis, outcome.path, outcome.outlet)
        return Collected(outcome.path, replace(record, path=outcome.path))
