"""Benchmark: open to fully highlighted, cold (analysis) versus cached reopen.

Run on demand:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_reopen.py

Opens the sample article in the real window with a real history (in a temporary
STANCE_READER_HOME): first cold (the model already loaded, so only the analysis counts),
then closes the tab and reopens the same content from another path, which must come
from the analysis cache. Prints both times (median of 5 reopens) and exits 1 when the
cached reopen is not under 200 ms.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["STANCE_READER_HOME"] = tempfile.mkdtemp()
ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from real_window import real_window
    from stance_reader.core.nlp import load_pipeline

    load_pipeline()
    window = real_window()

    def open_timed(path: Path) -> float:
        loop = QEventLoop()
        window.document_ready.connect(lambda _t: loop.quit(), )
        t0 = time.perf_counter()
        window.open_path(str(path))
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        elapsed = (time.perf_counter() - t0) * 1000
        window.document_ready.disconnect()
        window.close_tab(window.tabs.currentIndex())
        return elapsed

    sample = ROOT / "seeds" / "taiwan-self-defense.txt"
    cold = open_timed(sample)
    folder = Path(tempfile.mkdtemp())
    cached = []
    for i in range(5):
        copy = folder / f"moved-{i}.txt"
        shutil.copy(sample, copy)
        cached.append(open_timed(copy))
    median = statistics.median(cached)
    print(f"cold open to highlighted (analysis): {cold:.0f} ms")
    print(f"cached reopen to highlighted, other path: median {median:.0f} ms, worst "
          f"{max(cached):.0f} ms (target < 200); {cold / median:.1f}x faster than cold")
    window.close()
    return 0 if median < 200 else 1


if __name__ == "__main__":
    sys.exit(main())
