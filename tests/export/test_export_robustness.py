"""Exports on hostile but valid data: control characters, odd names, the umask."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from stance_reader import export
from stance_reader.core.analysis import Offsets
from stance_reader.errors import ExportError
from tests.crafted import TEXT, small_analysis

CONTROL = "\x00\x01\x08\x0b\x0c\x1b[31m\x7f\x85\ufffe"


def _with_controls():  # type: ignore[no-untyped-def]
    """Control characters in the text (same length, so offsets hold), title and names."""
    text = TEXT.replace("defend", "d\x00f\x0bnd").replace("reporters", "rep\x1b[1mrs")
    a = small_analysis(text=text)
    s1, s2 = a.speakers
    return a.with_changes(title="Title " + CONTROL, byline=CONTROL,
                          speakers=(s1.__class__(s1.id, "Chiu" + CONTROL, s1.kind, (), s1.mentions),
                                    s2))


@pytest.mark.parametrize("fmt", ["docx", "html", "json", "webannotation"])
def test_control_characters_never_break_an_export(fmt: str, tmp_path: Path) -> None:
    out = export.write(_with_controls(), fmt, tmp_path / f"a{export.BY_NAME[fmt].extension}")
    assert out.stat().st_size > 0
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "d\ufffdf\ufffdnd" in text and "Chiu\ufffd" in text


def test_a_file_name_that_is_not_utf8_is_written_readably(tmp_path: Path) -> None:
    odd = os.fsdecode(b"caf\xe9 \xff.txt")  # Latin-1 bytes in a Linux file name
    a = small_analysis().with_changes(title=None)
    a = a.with_changes(source=a.source.__class__(str(tmp_path / odd), a.source.sha256, "txt"))
    for fmt in ("json", "html", "webannotation", "docx"):
        out = export.write(a, fmt, tmp_path / f"out{export.BY_NAME[fmt].extension}")
        if fmt != "docx":
            out.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    assert "caf\ufffd \ufffd.txt" in json.loads((tmp_path / "out.json").read_text())["source"]["path"]
    bytes_name = tmp_path / os.fsdecode(b"\xff\xfe copy.json")
    export.write(a, "json", bytes_name)
    assert os.fsencode(bytes_name.name) in os.listdir(os.fsencode(tmp_path))


def test_a_name_too_long_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="too long a file name"):
        export.write(small_analysis(), "json", tmp_path / ("n" * 300 + ".json"))
    long_ok = tmp_path / ("n" * 240 + ".json")  # valid, though the temp name is longer
    assert export.write(small_analysis(), "json", long_ok).exists()


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_exports_honour_the_umask(mask: int, tmp_path: Path) -> None:
    old = os.umask(mask)
    try:
        out = export.write(small_analysis(), "html", tmp_path / "a.html")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_replacing_a_copy_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    out.write_text("{}")
    out.chmod(0o640)
    export.write(small_analysis(), "json", out, force=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_many_nested_mentions_export(tmp_path: Path) -> None:
    """Mentions inside mentions (a name within a longer name) are dropped once each."""
    a = small_analysis()
    s1, s2 = a.speakers
    inner = tuple(Offsets(0, n) for n in range(4, 15))
    a = a.with_changes(speakers=(s1.__class__(s1.id, s1.name, s1.kind, (), inner), s2))
    html = export.render_bytes(a, "html").decode()
    assert html.count('class="l-speaker_names ') == 1 + 2  # the longest of s1's; s2's two
