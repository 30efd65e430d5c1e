"""Benchmark: `--jobs 2` against `--jobs 1`, and memory over a long collection.

Run on demand:
    .venv/bin/python tests/benchmarks/bench_jobs.py              # 40 dev articles, annotate
    .venv/bin/python tests/benchmarks/bench_jobs.py --long 2000  # + a 2,000-article collection

Part 1 writes the first 40 articles of polnear_dev.jsonl as .txt files into a temporary
folder and, in one run, times `stance-reader annotate FILES --format json --output-dir D`
with `--jobs 1` and then `--jobs 2` (each a fresh process that loads its own model), checks
that both wrote the same bytes, and prints the speed ratio (target ≥ 1.5) and the peak
memory (VmHWM) of the main process and of each worker. Part 2 (`--long N`) repeats train
articles to N files and runs `stance-reader collection DIR -o quotes.jsonl --jobs 2
--no-cache`, printing the resident memory of the main process and the workers as the run
passes each tenth of the articles: flat means the last tenth uses what the first did.
Timings on a shared machine are noisy: the load average before each part is printed.
The texts are never copied into the project: the temporary folder is removed afterwards.
Linux only (memory is read from /proc). Exits 1 when the ratio or identity fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from proc_stats import cpu_seconds, descendants, kib

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
TARGET = 1.5


CPU: dict[int, float] = {}  # pid → CPU seconds last seen (filled by _watch)


def _is_worker(pid: int) -> bool:
    """A process that loaded the model (the forkserver itself stays small)."""
    return kib(pid, "VmRSS") > 150 * 1024


def _watch(cmd: list[str], on_line: object = None) -> tuple[float, dict[int, int], list[str]]:
    """Run `cmd` with an empty user folder (no analysis cache: every run analyses);
    wall seconds, peak KiB (VmHWM) per process of its tree (the main one first), stderr."""
    env = {**os.environ, "STANCE_READER_HOME": tempfile.mkdtemp(prefix="bench-home-")}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    fd = proc.stderr.fileno()  # type: ignore[union-attr]
    os.set_blocking(fd, False)
    peaks: dict[int, int] = {}
    lines: list[str] = []
    buffer = ""
    while True:
        done = proc.poll() is not None
        for pid in [proc.pid, *descendants(proc.pid)]:
            hwm = kib(pid, "VmHWM")
            if hwm:
                peaks[pid] = max(peaks.get(pid, 0), hwm)
                CPU[pid] = max(CPU.get(pid, 0.0), cpu_seconds(pid))
        try:
            while chunk := os.read(fd, 65536):
                buffer += chunk.decode("utf-8", "replace")
        except BlockingIOError:
            pass
        while "\n" in buffer:
            line, buffer = buffer.split("\n", 1)
            lines.append(line)
            if callable(on_line):
                on_line(line, proc.pid)
        if done:
            break
        time.sleep(0.2)
    seconds = time.perf_counter() - t0
    proc.stderr.close()  # type: ignore[union-attr]
    shutil.rmtree(env["STANCE_READER_HOME"], ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd[:3])} …\n"
                         + "\n".join(lines[-5:]))
    return seconds, peaks, lines


def _write(records: list[dict], folder: Path, n: int) -> list[str]:  # type: ignore[type-arg]
    folder.mkdir(parents=True)
    files = []
    for i in range(n):
        f = folder / f"article-{i:05d}.txt"
        f.write_text(records[i % len(records)]["text"], encoding="utf-8")
        files.append(str(f))
    return files


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def jobs_ratio(cli: str, tmp: Path, dev: Path) -> bool:
    records = [json.loads(x) for x in dev.read_text(encoding="utf-8").splitlines()[:40]]
    files = _write(records, tmp / "dev", len(records))
    words = sum(len(r["text"].split()) for r in records)
    print(f"part 1: {len(files)} articles of {dev.name}, {words} words; load before: {_load()}")
    results = {}
    for jobs in (1, 2):
        out = tmp / f"out{jobs}"
        seconds, peaks, _ = _watch([cli, "annotate", *files, "--format", "json",
                                    "--output-dir", str(out), "--jobs", str(jobs)])
        results[jobs] = (seconds, peaks, {p.name: p.read_bytes() for p in sorted(out.iterdir())})
    same = results[1][2] == results[2][2] and len(results[1][2]) == len(files)
    ratio = results[1][0] / results[2][0]
    print(f"{'run':<22}{'seconds':>9}{'words/s':>9}  peak MiB (main; workers)   "
          "CPU s (main; workers; all processes, the workers' server too)")
    busiest = {}
    for jobs, (seconds, peaks, _) in results.items():
        main_pid = next(iter(peaks))
        workers = [pid for pid, v in peaks.items() if pid != main_pid and v > 100 * 1024]
        busiest[jobs] = max([CPU.get(main_pid, 0.0)] + [CPU.get(p, 0.0) for p in workers])
        print(f"{'annotate --jobs ' + str(jobs):<22}{seconds:>9.1f}{words / seconds:>9.0f}  "
              f"{peaks[main_pid] / 1024:.0f}; "
              f"{', '.join(f'{peaks[p] / 1024:.0f}' for p in workers) or '-':<16}"
              f"{CPU.get(main_pid, 0.0):.1f}; {', '.join(f'{CPU.get(p, 0.0):.1f}' for p in workers) or '-'}; "
              f"{sum(CPU.get(p, 0.0) for p in peaks):.1f}")
    # On an idle machine each process has a core: the wall ratio tends to this one.
    print(f"CPU-bound ratio (busiest process, --jobs 1 / --jobs 2): "
          f"{busiest[1] / max(busiest[2], 1e-9):.2f}")
    print(f"outputs identical: {same}   speed ratio (--jobs 1 / --jobs 2): {ratio:.2f} "
          f"(target ≥ {TARGET})   load after: {_load()}")
    return same and ratio >= TARGET


def long_memory(cli: str, tmp: Path, train: Path, n: int) -> bool:
    records = [json.loads(x) for x in train.read_text(encoding="utf-8").splitlines()]
    folder = tmp / "long"
    _write(records, folder, n)
    print(f"\npart 2: {n} articles (train articles repeated), collection --jobs 2; "
          f"load before: {_load()}")
    rows: list[tuple[str, int, int]] = []

    def sample(line: str, pid: int) -> None:
        if line.startswith("[") and "analysed" in line:
            workers = [kib(p, "VmRSS") for p in descendants(pid) if _is_worker(p)]
            rows.append((line.split("]")[0] + "]", kib(pid, "VmRSS"), max(workers, default=0)))

    seconds, peaks, lines = _watch([cli, "collection", str(folder), "-o", str(tmp / "q.jsonl"),
                                    "--jobs", "2", "--no-cache"], sample)
    print(f"{'progress':<16}{'main RSS MiB':>14}{'largest worker RSS MiB':>24}")
    for label, main, worker in rows:
        print(f"{label:<16}{main / 1024:>14.0f}{worker / 1024:>24.0f}")
    print(lines[-1] if lines else "")
    print(f"{seconds:.0f} s; peak MiB per process: "
          f"{', '.join(f'{v / 1024:.0f}' for v in peaks.values() if v > 50 * 1024)}")
    live = [r for r in rows if r[2]]  # the last line may come after the workers exited
    first, last = live[0], live[-1]
    flat = last[1] <= first[1] * 1.2 + 20 * 1024 and last[2] <= first[2] * 1.2 + 20 * 1024
    print(f"memory flat (last tenth within 20% + 20 MiB of the first): {flat}")
    return flat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=EVAL / "polnear_dev.jsonl")
    parser.add_argument("--train", type=Path, default=EVAL / "polnear_train.jsonl")
    parser.add_argument("--long", type=int, default=0, metavar="N",
                        help="also run a collection of N articles (2000 in docs/scale.md)")
    parser.add_argument("--skip-ratio", action="store_true", help="only part 2")
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        print("this benchmark reads memory from /proc (Linux)", file=sys.stderr)
        return 2
    if not args.dev.exists():
        print(f"no data at {args.dev}; pass --dev FILE", file=sys.stderr)
        return 2
    cli = str(Path(sys.executable).with_name("stance-reader"))
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_ratio:
            ok = jobs_ratio(cli, Path(tmp), args.dev)
        if args.long:
            ok = long_memory(cli, Path(tmp), args.train, args.long) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
