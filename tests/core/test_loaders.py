"""Loaders: every format, encodings, offsets, and every refusal, with clear messages."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance_reader.core.loaders import MAX_BYTES, load, load_bytes
from stance_reader.errors import (
    CorruptDocument, DocumentTooLarge, EmptyDocument, EncryptedDocument, InputError,
    UnsupportedFormat)
from tests.conftest import SAMPLE

ARTICLE = ("Officials met on Monday.\n\n“We will not back down,” Maria Lopez said.\n\n"
           "Critics called the plan “reckless.”")


def minimal_pdf(lines: list[str], encrypt: bool = False) -> bytes:
    """A valid one-page PDF with the given text lines (Helvetica), built by hand."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    from tests.core.pdf_pages import write_pdf

    data = write_pdf(objects)
    if encrypt:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt("secret", algorithm="RC4-128")
        buf = io.BytesIO()
        writer.write(buf)
        data = buf.getvalue()
    return data


def docx_bytes(paragraphs: list[str], title: str | None = None) -> bytes:
    import docx

    d = docx.Document()
    if title:
        d.add_heading(title, level=0)
        d.core_properties.title = title
    d.core_properties.author = "Ann Reporter"
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def epub_bytes(chapters: list[str], drm: bool = False, date: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                   'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                   '<rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/>'
                   '</rootfiles></container>')
        items = "".join(f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
                        for i in range(len(chapters)))
        spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
        z.writestr("OEBPS/book.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                   'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   '<dc:title>The Book</dc:title><dc:creator>A. Writer</dc:creator>'
                   + (f'<dc:date>{date}</dc:date>' if date else '') + '</metadata>'
                   f'<manifest>{items}</manifest><spine>{spine}</spine></package>')
        for i, text in enumerate(chapters):
            z.writestr(f"OEBPS/c{i}.xhtml", f'<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                       f'<p>{text}</p></body></html>')
        if drm:
            z.writestr("META-INF/encryption.xml", '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                       'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                       '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                       '</enc:EncryptedData></encryption>')
    return buf.getvalue()


HTML_PAGE = """<!DOCTYPE html><html><head><title>Minister speaks | Daily News</title>
<meta name="author" content="Ann Reporter"><meta property="article:published_time" content="2024-03-05">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Minister speaks</h1><p>The minister spoke to reporters on Monday about the
budget, which has been debated in parliament for several weeks now.</p>
<p>“We will not back down on this budget, whatever the opposition says,” Maria Lopez said.</p>
<blockquote>“This is a reckless plan that will hurt families,” the opposition leader said.</blockquote>
<p>The vote is expected next week, after a final round of talks between the parties.</p></article>
<footer>© Daily News. All rights reserved.</footer></body></html>"""


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("cp1252", b""),
])
def test_text_encodings_round_trip(encoding: str, bom: bytes) -> None:
    text = ARTICLE if encoding != "latin-1" else ARTICLE.replace("“", '"').replace("”", '"')
    article = load_bytes(bom + text.encode(encoding), "a.txt")
    assert article.text == text
    assert article.format == "txt"


def test_latin1_file() -> None:
    text = "Le ministre a dit: «Nous ne céderons pas.»\n\nÇa suffit."
    assert load_bytes(text.encode("latin-1"), "a.txt").text == text


def test_plain_text_offsets_point_into_the_file(tmp_path: Path) -> None:
    raw = ARTICLE.replace("\n", "\r\n").encode("utf-8")
    f = tmp_path / "crlf.txt"
    f.write_bytes(raw)
    article = load(f)
    assert article.text == raw.decode("utf-8").replace("\r\n", "\n")
    assert [article.text[p.start:p.end] for p in article.paragraphs][1].startswith("“We will")
    assert f.read_bytes() == raw  # the original is never modified


def test_sample_article_is_exactly_the_file() -> None:
    article = load(SAMPLE)
    assert article.text == SAMPLE.read_text(encoding="utf-8")
    assert len(article.sha256) == 64 and article.path == str(SAMPLE.resolve())


def test_markdown_renders_to_plain_text_with_metadata() -> None:
    md = ("---\ntitle: Budget fight\nauthor: Ann Reporter\ndate: 2024-03-05\n---\n"
          "# Budget fight\n\nThe **minister** said: “We will *not* back down.”\n\n"
          "- a [link](http://x) item\n")
    a = load_bytes(md.encode(), "a.md")
    assert (a.title, a.byline, a.date, a.format) == ("Budget fight", "Ann Reporter", "5 March 2024", "md")
    assert "The minister said: “We will not back down.”" in a.text
    assert "**" not in a.text and "](" not in a.text


