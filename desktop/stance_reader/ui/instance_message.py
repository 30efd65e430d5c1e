"""The message a second `stance-reader FILE` sends the running window, and its checks.

Anything may connect to the socket, so a message is untrusted: at most
`MAX_MESSAGE_BYTES` on one line, JSON `{"protocol": 1, "files": [...]}`, at most
`MAX_FILES` files, each an absolute path to an existing regular file. A message that
does not fit is answered with `error <reason>` and logged, never shown as a dialog.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

PROTOCOL = 1
MAX_MESSAGE_BYTES = 64 * 1024
MAX_FILES = 100
MAX_PATH_CHARS = 4096


class BadMessage(ValueError):
    """A message from another process that does not follow the protocol."""


def encode(files: list[str]) -> bytes:
    """The line to send for `files` (made absolute against this process's folder)."""
    absolute = [str(Path(f).expanduser().absolute()) for f in files][:MAX_FILES]
    return (json.dumps({"protocol": PROTOCOL, "files": absolute}) + "\n").encode("utf-8")


def decode(line: bytes) -> list[str]:
    """The files a message asks to open; BadMessage says what is wrong with it."""
    if len(line) > MAX_MESSAGE_BYTES:
        raise BadMessage(f"message over {MAX_MESSAGE_BYTES} bytes")
    try:
        data = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # bad UTF-8, bad JSON, nesting too deep
        raise BadMessage(f"not a JSON message ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise BadMessage("not a JSON object")
    protocol = data.get("protocol")
    if type(protocol) is not int or protocol != PROTOCOL:
        raise BadMessage(f"protocol {str(protocol)[:20]!r} is not {PROTOCOL}")
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise BadMessage("files is not a list of paths")
    if len(files) > MAX_FILES:
        raise BadMessage(f"more than {MAX_FILES} files")
    for f in files:
        if len(f) > MAX_PATH_CHARS or "\x00" in f or not os.path.isabs(f):
            raise BadMessage(f"{f[:80]!r} is not an absolute path")
        try:
            regular = Path(f).is_file()
        except (OSError, ValueError):
            regular = False
        if not regular:
            raise BadMessage(f"{f[:80]!r} is not a file")
    return files
