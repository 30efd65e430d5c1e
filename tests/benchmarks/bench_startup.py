"""Benchmark: cold start to a visible window, offscreen: bundle and editable install.

Run on demand (after packaging/build_linux.sh):
    .venv/bin/python tests/benchmarks/bench_startup.py
Each run starts a fresh process with STANCE_READER_EXIT_AFTER_SHOW=1, which prints a line
once the window is shown and the event loop runs, then quits. spaCy is not loaded at start
(it loads with the first analysis), so this is what a person waits for. Median of 5.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def measure(cmd: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STANCE_READER_EXIT_AFTER_SHOW": "1",
           "STANCE_READER_HOME": tempfile.mkdtemp()}
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    line = next((x for x in out.stdout.splitlines() if x.startswith("window-shown")), None)
    if line is None:
        raise SystemExit(f"no window from {cmd[0]}: {out.stderr[-400:]}")
    return float(line.split()[1]) - t0


def main() -> int:
    runs = {"editable install (python -m stance_reader)": [sys.executable, "-m", "stance_reader"]}
    binary = ROOT / "packaging" / "dist" / "stance-reader" / "stance-reader"
    if binary.exists():
        runs = {"bundle (packaging/dist)": [str(binary)], **runs}
        size = sum(p.stat().st_size for p in binary.parent.rglob("*") if p.is_file())
        print(f"bundle size: {size / 1e6:.0f} MB")
    for name, cmd in runs.items():
        times = [measure(cmd) for _ in range(5)]
        print(f"{name}: cold start to visible window median {statistics.median(times) * 1000:.0f} ms,"
              f" worst {max(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
