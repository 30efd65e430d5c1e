"""Word documents (.docx) through python-docx: paragraphs in order, title and author."""

from __future__ import annotations

import io
import zipfile

from stance_reader.core.loaders.archive import open_checked
from stance_reader.core.loaders.base import Extracted
from stance_reader.core.loaders.dates import byline_in_text, date_in_text
from stance_reader.errors import CorruptDocument


def parse(data: bytes, name: str) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    open_checked(data, name, "Word document").close()  # zip bombs refused before reading
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise CorruptDocument(f"{name} is not a readable Word document ({exc})") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on broken parts
        raise CorruptDocument(f"{name} is not a readable Word document "
                              f"({type(exc).__name__})") from None
    paragraphs: list[str] = []
    title = None
    for p in document.paragraphs:
        text = p.text
        if not text.strip():
            continue
        style = (p.style.name if p.style is not None else "") or ""
        if title is None and style in ("Title", "Heading 1"):
            title = text.strip()
        paragraphs.append(text)
    props = document.core_properties
    # The file's created/modified times are when it was saved or converted, not when the
    # article was published: the date is the one written near the top of the text.
    return Extracted(paragraphs=tuple(paragraphs), title=props.title or title,
                     byline=props.author or byline_in_text(paragraphs),
                     date=date_in_text(paragraphs))
