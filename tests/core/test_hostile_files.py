"""Hostile files (issue #11, problems 5 and 6): pipes, devices, sockets, zip bombs, pages
nested too deep, control characters, files that change while they are read."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
from pathlib import Path

import pytest

from stance_reader.core.loaders import files, load, load_bytes
from stance_reader.core.loaders.archive import ZipLimits, open_checked
from stance_reader.errors import CorruptDocument, DocumentTooLarge, InputError, StanceReaderError
from stance_reader.documents.annotated import read_annotated
from tests.core.hostile import deep_html, lying_docx, many_entries_docx, zip_bomb_docx
from tests.core.test_loaders import ARTICLE, HTML_PAGE, docx_bytes, epub_bytes

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")


def _finishes(fn, seconds: float = 5.0) -> BaseException | None:  # type: ignore[no-untyped-def]
    """Run `fn` in a thread; the exception it raised, failing the test if it blocks."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            fn()
            outcome.append(None)
        except BaseException as exc:  # returned to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still blocked after {seconds} s"
    return outcome[0]


@needs_posix
@pytest.mark.parametrize("name", ["session.txt", "copy.html", "copy.json"])
def test_a_fifo_is_refused_at_once(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    try:
        exc = _finishes(lambda: read_annotated(fifo) or load(fifo))
    finally:  # release a reader blocked by an older loader, so the thread can end
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    assert isinstance(exc, InputError) and "named pipe" in str(exc) and name in str(exc)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_without_reading_it() -> None:
    exc = _finishes(lambda: load("/dev/zero"))
    assert isinstance(exc, InputError) and "a device" in str(exc)


@needs_posix
def test_a_socket_and_a_folder_are_refused(tmp_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="sr-"))  # short: socket paths are limited
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "s.txt"))
        with pytest.raises(files.NotAFile, match="socket"):
            load(folder / "s.txt")
    finally:
        server.close()
        (folder / "s.txt").unlink(missing_ok=True)
        folder.rmdir()
    with pytest.raises(files.NotAFile, match="folder"):
        load(tmp_path)


def test_reads_stop_one_byte_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    """A regular file whose size says 0 (as /proc files do) is still read no further than
    the limit allows."""
    big = tmp_path / "grows.txt"
    big.write_bytes(b"word " * 100_000)
    real_fstat, read = os.fstat, []
    real_read = os.read

    def fstat_says_empty(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 0, *st[7:]))

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(files.os, "fstat", fstat_says_empty)
    monkeypatch.setattr(files.os, "read", counting_read)
    with pytest.raises(DocumentTooLarge, match="grows.txt"):
        load(big, max_bytes=10_000)
    assert sum(read) == 10_001


