"""Long loader fuzzing on demand; prints the figures reported in docs/reliability.md.

    .venv/bin/python scripts/fuzz_loaders.py [--inputs 1000] [--seed 1] [--timeout 10]

Each format runs in its own process: mutated files (tests/fuzzing.py) are opened as the
app opens them, each under a time limit (a hang), and every outcome that is neither an
article/analysis nor a typed refusal is a crash. Peak memory is each process's
ru_maxrss. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class _Hang(BaseException):
    """Raised by the alarm; a BaseException, so no loader's `except Exception` hides it."""


def _alarm(signum, frame):  # type: ignore[no-untyped-def]
    raise _Hang()


def _worker(kind: str, seed_data: bytes, inputs: int, seed: int, timeout: float, out) -> None:  # type: ignore[no-untyped-def]
    import logging

    from tests.fuzzing import load_any, mutate

    logging.getLogger("stance_reader").setLevel(logging.ERROR)  # refusals are counted
    signal.signal(signal.SIGALRM, _alarm)
    rnd = random.Random(f"{seed}-{kind}")
    counts = {"ok": 0, "refused": 0, "crash": 0, "hang": 0}
    crashes: list[str] = []
    slowest = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(inputs):
            data = mutate(kind, seed_data, rnd)
            start = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                outcome = load_any(kind, data, Path(folder))
            except _Hang:
                outcome = "hang"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            slowest = max(slowest, time.perf_counter() - start)
            key = outcome if outcome in counts else "crash"
            counts[key] += 1
            if key == "crash" and len(crashes) < 3:
                crashes.append(outcome[-600:])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put({"kind": kind, **counts, "slowest_s": slowest, "peak_mb": peak_mb,
             "crashes": crashes})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=1000, help="mutated files per format")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a hang")
    parser.add_argument("--formats", default="", help="comma-separated subset of the formats")
    args = parser.parse_args()

    from stance_reader.core.loaders import load_bytes
    from stance_reader.core.pipeline import analyse
    from tests.fuzzing import ARTICLE, FORMATS, annotated_copies, seeds

    files = seeds(annotated_copies(analyse(load_bytes(ARTICLE.encode(), "seed.txt"))))
    ctx = multiprocessing.get_context("spawn")
    started = time.time()
    print(f"{'format':16} {'inputs':>7} {'ok':>6} {'refused':>8} {'crash':>6} {'hang':>5} "
          f"{'slowest s':>10} {'peak MB':>8}")
    total = {"inputs": 0, "crash": 0, "hang": 0, "peak": 0.0}
    for kind in [f for f in FORMATS if not args.formats or f in args.formats.split(",")]:
        queue = ctx.Queue()
        proc = ctx.Process(target=_worker, args=(kind, files[kind], args.inputs, args.seed,
                                                 args.timeout, queue))
        proc.start()
        try:
            report = queue.get(timeout=args.inputs * (args.timeout + 5))
        except Exception:  # the worker died (a crash of the interpreter counts as one)
            report = {"kind": kind, "ok": 0, "refused": 0, "crash": 1, "hang": 0,
                      "slowest_s": 0.0, "peak_mb": 0.0, "crashes": ["worker process died"]}
        proc.join()
        done = report["ok"] + report["refused"] + report["crash"] + report["hang"]
        print(f"{kind:16} {done:7} {report['ok']:6} {report['refused']:8} {report['crash']:6} "
              f"{report['hang']:5} {report['slowest_s']:10.2f} {report['peak_mb']:8.0f}")
        for c in report["crashes"]:
            print("   crash:", c.replace("\n", "\n          "))
        total["inputs"] += done
        total["crash"] += report["crash"]
        total["hang"] += report["hang"]
        total["peak"] = max(total["peak"], report["peak_mb"])
    print(f"total: {total['inputs']} inputs, {total['crash']} crashes, {total['hang']} hangs, "
          f"peak memory {total['peak']:.0f} MB, {time.time() - started:.0f} s")
    return 1 if total["crash"] or total["hang"] or total["peak"] >= 1024 else 0


if __name__ == "__main__":
    sys.exit(main())
