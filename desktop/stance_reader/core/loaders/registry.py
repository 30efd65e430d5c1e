"""The format registry: extension and content sniffing → the loader module to use.

Every file opened may be hostile; the limits, each refused with a typed `InputError`
naming the file (docs/reliability.md says how each is tested):
- only regular files are opened, without blocking (FIFOs, devices, sockets, folders are
  refused), and never more than `MAX_BYTES` (50 MB) + 1 bytes are read, the size being
  checked on the opened file (`files.read_regular_file`); a file that changes while it is
  read is refused (FileChanged);
- DOCX and EPUB: the ZIP directory is checked before extraction (`archive.ZipLimits`: at
  most 10,000 entries, 100 MB uncompressed in all, 32 MB per entry, a compression ratio
  of 200 for entries over 1 MB), and zipfile never reads past an entry's declared size;
- HTML (and EPUB chapters) nested deeper than libxml2's 256 levels, or with a text node
  over its 10 MB limit, is refused rather than read as an empty page;
- control characters become a space or a newline, one for one (`base.normalise_controls`);
- paragraphs over 100,000 characters are parsed in pieces (`core.nlp.pipe_bounded`);
- the window gives a load 60 s (`core.timelimit`) and our annotated copies 100 MB
  (`documents.annotated.MAX_COPY_BYTES`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import Callable

from stance_reader.core.article import Article, content_sha256
from stance_reader.core.loaders import docx, epub, html, markdown, pdf, plain
from stance_reader.core.loaders.base import Extracted, to_article
from stance_reader.core.loaders.text import decode_text, looks_like_html
from stance_reader.errors import (
    CorruptDocument, DocumentTooLarge, EmptyDocument, EncryptedDocument, InputError,
    UnsupportedFormat)

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1000 * 1000


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    label: str
    extensions: tuple[str, ...]
    parse: Callable[[bytes, str], Extracted]


FORMATS: tuple[Format, ...] = (
    Format("txt", "Plain text", (".txt", ".text"), plain.parse),
    Format("md", "Markdown", (".md", ".markdown"), markdown.parse),
    Format("html", "Web pages", (".html", ".htm", ".xhtml"), html.parse),
    Format("docx", "Word documents", (".docx",), docx.parse),
    Format("epub", "EPUB books", (".epub",), epub.parse),
    Format("pdf", "PDF documents", (".pdf",), pdf.parse),
)
BY_NAME = {f.name: f for f in FORMATS}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(e for f in FORMATS for e in f.extensions)
FILE_DIALOG_FILTERS: list[tuple[str, list[str]]] = [
    ("All supported articles", [f"*{e}" for e in SUPPORTED_EXTENSIONS]),
    *[(f.label, [f"*{e}" for e in f.extensions]) for f in FORMATS],
]

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"\x7fELF": "a program", b"MZ": "a Windows program", b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7-Zip archive", b"OggS": "an audio file",
    b"ID3": "an MP3 file", b"RIFF": "a media file", b"%!PS": "a PostScript file",
    b"{\\rtf": "an RTF document",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, name: str) -> str:
    """The format name for `data`, from content first, then the extension."""
    ext = PurePath(name).suffix.lower()
    head = data[:16]
    if head.startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and ext == ".pdf"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in data[:100] or ext == ".epub":
            return "epub"
        if b"word/" in data[:200_000] or ext == ".docx":
            return "docx"
        if b"META-INF/container.xml" in data[:200_000]:
            return "epub"
        raise UnsupportedFormat(f"{name} is a ZIP archive, not a Word document or EPUB book")
    if head.startswith(_OLE):
        if ext in (".docx", ".doc"):
            raise EncryptedDocument(
                f"{name} is a password-protected Word document or an old .doc file; "
                "remove the password or save it as .docx first")
        raise UnsupportedFormat(f"{name} is an Office binary file (.doc/.xls/.ppt); "
                                "save it as .docx first")
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormat(f"{name} is {what}, not an article")
    # Anything else, even a file claiming a container format (.docx, .epub, .pdf) that
    # holds something else, is read as text if it is text.
    return "text"


def load_bytes(data: bytes, name: str, *, path: str | None = None,
               max_bytes: int = MAX_BYTES) -> Article:
    """Load an article from its bytes; `name` (a file name) is used for messages and sniffing."""
    if len(data) > max_bytes:
        raise DocumentTooLarge(f"{name} is {len(data) / 1e6:.1f} MB; Stance Reader opens "
                               f"articles up to {max_bytes / 1e6:.0f} MB", path)
    if not data.strip():
        raise EmptyDocument(f"{name} is empty", path)
    try:
        kind = sniff(data, name)
        if kind == "text":
            ext = PurePath(name).suffix.lower()
            if ext in BY_NAME["html"].extensions:  # may open with <style> or a bare <div>
                kind, extracted = "html", html.parse(data, name)
            elif looks_like_html(text := decode_text(data, name)):
                kind, extracted = "html", html.parse_text(text, name)
            elif ext in (".md", ".markdown"):
                kind, extracted = "md", markdown.parse_text(text, name)
            else:
                kind, extracted = "txt", plain.parse_text(text, name)
        else:
            extracted = BY_NAME[kind].parse(data, name)
    except InputError as exc:
        exc.path = exc.path or path
        raise
    except Exception as exc:
        # The parsers (python-docx, pypdf, lxml, zipfile, trafilatura) raise many kinds
        # on crafted files, some outside what each format module expects (fuzzing found
        # AttributeError in python-docx's core properties, NotImplementedError in
        # zipfile): the file is refused as corrupt, the traceback kept in the log.
        log.warning("%s could not be parsed", name, exc_info=True)
        raise CorruptDocument(f"{name} is damaged or not what its name says "
                              f"({type(exc).__name__})", path) from None
    return to_article(extracted, kind, content_sha256(data), path, name)
