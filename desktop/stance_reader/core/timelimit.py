"""Running a load with a time limit: a file on a hung network share, or any read that never
returns, must not keep a document (or the whole program, at quit) waiting for ever.

Python cannot stop a thread, so the work runs in a daemon thread that is abandoned when
the limit passes or the job is cancelled; the caller gets `TimedOut` (or `Cancelled`) at
once and the process can still exit.
"""

from __future__ import annotations

import threading
from typing import Callable, TypeVar

from stance_reader.core.types import CancelToken
from stance_reader.errors import InputError

T = TypeVar("T")
LOAD_SECONDS = 60.0
_POLL = 0.05


class TimedOut(InputError):
    """Opening a file took longer than the time limit."""


def call_with_time_limit(fn: Callable[[str], T], path: str, *, seconds: float | None = None,
                         cancel: CancelToken | None = None) -> T:
    """`fn(path)`, or TimedOut after `seconds` (default LOAD_SECONDS), or Cancelled as soon
    as `cancel` is set."""
    seconds = LOAD_SECONDS if seconds is None else seconds
    outcome: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        try:
            outcome["value"] = fn(path)
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=work, name=f"load {path}", daemon=True).start()
    waited = 0.0
    while not done.wait(_POLL):
        waited += _POLL
        if cancel is not None:
            cancel.raise_if_cancelled()
        if waited >= seconds:
            raise TimedOut(f"{path} could not be read within {seconds:.0f} seconds (a network "
                           "drive that does not answer?); try again or copy it locally", path)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
