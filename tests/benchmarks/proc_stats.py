"""What a process and its descendants use, read from /proc (Linux): for the benchmarks
that report CPU seconds and memory per process."""

from __future__ import annotations

import os
from pathlib import Path


def descendants(pid: int) -> list[int]:
    """Children of every thread, recursively (a Dask LocalCluster starts its nannies from
    its event loop's thread, a forkserver its workers from its own)."""
    out, todo = [], [pid]
    while todo:
        kids = []
        for task in Path(f"/proc/{todo[0]}/task").glob("*"):
            try:
                kids += [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                pass
        todo = todo[1:] + kids
        out += kids
    return out


def kib(pid: int, field: str) -> int:
    """A memory field of /proc/PID/status (VmRSS, VmHWM) in KiB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) process `pid` has used; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0
