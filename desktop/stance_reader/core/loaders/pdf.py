"""PDF documents through pypdfium2 (PDFium, Chrome's PDF engine; Apache-2.0/BSD).

Chosen by measurement over pypdf (see docs/evaluation.md): PDFium gives each character's
box, so lines, gaps and link areas are known, and it opens owner-password PDFs (printing
restrictions; RC4 and AES, decrypted by PDFium itself) as every viewer does. The text is
rebuilt in steps:
1. printed lines per page with boxes, cut between columns, pieces of one line joined
   (`pdf_layout.page_lines`);
2. running headers and footers dropped (`pdf_layout.drop_running_lines`);
3. columns: side columns marked, two columns of prose read down each
   (`pdf_columns.arrange_columns`);
4. blocks rebuilt from gaps, ligatures unfolded, hyphens mended (`pdf_paragraphs.blocks`);
5. the article chosen out of a printed web page's menus, sidebars, banners and comments:
   the densest run of prose blocks (`pdf_article.article_blocks`); the title from the
   metadata (a browser writes the page's title there), byline and date from the lines
   around the article's start (the metadata dates are when the page was printed).
A PDF with no text left (a scan) opens empty with a notice rather than an error.
"""

from __future__ import annotations

import re
import threading

from stance_reader.core.loaders.base import Extracted
from stance_reader.core.loaders.boilerplate import drop_closing_notes
from stance_reader.core.loaders.dates import LEAD_PARAGRAPHS, byline_in_text, date_in_text
from stance_reader.core.loaders.pdf_columns import arrange_columns
from stance_reader.core.loaders.pdf_layout import drop_running_lines, page_lines
from stance_reader.core.loaders.pdf_article import article_blocks
from stance_reader.core.loaders.pdf_paragraphs import blocks
from stance_reader.core.notices import NO_TEXT
from stance_reader.errors import CorruptDocument, EmptyDocument, EncryptedDocument

# PDFium is not thread-safe; loads may run in worker threads.
_LOCK = threading.Lock()
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
MAX_PAGES = 2000


def _open(data: bytes, name: str):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise EncryptedDocument(f"{name} is a password-protected PDF: it needs its "
                                    "password to open; open it elsewhere and save an unprotected copy") from None
        raise CorruptDocument(f"{name} is not a readable PDF ({exc})") from None


def parse(data: bytes, name: str) -> Extracted:
    with _LOCK:
        document = _open(data, name)
        try:
            if len(document) > MAX_PAGES:
                raise CorruptDocument(f"{name} has {len(document)} pages; Stance Reader "
                                      f"opens articles up to {MAX_PAGES} pages")
            pages = [page_lines(document[i], i) for i in range(len(document))]
            meta = document.get_metadata_dict(skip_empty=True)
        except (CorruptDocument, EmptyDocument):
            raise
        except Exception as exc:  # PDFium reports broken pages as various errors
            raise CorruptDocument(f"{name} is not a readable PDF ({type(exc).__name__})") \
                from None
        finally:
            document.close()
    lines = [line for page in drop_running_lines(pages) for line in arrange_columns(page)]
    if not lines:
        # A scan (or a print of one): it opens, empty, with a notice rather than an error,
        # so the reader sees which file it is and why there is nothing to read.
        return Extracted(paragraphs=(), notices=(NO_TEXT,))  # its title is the tool's
    found = blocks(lines)
    chosen = article_blocks(found) or found
    start = found.index(chosen[0]) if chosen else 0
    # Datelines and bylines sit just above the article's first paragraph, or in it.
    lead = [b.text for b in found[max(0, start - LEAD_PARAGRAPHS // 2):start + 2]]
    # CreationDate is when the page was printed, not when the article was published.
    text = drop_closing_notes([b.text for b in chosen])
    return Extracted(paragraphs=tuple(text), title=meta.get("Title"),
                     byline=meta.get("Author") or byline_in_text(lead),
                     date=date_in_text(lead))
