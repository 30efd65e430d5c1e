"""One window per user: a second `stance-reader FILE` hands its files to the running one.

The running window listens on a local socket in a private per-user folder
(`$XDG_RUNTIME_DIR`, else a 0700 folder of our own in the temporary folder; on Windows a
named pipe limited to the user). A new process first checks that the socket and the
process behind it belong to the same user, then sends its files (see instance_message)
and exits 0 once the window answers `ok`; otherwise it starts normally. Another user who
creates the socket first gets nothing, and a message that is too long, malformed or names
anything but regular files is answered `error …` and logged. Reading is bounded and each
connection has a time limit, so the window never waits on a sender. A socket left by a
crash is removed before listening. On macOS, files arrive as QFileOpenEvent; they are
queued until the window exists.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import socket as pysocket
import stat
import struct
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

from stance_reader.ui.instance_message import MAX_MESSAGE_BYTES, BadMessage, decode, encode

log = logging.getLogger(__name__)
CONNECT_MS = 500
REPLY_MS = 5000
CONNECTION_MS = 3000  # a sender that has not sent its line by then is dropped


def _scope() -> str:
    """Per user (and per STANCE_READER_HOME, so tests and portable installs are apart)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in odd environments
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    scope = os.environ.get("STANCE_READER_HOME", "") + "|" + user
    return "stance-reader-" + hashlib.sha1(scope.encode()).hexdigest()[:16]


def _private(folder: Path) -> bool:
    """A folder of ours that no one else may enter (not a link planted by someone)."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077


def private_folder() -> Path | None:
    """$XDG_RUNTIME_DIR, else our own 0700 folder in the temporary folder; None when
    neither is safe (someone else made it first): single instance is then off."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _private(Path(runtime)):
        return Path(runtime)
    folder = Path(tempfile.gettempdir()) / f"stance-reader-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    if not _private(folder):
        log.warning("single instance off: %s is not a private folder of this user", folder)
        return None
    return folder


def server_name() -> str | None:
    """The socket path (POSIX) or pipe name (Windows); None when no safe place exists."""
    if not hasattr(os, "getuid"):
        return _scope()
    folder = private_folder()
    return str(folder / f"{_scope()}.sock") if folder is not None else None


def _peer_uid(conn: QLocalSocket) -> int | None:
    """The user id of the process at the other end (Linux), else None (unknown)."""
    option = getattr(pysocket, "SO_PEERCRED", None)
    fd = int(conn.socketDescriptor())
    if option is None or fd < 0:
        return None
    sock = pysocket.socket(fileno=os.dup(fd))
    try:
        _, uid, _ = struct.unpack("3i", sock.getsockopt(pysocket.SOL_SOCKET, option,
                                                        struct.calcsize("3i")))
        return uid
    except OSError:
        return None
    finally:
        sock.close()


def _same_user(conn: QLocalSocket) -> bool:
    if not hasattr(os, "getuid"):
        return True  # Windows: the pipe is limited to the user (UserAccessOption)
    uid = _peer_uid(conn)
    return uid is None or uid == os.getuid()


def forward_to_running(files: list[str], name: str | None = None) -> bool:
    """True when a running window of this user took the files (this process exits 0)."""
    name = name or server_name()
    if name is None:
        return False
    if hasattr(os, "getuid"):
        try:
            owner = os.lstat(name).st_uid
        except OSError:
            return False  # no window running
        if owner != os.getuid():
            log.warning("ignored %s: it belongs to another user", name)
            return False
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    if not _same_user(socket):
        log.warning("ignored %s: the process behind it belongs to another user", name)
        socket.abort()
        return False
    socket.write(encode(files))
    socket.flush()
    socket.waitForBytesWritten(REPLY_MS)
    ok = socket.waitForReadyRead(REPLY_MS) and bytes(socket.readLine(64).data()).startswith(b"ok")
    socket.disconnectFromServer()
    return ok


class InstanceServer(QObject):
    """Listens for files from later processes and opens them in `window`."""

    def __init__(self, window: Any, name: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self.server.newConnection.connect(self._on_new_connection)
        if self.name is None:
            log.warning("single instance unavailable: no private folder for its socket")
        elif not self.server.listen(self.name):
            # A socket file left behind by a crashed window: nobody answered on it (else
            # this process would have handed its files over), so remove it and retry.
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning("single instance unavailable: %s", self.server.errorString())

    def _on_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            if not _same_user(conn):
                log.warning("refused a connection from another user")
                conn.abort()
                conn.deleteLater()
                continue
            conn.setReadBufferSize(MAX_MESSAGE_BYTES + 1)
            self._buffers[conn] = b""
            conn.readyRead.connect(lambda c=conn: self._on_ready_read(c))
            conn.disconnected.connect(lambda c=conn: self._forget(c))
            QTimer.singleShot(CONNECTION_MS, self, lambda c=conn: self._expire(c))

    def _forget(self, conn: QLocalSocket) -> None:
        if self._buffers.pop(conn, None) is not None:
            conn.deleteLater()

    def _expire(self, conn: QLocalSocket) -> None:
        if conn in self._buffers:
            log.warning("dropped a connection that sent no complete message in time")
            self._answer(conn, b"error timeout")

    def _answer(self, conn: QLocalSocket, reply: bytes) -> None:
        self._buffers.pop(conn, None)
        conn.write(reply + b"\n")
        conn.flush()
        conn.disconnectFromServer()
        conn.deleteLater()

    def _on_ready_read(self, conn: QLocalSocket) -> None:
        if conn not in self._buffers:
            return
        room = MAX_MESSAGE_BYTES + 1 - len(self._buffers[conn])
        buffer = self._buffers[conn] + bytes(conn.read(max(room, 0)).data())
        self._buffers[conn] = buffer
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE_BYTES:
                log.warning("ignored a message over %d bytes from another instance",
                            MAX_MESSAGE_BYTES)
                self._answer(conn, b"error too long")
            return
        try:
            files = decode(buffer.split(b"\n", 1)[0])
        except BadMessage as exc:
            log.warning("ignored a message from another instance: %s", exc)
            self._answer(conn, f"error {exc}".encode("utf-8", "replace")[:500])
            return
        self._answer(conn, b"ok")
        for f in files:
            self.window.open_path(f)
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()


class FileOpenFilter(QObject):
    """macOS hands files to the application as QFileOpenEvent; queue until the window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.window: Any = None
        self.queued: list[str] = []
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # type: ignore[attr-defined]
            if self.window is None:
                self.queued.append(path)
            else:
                self.window.open_path(path)
            return True
        return False

    def attach(self, window: Any) -> None:
        self.window = window
        for path in self.queued:
            window.open_path(path)
        self.queued.clear()


def listen(window: Any) -> InstanceServer:
    return InstanceServer(window)
