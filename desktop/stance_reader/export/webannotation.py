"""W3C Web Annotation (JSON-LD): one annotation per quotation and reported span.

Each annotation targets the article by TextQuoteSelector and TextPositionSelector; its
bodies name the speaker (purpose "identifying"), the tone ("classifying") and the kind
("tagging"). The software is the generator; a person's corrections make a Person the
creator of the annotation they touched, so other tools can tell them apart.
"""

from __future__ import annotations

from typing import Any

from stance_reader import __version__
from stance_reader.core.analysis import Analysis, Quote, ReportedSpan, Speaker

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
HOMEPAGE = "https://github.com/stance-reader/stance-reader"
GENERATOR = {"id": HOMEPAGE, "type": "Software", "name": "Stance Reader",
             "homepage": HOMEPAGE, "version": __version__}


def _source(analysis: Analysis) -> str:
    if analysis.source.path:
        from pathlib import Path

        try:
            return Path(analysis.source.path).resolve().as_uri()
        except (OSError, RuntimeError, ValueError):  # a path no file system has
            pass
    return f"urn:sha256:{analysis.source.sha256}"


def _annotation(analysis: Analysis, item: Quote | ReportedSpan, source: str,
                speakers: dict[str, Speaker], modified: dict[str, str]) -> dict[str, Any]:
    text = analysis.text
    kind = getattr(item, "kind", "reported")
    speaker = speakers.get(item.speaker or "")
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "format": "text/plain",
         "value": {"direct": "direct quotation", "partial": "partial quotation",
                   "term": "term", "reported": "reported speech"}[kind]},
        {"type": "TextualBody", "purpose": "classifying", "format": "text/plain",
         "value": f"tone: {item.tone.label}", "score": item.tone.compound},
    ]
    if speaker is not None:
        bodies.insert(0, {"type": "TextualBody", "purpose": "identifying", "format": "text/plain",
                          "value": speaker.name, "speakerKind": speaker.kind})
    if item.cue is not None:
        bodies.append({"type": "TextualBody", "purpose": "describing", "format": "text/plain",
                       "value": f"cue: {item.cue.text}"})
    annotation: dict[str, Any] = {
        "id": f"urn:stance-reader:{analysis.source.sha256}:{item.id}",
        "type": "Annotation",
        "motivation": "classifying",
        "generator": GENERATOR,
        "body": bodies,
        "target": {"source": source, "selector": [
            {"type": "TextQuoteSelector", "exact": text[item.start:item.end],
             "prefix": text[max(0, item.start - 32):item.start],
             "suffix": text[item.end:item.end + 32]},
            {"type": "TextPositionSelector", "start": item.start, "end": item.end}]},
    }
    if item.id in modified:
        annotation["creator"] = {"type": "Person", "name": "reader"}
        annotation["modified"] = modified[item.id]
    else:
        annotation["creator"] = GENERATOR
    return annotation


def collection(analysis: Analysis) -> dict[str, Any]:
    source = _source(analysis)
    speakers: dict[str, Speaker] = {}
    for s in analysis.speakers:
        speakers.setdefault(s.id, s)
    modified: dict[str, str] = {}  # item id → its latest correction (one pass)
    for c in analysis.corrections:
        modified[c.target] = max(modified.get(c.target, c.at), c.at)
    spoken: list[Quote | ReportedSpan] = [*analysis.quotes, *analysis.reported]
    items = [_annotation(analysis, x, source, speakers, modified) for x in spoken]
    items.sort(key=lambda a: a["target"]["selector"][1]["start"])
    return {
        "@context": CONTEXT,
        "id": f"urn:stance-reader:{analysis.source.sha256}",
        "type": "AnnotationCollection",
        "label": f"Voices in {analysis.title or source}",
        "generator": GENERATOR,
        "total": len(items),
        "first": {"id": f"urn:stance-reader:{analysis.source.sha256}:page1",
                  "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_bytes(analysis: Analysis) -> bytes:
    import json

    return (json.dumps(collection(analysis), ensure_ascii=False, indent=1) + "\n").encode()
