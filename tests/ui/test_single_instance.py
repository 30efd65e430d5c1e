"""Single instance: a second `stance-reader FILE` opens its file in the running window."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import SAMPLE

pytestmark = [pytest.mark.gui, pytest.mark.model]

LISTEN_AND_WAIT = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
from stance_reader.ui.single_instance import server_name
app = QCoreApplication([])
server = QLocalServer()
assert server.listen(server_name())
print("listening", flush=True)
app.exec()
"""


def test_second_instance_hands_its_file_to_the_first_window(qtbot, nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.ui.app import create_window
    from stance_reader.ui.single_instance import listen

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    shutil.copy(SAMPLE, first)
    shutil.copy(SAMPLE, second)
    window = create_window([str(first)])
    qtbot.addWidget(window)
    window._instance_server = listen(window)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "stance_reader", str(second)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=120_000)
    assert proc.returncode == 0, proc.stderr.read().decode()[-800:]
    paths = [window.tabs.widget(i).path for i in range(window.tabs.count())]
    assert paths == [str(first), str(second)]
    window.pool.waitForDone(60_000)
    window.history.close()


def test_stale_socket_from_a_crash_is_cleaned_up(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from stance_reader.ui.single_instance import InstanceServer, forward_to_running

    crashed = subprocess.Popen([sys.executable, "-c", LISTEN_AND_WAIT], stdout=subprocess.PIPE,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert crashed.stdout is not None and crashed.stdout.readline().strip() == b"listening"
    os.kill(crashed.pid, signal.SIGKILL)
    crashed.wait()
    time.sleep(0.1)
    assert forward_to_running([str(SAMPLE)]) is False  # nobody answers on the stale socket

    class Host(QWidget):
        opened: list[str] = []

        def open_path(self, p: str) -> None:
            self.opened.append(p)

    host = Host()
    qtbot.addWidget(host)
    server = InstanceServer(host)
    assert server.server.isListening()
    proc = subprocess.Popen([sys.executable, "-c",
                             "import sys\nfrom PySide6.QtCore import QCoreApplication\n"
                             "app = QCoreApplication([])\n"
                             "from stance_reader.ui.single_instance import forward_to_running\n"
                             f"sys.exit(0 if forward_to_running([{str(SAMPLE)!r}]) else 3)"],
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60_000)
    assert proc.returncode == 0 and host.opened == [str(SAMPLE)]
