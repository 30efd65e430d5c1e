"""Settings: round trips, tolerant loading, corrupt files, atomic writes under kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import fields
from pathlib import Path

import pytest

from stance_reader.errors import StoreError
from stance_reader.store.paths import user_paths
from stance_reader.store.settings import SPECS, Settings, SettingsStore

CHANGED = {"theme": "dark", "font_family": "DejaVu Serif", "font_size": 15, "zoom": 130,
           "reading_width": 80, "default_layers": ("speakers", "tone"),
           "tone_positive": 0.1, "tone_negative": -0.2, "spacy_model": "en_core_web_md",
           "restore_last_session": False, "history_enabled": False, "recent_files_limit": 5,
           "single_instance": False, "last_folder": "/home/reader/news"}


def test_every_setting_round_trips(tmp_path: Path) -> None:
    assert set(CHANGED) == {f.name for f in fields(Settings)} - {"extra"} == set(SPECS)
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    heard: list[str] = []
    store.subscribe(heard.append)
    store.update(**CHANGED)
    assert sorted(heard) == sorted(CHANGED)
    again = SettingsStore(tmp_path / "settings.json").load()
    for name, value in CHANGED.items():
        assert getattr(again, name) == value, name


def test_paths_follow_the_environment_variable(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STANCE_READER_HOME", str(tmp_path))
    p = user_paths()
    assert p.settings_file == tmp_path / "config" / "settings.json"
    assert p.history_db.parent == tmp_path / "data" and p.log.parent == tmp_path


def test_unknown_keys_kept_and_bad_values_fall_back(tmp_path: Path) -> None:
    f = tmp_path / "settings.json"
    f.write_text(json.dumps({"theme": "purple", "zoom": "big", "font_size": 14,
                             "future_option": {"x": 1}}), encoding="utf-8")
    store = SettingsStore(f)
    s = store.load()
    assert (s.theme, s.zoom, s.font_size) == ("system", 100, 14)
    assert len(store.warnings) == 2 and "purple" in store.warnings[0] + store.warnings[1]
    store.update(zoom=120)
    assert json.loads(f.read_text(encoding="utf-8"))["future_option"] == {"x": 1}
    with pytest.raises(StoreError, match="must be one of"):
        store.update(theme="purple")


def test_corrupt_settings_are_moved_aside_and_reported_once(tmp_path: Path) -> None:
    f = tmp_path / "settings.json"
    f.write_text("{not json", encoding="utf-8")
    store = SettingsStore(f)
    assert store.load() == Settings()
    assert len(store.notices) == 1 and "moved" in store.notices[0]
    assert [p.name.startswith("settings.json.corrupt-") for p in tmp_path.iterdir()] == [True]
    store.update(theme="light")
    store2 = SettingsStore(f)
    store2.load()
    assert store2.notices == [] and store2.settings.theme == "light"


WRITER = """
import sys
from pathlib import Path
from stance_reader.store.settings import SettingsStore
store = SettingsStore(Path(sys.argv[1]))
store.load()
print("ready", flush=True)
i = 0
while True:
    i += 1
    store.update(zoom=50 + i % 250, font_family="x" * (i % 5000))
"""


def test_kill_during_writes_leaves_old_or_new_file_never_broken(tmp_path: Path) -> None:
    f = tmp_path / "settings.json"
    for round_ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(f)], stdout=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(0.2 + round_ * 0.07)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        store = SettingsStore(f)
        store.load()
        assert store.notices == [] and store.warnings == []
        assert 50 <= store.settings.zoom <= 300


def test_a_removed_setting_in_an_old_file_is_kept_but_unused(tmp_path: Path) -> None:
    """`palette` was offered but never read: old files keep the key, nothing breaks."""
    path = tmp_path / "settings.json"
    path.write_text('{"palette": "tol", "zoom": 120}', encoding="utf-8")
    store = SettingsStore(path)
    settings = store.load()
    assert settings.zoom == 120 and settings.extra == {"palette": "tol"} and not store.warnings
    assert not hasattr(settings, "palette")
