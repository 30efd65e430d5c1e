"""One window per user: a second `stance-reader FILE` hands its files to the running one.

The running window listens on a per-user local socket (QLocalServer). A new process first
tries to connect; if a window answers, it sends a versioned JSON message with the files
(absolute paths) and exits 0; otherwise it starts normally. A socket left by a crash is
removed before listening. On macOS, files arrive as QFileOpenEvent; they are queued until
the window exists.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
PROTOCOL = 1
CONNECT_MS = 500
REPLY_MS = 5000


def server_name() -> str:
    """Per user (and per STANCE_READER_HOME, so tests and portable installs are apart)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in odd environments
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    scope = os.environ.get("STANCE_READER_HOME", "") + "|" + user
    return "stance-reader-" + hashlib.sha1(scope.encode()).hexdigest()[:16]


def forward_to_running(files: list[str], name: str | None = None) -> bool:
    """True when a running window took the files (this process should exit 0)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = {"protocol": PROTOCOL, "cwd": os.getcwd(),
               "files": [str(Path(f).expanduser().absolute()) for f in files]}
    socket.write((json.dumps(message) + "\n").encode("utf-8"))
    socket.flush()
    socket.waitForBytesWritten(REPLY_MS)
    ok = socket.waitForReadyRead(REPLY_MS) and bytes(socket.readAll().data()).startswith(b"ok")
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
        if not self.server.listen(self.name):
            # A socket file left behind by a crashed window: nobody answered on it (else
            # this process would have handed its files over), so remove it and retry.
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning("single instance unavailable: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def _on_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            self._buffers[conn] = b""
            conn.readyRead.connect(lambda c=conn: self._on_ready_read(c))
            conn.disconnected.connect(lambda c=conn: self._forget(c))

    def _forget(self, conn: QLocalSocket) -> None:
        self._buffers.pop(conn, None)
        conn.deleteLater()

    def _on_ready_read(self, conn: QLocalSocket) -> None:
        self._buffers[conn] = self._buffers.get(conn, b"") + bytes(conn.readAll().data())
        if b"\n" not in self._buffers[conn]:
            return
        line = self._buffers[conn].split(b"\n", 1)[0]
        try:
            message = json.loads(line)
            if message.get("protocol") != PROTOCOL:
                raise ValueError(f"protocol {message.get('protocol')!r}")
            files = [str(f) for f in message.get("files", [])]
        except (ValueError, AttributeError) as exc:
            log.warning("ignored a message from another instance: %s", exc)
            conn.write(b"error\n")
            return
        conn.write(b"ok\n")
        conn.flush()
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
