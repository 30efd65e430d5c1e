"""Reading evaluation data: JSON lines, each record checked, errors naming file and line;
the command line the data-set evaluations share."""

from __future__ import annotations

import argparse
import json
from typing import Any, Callable


def read_jsonl(path: str, check: Callable[[dict[str, Any]], None], kind: str) -> list[dict[str, Any]]:
    """Records of `path`; `check` raises KeyError/TypeError/ValueError for a bad record.

    Raises OSError when the file cannot be read and ValueError("FILE:LINE: not a KIND
    record (...)") for the first bad line.
    """
    records = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise TypeError("not a JSON object")
                check(record)
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{n}: not a {kind} record ({exc})") from exc
            records.append(record)
    return records


def read_or_report(path: str, check: Callable[[dict[str, Any]], None], kind: str
                   ) -> list[dict[str, Any]] | None:
    """`read_jsonl`, printing the reason on stderr and returning None on failure."""
    import sys

    try:
        return read_jsonl(path, check, kind)
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
    return None


def dataset_parser(command: str, doc: str | None, file_help: str) -> argparse.ArgumentParser:
    """The command line every data-set evaluation shares,
    `python -m stance_reader.evaluate COMMAND FILE [--json]`; the caller adds its options."""
    parser = argparse.ArgumentParser(prog=f"python -m stance_reader.evaluate {command}",
                                     description=(doc or command).splitlines()[0])
    parser.add_argument("file", help=file_help)
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    return parser


def parse_and_read(parser: argparse.ArgumentParser, argv: list[str],
                   check: Callable[[dict[str, Any]], None], kind: str
                   ) -> tuple[argparse.Namespace, list[dict[str, Any]]] | None:
    """The arguments and the checked records of their FILE; None (the reason printed on
    stderr) when the file cannot be read or holds a bad record."""
    args = parser.parse_args(argv)
    records = read_or_report(args.file, check, kind)
    return None if records is None else (args, records)
