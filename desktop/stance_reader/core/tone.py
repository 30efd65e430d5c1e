"""Tone of quotations, and tone toward a person or organisation, for news.

VADER is the base. On top of it, everything local and fast:
- a news lexicon (`data/tone/news_lexicon.tsv`) added to VADER's, for words of stance
  that VADER leaves unscored ("delusory", "opposed", "provocation", "condemned");
- VADER features of the sentence and of the words around a target;
- a small multinomial logistic regression over those features and hashed words near the
  target, trained on NewsMTSC (see `data/tone/PROVENANCE.md`, `scripts/train_tone.py`);
- calibration of its class probabilities back into a VADER-style compound score in
  [-1, 1] whose label keeps VADER's rule (positive ≥ 0.05, negative ≤ -0.05).

`ToneScorer().score(text)` rates a quotation; `toward(text, start, end)` rates how the
sentence portrays the target at [start, end). Both take well under a millisecond.
"""

from __future__ import annotations

import re
import threading
import zlib
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from dataclasses import replace

from stance_reader.core.analysis import Analysis, Quote, ReportedSpan, Tone

POSITIVE = 0.05
NEGATIVE = -0.05
N_HASH = 1 << 16
WINDOW = 6  # words each side of a target
CLASSES = ("negative", "neutral", "positive")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")

_lock = threading.Lock()
_shared: dict[str, Any] = {}


def label_for(compound: float) -> str:
    if compound >= POSITIVE:
        return "positive"
    if compound <= NEGATIVE:
        return "negative"
    return "neutral"


def _data(name: str) -> Any:
    return resources.files("stance_reader.data.tone").joinpath(name)


