"""Benchmark: the HTML and PDF loaders against their references, in one run.

Run on demand:  .venv/bin/python tests/benchmarks/bench_pages.py [EVAL_DIR]

EVAL_DIR defaults to ../shared/eval (saved pages in html/pages, printed PDFs in pdf/).
Times our loader and the reference on the same files (trafilatura.extract for web
pages, pypdf's extract_text for PDFs) and exits 1 when a ratio is over twice the ratio
measured before issue #10 (HTML 1.58, PDF 1.01: docs/evaluation.md).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BEFORE = {"html": 1.58, "pdf": 1.01}


def _seconds(run, files: list[Path]) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for f in files:
        run(f.read_bytes(), f.name)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    from stance_reader.evaluate.pages import _ours, _pypdf, _trafilatura

    base = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval"
    sets = {"html": (sorted((base / "html" / "pages").glob("*.html")), _trafilatura),
            "pdf": (sorted((base / "pdf").glob("*.pdf")), _pypdf)}
    failed = False
    for kind, (files, reference) in sets.items():
        if not files:
            print(f"{kind}: no files under {base}; skipped")
            continue
        _ours(files[0].read_bytes(), files[0].name)  # warm imports and date parsers
        ours, ref = _seconds(_ours, files), _seconds(reference, files)
        ratio = ours / ref
        ok = ratio <= 2 * BEFORE[kind]
        failed |= not ok
        print(f"{kind}: {len(files)} files, ours {ours:.2f} s, reference {ref:.2f} s, ratio "
              f"{ratio:.2f} (before #10: {BEFORE[kind]}; limit {2 * BEFORE[kind]:.2f}) "
              f"{'ok' if ok else 'TOO SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
