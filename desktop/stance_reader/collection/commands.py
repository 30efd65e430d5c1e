"""The `collection` command and the `--jobs`/`--dask` options, kept out of cli.py.

    stance-reader collection PATH... -o quotes.csv|.jsonl|.parquet [--jobs N] [--dask ADDR]

PATHs are article files or folders (scanned recursively unless --flat). Progress goes
to standard error (a line per article when it is a terminal, else every 10%), then one
summary line; each failed file is one line naming it and the reason.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO



def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=positive_int, default=None, metavar="N",
                        help="analyse N files at once, one process each (default: the number "
                             "of cores for more than a few files, else 1)")


def add_parser(sub: Any, common: Any) -> None:
    p = sub.add_parser("collection", help="who is quoted across many articles: a quote sheet",
                       description="Analyse every article of the given files and folders and "
                                   "write one row per quotation and reported span.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("-o", "--output", required=True, metavar="SHEET",
                   help="the quote sheet: .csv, .jsonl, or .parquet (needs pandas and pyarrow)")
    add_jobs_option(p)
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="analyse on the Dask cluster at ADDRESS (tcp://host:8786); needs "
                        "'pip install stance-reader[cluster]'")
    p.add_argument("--flat", action="store_true", help="do not look into sub-folders")
    p.add_argument("--no-cache", action="store_true",
                   help="analyse everything again; read and fill no cache (corrections "
                        "made in the reader still apply)")
    p.add_argument("--force", action="store_true", help="replace an existing sheet")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress or summary lines")
    common(p)


class Progress:
    """Progress lines on standard error: each article on a terminal, else every 10%."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream, self.quiet = stream, quiet
        self.tty = stream.isatty()
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.quiet:
            return
        if self.tty:
            self.stream.write(f"\r[{done}/{total}] {path[-60:]:<60}")
            if done == total:
                self.stream.write("\n")
        elif done == total or done % max(1, total // 10) == 0:
            self.stream.write(f"[{done}/{total}] analysed\n")
        self.stream.flush()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def _stores(model: str | None, cache: bool) -> Any:
    from stance_reader.cli import document_service
    from stance_reader.collection.collect import Stores
    from stance_reader.store.paths import user_paths
    from stance_reader.collection.store import NullRecordStore, open_records

    records = open_records(user_paths().records_db)[0] if cache else NullRecordStore()
    return Stores(document_service(model=model), records, cache)


def cmd_collection(args: argparse.Namespace, fail: Any) -> int:
    """Run the `collection` command; `fail(message)` prints one error line."""
    from stance_reader.collection.collect import Collector
    from stance_reader.collection.pool import default_jobs
    from stance_reader.collection.scan import find_articles
    from stance_reader.collection.sheet import SheetWriter, sheet_format
    from stance_reader.core.nlp import resolve_model

    sheet_format(args.output)  # a wrong suffix, or Parquet without pandas: before any work
    found = find_articles(args.paths, recursive=not args.flat)
    if not found.files:
        fail(f"no article files in {' '.join(args.paths)} (supported: .txt .md .html .docx "
             ".epub .pdf)")
        return 1
    resolve_model(args.model)  # a missing model stops before any file
    files = [str(f) for f in found.files]
    jobs = args.jobs or default_jobs(len(files))
    collector = Collector(_stores(args.model, not args.no_cache), jobs=jobs,
                          dask_address=args.dask)
    progress = Progress(sys.stderr, args.quiet)
    failures = cached = 0
    writer = SheetWriter(args.output, force=args.force)
    try:
        for item in collector.run(files, progress=progress):
            if item.record is not None:
                writer.add(item.record)
                cached += item.cached
                continue
            failures += 1
            fail(f"{item.path}: {item.error}" + (" (run with --debug for details)"
                                                 if item.internal and not args.debug else ""))
            if args.debug and item.detail:
                print(item.detail, file=sys.stderr)
        out = writer.close()
    except BaseException:
        writer.abort()
        raise
    if not args.quiet:
        where = f"on {args.dask}" if args.dask else f"{jobs} job{'s' * (jobs > 1)}"
        print(f"{len(files) - failures} of {len(files)} articles, {writer.rows} quotations and "
              f"reported spans → {out} ({cached} from cache, {where}, "
              f"{progress.elapsed():.1f} s)", file=sys.stderr)
    return 1 if failures else 0


def annotate_jobs(args: argparse.Namespace, n_files: int) -> int:
    """How many processes `annotate` analyses on; with more than one, the server they
    fork from starts now and imports spaCy while this process sets up."""
    from stance_reader.collection.pool import default_jobs, start_server

    jobs: int = args.jobs or default_jobs(n_files)
    if jobs > 1:
        start_server()
    return jobs


def annotate_outcomes(files: list[str], jobs: int, args: argparse.Namespace,
                      documents: Any) -> Any:
    """The analyses for `annotate`, in input order: with one job through `documents`
    itself; with more, on `jobs` processes, each opening files through its own
    documents service over the same history (its analysis cache)."""
    from functools import partial

    from stance_reader.collection.pool import run_local
    from stance_reader.collection.work import analyse_path, analyse_with

    if jobs <= 1:
        return (analyse_with(documents, f) for f in files)
    path = getattr(documents.history, "path", None)
    return run_local(files, jobs=jobs, model=args.model,
                     analyse=partial(analyse_path, history_db=str(path) if path else None))
