"""The window and crafted annotated copies: no cache poisoning, clear refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from stance_reader import __version__
from stance_reader.core.analysis import PipelineInfo
from stance_reader.core.nlp import installed_model_info
from stance_reader.ui.dialogs import error_text
from tests.crafted import CRAFTED, TEXT, small_analysis, write_copy
from tests.ui.conftest import open_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.model]

REAL = "Taiwan's defense minister said on Tuesday that “we will defend ourselves.”\n"
ATTACK = TEXT.replace("We will defend ourselves.", "We will surrender tomorrow.")


def _poison(article: Path):  # type: ignore[no-untyped-def]
    """An analysis of the attacker's text claiming the article's hash and our pipeline."""
    name, version = installed_model_info(None)
    claimed = hashlib.sha256(article.read_bytes()).hexdigest()
    return small_analysis(text=ATTACK, sha256=claimed).with_changes(
        pipeline=PipelineInfo(name, version, __version__), corrections=())


def test_a_copy_claiming_an_articles_hash_never_stands_in_for_it(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "real.txt"
    article.write_text(REAL, encoding="utf-8")
    copy = write_copy(tmp_path, "crafted", _poison(article).to_json(), "html")
    w = make_window()
    shown = open_and_wait(qtbot, w, copy)
    assert "surrender" in shown.view.text.toPlainText()  # the copy itself shows its text
    w.close_tab(w.tabs.currentIndex())
    tab = open_and_wait(qtbot, w, article)
    assert tab.view.text.toPlainText() == REAL
    assert "surrender" not in tab.analysis.text


def test_a_cache_entry_for_other_text_is_never_shown(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "real.txt"
    article.write_text(REAL, encoding="utf-8")
    w = make_window()
    w.history.cache_put(_poison(article))  # as an older version could have stored it
    tab = open_and_wait(qtbot, w, article)
    assert tab.analysis.text == REAL and tab.view.text.toPlainText() == REAL


@pytest.mark.parametrize("name", ["NaN tone", "deep nesting", "list speaker", "huge integer"])
def test_a_crafted_copy_is_a_clear_refusal_not_a_bug_dialog(name, qtbot, make_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[BaseException] = []
    monkeypatch.setattr("stance_reader.ui.main_window.show_error",
                        lambda parent, exc, path=None: shown.append(exc))
    copy = write_copy(tmp_path, name, CRAFTED[name], "html")
    w = make_window()
    w.open_path(str(copy))
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    headline, detail = error_text(shown[0])
    assert headline == f"Cannot open {copy}" and "annotated copy" in detail
    w.voices_panel.grab()  # painting the panel after the refusal raises nothing
