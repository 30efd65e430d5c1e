"""Done-when of issue #11: a zip bomb, /dev/zero, a FIFO and a 1 GB "annotated copy" are
refused within 10 s and under 500 MB of memory, measured in a fresh process
(resource.getrusage) so that nothing else of the test run counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.hostile import lying_docx, sparse_annotated, zip_bomb_docx

resource = pytest.importorskip("resource")  # POSIX only

CHILD = r"""
import json, resource, sys, time
cap = 3 << 30  # a safety net for a regression: never let the child take the machine
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from stance_reader.documents import DocumentService
from stance_reader.errors import StanceReaderError
from stance_reader.store.history import NullHistory
path = sys.argv[1]
start = time.perf_counter()
try:
    DocumentService(NullHistory()).load(path)
    outcome = "loaded"
except StanceReaderError as exc:
    outcome = f"{type(exc).__name__}: {exc}"
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}))
"""


def _refusal(path: Path | str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _hostile(kind: str, tmp: Path) -> Path | str:
    if kind == "zip bomb":
        return zip_bomb_docx(tmp / "bomb.docx", 400 * 1000 * 1000)
    if kind == "lying zip":
        (tmp / "liar.docx").write_bytes(lying_docx(40 * 1000 * 1000))
        return tmp / "liar.docx"
    if kind == "fifo":
        os.mkfifo(tmp / "pipe.html")
        return tmp / "pipe.html"
    if kind == "annotated 1 GB":
        return sparse_annotated(tmp / "copy.html", 1 << 30)
    return "/dev/zero"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                    reason="POSIX special files")
@pytest.mark.parametrize("kind, refusal", [
    ("zip bomb", "DocumentTooLarge"), ("lying zip", "CorruptDocument"),
    ("fifo", "NotAFile"), ("/dev/zero", "NotAFile"), ("annotated 1 GB", "AnnotatedCopyError")])
def test_hostile_file_is_refused_quickly_and_in_little_memory(tmp_path: Path, kind: str,
                                                              refusal: str) -> None:
    report = _refusal(_hostile(kind, tmp_path))
    assert str(report["outcome"]).startswith(refusal), report
    assert float(report["seconds"]) < 10, report  # type: ignore[arg-type]
    assert float(report["peak_mb"]) < 500, report  # type: ignore[arg-type]
