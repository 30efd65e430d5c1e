"""`stance-reader history [--json] [--clear]`: list or clear the reading history."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from stance_reader.store.history import DocumentRecord, History, open_history
from stance_reader.store.paths import user_paths
from stance_reader.terminal import for_terminal


def main(argv: list[str], stdout: TextIO, stderr: TextIO) -> int:
    parser = argparse.ArgumentParser(prog="stance-reader history")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--clear", action="store_true")
    args = parser.parse_args(argv)
    history, notices = open_history(user_paths().history_db)
    for n in notices:
        print(f"stance-reader: {for_terminal(n)}", file=stderr)
    if not isinstance(history, History):
        return 1
    try:
        if args.clear:
            history.clear()
            print("History cleared.", file=stderr)
            return 0
        rows = history.recent(limit=10_000)
        if args.json:
            json.dump([r.to_dict() for r in rows], stdout, indent=1, ensure_ascii=False)
            stdout.write("\n")
            return 0
        if not rows:
            print("No history yet.", file=stdout)
            return 0
        for r in rows:
            state = "" if r.exists else "  [missing]"
            title, where = for_terminal(_title(r)), r.last_path or "(no path)"
            print(f"{r.last_opened[:16].replace('T', ' ')}  opened {r.times_opened}×  "
                  f"{r.corrections} corrections  {title}\n    "
                  f"{for_terminal(where)}{state}", file=stdout)
        return 0
    finally:
        history.close()


def _title(record: DocumentRecord) -> str:
    """The article's title; else the file's name; "(untitled)" only with neither."""
    if record.title:
        return record.title
    return Path(record.last_path).name if record.last_path else "(untitled)"
