"""Score quotations, reported speech and speakers on PolNeAR-format JSON lines.

Metrics as ../shared/eval/README.md defines them: spans match when they share at least
one character (one-to-one, greedy by overlap); precision against all gold segments;
recall on direct, quoted (direct + mixed) and all segments; exact matches after trimming
spaces, quotation marks and end punctuation; speaker accuracy over matched segments whose
gold has a speaker (the predicted speaker mention must overlap the gold speaker span; a
missing speaker counts as wrong).

What we predict as an attribution segment: each reported-speech span, and each direct or
partial quotation that does not lie inside one of our reported spans (there it is the same
attribution). Terms (scare quotes) are not attributions and are not scored.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from stance_reader.evaluate.jsonl import dataset_parser, parse_and_read, read_jsonl
from stance_reader.evaluate.speaker_errors import canon_ok, category, error_table, name_ok

TRIM = " \t\n\"'“”‘’«».,;:!?…"


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    kind: str = ""  # gold: direct | mixed | indirect; predicted: direct | partial | reported
    speakers: tuple[tuple[int, int], ...] = ()
    name: str | None = None  # gold: the speaker mention as written; predicted: display name
    canonical: str | None = None  # gold only: who the source really is


@dataclass(slots=True)
class Counts:
    pred: int = 0
    pred_matched: int = 0
    gold: dict[str, int] = field(default_factory=dict)
    gold_matched: dict[str, int] = field(default_factory=dict)
    exact: int = 0
    speaker_n: int = 0
    speaker_ok: int = 0
    name_n: int = 0
    name_ok: int = 0
    canon_n: int = 0
    canon_ok: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    direct_pred: int = 0
    direct_pred_matched: int = 0
    direct_gold_matched: int = 0
    words: int = 0


def _overlap(a: Segment, b: Segment) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(preds: list[Segment], golds: list[Segment]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlap size; pairs of (pred index, gold index)."""
    pairs = [(_overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
             if p.start < g.end and g.start < p.end]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            result.append((i, j))
    return result


def _trim(text: str, s: Segment) -> str:
    return text[s.start:s.end].strip(TRIM)


def gold_segments(record: dict[str, Any]) -> list[Segment]:
    out = []
    for q in record.get("quotes", []):
        spans = tuple(tuple(x) for x in (q.get("speaker_spans") or [])) if q.get("speaker") else ()
        out.append(Segment(q["start"], q["end"], q.get("segment_kind") or q.get("kind", ""),
                           spans, q.get("speaker"), q.get("speaker_canonical")))  # type: ignore[arg-type]
    return out


def predicted_segments(analysis: Any) -> list[Segment]:
    def name(speaker_id: str | None) -> str | None:
        s = analysis.speaker_by_id(speaker_id) if speaker_id else None
        return s.name if s else None

    reported = [Segment(r.start, r.end, "reported",
                        ((r.source.start, r.source.end),) if r.source else (), name(r.speaker))
                for r in analysis.reported]
    quotes = []
    for q in analysis.quotes:
        if q.kind == "term":
            continue
        if q.kind == "partial" and any(r.start <= q.start and q.end <= r.end for r in reported):
            continue
        quotes.append(Segment(q.start, q.end, q.kind,
                              ((q.source.start, q.source.end),) if q.source else (),
                              name(q.speaker)))
    return sorted(quotes + reported, key=lambda s: (s.start, s.end))


def score_record(text: str, preds: list[Segment], golds: list[Segment], c: Counts) -> None:
    c.pred += len(preds)
    for g in golds:
        c.gold[g.kind] = c.gold.get(g.kind, 0) + 1
    for i, j in match(preds, golds):
        p, g = preds[i], golds[j]
        c.pred_matched += 1
        c.gold_matched[g.kind] = c.gold_matched.get(g.kind, 0) + 1
        c.exact += _trim(text, p) == _trim(text, g)
        if g.speakers:
            c.speaker_n += 1
            c.speaker_ok += any(ps < ge and gs < pe for ps, pe in p.speakers
                                for gs, ge in g.speakers)
        by_name = name_ok(g.name or "", p.name)
        if by_name is not None:
            c.name_n += 1
            c.name_ok += by_name
        by_canon = canon_ok(g.canonical, p.name)
        if by_canon is not None:
            c.canon_n += 1
            c.canon_ok += by_canon
            if not by_canon:
                c.errors[category(g.name or "", g.canonical or "", p.name)] += 1
    direct = [p for p in preds if p.kind == "direct"]
    c.direct_pred += len(direct)
    for i, j in match(direct, golds):
        c.direct_pred_matched += 1
        c.direct_gold_matched += golds[j].kind == "direct"


def report(c: Counts, name: str) -> dict[str, float]:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0
    gd = c.gold.get("direct", 0)
    dp = ratio(c.direct_pred_matched, c.direct_pred)
    dr = ratio(c.direct_gold_matched, gd)
    quoted = gd + c.gold.get("mixed", 0)
    return {
        "system": name,  # type: ignore[dict-item]
        "direct_precision": dp, "direct_recall": dr,
        "direct_f1": ratio(int(2e6 * dp * dr), int(1e6 * (dp + dr))) if dp + dr else 0.0,
        "precision": ratio(c.pred_matched, c.pred),
        "recall_quoted": ratio(c.gold_matched.get("direct", 0) + c.gold_matched.get("mixed", 0),
                               quoted),
        "recall_all": ratio(c.pred_matched, sum(c.gold.values())),
        "exact": ratio(c.exact, c.pred_matched),
        "speaker_accuracy": ratio(c.speaker_ok, c.speaker_n),
        "speaker_name": ratio(c.name_ok, c.name_n),
        "speaker_canon": ratio(c.canon_ok, c.canon_n),
    }


def _check(record: dict[str, Any]) -> None:
    if not isinstance(record["text"], str) or not isinstance(record["quotes"], list):
        raise TypeError("text must be a string and quotes a list")


def read_records(path: str) -> list[dict[str, Any]]:
    return read_jsonl(path, _check, "PolNeAR-format")


def _ours(records: list[dict[str, Any]], model: str | None) -> tuple[Counts, float]:
    from stance_reader.core.article import Article, split_paragraphs
    from stance_reader.core.nlp import load_pipeline
    from stance_reader.core.pipeline import analyse

    nlp = load_pipeline(model)
    c = Counts()
    t0 = time.perf_counter()
    for r in records:
        text = r["text"]
        article = Article(text, split_paragraphs(text), "txt", r.get("id", ""), title=r.get("title"))
        analysis = analyse(article, nlp=nlp)
        score_record(text, predicted_segments(analysis), gold_segments(r), c)
        c.words += len(text.split())
    return c, time.perf_counter() - t0


def _textacy(records: list[dict[str, Any]], model: str | None) -> tuple[Counts, float]:
    """textacy's direct_quotations on the same texts, scored the same way."""
    import spacy
    from textacy.extract.triples import direct_quotations

    from stance_reader.core.nlp import resolve_model

    nlp = spacy.load(resolve_model(model))  # textacy needs the lemmatizer: full pipeline
    c = Counts()
    t0 = time.perf_counter()
    for r in records:
        text = r["text"]
        preds = []
        # textacy refuses a whole document with an odd number of quotation marks; give it
        # the best chance: the whole document, else paragraph by paragraph, skipping the
        # paragraphs it refuses.
        try:
            chunks = [(0, list(direct_quotations(nlp(text))))]
        except ValueError:
            chunks = []
            for p_start, p_end in r.get("paragraphs") or [(0, len(text))]:
                try:
                    chunks.append((p_start, list(direct_quotations(nlp(text[p_start:p_end])))))
                except ValueError:
                    continue
        for offset, triples in chunks:
            for triple in triples:
                content = triple.content
                spk = tuple((t.idx + offset, t.idx + len(t) + offset) for t in triple.speaker)
                preds.append(Segment(content.start_char + offset, content.end_char + offset,
                                     "direct", spk, " ".join(t.text for t in triple.speaker)))
        score_record(text, sorted(preds, key=lambda s: s.start), gold_segments(r), c)
        c.words += len(text.split())
    return c, time.perf_counter() - t0


def main(argv: list[str]) -> int:
    parser = dataset_parser("quotes", __doc__, "PolNeAR-format JSON lines (e.g. "
                            "../shared/eval/polnear_dev.jsonl)")
    parser.add_argument("--model", default=None, help="spaCy model (default: automatic)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--baseline", choices=["textacy"], action="append", default=[],
                        help="also score a baseline on the same data")
    read = parse_and_read(parser, argv, _check, "PolNeAR-format")
    if read is None:
        return 2
    args, records = read
    records = records[: args.limit] if args.limit else records
    rows = []
    c, secs = _ours(records, args.model)
    ours = c
    rows.append({**report(c, "stance-reader"), "words_per_sec": c.words / secs if secs else 0.0})
    if "textacy" in args.baseline:
        c, secs = _textacy(records, args.model)
        rows.append({**report(c, "textacy"), "words_per_sec": c.words / secs if secs else 0.0})
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    cols = ["direct_precision", "direct_recall", "direct_f1", "precision", "recall_quoted",
            "recall_all", "exact", "speaker_accuracy", "speaker_name", "speaker_canon",
            "words_per_sec"]
    print(f"{len(records)} articles from {args.file}")
    print(f"{'system':<15}" + "".join(f"{col:>18}" for col in cols))
    for row in rows:
        print(f"{row['system']:<15}" + "".join(
            f"{row[col]:>18.0f}" if col == "words_per_sec" else f"{row[col]:>18.3f}"
            for col in cols))
    print()
    print(error_table(ours.errors, ours.canon_n))
    return 0
