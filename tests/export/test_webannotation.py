"""W3C Web Annotation: one annotation per quotation and reported span, selectors that find
the words again, and a person named as creator of what they corrected."""

from __future__ import annotations

from stance_reader.core import corrections
from stance_reader.export.webannotation import collection


def test_every_quote_and_reported_span_is_annotated_in_text_order(small) -> None:  # type: ignore[no-untyped-def]
    data = collection(small)
    items = data["first"]["items"]
    assert data["type"] == "AnnotationCollection" and data["total"] == len(items) == 4
    starts = [a["target"]["selector"][1]["start"] for a in items]
    assert starts == sorted(starts)
    for a in items:
        quote_sel, position = a["target"]["selector"]
        assert small.text[position["start"]:position["end"]] == quote_sel["exact"]
        assert small.text[:position["start"]].endswith(quote_sel["prefix"])
    assert data["first"]["items"][0]["target"]["source"] == f"urn:sha256:{small.source.sha256}"


def test_bodies_name_speaker_tone_kind_and_cue(small) -> None:  # type: ignore[no-untyped-def]
    first = collection(small)["first"]["items"][0]
    bodies = {b["purpose"]: b for b in first["body"]}
    assert bodies["identifying"]["value"] == "Ann"
    assert bodies["classifying"] == {"type": "TextualBody", "purpose": "classifying",
                                     "format": "text/plain", "value": "tone: positive",
                                     "score": 0.6}
    assert bodies["tagging"]["value"] == "direct quotation"
    assert bodies["describing"]["value"] == "cue: said"
    term = next(a for a in collection(small)["first"]["items"] if a["id"].endswith(":q3"))
    assert "identifying" not in {b["purpose"] for b in term["body"]}


def test_a_corrected_annotation_is_created_by_a_person(small) -> None:  # type: ignore[no-untyped-def]
    fixed = corrections.set_tone(small, "q2", "positive", at="2026-11-26T10:00:00+00:00")
    items = {a["id"].rsplit(":", 1)[1]: a for a in collection(fixed)["first"]["items"]}
    assert items["q2"]["creator"] == {"type": "Person", "name": "reader"}
    assert items["q2"]["modified"] == "2026-11-26T10:00:00+00:00"
    assert items["q1"]["creator"]["type"] == "Software" and "modified" not in items["q1"]
