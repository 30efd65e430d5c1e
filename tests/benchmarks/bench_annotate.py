"""Benchmark: a whole `stance-reader annotate` run against spaCy's own full parse.

Run on demand:  .venv/bin/python tests/benchmarks/bench_annotate.py [--limit N] [--data FILE]

Writes the texts of polnear_train.jsonl (by default) as .txt files into a temporary
folder, then, in one run and on the same machine:
  reference: a fresh process that loads the same spaCy model with every component and
             runs `nlp.pipe` over the same texts (full parse);
  ours:      a fresh process running `stance-reader annotate FILES --format json
             --output-dir DIR` (loading, analysis with tone and targets, JSON writing).
Prints words per second of each, their ratio (target ≥ 1.2) and each process' peak
memory; exits 1 when the ratio is below the target. The corpus is never copied into the
project: the temporary folder is removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"
TARGET = 1.2

REFERENCE = """
import sys, spacy
from stance_reader.core.nlp import resolve_model
texts = [open(p, encoding='utf-8').read() for p in sys.argv[1:]]
nlp = spacy.load(resolve_model(None))
print('READY', flush=True)
for _ in nlp.pipe(texts):
    pass
"""


def _run(cmd: list[str], home: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a child process (`home`: its STANCE_READER_HOME,
    an empty one, so no cached analysis is served)."""
    env = dict(os.environ, STANCE_READER_HOME=str(home)) if home is not None else None
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd[:4])} …")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}; pass --data FILE", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    records = records[: args.limit] if args.limit else records
    python = sys.executable
    cli = str(Path(python).with_name("stance-reader"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in")
        out = Path(tmp, "out")
        src.mkdir()
        files = []
        for i, r in enumerate(records):
            f = src / f"article-{i:04d}.txt"
            f.write_text(r["text"], encoding="utf-8")
            files.append(str(f))
        words = sum(len(r["text"].split()) for r in records)
        # Load times are part of both runs; both pay one model load.
        ref_s, ref_mem = _run([python, "-c", REFERENCE, *files])
        our_s, our_mem = _run([cli, "annotate", *files, "--format", "json",
                               "--output-dir", str(out)], home=Path(tmp, "home"))
        written = len(list(out.glob("*.json")))
    ratio = ref_s / our_s
    print(f"{len(records)} articles, {words} words")
    print(f"{'run':<38}{'seconds':>10}{'words/s':>10}{'peak MiB':>10}")
    print(f"{'spaCy nlp.pipe, full pipeline':<38}{ref_s:>10.1f}{words / ref_s:>10.0f}{ref_mem:>10.0f}")
    print(f"{'stance-reader annotate (json)':<38}{our_s:>10.1f}{words / our_s:>10.0f}{our_mem:>10.0f}")
    print(f"speed ratio (ours / reference): {ratio:.2f}  (target ≥ {TARGET})  "
          f"outputs written: {written}/{len(records)}")
    return 0 if ratio >= TARGET and written == len(records) else 1


if __name__ == "__main__":
    sys.exit(main())
