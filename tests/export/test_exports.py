"""Exports: round trips, formats other tools read, and never harming the original."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from stance_reader import export
from stance_reader.core.analysis import Analysis
from stance_reader.documents.annotated import read_annotated
from stance_reader.errors import AnalysisFileError, ExportError
from stance_reader.presentation.voices import analysis_colors

pytestmark = pytest.mark.model


def test_html_round_trip_restores_the_analysis_exactly(corrected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = export.write(corrected, "html", tmp_path / "a.annotated.html")
    html = out.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "<script src" not in html and "<link" not in html
    back = read_annotated(out)
    assert back is not None and back.corrections
    assert back.with_changes(source=corrected.source) == corrected
    _identity_is_the_copy(back, out)


def _identity_is_the_copy(back: Analysis, copy: Path) -> None:
    """A reopened copy is known by the text it carries, never by the hash it claims."""
    assert back.source.sha256 == hashlib.sha256(back.text.encode("utf-8")).hexdigest()
    assert back.source.sha256 != hashlib.sha256(copy.read_bytes()).hexdigest()


def test_json_round_trip(corrected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = export.write(corrected, "json", tmp_path / "a.json")
    assert Analysis.from_json(out.read_text(encoding="utf-8")) == corrected
    back = read_annotated(out)
    assert back is not None and back.with_changes(source=corrected.source) == corrected
    _identity_is_the_copy(back, out)


def test_damaged_embedded_analysis_is_a_clear_error(corrected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = export.write(corrected, "html", tmp_path / "a.html")
    text = out.read_text(encoding="utf-8").replace('"schema_version": 1', '"schema_version": 99')
    out.write_text(text, encoding="utf-8")
    with pytest.raises(AnalysisFileError, match="not supported"):
        read_annotated(out)


def _check_web_annotation(doc: dict) -> None:  # type: ignore[type-arg]
    """Required keys and types of the W3C Web Annotation Data Model."""
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and isinstance(doc["id"], str)
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and isinstance(page["items"], list)
    assert doc["total"] == len(page["items"])
    for a in page["items"]:
        assert a["type"] == "Annotation" and isinstance(a["id"], str) and ":" in a["id"]
        assert isinstance(a["body"], list) and a["body"]
        for body in a["body"]:
            assert body["type"] == "TextualBody" and isinstance(body["value"], str)
            assert body["purpose"] in {"identifying", "classifying", "tagging", "describing"}
        target = a["target"]
        assert isinstance(target["source"], str)
        kinds = {s["type"]: s for s in target["selector"]}
        assert isinstance(kinds["TextQuoteSelector"]["exact"], str)
        pos = kinds["TextPositionSelector"]
        assert isinstance(pos["start"], int) and isinstance(pos["end"], int)
        assert a["creator"]["type"] in {"Person", "Software"}
        assert a["generator"]["type"] == "Software"


def test_web_annotation_follows_the_w3c_model(corrected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = export.write(corrected, "webannotation", tmp_path / "a.webanno.jsonld")
    doc = json.loads(out.read_text(encoding="utf-8"))
    _check_web_annotation(doc)
    items = doc["first"]["items"]
    assert len(items) == len(corrected.quotes) + len(corrected.reported)
    for a in items:
        sel = {s["type"]: s for s in a["target"]["selector"]}
        start, end = sel["TextPositionSelector"]["start"], sel["TextPositionSelector"]["end"]
        assert corrected.text[start:end] == sel["TextQuoteSelector"]["exact"]
    people = [a for a in items if a["creator"]["type"] == "Person"]
    assert len(people) == 1  # the corrected term


def test_docx_reopens_with_speaker_shading(corrected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    out = export.write(corrected, "docx", tmp_path / "a.docx")
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "“The country must rely on itself" in text
    fills = {el.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill")
             for el in d.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")}
    colors = analysis_colors(corrected)
    for q in corrected.quotes:
        if q.speaker:
            assert colors[q.speaker].light.lstrip("#").upper() in fills


def _read_ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    parts = data.split(b"\n", 3)
    width, height = (int(x) for x in parts[1].split())
    return width, height, parts[3]


@pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftoppm"),
                    reason="poppler-utils not installed")
def test_pdf_text_and_speaker_colours(corrected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = export.write(corrected, "pdf", tmp_path / "a.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = " ".join(text.split())
    for para in corrected.paragraphs:
        snippet = " ".join(corrected.text[para.start:para.end].split()[:6])
        assert snippet in words
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "2", str(out), str(tmp_path / "p")],
                   check=True)
    pixels = set()
    for page in sorted(tmp_path.glob("p-*.ppm")):
        w, h, raw = _read_ppm(page)
        pixels |= {raw[i:i + 3] for i in range(0, len(raw), 3)}
    colors = analysis_colors(corrected)
    for s in corrected.speakers:
        rgb = bytes.fromhex(colors[s.id].light.lstrip("#"))
        assert any(sum(abs(a - b) for a, b in zip(rgb, p)) <= 12 for p in pixels), s.name


def test_default_name_force_and_the_original_is_never_touched(corrected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original = tmp_path / "story.txt"
    original.write_text(corrected.text, encoding="utf-8")
    before = original.read_bytes()
    analysis = corrected.with_changes(source=corrected.source.__class__(
        str(original), corrected.source.sha256, "txt"))
    assert export.default_output_path(original, "html") == tmp_path / "story.annotated.html"
    out = export.write(analysis, "html", export.default_output_path(original, "html"))
    with pytest.raises(ExportError, match="already exists"):
        export.write(analysis, "html", out)
    export.write(analysis, "html", out, force=True)
    with pytest.raises(ExportError, match="never overwrites an input"):
        export.write(analysis, "json", original, force=True)
    assert original.read_bytes() == before


def test_failed_export_leaves_nothing(corrected, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("stance_reader.fileio.os.fsync", boom)
    with pytest.raises(ExportError, match="disk is full"):
        export.write(corrected, "json", tmp_path / "x.json")
    assert list(tmp_path.iterdir()) == []
