"""Crafted hostile files, generated on demand (never committed): zip bombs, lying zip
directories, pages nested too deep, huge sparse "annotated copies"."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from tests.core.test_loaders import docx_bytes

_PARAGRAPH = b"<w:p><w:r><w:t>He said it.</w:t></w:r></w:p>"


def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(["A small honest paragraph."]))) as z:
        return {name: z.read(name) for name in z.namelist()}


def zip_bomb_docx(path: Path, expanded_bytes: int) -> Path:
    """A DOCX whose document.xml expands to `expanded_bytes` of repeated paragraphs."""
    parts = _docx_parts()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in parts.items():
            if name != "word/document.xml":
                z.writestr(name, data)
        block = _PARAGRAPH * ((1 << 20) // len(_PARAGRAPH))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                     b'wordprocessingml/2006/main"><w:body>')
            written = 0
            while written < expanded_bytes:
                fh.write(block)
                written += len(block)
            fh.write(b"</w:body></w:document>")
    return path


def many_entries_docx(count: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in _docx_parts().items():
            z.writestr(name, data)
        for i in range(count):
            z.writestr(f"extra/item{i}.xml", b"")
    return buf.getvalue()


def lying_docx(expanded_bytes: int, declared: int = 4096) -> bytes:
    """A DOCX whose zip directory says document.xml is `declared` bytes when its data
    expands to `expanded_bytes`: the sizes checked before reading are not the real ones."""
    parts = _docx_parts()
    parts["word/document.xml"] = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                  b'wordprocessingml/2006/main"><w:body>'
                                  + _PARAGRAPH * (expanded_bytes // len(_PARAGRAPH))
                                  + b"</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    data = bytearray(buf.getvalue())
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        pos = data.find(signature)
        while pos >= 0:
            name_at = pos + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, pos + size_at, declared)
            pos = data.find(signature, pos + 4)
    return bytes(data)


def deep_html(depth: int) -> str:
    return ("<html><head><title>Deep</title></head><body>" + "<div>" * depth
            + "<p>“We will not back down on this budget,” Maria Lopez said on Monday.</p>"
            + "</div>" * depth + "</body></html>")


def sparse_annotated(path: Path, size: int) -> Path:
    """A file of `size` bytes (sparse: no disk used) that starts like our annotated copy."""
    with path.open("wb") as fh:
        fh.write(b"<!DOCTYPE html><html><head><meta name=\"generator\" content=\"Stance Reader\">"
                 b'<script type="application/json" id="stance-reader-analysis">{"schema": ')
        fh.truncate(size)
    return path