def test_html_main_text_metadata_and_quotes_survive() -> None:
    a = load_bytes(HTML_PAGE.encode(), "page.html")
    assert a.format == "html"
    assert "Minister speaks" in (a.title or "")
    assert "“We will not back down on this budget, whatever the opposition says,”" in a.text
    assert "“This is a reckless plan that will hurt families,”" in a.text
    assert "All rights reserved" not in a.text and "Home" not in a.text.split()


def test_html_saved_as_txt_is_recognised_from_content() -> None:
    assert load_bytes(HTML_PAGE.encode(), "page.txt").format == "html"


def test_docx_paragraphs_title_and_author() -> None:
    a = load_bytes(docx_bytes(ARTICLE.split("\n\n"), title="Budget fight"), "a.docx")
    assert (a.format, a.title, a.byline) == ("docx", "Budget fight", "Ann Reporter")
    assert "“We will not back down,” Maria Lopez said." in a.text


def test_renamed_docx_is_recognised_from_content() -> None:
    assert load_bytes(docx_bytes(["Hello there."]), "article.txt").format == "docx"


def test_epub_spine_order_and_metadata() -> None:
    a = load_bytes(epub_bytes(["First chapter text.", "“Second,” she said."]), "b.epub")
    assert (a.format, a.title, a.byline) == ("epub", "The Book", "A. Writer")
    assert a.text.index("First chapter") < a.text.index("“Second,”")


def test_pdf_text_paragraphs_and_hyphens() -> None:
    data = minimal_pdf(["The minister spoke to the inter-", "national press on Monday.", "",
                        "\"We will not back down,\" she said."])
    a = load_bytes(data, "a.pdf")
    assert a.format == "pdf"
    assert "international press" in a.text
    assert "\"We will not back down,\" she said." in a.text


@pytest.mark.parametrize("data, name, error, words", [
    (b"", "a.txt", EmptyDocument, "empty"),
    (b"   \n\n  ", "a.txt", EmptyDocument, "empty"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "photo.txt", UnsupportedFormat, "PNG image"),
    (b"\x7fELF\x02\x01" + b"\x00" * 50, "a.md", UnsupportedFormat, "program"),
    (bytes(range(256)) * 8, "a.txt", UnsupportedFormat, "binary"),
    (b"PK\x03\x04" + b"\x00" * 100, "a.docx", CorruptDocument, "not a readable Word"),
    (b"PK\x03\x04junk" * 10, "a.epub", CorruptDocument, "not a readable EPUB"),
    (b"%PDF-1.4\n%garbage\n", "a.pdf", CorruptDocument, "not a readable PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "a.docx", EncryptedDocument, "password"),
])
def test_bad_files_are_refused_clearly(data: bytes, name: str, error: type, words: str) -> None:
    with pytest.raises(error) as info:
        load_bytes(data, name)
    assert name in str(info.value) and words in str(info.value)


def test_encrypted_pdf_and_drm_epub_are_refused() -> None:
    with pytest.raises(EncryptedDocument, match="password-protected PDF"):
        load_bytes(minimal_pdf(["Secret text."], encrypt=True), "s.pdf")
    with pytest.raises(EncryptedDocument, match="DRM"):
        load_bytes(epub_bytes(["x"], drm=True), "d.epub")


def test_pdf_without_text_layer_opens_with_a_notice() -> None:
    article = load_bytes(minimal_pdf([]), "scan.pdf")
    assert article.text == ""
    assert "this PDF has no text (a scan?)" in article.notices[0].message


def test_size_limit_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(DocumentTooLarge, match="big.txt"):
        load(big, max_bytes=1000)
    assert MAX_BYTES == 50_000_000
    with pytest.raises(InputError, match="does not exist"):
        load(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        load(tmp_path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000),
       ext=st.sampled_from([".txt", ".md", ".html", ".docx", ".epub", ".pdf", ".bin", ""]),
       prefix=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]))
def test_any_bytes_give_an_article_or_a_clear_error(data: bytes, ext: str, prefix: bytes) -> None:
    blob = prefix + data
    try:
        first = load_bytes(blob, "x" + ext)
    except InputError as exc:
        assert str(exc)
        return
    assert first.text.strip()
    assert all(0 <= p.start < p.end <= len(first.text) for p in first.paragraphs)
    assert load_bytes(blob, "x" + ext) == first


def test_inline_q_elements_keep_their_quotation_marks() -> None:
    page = ("<html><head><title>T</title></head><body><article><p>The minister spoke to "
            "reporters on Monday about the budget, which has been debated for weeks.</p>"
            "<p>She said <q>we will not <b>back</b> down on this budget</q> and left the room "
            "quickly after the meeting ended in the capital.</p><p>The vote is expected next "
            "week, after a final round of talks between the parties.</p></article></body></html>")
    a = load_bytes(page.encode(), "q.html")
    assert "She said “we will not back down on this budget” and left the room" in a.text
