"""`--dask`: the same analyses on a local Dask cluster of two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from stance_reader.collection.pool import run_local
from tests.collection.articles import write_collection

pytestmark = [pytest.mark.model, pytest.mark.slow]
distributed = pytest.importorskip("distributed", reason="needs stance-reader[cluster]")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_gives_the_same_analyses_as_one_job(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.collection.cluster import PLUGIN_NAME, run_dask

    files = [str(f) for f in write_collection(tmp_path)]
    files.append(str(tmp_path / "missing.txt"))
    local = list(run_local(files, jobs=1))
    remote = list(run_dask(files, address=client))
    assert [o.path for o in remote] == files
    assert [o.analysis for o in remote] == [o.analysis for o in local]
    assert [o.outlet for o in remote] == [o.outlet for o in local]
    assert remote[-1].analysis is None and "missing.txt cannot be read" in (remote[-1].error or "")
    assert all(o.analysis is not None and o.analysis.quotes for o in remote[:-1])
    # each worker loaded the model once, through the plugin, when it registered
    loaded = client.run(lambda: sorted(__import__("stance_reader.core.nlp").core.nlp._cache))
    assert len(loaded) == 2 and all(v for v in loaded.values())
    assert PLUGIN_NAME in client.run_on_scheduler(
        lambda dask_scheduler: list(dask_scheduler.worker_plugins))


def test_an_unreachable_scheduler_is_named(tmp_path: Path) -> None:
    from stance_reader.collection.cluster import ClusterUnavailable, run_dask

    with pytest.raises(ClusterUnavailable, match="tcp://127.0.0.1:9"):
        list(run_dask([str(tmp_path / "a.txt")], address="tcp://127.0.0.1:9", timeout=2))
