"""`annotate` over many files: skip finished outputs first, show progress, sum up.

A batch of 181 pages should say how far it is and how long is left, should not analyse
again what is already written, and should end with one line a person (or a script) can
read: "181 files: 175 written, 6 skipped, 0 failed". Outputs that exist are skipped
before any analysis, and the spaCy model is not even loaded when every output exists.

Progress goes to stderr: a bar (tqdm) with the file count and time left when stderr is a
terminal; otherwise nothing but failures and the summary (one plain line per file with
--verbose), so logs and scripts that read stderr see only what matters. `--quiet` keeps
only the failures.
"""

from __future__ import annotations

import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol, Sequence, TextIO

from stance_reader.core.analysis import Analysis
from stance_reader.errors import StanceReaderError
from stance_reader.terminal import for_terminal


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One input and where its output goes (None: standard output); `refused` says why
    it cannot be written at all (it would replace an input, a folder …)."""

    source: Path
    target: Path | None
    refused: str | None = None


@dataclass(frozen=True, slots=True)
class BatchSummary:
    total: int
    written: int
    skipped: int
    failed: int

    @property
    def line(self) -> str:
        files = "file" if self.total == 1 else "files"
        return (f"{self.total} {files}: {self.written} written, {self.skipped} skipped, "
                f"{self.failed} failed")


class Progress(Protocol):
    def advance(self, source: Path, outcome: str) -> None: ...
    def message(self, text: str) -> None: ...
    def close(self) -> None: ...


class TerminalProgress:
    """A tqdm bar on a terminal: "12/181 files [00:03<00:41, …]"; messages print above it."""

    def __init__(self, total: int, stream: TextIO) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="file", file=stream, dynamic_ncols=True,
                         desc="annotate", leave=True)

    def advance(self, source: Path, outcome: str) -> None:
        self._bar.set_postfix_str(source.name[-40:], refresh=False)
        self._bar.update(1)

    def message(self, text: str) -> None:
        self._bar.write(for_terminal(text), file=sys.stderr)

    def close(self) -> None:
        self._bar.close()


class PlainProgress:
    """Not a terminal: failures always, one line per file only when asked (--verbose)."""

    def __init__(self, total: int, stream: TextIO, *, per_file: bool) -> None:
        self._total, self._done, self._stream, self._per_file = total, 0, stream, per_file

    def advance(self, source: Path, outcome: str) -> None:
        self._done += 1
        if self._per_file:
            print(for_terminal(f"[{self._done}/{self._total}] {source}: {outcome}"),
                  file=self._stream, flush=True)

    def message(self, text: str) -> None:
        print(for_terminal(text), file=self._stream, flush=True)

    def close(self) -> None:
        pass


def make_progress(total: int, *, quiet: bool, verbose: bool,
                  stream: TextIO | None = None) -> Progress:
    stream = stream or sys.stderr
    if not quiet and total > 1 and stream.isatty():
        return TerminalProgress(total, stream)
    return PlainProgress(total, stream, per_file=verbose and not quiet)


class FileFailed(Exception):
    """A file that a worker process could not analyse: its message, and whether it is a
    bug of ours (`internal`, with the worker's traceback as `detail`)."""

    def __init__(self, message: str, *, internal: bool = False, detail: str | None = None):
        super().__init__(message)
        self.internal, self.detail = internal, detail


def run(items: Sequence[BatchItem], *,
        prepare: Callable[[list[Path]], Callable[[Path], Analysis]],
        emit: Callable[[Analysis, Path | None], None], force: bool, progress: Progress,
        prog: str, debug: bool = False) -> BatchSummary:
    """Process every item; return the counts.

    `prepare` is called once with the files to analyse, only if there are some, and
    returns the function that opens one file, called in the same order (so the model
    loads only when there is work, and a pool can analyse ahead). `emit` writes one
    analysis to its target (None: standard output). Existing targets are skipped without
    `force`; a failure is one line naming the file and the reason, and the batch goes on.
    """
    written = skipped = failed = 0
    todo: list[BatchItem] = []
    for item in items:
        if item.refused is not None:
            failed += 1
            progress.message(f"{prog}: {item.source}: {item.refused}")
            progress.advance(item.source, "failed")
        elif item.target is not None and item.target.exists() and not force:
            skipped += 1
            progress.advance(item.source, f"skipped, {item.target} exists")
        else:
            todo.append(item)
    open_document = prepare([item.source for item in todo]) if todo else None
    for item in todo:
        assert open_document is not None
        started = time.monotonic()
        try:
            emit(open_document(item.source), item.target)
        except (StanceReaderError, FileFailed) as exc:
            failed += 1
            internal = isinstance(exc, FileFailed) and exc.internal and not debug
            progress.message(f"{prog}: {item.source}: {exc}"
                             + (" (run with --debug for details)" if internal else ""))
            if debug and isinstance(exc, FileFailed) and exc.detail:
                print(exc.detail, file=sys.stderr)
            progress.advance(item.source, "failed")
            continue
        except Exception as exc:  # a bug of ours: say so, keep going with the other files
            failed += 1
            progress.message(f"{prog}: {item.source}: internal error: {type(exc).__name__}: "
                             f"{exc}" + ("" if debug else " (run with --debug for details)"))
            if debug:
                traceback.print_exc()
            progress.advance(item.source, "failed")
            continue
        written += 1
        progress.advance(item.source, f"wrote {item.target or 'standard output'} "
                                      f"({time.monotonic() - started:.1f} s)")
    progress.close()
    return BatchSummary(len(items), written, skipped, failed)