def test_a_file_changed_while_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    real_read = os.read

    appended: list[bool] = []

    def read_then_append(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        if not appended:
            appended.append(True)
            with article.open("ab") as fh:
                fh.write(b" More text appended by another program.")
        return data

    monkeypatch.setattr(files.os, "read", read_then_append)
    with pytest.raises(files.FileChanged, match="changed while it was being read"):
        load(article)


def test_a_file_deleted_and_replaced_during_loading_gives_typed_errors(tmp_path: Path) -> None:
    """Another program deletes and recreates the file while it is opened, over and over:
    every attempt loads it or says why not, never an untyped error."""
    source = tmp_path / "copy.html"
    source.write_text(HTML_PAGE.replace("<head>", '<head><meta name="generator" '
                                        'content="Stance Reader">'), encoding="utf-8")
    target = tmp_path / "target.html"
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            try:
                os.link(source, target)
                os.unlink(target)
            except OSError:
                pass

    churner = threading.Thread(target=churn, daemon=True)
    churner.start()
    outcomes: set[str] = set()
    try:
        for _ in range(300):
            try:
                read_annotated(target) or load(target)
                outcomes.add("loaded")
            except StanceReaderError:
                outcomes.add("refused")
    finally:
        stop.set()
        churner.join()
    assert outcomes  # nothing else escaped


def test_zip_bomb_docx_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = zip_bomb_docx(tmp_path / "bomb.docx", 120 * 1000 * 1000)
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(DocumentTooLarge, match="bomb.docx"):
        load(bomb)


def test_lying_zip_directory_is_caught_while_reading() -> None:
    """The directory says 4 KB, the data expands to 20 MB: zipfile stops at the declared
    size and the CRC check fails, so the document is refused as corrupt."""
    data = lying_docx(20 * 1000 * 1000)
    open_checked(data, "liar.docx", "Word document").close()  # the directory looks fine
    with pytest.raises(CorruptDocument, match="liar.docx"):
        load_bytes(data, "liar.docx")


def test_too_many_entries_and_limits_are_named(tmp_path: Path) -> None:
    with pytest.raises(DocumentTooLarge, match="holds 10,0"):
        load_bytes(many_entries_docx(10_001), "many.docx")
    small = ZipLimits(max_total_bytes=1000)
    with pytest.raises(DocumentTooLarge, match="expands to"):
        open_checked(epub_bytes(["x" * 2000]), "b.epub", "EPUB book", small)
    assert load_bytes(docx_bytes([ARTICLE]), "fine.docx").text.startswith("Officials")


@pytest.mark.parametrize("wrap", [lambda page: page.encode(), lambda page: epub_bytes([page])])
def test_html_nested_too_deep_is_refused_not_emptied(wrap) -> None:  # type: ignore[no-untyped-def]
    name = "deep.html"
    data = wrap(deep_html(300))
    if not data.startswith(b"<html"):
        name = "deep.epub"
    with pytest.raises(CorruptDocument, match="levels deep"):
        load_bytes(data, name)
    shallow = load_bytes(deep_html(200).encode(), "shallow.html")
    assert "Maria Lopez said" in shallow.text


CONTROLS = "".join(chr(c) for c in (*range(1, 9), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f, 0x85,
                                    0x9b, 0xfffe))
FILLER = " The budget was debated in parliament for several weeks." * 80


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx", "epub"])
def test_control_characters_are_normalised_at_load_time(fmt: str) -> None:
    dirty = f"Officials{CONTROLS} met on Monday.\x1b[31m “We will,” she said.\x07{FILLER}"
    xml_safe = "".join(c for c in dirty if c in "\t\n" or ord(c) >= 0x20 and c != "\ufffe")
    data = {"txt": dirty.encode(), "md": dirty.encode(),
            "html": f"<html><body><p>{dirty}</p></body></html>".encode(),
            "docx": docx_bytes([xml_safe.replace("\x7f", "\x85")]),
            "epub": epub_bytes([dirty])}[fmt]
    article = load_bytes(data, f"dirty.{fmt}")
    bad = [c for c in article.text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0
           or c in "\ufffe\uffff"]
    assert not bad, bad
    assert "met on Monday." in article.text and "We will" in article.text
    if fmt == "txt":
        assert len(article.text) == len(dirty)  # offsets still point into the file


def _with_member(data: bytes, name: str, body: bytes) -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            z.writestr(info.filename, body if info.filename == name else source.read(info))
    return out.getvalue()


def test_what_the_long_fuzzing_run_found_is_refused_as_corrupt() -> None:
    """scripts/fuzz_loaders.py found python-docx raising AttributeError on a core
    properties part with another root element, and zipfile NotImplementedError on an
    unknown 'version needed to extract'."""
    import struct

    from stance_reader.core.loaders import docx as docx_loader

    odd_core = _with_member(docx_bytes([ARTICLE]), "docProps/core.xml", b"<x/>")
    with pytest.raises(AttributeError):
        docx_loader.parse(odd_core, "odd.docx")  # what a format module alone does
    with pytest.raises(CorruptDocument, match="odd.docx"):
        load_bytes(odd_core, "odd.docx")
    data = bytearray(epub_bytes([ARTICLE]))
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 189)  # "zip file version 18.9"
    with pytest.raises(CorruptDocument, match="future.epub"):
        load_bytes(bytes(data), "future.epub")
