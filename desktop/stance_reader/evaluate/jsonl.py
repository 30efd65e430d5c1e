"""Reading evaluation data: JSON lines, each record checked, errors naming file and line."""

from __future__ import annotations

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
