"""Many articles on a Dask cluster (`--dask ADDRESS`), the same job as on one machine.

Needs the optional extra `stance-reader[cluster]` (dask and distributed). A worker plugin
loads the spaCy pipeline and tone model once per worker process when it joins; every
article after that reuses them. The client reads each file and sends its bytes, so the
workers need the project installed but no access to the client's disk. As on one
machine, at most a window of articles is in flight and results come back in input order.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any, Iterable, Iterator

from stance_reader.collection.work import Outcome, analyse_bytes, warm
from stance_reader.core.types import CancelToken
from stance_reader.errors import StanceReaderError

WINDOW_PER_WORKER = 4
PLUGIN_NAME = "stance-reader-model"


class ClusterUnavailable(StanceReaderError):
    """Dask is not installed, or the scheduler cannot be reached."""


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # the extra is not installed: run_dask says so
    _PluginBase = object  # type: ignore[assignment,misc]


class ModelPlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """Loads the model once in each worker process, as the worker starts."""

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        warm(self.model)


def _client(address: str, timeout: float) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ClusterUnavailable(
            "--dask needs the cluster extra: pip install 'stance-reader[cluster]'") from None
    try:
        return Client(address, timeout=f"{timeout}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def _read(path: str) -> bytes | Outcome:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        return Outcome(path, error=f"{path} cannot be read: {exc.strerror or exc}")


def run_dask(paths: Iterable[str], *, address: str | Any, model: str | None = None,
             cancel: CancelToken | None = None, timeout: float = 20.0) -> Iterator[Outcome]:
    """Outcomes of `paths` in order, analysed on the cluster at `address` (or an existing
    `distributed.Client`). Raises ClusterUnavailable without the extra, or when the
    scheduler does not answer within `timeout` seconds."""
    own = isinstance(address, str)
    client: Any = _client(address, timeout) if isinstance(address, str) else address
    try:
        client.register_plugin(ModelPlugin(model), name=PLUGIN_NAME)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = WINDOW_PER_WORKER * workers
        pending: deque[Any] = deque()  # futures, or Outcomes for files that could not be read
        todo = iter(paths)

        def submit(path: str) -> None:
            data = _read(path)
            pending.append(data if isinstance(data, Outcome) else
                           client.submit(analyse_bytes, data, path, model,
                                         str(Path(path).resolve()), pure=False))

        for path in todo:
            submit(path)
            if len(pending) >= window:
                break
        while pending:
            if cancel is not None and cancel.cancelled:
                return
            head = pending.popleft()
            outcome = head if isinstance(head, Outcome) else head.result()
            if not isinstance(head, Outcome):
                head.release()
            nxt = next(todo, None)
            if nxt is not None:
                submit(nxt)
            yield outcome
    finally:
        if own:
            client.close()
