"""Benchmark: throughput of the Dask path against the process pool, on this machine.

Run on demand (needs the extra: pip install 'stance-reader[cluster]'):
    .venv/bin/python tests/benchmarks/bench_dask.py [--limit 40]

Writes the first N articles of polnear_dev.jsonl into a temporary folder, starts a local
Dask cluster of two worker processes (one thread each) and, in one run, analyses the
articles with `run_dask` and with `run_local(jobs=2)`. Both pay their workers' model load
before the clock starts (a warm-up article), so the figures are steady-state throughput:
articles and words per second, and the Dask/pool ratio (the scheduler's overhead per
article). Checks that both give the same analyses. The load average is printed.

Where the difference goes, in CPU seconds (Linux, from /proc; steadier than wall time on
a shared machine): the worker processes (Dask: workers and their nannies; pool: workers
and the server they fork from) and this process (Dask: the client and the scheduler,
which a LocalCluster runs here; pool: the main process). `--no-profile` starts the Dask
workers with their statistical profiler off (`distributed.worker.profile.enabled`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from proc_stats import cpu_seconds, descendants

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "polnear_dev.jsonl"


def _cpu_now() -> tuple[float, dict[int, float]]:
    """This process' CPU seconds, and each descendant's."""
    me = os.getpid()
    return cpu_seconds(me), {pid: cpu_seconds(pid) for pid in descendants(me)}


def _cpu_since(start: tuple[float, dict[int, float]]) -> tuple[float, float]:
    """CPU seconds since `start`: this process, and its descendants (alive now)."""
    own, kids = _cpu_now()
    return own - start[0], sum(v - start[1].get(pid, 0.0) for pid, v in kids.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--no-profile", action="store_true",
                        help="Dask workers without their statistical profiler")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"no data at {DEV}", file=sys.stderr)
        return 2
    import dask
    import distributed

    from stance_reader.collection.cluster import run_dask
    from stance_reader.collection.pool import run_local

    records = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines()[:args.limit]]
    words = sum(len(r["text"].split()) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, r in enumerate(records):
            f = Path(tmp, f"a{i:03d}.txt")
            f.write_text(r["text"], encoding="utf-8")
            files.append(str(f))
        warm = Path(tmp, "warm.txt")
        warm.write_text('"Ready," she said.', encoding="utf-8")
        print(f"{len(files)} articles, {words} words; load average {os.getloadavg()[0]:.2f}")
        with dask.config.set({"distributed.worker.profile.enabled": not args.no_profile}):
            cluster = distributed.LocalCluster(n_workers=2, processes=True,
                                               threads_per_worker=1, dashboard_address=None)
        with distributed.Client(cluster) as client:
            list(run_dask([str(warm)] * 2, address=client))
            start, t0 = _cpu_now(), time.perf_counter()
            remote = list(run_dask(files, address=client))
            dask_s = time.perf_counter() - t0
            dask_cpu = _cpu_since(start)
        cluster.close()
        pool = run_local([str(warm)] + files, jobs=2)
        next(pool)  # both workers started and warm before the clock starts
        start, t0 = _cpu_now(), time.perf_counter()
        local = [next(pool) for _ in files]
        pool_s = time.perf_counter() - t0
        pool_cpu = _cpu_since(start)  # before the workers exit with the pool
        pool.close()
    same = [o.analysis for o in remote] == [o.analysis for o in local]
    print(f"{'':<24}{'wall':>9}{'':>18}{'':>14}  CPU s: workers; this process")
    for name, s, (own, workers) in (("dask, 2 workers", dask_s, dask_cpu),
                                    ("process pool, --jobs 2", pool_s, pool_cpu)):
        print(f"{name:<24}{s:>7.1f} s{len(files) / s:>8.2f} articles/s{words / s:>8.0f} words/s"
              f"  {workers:.1f}; {own:.1f}")
    print(f"same analyses: {same}; dask / pool time: {dask_s / pool_s:.2f}; CPU (all "
          f"processes) dask / pool: {sum(dask_cpu) / max(sum(pool_cpu), 1e-9):.2f}; "
          f"Dask profiler {'off' if args.no_profile else 'on'}; "
          f"load average {os.getloadavg()[0]:.2f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
