"""Atomic file writes: a temporary file in the same folder, fsync, then os.replace.

A reader of the target sees the old file or the new one, never a half-written one, and a
failed write leaves nothing behind. Used by the store, the exports and the evaluations.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from stance_reader.errors import StanceReaderError


class WriteFailed(StanceReaderError):
    """A file could not be written (permissions, full disk, missing folder)."""


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform (Windows)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | Path, data: bytes, *, mode: int | None = None) -> Path:
    """Write `data` to `path` atomically; raises WriteFailed with a readable reason."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
        _fsync_dir(folder)
        return target
    except OSError as exc:
        reason = {errno.ENOSPC: "the disk is full", errno.EACCES: "permission denied",
                  errno.EPERM: "permission denied", errno.ENOENT: "the folder does not exist",
                  errno.EROFS: "the disk is read-only"}.get(exc.errno or 0, exc.strerror or str(exc))
        raise WriteFailed(f"cannot write {target}: {reason}") from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def atomic_write_text(path: str | Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


def remove_stale_temp_files(target: str | Path, older_than_s: float = 60.0) -> list[Path]:
    """Delete the temporary files a killed `atomic_write_*` of `target` left behind.

    Only files named as this module names them (".<name>.<random>.tmp" beside the
    target) and older than `older_than_s` (a write in progress in another process takes
    milliseconds) are removed. Returns what was removed; never raises.
    """
    import time

    target = Path(target)
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{glob_escape(target.name)}.*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            if tmp.is_file() and time.time() - tmp.stat().st_mtime > older_than_s:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            pass
    return removed


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)
