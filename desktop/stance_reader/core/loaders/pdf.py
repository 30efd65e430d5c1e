"""PDF through pypdf: text page by page, lines joined into paragraphs, hyphens mended."""

from __future__ import annotations

import io
import logging
import re

from stance_reader.core.loaders.base import Extracted
from stance_reader.errors import CorruptDocument, EmptyDocument, EncryptedDocument

_END = re.compile(r"[.!?:\"”’)]$")


def _paragraphs(page_text: str) -> list[str]:
    lines = [line.rstrip() for line in page_text.splitlines()]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    buf = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if buf:
                out.append(buf)
            buf = ""
            continue
        if not buf:
            buf = stripped
        elif re.search(r"[A-Za-z]-$", buf) and stripped[:1].islower():
            buf = buf[:-1] + stripped  # "inter-\nnational" → "international"
        else:
            buf = f"{buf} {stripped}"
        # A short line that ends a sentence ends its paragraph.
        if _END.search(stripped) and len(line) < 0.75 * width:
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def parse(data: bytes, name: str) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))
            except Exception:  # unsupported encryption algorithms raise various errors
                ok = False
            if not ok:
                raise EncryptedDocument(f"{name} is a password-protected PDF; open it with "
                                        "its password elsewhere and save an unprotected copy")
        paragraphs: list[str] = []
        for page in reader.pages:
            paragraphs.extend(_paragraphs(page.extract_text() or ""))
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
    except (EncryptedDocument, EmptyDocument):
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError, IndexError, ZeroDivisionError, AssertionError) as exc:
        raise CorruptDocument(f"{name} is not a readable PDF ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf has no single error base for broken files
        raise CorruptDocument(f"{name} is not a readable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in paragraphs):
        raise EmptyDocument(f"{name} has no text layer (a scanned PDF?); Stance Reader needs "
                            "selectable text")
    return Extracted(paragraphs=tuple(paragraphs), title=title, byline=author)
