"""Shared small types: callbacks the core accepts from its callers."""

from __future__ import annotations

import threading
from typing import Protocol

from stance_reader.errors import Cancelled


class ProgressFn(Protocol):
    """Called with a fraction in [0, 1] and a short description of the current stage."""

    def __call__(self, fraction: float, stage: str) -> None: ...


def no_progress(fraction: float, stage: str) -> None:
    """The default progress callback: ignore progress."""


class CancelToken:
    """A flag the caller sets from any thread; the core checks it between stages."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
