"""Benchmark: export time grows linearly with the size of the analysis.

Run on demand:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_export.py
                [--small 6000] [--factor 10] [--formats json,html,docx,webannotation,pdf]

Builds two synthetic analyses (no spaCy), one with `--small` speaker mentions and one
`--factor` times larger (same shape: paragraphs, quotations, reported spans and speakers
all scale together), renders every export format of each in this process, and prints the
times and their ratio. Linear work gives a ratio near the factor; quadratic work near its
square. Exits 1 when any format's ratio exceeds twice the factor.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from stance_reader import export  # noqa: E402
from stance_reader.core.analysis import (  # noqa: E402
    Analysis, Cue, Offsets, PipelineInfo, Quote, ReportedSpan, SourceInfo, Speaker, Tone)

MENTIONS_PER_PARAGRAPH = 10
SPEAKER_MENTIONS = 20  # each speaker is named this often


def synthetic(mentions: int) -> Analysis:
    """An analysis with `mentions` speaker mentions, 2 quotations and 1 reported span
    per paragraph of 10 mentions."""
    paragraphs = mentions // MENTIONS_PER_PARAGRAPH
    speakers_n = max(1, mentions // SPEAKER_MENTIONS)
    parts: list[str] = []
    pos = 0
    paras, quotes, reported = [], [], []
    found: dict[int, list[Offsets]] = {i: [] for i in range(speakers_n)}
    k = 0
    for p in range(paragraphs):
        start = pos
        chunks = []
        for j in range(MENTIONS_PER_PARAGRAPH):
            sid = k % speakers_n
            k += 1
            name = f"Person{sid} Example"
            found[sid].append(Offsets(pos, pos + len(name)))
            chunk = f"{name} said “the plan number {p}.{j} will work” to reporters. "
            if j in (2, 7):
                qs = pos + chunk.index("“")
                qe = pos + chunk.index("”") + 1
                cs = pos + len(name) + 1
                quotes.append(Quote(f"q{len(quotes) + 1}", qs, qe, f"s{sid + 1}",
                                    Offsets(pos, pos + len(name)), Cue(cs, cs + 4, "said"),
                                    Tone(0.3 if j == 2 else -0.4,
                                         "positive" if j == 2 else "negative"), (), p,
                                    kind="direct", attribution="cue"))
            if j == 5:
                rs = pos + chunk.index("to reporters")
                reported.append(ReportedSpan(f"r{len(reported) + 1}", rs, rs + 12, f"s{sid + 1}",
                                             None, None, Tone(0.0, "neutral"), (), p))
            chunks.append(chunk)
            pos += len(chunk)
        text = "".join(chunks).rstrip()
        parts.append(text)
        pos = start + len(text) + 2
        paras.append(Offsets(start, start + len(text)))
    speakers = tuple(Speaker(f"s{i + 1}", f"Person{i} Example", "person", (),
                             tuple(found[i])) for i in range(speakers_n))
    return Analysis(text="\n\n".join(parts), title="Synthetic", byline=None, date=None,
                    source=SourceInfo(None, "0" * 64, "txt"),
                    pipeline=PipelineInfo("synthetic", "0", "0"), paragraphs=tuple(paras),
                    quotes=tuple(quotes), reported=tuple(reported), speakers=speakers)


def timed(analysis: Analysis, fmt: str) -> float:
    started = time.perf_counter()
    export.render_bytes(analysis, fmt)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=6000, help="mentions in the small analysis")
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--formats", default=",".join(export.FORMATS))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    small, large = synthetic(args.small), synthetic(args.small * args.factor)
    print(f"small: {args.small:,} mentions, {len(small.quotes):,} quotations, "
          f"{len(small.speakers):,} speakers; large: {args.factor}x")
    worst = 0.0
    for fmt in args.formats.split(","):
        timed(small, fmt)  # warm up imports and caches
        a, b = timed(small, fmt), timed(large, fmt)
        ratio = b / a if a > 0 else float("inf")
        worst = max(worst, ratio)
        print(f"{fmt:14s} small {a * 1000:8.0f} ms   large {b * 1000:8.0f} ms   "
              f"ratio {ratio:5.1f} (linear ≈ {args.factor})")
    limit = 2 * args.factor
    print(f"worst ratio {worst:.1f}; limit {limit}")
    return 0 if worst <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
