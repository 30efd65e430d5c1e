"""Many articles on one machine: a process pool, results in input order as they come.

A process per core (spaCy holds the GIL while parsing, so threads would not help), each
loading the model once (the pool's initializer). Workers fork from a server process that
has already imported spaCy and the analysis code (`WORKER_IMPORTS`), so that cost is paid
once, not once per worker. Articles are sent in blocks of `BLOCK_PER_JOB * jobs`, the
largest of a block first, so the run does not end with one worker on a long article while
the others wait; at most three blocks are in flight or waiting for their turn. Results are
yielded in input order as soon as the next one is ready and then dropped, so memory stays
flat however long the collection, and the output is the same, byte for byte, as with one
job.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator

from stance_reader.collection.work import Outcome, analyse_path, warm
from stance_reader.core.types import CancelToken

FEW_FILES = 4  # up to this many files, starting workers costs more than it saves
BLOCK_PER_JOB = 4  # articles per worker in a block sent largest first
BLOCKS_AHEAD = 2  # blocks sent beyond the one whose results are being yielded
# Imported once by the server the workers fork from: what every worker would import
# (the analysis, and the command line, which a worker imports again as the parent's main).
WORKER_IMPORTS = ["spacy", "stance_reader.collection.work", "stance_reader.core.pipeline",
                  "stance_reader.core.tone", "stance_reader.documents",
                  "stance_reader.store.history", "stance_reader.cli"]


def default_jobs(n_files: int) -> int:
    """The number of cores for more than a few files, else 1."""
    return max(1, os.cpu_count() or 1) if n_files > FEW_FILES else 1


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: children start from a clean server process, never from a parent that
    # runs threads (the window, a Qt pool); spawn where forkserver does not exist.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(WORKER_IMPORTS)
        return context
    return multiprocessing.get_context("spawn")


def start_server() -> None:
    """Start the process the workers fork from now, so that it imports spaCy and the
    analysis code while this process still plans or scans; `run_local` finds it running.
    Nothing happens where workers are spawned instead, or when it runs already."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def uses_workers(jobs: int, in_process: bool | None) -> bool:
    """Whether `run_local` with these arguments analyses on worker processes."""
    return not in_process if in_process is not None else jobs > 1


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0  # its worker says what is wrong with it


def largest_first(paths: Iterable[str], block: int) -> Iterator[list[tuple[int, str]]]:
    """`paths` numbered in input order, in blocks of `block`, each block's largest file
    first (file size stands in for the work an article takes)."""
    numbered = enumerate(paths)
    while chunk := list(islice(numbered, block)):
        yield sorted(chunk, key=lambda item: -_size(item[1]))


def run_local(paths: Iterable[str], *, jobs: int, model: str | None = None,
              cancel: CancelToken | None = None,
              analyse: Callable[[str, str | None], Outcome] = analyse_path,
              in_process: bool | None = None) -> Iterator[Outcome]:
    """Outcomes of `paths` in order. By default jobs <= 1 analyses in this process;
    `in_process=False` uses worker processes even for one job (the window: its own spaCy
    pipeline stays free for the reader). Stops (without raising) when `cancel` is set;
    articles already running finish and are dropped. No process starts before the first
    outcome is asked for."""
    if not uses_workers(jobs, in_process):
        for path in paths:
            if cancel is not None and cancel.cancelled:
                return
            yield analyse(path, model)
        return
    jobs = max(1, jobs)
    block = BLOCK_PER_JOB * jobs
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=warm,
                             initargs=(model,)) as executor:
        pending: dict[int, Future[Outcome]] = {}
        blocks = largest_first(paths, block)
        sent = done = 0
        try:
            while True:
                while sent - done < (1 + BLOCKS_AHEAD) * block:
                    chunk = next(blocks, None)
                    if chunk is None:
                        break
                    for index, path in chunk:
                        pending[index] = executor.submit(analyse, path, model)
                    sent += len(chunk)
                if done == sent:
                    return
                if cancel is not None and cancel.cancelled:
                    return
                outcome = pending.pop(done).result()
                done += 1
                yield outcome
        finally:
            for future in pending.values():
                future.cancel()
