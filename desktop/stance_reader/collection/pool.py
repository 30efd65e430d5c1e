"""Many articles on one machine: a process pool, results in input order as they come.

A process per core (spaCy holds the GIL while parsing, so threads would not help), each
loading the model once (the pool's initializer). At most `WINDOW_PER_JOB * jobs`
articles are in flight: results are yielded in input order as soon as the next one is
ready and then dropped, so memory stays flat however long the collection, and the output
is the same, byte for byte, as with one job.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

from stance_reader.collection.work import Outcome, analyse_path, warm
from stance_reader.core.types import CancelToken

FEW_FILES = 4  # up to this many files, starting workers costs more than it saves
WINDOW_PER_JOB = 2


def default_jobs(n_files: int) -> int:
    """The number of cores for more than a few files, else 1."""
    return max(1, os.cpu_count() or 1) if n_files > FEW_FILES else 1


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: children start from a clean server process, never from a parent that
    # runs threads (the window, a Qt pool); spawn where forkserver does not exist.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_local(paths: Iterable[str], *, jobs: int, model: str | None = None,
              cancel: CancelToken | None = None,
              analyse: Callable[[str, str | None], Outcome] = analyse_path,
              in_process: bool | None = None) -> Iterator[Outcome]:
    """Outcomes of `paths` in order. By default jobs <= 1 analyses in this process;
    `in_process=False` uses worker processes even for one job (the window: its own spaCy
    pipeline stays free for the reader). Stops (without raising) when `cancel` is set;
    articles already running finish and are dropped. No process starts before the first
    outcome is asked for."""
    if in_process is None:
        in_process = jobs <= 1
    if in_process:
        for path in paths:
            if cancel is not None and cancel.cancelled:
                return
            yield analyse(path, model)
        return
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=_context(), initializer=warm,
                             initargs=(model,)) as executor:
        pending: deque[Future[Outcome]] = deque()
        todo = iter(paths)
        try:
            for path in todo:
                pending.append(executor.submit(analyse, path, model))
                if len(pending) >= WINDOW_PER_JOB * jobs:
                    break
            while pending:
                if cancel is not None and cancel.cancelled:
                    return
                outcome = pending.popleft().result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append(executor.submit(analyse, nxt, model))
                yield outcome
        finally:
            for future in pending:
                future.cancel()
