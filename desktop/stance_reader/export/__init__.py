"""Annotated copies of an analysed article: HTML, PDF, Word, JSON, W3C Web Annotation.

    write(analysis, fmt, out, force=False)   render_bytes(analysis, fmt)
    default_output_path(source, fmt)         REGISTRY: every format, once

(Reading our copies back is the documents service's: `documents/annotated.py`.)

The original article and every input the caller names are never written to (compared by
path and inode, `output_plan.check_target`); an existing file is replaced only with
`force`; writes are atomic, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from stance_reader.core.analysis import Analysis
from stance_reader.errors import ExportError
from stance_reader.fileio import WriteFailed, atomic_write_bytes
from stance_reader.output_plan import InputIndex, check_target


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One kind of annotated copy. Its module (imported when used) has
    `to_bytes(analysis) -> bytes`. A new format is one entry here plus its module."""

    name: str
    extension: str
    description: str  # in the save dialog
    module: str
    terminal: bool = True  # may be written to standard output
    also: tuple[str, ...] = ()  # other file name endings that mean this format

    @property
    def dialog_filter(self) -> str:
        return f"{self.description} (*{Path(self.extension).suffix})"

    def to_bytes(self, analysis: Analysis) -> bytes:
        return importlib.import_module(self.module).to_bytes(analysis)  # type: ignore[no-any-return]


REGISTRY: tuple[ExportFormat, ...] = (
    ExportFormat("html", ".html", "Annotated web page", "stance_reader.export.html",
                 also=(".htm",)),
    ExportFormat("pdf", ".pdf", "PDF document", "stance_reader.export.pdf", terminal=False),
    ExportFormat("docx", ".docx", "Word document", "stance_reader.export.docx", terminal=False),
    ExportFormat("json", ".json", "Stance Reader analysis", "stance_reader.export.analysis_json"),
    ExportFormat("webannotation", ".webanno.jsonld", "W3C Web Annotation",
                 "stance_reader.export.webannotation", also=(".jsonld",)),
)
BY_NAME: dict[str, ExportFormat] = {f.name: f for f in REGISTRY}
FORMATS: tuple[str, ...] = tuple(BY_NAME)


def export_format(name: str) -> ExportFormat:
    """The format called `name`; ExportError naming the choices otherwise."""
    if name not in BY_NAME:
        raise ExportError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return BY_NAME[name]


def format_for_path(path: str | Path) -> ExportFormat | None:
    """The format a file name asks for by its ending (longest ending first, any case):
    "x.pdf" is PDF, "x.webanno.jsonld" Web Annotation; None for other names."""
    name = Path(path).name.lower()
    endings = sorted(((end, f) for f in REGISTRY for end in (f.extension, *f.also)),
                     key=lambda pair: -len(pair[0]))
    return next((f for end, f in endings if name.endswith(end) and len(name) > len(end)), None)


def default_output_path(source: str | Path, fmt: str) -> Path:
    """`<stem>.annotated.<ext>` beside the original."""
    src = Path(source)
    return src.with_name(f"{src.stem}.annotated{export_format(fmt).extension}")


def render_bytes(analysis: Analysis, fmt: str) -> bytes:
    """The export's bytes, without writing anything."""
    return export_format(fmt).to_bytes(_encodable(analysis))


def _encodable(analysis: Analysis) -> Analysis:
    """The analysis with a source path every format can write: a file name that is not
    UTF-8 holds undecodable bytes (surrogates), shown as U+FFFD in the copy."""
    path = analysis.source.path
    if path is None or path.isascii():
        return analysis
    try:
        shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # surrogates no file name decoding makes
        shown = path.encode("utf-8", "replace").decode("utf-8")
    if shown == path:
        return analysis
    return analysis.with_changes(source=replace(analysis.source, path=shown))


def write(analysis: Analysis, fmt: str, out: str | Path, *, force: bool = False,
          inputs: Iterable[str | Path] | InputIndex = ()) -> Path:
    """Write the export to `out`; refuses the original article, every file in `inputs`
    (the files the caller read: a reopened copy, the batch's other inputs; a batch passes
    one `InputIndex` for all its writes, which the article's own path joins) and, without
    force, any existing file. Raises ExportError with a message naming the file."""
    export_format(fmt)
    target = Path(out)
    protected = inputs if isinstance(inputs, InputIndex) else InputIndex(Path(p) for p in inputs)
    if analysis.source.path:
        protected.add(Path(analysis.source.path))
    check_target(target, protected, force=force)
    data = render_bytes(analysis, fmt)
    try:
        return atomic_write_bytes(target, data)
    except WriteFailed as exc:
        raise ExportError(str(exc)) from exc
