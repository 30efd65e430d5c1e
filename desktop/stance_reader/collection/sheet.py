"""The quote sheet: one row per quotation and reported span across a collection.

    with SheetWriter(path) as sheet:      # .csv, .jsonl (or .ndjson), .parquet
        sheet.add(record)                 # as each article's record arrives

CSV and JSON lines are written row by row as records arrive (memory does not grow with
the collection) into a temporary file that replaces the target only when complete.
Parquet needs pandas and pyarrow (`pip install pandas pyarrow`); without them it is
refused with that message before anything is analysed.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from typing import Any

from stance_reader.collection.record import ArticleRecord
from stance_reader.errors import ExportError
from stance_reader.fileio import AtomicFile, KeptOnSuccess, WriteFailed
from stance_reader.output_plan import check_target

COLUMNS: tuple[str, ...] = (
    "article_path", "title", "date", "outlet", "item", "quote_id", "speaker", "speaker_kind",
    "kind", "cue", "tone", "tone_label", "start", "end", "text")
SHEET_FORMATS: dict[str, str] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                                 ".parquet": "parquet"}
# Cells a spreadsheet would run as a formula (CSV injection): prefixed with a quote mark.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sheet_format(path: str | Path) -> str:
    """The format for an output name; raises ExportError listing the valid suffixes."""
    suffix = Path(path).suffix.lower()
    fmt = SHEET_FORMATS.get(suffix)
    if fmt is None:
        raise ExportError(f"{path}: the quote sheet is written as "
                          f"{', '.join(SHEET_FORMATS)}; give -o a name ending in one of them")
    if fmt == "parquet" and not all(importlib.util.find_spec(m) for m in ("pandas", "pyarrow")):
        raise ExportError("Parquet output needs pandas and pyarrow: "
                          "'pip install pandas pyarrow', or write .csv or .jsonl instead")
    return fmt


def rows_of(record: ArticleRecord) -> list[dict[str, Any]]:
    return [{"article_path": record.path, "title": record.title, "date": record.date,
             "outlet": record.outlet, "item": r.item, "quote_id": r.id, "speaker": r.speaker,
             "speaker_kind": r.speaker_kind, "kind": r.kind, "cue": r.cue, "tone": r.tone,
             "tone_label": r.tone_label, "start": r.start, "end": r.end, "text": r.text}
            for r in record.rows]


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class SheetWriter(KeptOnSuccess):
    """Writes records as they come; `close()` makes the file appear, `abort()` drops it."""

    def __init__(self, path: str | Path, *, force: bool = False) -> None:
        self.path = Path(path)
        self.format = sheet_format(self.path)
        check_target(self.path, (), force=force)  # a folder, a name too long, an existing file
        self.rows = 0
        self._parquet: list[dict[str, Any]] = []
        try:
            self._file = AtomicFile(self.path, "wb" if self.format == "parquet" else "w")
        except WriteFailed as exc:
            raise ExportError(str(exc)) from exc
        self._csv: Any = None
        if self.format == "csv":
            self._csv = csv.writer(self._file.handle)
            self._csv.writerow(COLUMNS)

    def add(self, record: ArticleRecord) -> None:
        rows = rows_of(record)
        self.rows += len(rows)
        if self.format == "csv":
            self._csv.writerows([[_safe_cell(row[c]) for c in COLUMNS] for row in rows])
        elif self.format == "jsonl":
            for row in rows:
                self._file.handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            self._parquet.extend(rows)  # pandas writes a table at once

    def close(self) -> Path:
        try:
            if self.format == "parquet":
                import pandas

                frame = pandas.DataFrame(self._parquet, columns=list(COLUMNS))
                frame.to_parquet(self._file.handle, index=False)
            return self._file.commit()
        except WriteFailed as exc:
            raise ExportError(str(exc)) from exc
        except Exception:
            self._file.discard()
            raise

    def abort(self) -> None:
        self._file.discard()

    def keep(self) -> Path:
        return self.close()

    def drop(self) -> None:
        self.abort()
