"""Reading a file someone named, which may be hostile: only regular files, bounded reads.

A named pipe (FIFO) would block `open()` until a writer comes, a device such as
`/dev/zero` reports size 0 and never ends, a socket cannot be read at all. So the file is
opened without blocking, checked on the opened descriptor (`fstat`, not the path, which
may be swapped meanwhile), and read no further than the limit plus one byte. A file that
changes while it is read (size or modification time) is refused rather than loaded half
old, half new.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from stance_reader.errors import DocumentTooLarge, InputError

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_CHUNK = 1 << 20
_NOT_REGULAR = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a disk device"),
                (stat.S_ISSOCK, "a socket"))


class NotAFile(InputError):
    """The path names a folder, pipe, device or socket rather than a regular file."""


class FileChanged(InputError):
    """The file was replaced, grew or shrank while it was being read."""


def _too_large(name: str, size: float, max_bytes: int) -> DocumentTooLarge:
    return DocumentTooLarge(f"{name} is {size / 1e6:.1f} MB; Stance Reader opens files up "
                            f"to {max_bytes / 1e6:.0f} MB", name)


def _open_regular(path: str | Path) -> tuple[int, os.stat_result]:
    """An open descriptor of a regular file and its status; never blocks on a FIFO."""
    name = str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError(f"{name} does not exist", name) from None
    except IsADirectoryError:
        raise NotAFile(f"{name} is a folder, not an article file", name) from None
    except PermissionError:
        raise InputError(f"{name} cannot be read: permission denied", name) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device without a driver
            raise NotAFile(f"{name} is a socket or device, not an article file", name) from None
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}", name) from None
    try:
        st = os.fstat(fd)
        for test, what in _NOT_REGULAR:
            if test(st.st_mode):
                raise NotAFile(f"{name} is {what}, not an article file", name)
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile(f"{name} is not a regular file", name)
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def read_head(path: str | Path, size: int) -> bytes:
    """At most the first `size` bytes of a regular file (to recognise its kind)."""
    fd, _ = _open_regular(path)
    try:
        return os.read(fd, size)
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}", str(path)) from None
    finally:
        os.close(fd)


def read_regular_file(path: str | Path, max_bytes: int) -> bytes:
    """The whole content of a regular file of at most `max_bytes` bytes.

    Raises NotAFile, DocumentTooLarge (checked on the opened file, then again while
    reading: never more than `max_bytes + 1` bytes are read), FileChanged, or InputError.
    """
    name = str(path)
    fd, before = _open_regular(path)
    try:
        if before.st_size > max_bytes:
            raise _too_large(name, before.st_size, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise _too_large(name, max(total, before.st_size), max_bytes)
        after = os.fstat(fd)
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}", name) from None
    finally:
        os.close(fd)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) \
            or total != after.st_size:
        raise FileChanged(f"{name} changed while it was being read; open it again once it "
                          "is saved", name)
    return b"".join(chunks)
