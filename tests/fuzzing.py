"""Loader fuzzing shared by the bounded CI tests (tests/core/test_fuzz_loaders.py) and the
long run on demand (scripts/fuzz_loaders.py): valid seed files of every format, and
mutations of them (bytes flipped, cut, repeated, spliced; inside ZIP members too).

An outcome is "ok" (an article or an analysis), "refused" (a typed StanceReaderError with
a message), or a crash (anything else, returned as its traceback)."""

from __future__ import annotations

import io
import random
import traceback
import zipfile
from typing import Callable

from stance_reader.errors import StanceReaderError

ARTICLE = ("Budget talks\n\nOfficials met on Monday.\n\n“We will not back down,” Maria Lopez "
           "said. “This plan protects families,” she added.\n\nCritics called the plan "
           "“reckless.” Jon Park, a senator, said it would fail.\n")
MARKDOWN = ("---\ntitle: Budget talks\nauthor: Ann Reporter\n---\n# Budget talks\n\n"
            "“We will not back down,” *Maria Lopez* said.\n\n> “Reckless,” critics said.\n\n"
            "- a list item\n- `code`\n")
FORMATS = ("txt", "md", "html", "docx", "epub", "pdf", "annotated.html", "annotated.json")
INTERESTING = (b"\x00", b"\xff", b"\"", b"\xe2\x80\x9c", b"<", b">", b"</p>", b"<div>" * 300,
               b"&#0;", b"\x1b[31m", b"\r", b"\n\n", b"PK\x03\x04", b"%PDF-", b"\xef\xbb\xbf",
               b"9" * 400, b"NaN", b"1e999", b"[" * 2000, b"{\"a\":", b"\\u0000")


def seeds(annotated: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """A valid file of each format; `annotated` adds our own copies (html, json)."""
    from tests.core.test_loaders import HTML_PAGE, docx_bytes, epub_bytes, minimal_pdf

    paragraphs = [p for p in ARTICLE.split("\n\n") if p.strip()]
    out = {"txt": ARTICLE.encode(), "md": MARKDOWN.encode(), "html": HTML_PAGE.encode(),
           "docx": docx_bytes(paragraphs, title="Budget talks"),
           "epub": epub_bytes(paragraphs),
           "pdf": minimal_pdf([p.replace("“", "\"").replace("”", "\"") for p in paragraphs])}
    for kind, data in (annotated or {}).items():
        out[f"annotated.{kind}"] = data
    return out


def annotated_copies(analysis) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    from stance_reader import export

    return {"html": export.render_bytes(analysis, "html"),
            "json": export.render_bytes(analysis, "json")}


def _mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        op = rnd.randrange(6)
        at = rnd.randrange(len(buf) + 1)
        if op == 0 and buf:  # flip bytes
            for _ in range(rnd.randint(1, 8)):
                i = rnd.randrange(len(buf))
                buf[i] = rnd.randrange(256)
        elif op == 1:  # cut
            del buf[at:at + rnd.randint(1, max(1, len(buf) // 4))]
        elif op == 2:  # insert something known to upset parsers
            buf[at:at] = rnd.choice(INTERESTING)
        elif op == 3 and buf:  # repeat a slice
            end = min(len(buf), at + rnd.randint(1, 200))
            buf[at:at] = bytes(buf[at:end]) * rnd.randint(2, 50)
        elif op == 4:  # random bytes
            buf[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 64)))
        else:  # truncate
            del buf[at:]
    return bytes(buf)


def _mutate_zip_member(data: bytes, rnd: random.Random) -> bytes:
    """Mutate one member inside the archive and zip it again (the CRC stays right, so the
    mutation reaches the XML parsers)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = [(i, z.read(i)) for i in z.infolist()]
    pick = rnd.randrange(len(members))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, (info, body) in enumerate(members):
            z.writestr(info.filename, _mutate_bytes(body, rnd) if n == pick else body)
    return out.getvalue()


def mutate(kind: str, data: bytes, rnd: random.Random) -> bytes:
    if kind in ("docx", "epub") and rnd.random() < 0.7:
        return _mutate_zip_member(data, rnd)
    return _mutate_bytes(data, rnd)


def load_any(kind: str, data: bytes, folder) -> str:  # type: ignore[no-untyped-def]
    """Open `data` as the app does (`DocumentService.load`: an annotated copy first, then
    the loaders): "ok", "refused", or the traceback of a crash."""
    from stance_reader.documents import DocumentService
    from stance_reader.store.history import NullHistory

    path = folder / f"fuzzed.{kind.split('.')[-1]}"
    path.write_bytes(data)
    try:
        DocumentService(NullHistory()).load(path)
        return "ok"
    except StanceReaderError as exc:
        return "refused" if str(exc) else "crash: empty message"
    except Exception:  # noqa: BLE001 - a crash is what the fuzzing looks for
        return "crash: " + traceback.format_exc(limit=-6)


Outcome = Callable[[str, bytes], str]
