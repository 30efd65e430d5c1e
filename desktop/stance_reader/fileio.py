"""Atomic file writes: a temporary file in the same folder, fsync, then os.replace.

A reader of the target sees the old file or the new one, never a half-written one, and a
failed write leaves nothing behind. Used by the store, the exports and the evaluations.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Any, Self

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


def current_umask() -> int:
    """The process umask, read without changing it where the system says (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def file_mode(target: Path) -> int:
    """The mode a written file gets: the one it had when it is replaced, else what any
    program's new file gets (0666 less the umask). mkstemp alone would leave 0600."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except (OSError, ValueError):
        return 0o666 & ~current_umask()


def _temp_stem(target: Path) -> str:
    """The target's name in its temporary file's name, cut when long: a valid long name
    (up to 255 bytes) must not make the temporary name too long to create."""
    name = target.name
    return name if len(os.fsencode(name)) <= 200 else name[:40]


def atomic_write_bytes(path: str | Path, data: bytes, *, mode: int | None = None) -> Path:
    """Write `data` to `path` atomically; raises WriteFailed with a readable reason.

    The file gets `mode`, or by default `file_mode(path)` (the umask is honoured)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{_temp_stem(target)}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(target) if mode is None else mode)
        os.replace(tmp, target)
        tmp = None
        _fsync_dir(folder)
        return target
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        if isinstance(exc, ValueError):
            raise WriteFailed(f"cannot write {target}: the name holds a NUL character") from exc
        reason = {errno.ENOSPC: "the disk is full", errno.EACCES: "permission denied",
                  errno.EPERM: "permission denied", errno.ENOENT: "the folder does not exist",
                  errno.EROFS: "the disk is read-only",
                  errno.ENAMETOOLONG: "the file name is too long",
                  errno.EISDIR: "it is a folder"}.get(exc.errno or 0, exc.strerror or str(exc))
        raise WriteFailed(f"cannot write {target}: {reason}") from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def atomic_write_text(path: str | Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


# Read once, at import (os.umask can only be read by setting it): the permissions a plain
# open() would give, for files that appear through a temporary file (mkstemp makes 0600).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


class KeptOnSuccess:
    """The `with` protocol of an output written in pieces: kept (`keep`) when the block
    ends normally, dropped (`drop`) when it raises, so no half-written file is left."""

    def keep(self) -> object:
        raise NotImplementedError

    def drop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.keep()
        else:
            self.drop()


class AtomicFile(KeptOnSuccess):
    """A file written in pieces that appears at `path` only when `commit()` is called;
    `discard()` (or an exception inside `with`) leaves nothing behind. For outputs written
    as results arrive (the quote sheet), where the whole content never sits in memory."""

    def __init__(self, path: str | Path, mode: str = "w") -> None:
        self.path = Path(path)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        self._folder = folder
        try:
            fd, self._tmp = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.",
                                             suffix=".tmp")
        except OSError as exc:
            raise WriteFailed(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.handle: IO[Any] = (os.fdopen(fd, mode) if "b" in mode else
                                os.fdopen(fd, mode, encoding="utf-8", newline=""))

    def commit(self) -> Path:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.chmod(self._tmp, 0o666 & ~_UMASK)
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise WriteFailed(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        _fsync_dir(self._folder)
        return self.path

    def discard(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass
        try:
            os.unlink(self._tmp)
        except OSError:
            pass

    def keep(self) -> Path:
        return self.commit()

    def drop(self) -> None:
        self.discard()


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
        candidates = list(target.parent.glob(f".{glob_escape(_temp_stem(target))}.*.tmp"))
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
