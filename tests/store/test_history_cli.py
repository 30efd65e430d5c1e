"""`stance-reader history`: list, JSON, clear."""

from __future__ import annotations

import io
import json

from stance_reader.store.history import open_history
from stance_reader.store.history_cli import main
from stance_reader.store.paths import user_paths


def test_list_json_and_clear(tmp_path) -> None:  # type: ignore[no-untyped-def]
    h, _ = open_history(user_paths().history_db)
    story = tmp_path / "story.txt"
    story.write_text("x", encoding="utf-8")
    h.record_open("a", str(story), "A story")
    h.record_open("b", str(tmp_path / "gone.txt"), "Gone")
    h.close()
    out, err = io.StringIO(), io.StringIO()
    assert main(["--json"], out, err) == 0
    rows = {r["sha256"]: r for r in json.loads(out.getvalue())}
    assert rows["a"]["exists"] is True and rows["b"]["exists"] is False
    out = io.StringIO()
    assert main([], out, err) == 0 and "[missing]" in out.getvalue() and "A story" in out.getvalue()
    assert main(["--clear"], io.StringIO(), err) == 0
    out = io.StringIO()
    assert main(["--json"], out, err) == 0 and json.loads(out.getvalue()) == []
