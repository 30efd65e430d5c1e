#!/usr/bin/env python3
"""Train the news tone model on NewsMTSC and write desktop/stance_reader/data/tone/model.npz.

Usage:  .venv/bin/python scripts/train_tone.py [../shared/eval/tone/newsmtsc_train.jsonl]

The held-out part (every sentence whose MD5 hash is 0 mod 5, about 20 %; the same
sentence with other targets stays on the same side) is never used here: not for fitting,
not for choosing C. C is chosen on a validation part of the rest (hash 1 mod 10).
Needs scikit-learn (the project's `test` extra); the run-time code reads the weights with
numpy only. The output holds weights, never corpus text.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from stance_reader.core.tone import (  # noqa: E402
    CLASSES, N_HASH, quote_features, target_features)

DEFAULT = ROOT.parent / "shared" / "eval" / "tone" / "newsmtsc_train.jsonl"
OUT = ROOT / "desktop" / "stance_reader" / "data" / "tone" / "model.npz"


def bucket(text: str) -> int:
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16)


def is_held_out(text: str) -> bool:
    return bucket(text) % 5 == 0


def matrix(rows: list[tuple[list[float], list[int]]], mean=None, scale=None):  # type: ignore[no-untyped-def]
    dense = np.asarray([r[0] for r in rows], dtype=np.float64)
    if mean is None:
        mean = dense.mean(axis=0)
        scale = dense.std(axis=0) + 1e-6
    dense = (dense - mean) / scale
    data, indices, indptr = [], [], [0]
    for _, hashed in rows:
        counts = Counter(hashed)
        for k, v in sorted(counts.items()):
            indices.append(k)
            data.append(np.log1p(v))
        indptr.append(len(indices))
    hashed_m = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), N_HASH))
    return sparse.hstack([sparse.csr_matrix(dense), hashed_m]).tocsr(), mean, scale


def fit(rows, labels, val_rows, val_labels):  # type: ignore[no-untyped-def]
    x, mean, scale = matrix(rows)
    xv, _, _ = matrix(val_rows, mean, scale)
    best = None
    for c in (0.1, 0.3, 1.0, 3.0):
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(x, labels)
        f1 = f1_score(val_labels, model.predict(xv), average="macro")
        print(f"  C={c}: validation macro-F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, c)
    x_all, mean, scale = matrix(rows + val_rows)
    model = LogisticRegression(C=best[1], max_iter=3000)
    model.fit(x_all, labels + val_labels)
    order = [list(model.classes_).index(c) for c in CLASSES]
    coef = model.coef_[order].T  # (features, 3)
    n_dense = len(mean)
    return {"dense": coef[:n_dense], "hash": coef[n_dense:].astype(np.float32),
            "bias": model.intercept_[order], "mean": mean, "scale": scale}


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    train = [r for r in records if not is_held_out(r["text"])]
    print(f"{len(records)} records, {len(train)} for training, "
          f"{len(records) - len(train)} held out")
    val = [r for r in train if bucket(r["text"]) % 10 == 1]
    fit_part = [r for r in train if bucket(r["text"]) % 10 != 1]

    def toward_rows(rs):  # type: ignore[no-untyped-def]
        return [target_features(r["text"], r["target"]["start"], r["target"]["end"]) for r in rs]

    print("toward-target model")
    toward = fit(toward_rows(fit_part), [r["label"] for r in fit_part],
                 toward_rows(val), [r["label"] for r in val])

    def sentences(rs):  # type: ignore[no-untyped-def]
        by_text: dict[str, Counter] = {}
        for r in rs:
            by_text.setdefault(r["text"], Counter())[r["label"]] += 1
        texts = sorted(by_text)
        return [quote_features(t) for t in texts], [by_text[t].most_common(1)[0][0] for t in texts]

    print("quotation (whole text) model")
    qx, qy = sentences(fit_part)
    vx, vy = sentences(val)
    quote = fit(qx, qy, vx, vy)
    arrays = {f"toward_{k}": v for k, v in toward.items()}
    arrays.update({f"quote_{k}": v for k, v in quote.items()})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    tmp = OUT.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(OUT)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
