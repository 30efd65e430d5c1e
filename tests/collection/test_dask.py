"""`--dask`: the same analyses on a local Dask cluster of two worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.collection.articles import write_collection

pytestmark = [pytest.mark.model, pytest.mark.slow]
pytest.importorskip("distributed", reason="needs stance-reader[cluster]")


# Run in a child process: a scheduler and client in the test process would raise its
# memory for every later test that measures a child forked from it.
CHILD = r"""
import json, sys
import distributed
from stance_reader.collection.cluster import PLUGIN_NAME, run_dask
from stance_reader.collection.pool import run_local
files = sys.argv[1:]
cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                   dashboard_address=None)
with distributed.Client(cluster) as client:
    remote = list(run_dask(files, address=client))
    loaded = client.run(lambda: sorted(__import__("stance_reader.core.nlp").core.nlp._cache))
    plugins = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins))
cluster.close()
local = list(run_local(files, jobs=1))
print(json.dumps({
    "paths": [o.path for o in remote],
    "same": [o.analysis for o in remote] == [o.analysis for o in local],
    "outlets_same": [o.outlet for o in remote] == [o.outlet for o in local],
    "errors": [o.error for o in remote],
    "quotes": [len(o.analysis.quotes) if o.analysis else 0 for o in remote],
    "loaded": [bool(v) for v in loaded.values()],
    "plugin": PLUGIN_NAME in plugins}))
"""


def test_dask_gives_the_same_analyses_as_one_job(tmp_path: Path) -> None:
    files = [str(f) for f in write_collection(tmp_path)]
    files.append(str(tmp_path / "missing.txt"))
    done = subprocess.run([sys.executable, "-c", CHILD, *files], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["paths"] == files and report["same"] and report["outlets_same"]
    assert "missing.txt cannot be read" in (report["errors"][-1] or "")
    assert all(report["quotes"][:-1])
    # each of the two workers loaded the model once, through the plugin, when it registered
    assert report["loaded"] == [True, True] and report["plugin"]


def test_an_unreachable_scheduler_is_named(tmp_path: Path) -> None:
    from stance_reader.collection.cluster import ClusterUnavailable, run_dask

    with pytest.raises(ClusterUnavailable, match="tcp://127.0.0.1:9"):
        list(run_dask([str(tmp_path / "a.txt")], address="tcp://127.0.0.1:9", timeout=2))
