"""Long export fuzzing on demand; prints the figures reported in docs/reliability.md.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/fuzz_exports.py [--inputs 500]
        [--seed 1] [--timeout 30] [--formats json,html,webannotation,docx,pdf]

Each format runs in its own process: generated analyses (tests/export/analyses.py, the
strategy the CI test uses with a small budget) are exported and checked as a reader of
the file would check them, each under a time limit (a hang). Every exception is a crash.
Peak memory is each process's ru_maxrss. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FORMATS = ("json", "html", "webannotation", "docx", "pdf")


class _Hang(BaseException):
    """Raised by the alarm; a BaseException, so no `except Exception` hides it."""


def _alarm(signum, frame):  # type: ignore[no-untyped-def]
    raise _Hang()


def _worker(fmt: str, inputs: int, seed: int, timeout: float, out) -> None:  # type: ignore[no-untyped-def]
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as with_seed

    from tests.export.analyses import analyses, export_checked

    signal.signal(signal.SIGALRM, _alarm)
    counts = {"inputs": 0, "ok": 0, "crash": 0, "hang": 0}
    crashes: list[str] = []
    slowest = [0.0]

    @with_seed(seed)
    @settings(max_examples=inputs, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(analyses())
    def run(analysis) -> None:  # type: ignore[no-untyped-def]
        counts["inputs"] += 1
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            export_checked(analysis, fmt)
            counts["ok"] += 1
        except _Hang:
            counts["hang"] += 1
        except Exception:  # noqa: BLE001 - every exception is a finding
            counts["crash"] += 1
            if len(crashes) < 3:
                crashes.append(traceback.format_exc(limit=3))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            slowest[0] = max(slowest[0], time.perf_counter() - start)

    started = time.perf_counter()
    run()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.send((counts, crashes, slowest[0], time.perf_counter() - started, peak_mb))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=500, help="analyses per format")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds: a hang")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    ctx = multiprocessing.get_context("fork")
    failed = False
    print(f"{'format':14s} {'inputs':>7s} {'ok':>6s} {'crash':>6s} {'hang':>5s} "
          f"{'slowest':>8s} {'total':>7s} {'peak MB':>8s}")
    for fmt in args.formats.split(","):
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_worker, args=(fmt, args.inputs, args.seed, args.timeout, send))
        proc.start()
        counts, crashes, slowest, total, peak = receive.recv()
        proc.join()
        failed |= bool(counts["crash"] or counts["hang"])
        print(f"{fmt:14s} {counts['inputs']:7d} {counts['ok']:6d} {counts['crash']:6d} "
              f"{counts['hang']:5d} {slowest:7.2f}s {total:6.0f}s {peak:8.0f}")
        for c in crashes:
            print("   ", c.replace("\n", "\n    "))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
