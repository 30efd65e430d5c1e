"""Settings of any content never stop the program (issue #11, problem 7)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance_reader.store.settings import Settings, SettingsStore, load_settings


@pytest.mark.parametrize("content, reset", [
    (b'{"zoom": 1e999, "font_size": -1e999, "tone_positive": 1e999}', False),
    (b'{"zoom": NaN, "recent_files_limit": Infinity}', False),
    (b'{"zoom": 1e300, "tone_negative": ' + b"9" * 400 + b"}", False),
    (b'{"theme": "dark", "font_family": "\xff\xfe bad byte"}', True),
    (b'{"extra": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", True),
    (b'{"zoom": ' + b"[" * 500 + b"]" * 500 + b', "theme": "dark"}', False),
    (b'{"x": ' + b"9" * 5000 + b"}", True),
    (b"\x00" * 2_000_000, True),
])
def test_any_settings_content_gives_working_settings(tmp_path: Path, content: bytes,
                                                     reset: bool) -> None:
    f = tmp_path / "settings.json"
    f.write_bytes(content)
    store = load_settings(f)
    assert isinstance(store.settings, Settings)
    assert store.settings.zoom == Settings().zoom
    assert bool(store.notices) == reset
    if reset:
        assert "moved to settings.json.corrupt-" in store.notices[0]
    store.update(theme="light")  # and it can be saved again
    assert load_settings(f).settings.theme == "light"


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    f = tmp_path / "settings.json"
    f.write_bytes(b'\xef\xbb\xbf{"theme": "dark", "zoom": 150}')
    store = load_settings(f)
    assert store.notices == [] and (store.settings.theme, store.settings.zoom) == ("dark", 150)


def test_temp_files_of_a_killed_save_are_removed_at_start(tmp_path: Path) -> None:
    f = tmp_path / "settings.json"
    f.write_text('{"theme": "dark"}', encoding="utf-8")
    stale = tmp_path / ".settings.json.k1lled.tmp"
    stale.write_text('{"theme": "li', encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".settings.json.wr1ting.tmp"  # another process saving right now
    fresh.write_text("{}", encoding="utf-8")
    other = tmp_path / ".notes.txt.x.tmp"
    other.write_text("not ours", encoding="utf-8")
    os.utime(other, (old, old))
    assert load_settings(f).settings.theme == "dark"
    assert not stale.exists() and fresh.exists() and other.exists()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(
    st.binary(max_size=400),
    st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=20),
                 lambda inner: st.lists(inner, max_size=4)
                 | st.dictionaries(st.sampled_from(["zoom", "theme", "default_layers", "font_size",
                                                    "tone_positive", "x"]), inner, max_size=4),
                 max_leaves=20).map(lambda v: __import__("json").dumps(v).encode())))
def test_fuzzed_settings_never_stop_the_program(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "settings.json"
    f.write_bytes(content)
    store = SettingsStore(f)
    assert isinstance(store.load(), Settings)
    store.save()