def news_lexicon() -> dict[str, float]:
    lexicon: dict[str, float] = {}
    for line in _data("news_lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, value = line.split("\t")
            lexicon[word.strip()] = float(value)
    return lexicon


def vader() -> Any:
    """VADER with the news lexicon added; one shared instance per process."""
    with _lock:
        if "vader" not in _shared:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            analyzer = SentimentIntensityAnalyzer()
            analyzer.lexicon.update(news_lexicon())
            _shared["vader"] = analyzer
        return _shared["vader"]


def plain_vader() -> Any:
    """Unmodified VADER: the baseline the evaluation compares against."""
    with _lock:
        if "plain" not in _shared:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            _shared["plain"] = SentimentIntensityAnalyzer()
        return _shared["plain"]


@lru_cache(maxsize=4096)
def _polarity(text: str) -> tuple[float, float, float, float]:
    s = vader().polarity_scores(text)
    return s["compound"], s["pos"], s["neg"], s["neu"]


def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % N_HASH


def target_features(text: str, start: int, end: int) -> tuple[list[float], list[int]]:
    """Dense VADER features and hashed word features of a target in its sentence.

    With start == end == 0 and no target (quotation tone) the window is the whole text.
    """
    whole = _polarity(text)
    left_words = _WORD.findall(text[:start])[-WINDOW:]
    right_words = _WORD.findall(text[end:])[:WINDOW]
    window = " ".join(left_words + ["_"] + right_words)
    win = _polarity(window) if (left_words or right_words) else whole
    left = _polarity(" ".join(left_words)) if left_words else (0.0, 0.0, 0.0, 1.0)
    right = _polarity(" ".join(right_words)) if right_words else (0.0, 0.0, 0.0, 1.0)
    dense = [*whole, *win, left[0], right[0], float(start == 0),
             float(bool(re.search(r"\b(?:not|no|never|n't)\b", text.lower())))]
    hashed = [_h("w:" + w.lower()) for w in _WORD.findall(text)]
    hashed += [_h("l:" + w.lower()) for w in left_words[-3:]]
    hashed += [_h("r:" + w.lower()) for w in right_words[:3]]
    lw = [w.lower() for w in left_words + right_words]
    hashed += [_h(f"b:{a}_{b}") for a, b in zip(lw, lw[1:])]
    return dense, hashed


def quote_features(text: str) -> tuple[list[float], list[int]]:
    return target_features(text, 0, 0)


class _Model:
    """A multinomial logistic regression stored as plain arrays (no scikit-learn)."""

    def __init__(self, arrays: Any, prefix: str) -> None:
        self.dense_w = np.asarray(arrays[f"{prefix}_dense"], dtype=np.float64)  # (n_dense, 3)
        self.hash_w = np.asarray(arrays[f"{prefix}_hash"], dtype=np.float64)    # (N_HASH, 3)
        self.bias = np.asarray(arrays[f"{prefix}_bias"], dtype=np.float64)     # (3,)
        self.mean = np.asarray(arrays[f"{prefix}_mean"], dtype=np.float64)
        self.scale = np.asarray(arrays[f"{prefix}_scale"], dtype=np.float64)

    def proba(self, dense: list[float], hashed: list[int]) -> np.ndarray:
        x = (np.asarray(dense) - self.mean) / self.scale
        z = self.bias + x @ self.dense_w
        if hashed:
            idx, counts = np.unique(np.asarray(hashed), return_counts=True)
            z = z + (np.log1p(counts)[:, None] * self.hash_w[idx]).sum(axis=0)
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()


def compound_from(proba: np.ndarray) -> Tone:
    """Class probabilities → a compound in [-1, 1] whose label is the most likely class."""
    neg, neu, pos = (float(p) for p in proba)
    if pos >= neg and pos >= neu:
        c = POSITIVE + (1 - POSITIVE) * (pos - max(neg, neu))
    elif neg >= neu:
        c = -(POSITIVE + (1 - POSITIVE) * (neg - max(pos, neu)))
    else:
        c = 0.049 * (pos - neg)
    c = round(max(-1.0, min(1.0, c)), 4)
    return Tone(c, label_for(c))  # type: ignore[arg-type]


class ToneScorer:
    """Scores tone; the model is loaded once per process and shared by all instances."""

    def __init__(self) -> None:
        with _lock:
            if "models" not in _shared:
                with _data("model.npz").open("rb") as fh:
                    arrays = dict(np.load(fh))
                _shared["models"] = (_Model(arrays, "toward"), _Model(arrays, "quote"))
        self._toward, self._quote = _shared["models"]

    def score(self, text: str) -> Tone:
        """Tone of a quotation or reported sentence."""
        if not text.strip():
            return Tone(0.0, "neutral")
        return compound_from(self._quote.proba(*quote_features(text)))

    def toward(self, text: str, start: int, end: int) -> Tone:
        """How `text` portrays the target at [start, end)."""
        if not text.strip() or not 0 <= start <= end <= len(text):
            return Tone(0.0, "neutral")
        return compound_from(self._toward.proba(*target_features(text, start, end)))


def relabel(analysis: Analysis, positive: float = POSITIVE, negative: float = NEGATIVE) -> Analysis:
    """Labels by a person's thresholds (Preferences); scores stay, and tones a person set
    by hand are kept."""
    if (positive, negative) == (POSITIVE, NEGATIVE) and all(
            t.label == label_for(t.compound) for t in _tones(analysis)):
        return analysis
    fixed = {c.target for c in analysis.corrections if c.field == "tone"}

    def lab(t: Tone) -> Tone:
        label = ("positive" if t.compound >= positive else
                 "negative" if t.compound <= negative else "neutral")
        return Tone(t.compound, label)  # type: ignore[arg-type]

    def item(x: Any) -> Any:
        targets = tuple(replace(t, tone=lab(t.tone)) for t in x.targets)
        return replace(x, targets=targets) if x.id in fixed else replace(
            x, tone=lab(x.tone), targets=targets)

    return replace(analysis, quotes=tuple(item(q) for q in analysis.quotes),
                   reported=tuple(item(r) for r in analysis.reported))


def _tones(analysis: Analysis) -> list[Tone]:
    fixed = {c.target for c in analysis.corrections if c.field == "tone"}
    items: list[Quote | ReportedSpan] = [*analysis.quotes, *analysis.reported]
    return [x.tone for x in items if x.id not in fixed]


def plain_vader_tone(text: str) -> Tone:
    c = plain_vader().polarity_scores(text)["compound"]
    return Tone(c, label_for(c))  # type: ignore[arg-type]
