"""Benchmark: reopening an analysed collection of 500 articles in the window.

Run on demand:
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_collection_reopen.py

Writes 500 distinct articles of polnear_train.jsonl as .txt files into a temporary
folder, with a temporary STANCE_READER_HOME. First `stance-reader collection DIR -o …`
analyses them (filling the analysis and record caches; its time is printed, not judged).
Then the real window opens the folder three times (a new tab each time) and the time from
`open_path` to the tab's `done` signal (all 500 rows, voices and charts shown) is measured.
Prints the median and exits 1 when it is not under 1 second. The texts are never copied
into the project: the temporary folders are removed afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME = tempfile.mkdtemp()
os.environ["STANCE_READER_HOME"] = HOME
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"
ARTICLES = 500
TARGET_S = 1.0


def main() -> int:
    try:
        return _run()
    finally:  # the texts never stay behind, whatever happened
        shutil.rmtree(HOME, ignore_errors=True)


def _run() -> int:
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    records = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines()[:ARTICLES]]
    folder = Path(HOME) / "collection"
    folder.mkdir()
    for i, r in enumerate(records):
        (folder / f"article-{i:04d}.txt").write_text(r["text"], encoding="utf-8")
    cli = str(Path(sys.executable).with_name("stance-reader"))
    print(f"{len(records)} articles; load average {os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    subprocess.run([cli, "collection", str(folder), "-o", str(folder.parent / "q.jsonl"),
                    "--quiet"], check=True)
    print(f"first analysis (collection command, all cores): {time.perf_counter() - t0:.0f} s")

    from PySide6.QtCore import QEventLoop, QTimer

    from real_window import real_window

    window = real_window()
    times = []
    for _ in range(3):
        loop = QEventLoop()
        t0 = time.perf_counter()
        tab = window.open_path(str(folder))
        tab.done.connect(lambda _how: loop.quit())
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        times.append(time.perf_counter() - t0)
        cached = sum(i.cached for i in tab.articles.items)
        assert tab.articles.rowCount() == len(records) and cached == len(records), (
            f"{tab.articles.rowCount()} rows, {cached} from the cache")
        window.close_tab(window.tabs.indexOf(tab))
    window.close()
    median = statistics.median(times)
    print(f"reopen to all rows, voices and charts: {', '.join(f'{t:.2f}' for t in times)} s; "
          f"median {median:.2f} s (target < {TARGET_S:.0f} s); "
          f"load average {os.getloadavg()[0]:.2f}")
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
