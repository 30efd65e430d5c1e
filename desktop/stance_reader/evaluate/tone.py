"""Score tone toward a target on NewsMTSC-format JSON lines; ours beside plain VADER.

    python -m stance_reader.evaluate tone FILE.jsonl [--predictions OUT.jsonl] [--held-out]

Each record: {"id", "text", "target": {"start", "end", "text"}, "label"}. Prints macro-F1
and accuracy over negative/neutral/positive and sentences per second. With
--predictions, writes {"id", "label", "compound"} per record in input order (atomically).
--held-out keeps only the part set aside before training (see docs/tone.md).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from stance_reader.core.tone import CLASSES, ToneScorer, plain_vader_tone
from stance_reader.evaluate.jsonl import dataset_parser, parse_and_read, read_jsonl
from stance_reader.fileio import atomic_write_text


def is_held_out(text: str) -> bool:
    """The split used by scripts/train_tone.py: sentence MD5 ≡ 0 (mod 5)."""
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = []
    for c in CLASSES:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / len(scores)


def accuracy(gold: list[str], pred: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0


def _check(r: dict[str, Any]) -> None:
    t = r["target"]
    if not (isinstance(r["text"], str) and 0 <= int(t["start"]) <= int(t["end"]) <= len(r["text"])):
        raise ValueError("target offsets outside the text")
    if r.get("label") not in (None, *CLASSES):
        raise ValueError(f"label {r.get('label')!r} is not one of {CLASSES}")


def read_records(path: str) -> list[dict[str, Any]]:
    return read_jsonl(path, _check, "NewsMTSC-format")


def _write_predictions(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def main(argv: list[str]) -> int:
    parser = dataset_parser("tone", __doc__, "NewsMTSC-format JSON lines")
    parser.add_argument("--predictions", metavar="OUT.jsonl", default=None,
                        help="write each record's label and compound score here")
    parser.add_argument("--held-out", action="store_true",
                        help="only the records set aside before training")
    read = parse_and_read(parser, argv, _check, "NewsMTSC-format")
    if read is None:
        return 2
    args, records = read
    if args.held_out:
        records = [r for r in records if is_held_out(r["text"])]
    if not records:
        print(f"error: no records in {args.file}", file=sys.stderr)
        return 2
    scorer = ToneScorer()
    t0 = time.perf_counter()
    ours = [scorer.toward(r["text"], int(r["target"]["start"]), int(r["target"]["end"]))
            for r in records]
    ours_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    plain = [plain_vader_tone(r["text"]) for r in records]
    plain_s = time.perf_counter() - t0
    if args.predictions:
        _write_predictions(Path(args.predictions), [
            {"id": r.get("id"), "label": t.label, "compound": t.compound}
            for r, t in zip(records, ours)])
    gold = [r.get("label") for r in records]
    rows = []
    if all(g is not None for g in gold):
        for name, tones, secs in (("stance-reader", ours, ours_s), ("plain VADER", plain, plain_s)):
            labels = [t.label for t in tones]
            rows.append({"system": name, "macro_f1": macro_f1(gold, labels),  # type: ignore[arg-type]
                         "accuracy": accuracy(gold, labels),  # type: ignore[arg-type]
                         "per_sec": len(records) / secs if secs else 0.0})
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{len(records)} records from {args.file}" + (" (held-out part)" if args.held_out else ""))
    if rows:
        print(f"{'system':<16}{'macro-F1':>10}{'accuracy':>10}{'per second':>12}")
        for row in rows:
            print(f"{row['system']:<16}{row['macro_f1']:>10.3f}{row['accuracy']:>10.3f}"
                  f"{row['per_sec']:>12.0f}")
    return 0
