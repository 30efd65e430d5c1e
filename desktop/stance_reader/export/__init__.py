"""Annotated copies of an analysed article: HTML, PDF, Word, JSON, W3C Web Annotation.

    write(analysis, fmt, out, force=False)   render_bytes(analysis, fmt)
    default_output_path(source, fmt)         reopen.read_annotated(path)

The original article and every input the caller names are never written to (compared by
path and inode, `output_plan.check_target`); an existing file is replaced only with
`force`; writes are atomic, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from stance_reader.core.analysis import Analysis
from stance_reader.errors import ExportError
from stance_reader.fileio import WriteFailed, atomic_write_bytes
from stance_reader.output_plan import check_target

FORMATS: tuple[str, ...] = ("html", "pdf", "docx", "json", "webannotation")
EXTENSIONS: dict[str, str] = {"html": ".html", "pdf": ".pdf", "docx": ".docx",
                              "json": ".json", "webannotation": ".webanno.jsonld"}
DESCRIPTIONS: dict[str, str] = {
    "html": "Annotated web page (*.html)", "pdf": "PDF document (*.pdf)",
    "docx": "Word document (*.docx)", "json": "Stance Reader analysis (*.json)",
    "webannotation": "W3C Web Annotation (*.jsonld)"}


def default_output_path(source: str | Path, fmt: str) -> Path:
    """`<stem>.annotated.<ext>` beside the original."""
    src = Path(source)
    return src.with_name(f"{src.stem}.annotated{EXTENSIONS[fmt]}")


def render_bytes(analysis: Analysis, fmt: str) -> bytes:
    """The export's bytes, without writing anything."""
    if fmt == "json":
        return (analysis.to_json() + "\n").encode("utf-8")
    if fmt == "html":
        from stance_reader.export.html import render
        return render(analysis).encode("utf-8")
    if fmt == "webannotation":
        import json

        from stance_reader.export.webannotation import collection
        return (json.dumps(collection(analysis), ensure_ascii=False, indent=1) + "\n").encode()
    if fmt == "docx":
        from stance_reader.export.docx import render as render_docx
        return render_docx(analysis)
    if fmt == "pdf":
        from stance_reader.export.pdf import render as render_pdf
        return render_pdf(analysis)
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write(analysis: Analysis, fmt: str, out: str | Path, *, force: bool = False,
          inputs: Iterable[str | Path] = ()) -> Path:
    """Write the export to `out`; refuses the original article, every file in `inputs`
    (the files the caller read: a reopened copy, the batch's other inputs) and, without
    force, any existing file. Raises ExportError with a message naming the file."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out)
    protected = [Path(p) for p in inputs]
    if analysis.source.path:
        protected.append(Path(analysis.source.path))
    check_target(target, protected, force=force)
    data = render_bytes(analysis, fmt)
    try:
        return atomic_write_bytes(target, data)
    except WriteFailed as exc:
        raise ExportError(str(exc)) from exc
