"""Single instance against other local users and bad messages (issue #11, problem 8)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

pytestmark = [pytest.mark.gui, pytest.mark.skipif(not hasattr(socket, "AF_UNIX"),
                                                  reason="POSIX local sockets")]

VICTIM = r"""
import sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from stance_reader.ui.single_instance import forward_to_running
sys.exit(5 if forward_to_running([sys.argv[1]]) else 0)
"""


def _listen(path: Path, received: list[bytes], stop: threading.Event) -> socket.socket:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(4)
    server.settimeout(0.2)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            conn.settimeout(2)
            try:
                received.append(conn.recv(65536))
                conn.sendall(b"ok\n")
            except OSError:
                pass
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return server


def test_a_socket_planted_by_someone_else_receives_nothing(tmp_path: Path) -> None:
    """Another user listens first where a window's socket would be: at the old
    predictable name in the temporary folder, and in a shared (not private) folder."""
    from stance_reader.ui import single_instance

    tmp = Path(tempfile.mkdtemp(prefix="sr-"))  # short: socket paths are limited
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
    env.update(TMPDIR=str(tmp), QT_QPA_PLATFORM="offscreen")
    shared = tmp / f"stance-reader-{os.getuid()}"
    shared.mkdir()
    shared.chmod(0o777)  # made by the other user, open to all
    scope = subprocess.run([sys.executable, "-c", "from stance_reader.ui.single_instance "
                            "import _scope; print(_scope())"], env=env, capture_output=True,
                           text=True, check=True).stdout.strip()
    assert single_instance._private(shared) is False  # open to all: not used
    received: list[bytes] = []
    stop = threading.Event()
    servers = [_listen(tmp / scope, received, stop), _listen(shared / f"{scope}.sock", received, stop)]
    try:
        victim = subprocess.run([sys.executable, "-c", VICTIM, str(SAMPLE)], env=env,
                                capture_output=True, text=True, timeout=60)
    finally:
        stop.set()
        for s in servers:
            s.close()
        shutil.rmtree(tmp)
    assert victim.returncode == 0, victim.stderr[-800:]  # it starts its own window
    assert received == []


def test_the_socket_lives_in_a_private_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.ui.single_instance import server_name

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    name = Path(server_name())  # type: ignore[arg-type]
    folder = name.parent.stat()
    assert folder.st_uid == os.getuid() and stat.S_IMODE(folder.st_mode) == 0o700
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(server_name()).parent == runtime  # type: ignore[arg-type]


class _Host:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def open_path(self, p: str) -> None:
        self.opened.append(p)

    def showNormal(self) -> None: ...  # noqa: N802
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...  # noqa: N802


@pytest.fixture
def instance(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject

    from stance_reader.ui.single_instance import InstanceServer

    monkeypatch.setattr("stance_reader.ui.single_instance.CONNECTION_MS", 500)
    host = _Host()
    parent = QObject()
    server = InstanceServer(parent, name=str(tmp_path / "i.sock"))
    server.window = host
    assert server.server.isListening()
    yield server, host
    server.server.close()


def _send(path: str, payload: bytes, replies: list[bytes]) -> None:
    client = socket.socket(socket.AF_UNIX)
    client.settimeout(10)
    client.connect(path)
    try:
        if payload:
            client.sendall(payload)
        replies.append(client.recv(1000))
    except OSError as exc:
        replies.append(f"closed {exc}".encode())
    finally:
        client.close()


def _exchange(qtbot, server, payloads: list[bytes]) -> list[bytes]:  # type: ignore[no-untyped-def]
    replies: list[bytes] = []
    for batch in range(0, len(payloads), 10):  # ten senders at a time (the listen backlog)
        threads = [threading.Thread(target=_send, args=(server.name, p, replies))
                   for p in payloads[batch:batch + 10]]
        for t in threads:
            t.start()
        qtbot.waitUntil(lambda: len(replies) == min(len(payloads), batch + 10), timeout=20_000)
        for t in threads:
            t.join()
    return replies


def test_malformed_messages_are_answered_never_shown(qtbot, instance, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    server, host = instance
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    bad = [b"not json\n", b"[1, 2]\n", b"[" * 60_000 + b"\n", b"\xff\xfe\n",
           b'{"protocol": 1, "files": "ab"}\n', b'{"protocol": true, "files": []}\n',
           b'{"protocol": 1e999, "files": []}\n', b'{"protocol": 1, "files": ["rel.txt"]}\n',
           json.dumps({"protocol": 1, "files": [str(fifo)]}).encode() + b"\n",
           json.dumps({"protocol": 1, "files": ["/no/such/file.txt"]}).encode() + b"\n",
           json.dumps({"protocol": 1, "files": [str(SAMPLE)] * 101}).encode() + b"\n"]
    replies = _exchange(qtbot, server, bad * 18)  # 198 bad messages
    assert all(r.startswith(b"error") for r in replies), {r[:60] for r in replies}
    assert host.opened == []
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]  # no dialogs
    good = json.dumps({"protocol": 1, "files": [str(SAMPLE)]}).encode() + b"\n"
    assert _exchange(qtbot, server, [good]) == [b"ok\n"] and host.opened == [str(SAMPLE)]


def test_a_huge_message_is_cut_off_at_once(qtbot, instance) -> None:  # type: ignore[no-untyped-def]
    server, host = instance
    replies = _exchange(qtbot, server, [b"x" * 20_000_000])
    assert replies[0].startswith(b"error too long") or replies[0].startswith(b"closed")
    assert server._buffers == {} and host.opened == []


def test_a_silent_sender_is_dropped_after_its_time(qtbot, instance) -> None:  # type: ignore[no-untyped-def]
    server, _ = instance
    assert _exchange(qtbot, server, [b""]) == [b"error timeout\n"]


def test_the_peer_is_this_user(qtbot, instance) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtNetwork import QLocalSocket

    from stance_reader.ui.single_instance import _peer_uid

    server, _ = instance
    client = QLocalSocket()
    client.connectToServer(server.name)
    assert client.waitForConnected(2000)
    uid = _peer_uid(client)
    assert uid is None or uid == os.getuid()
    if hasattr(socket, "SO_PEERCRED"):
        assert uid == os.getuid()
    client.abort()
