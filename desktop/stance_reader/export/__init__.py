"""Annotated copies of an analysed article: HTML, PDF, Word, JSON, W3C Web Annotation.

    write(analysis, fmt, out, force=False)   render_bytes(analysis, fmt)
    default_output_path(source, fmt)         reopen.read_annotated(path)

The original article is never written to; an existing file is replaced only with
`force`; writes are atomic, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

from pathlib import Path

from stance_reader.core.analysis import Analysis
from stance_reader.errors import ExportError
from stance_reader.fileio import WriteFailed, atomic_write_bytes

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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def write(analysis: Analysis, fmt: str, out: str | Path, *, force: bool = False) -> Path:
    """Write the export to `out`; refuses the original article and, without force, any
    existing file. Raises ExportError with a message naming the file."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out)
    if analysis.source.path and _same_file(target, Path(analysis.source.path)):
        raise ExportError(f"{target} is the original article; Stance Reader never "
                          "overwrites it: choose another name")
    if target.exists() and not force:
        raise ExportError(f"{target} already exists; use --force to replace it")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name")
    data = render_bytes(analysis, fmt)
    try:
        return atomic_write_bytes(target, data)
    except WriteFailed as exc:
        raise ExportError(str(exc)) from exc
