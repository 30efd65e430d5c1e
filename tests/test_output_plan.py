"""Output planning: no output is an input, shared stems get distinct names."""

from __future__ import annotations

import os
from pathlib import Path

from stance_reader.output_plan import plan_outputs


def _names(plan) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [p.target.name if p.target else None for p in plan]


def test_unique_stems_keep_plain_names(tmp_path: Path) -> None:
    files = [tmp_path / f"a{i:04d}.txt" for i in range(3)]
    plan = plan_outputs(files, ".json", output_dir=str(tmp_path / "out"))
    assert _names(plan) == ["a0000.json", "a0001.json", "a0002.json"]
    assert all(p.refused is None for p in plan)


def test_shared_stems_get_distinct_names_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    files = [tmp_path / "taiwan.txt", tmp_path / "taiwan.docx", tmp_path / "b" / "taiwan.docx",
             tmp_path / "Taiwan.md"]
    plan = plan_outputs(files, ".json", output_dir=str(tmp_path / "out"))
    assert _names(plan) == ["taiwan.json", "taiwan.docx.json", "taiwan.docx.2.json",
                            "Taiwan.md.json"]


def test_an_output_never_takes_an_inputs_name(tmp_path: Path) -> None:
    a, d = tmp_path / "a.txt", tmp_path / "a.docx"
    a.write_text("x")
    d.write_bytes(b"PK")
    plan = plan_outputs([a, d], ".docx", output_dir=str(tmp_path), force=True)
    assert _names(plan) == ["a.txt.docx", "a.docx.docx"]
    assert all(p.refused is None for p in plan)


def test_explicit_outputs_onto_inputs_and_links_are_refused(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x")
    hard, soft = tmp_path / "hard.json", tmp_path / "soft.json"
    os.link(a, hard)
    soft.symlink_to(a)
    for target in (a, hard, soft, tmp_path / "." / "a.txt"):
        (plan,) = plan_outputs([a], ".json", output=str(target), force=True)
        assert plan.refused and "never overwrites an input" in plan.refused, target
    (plan,) = plan_outputs([a], ".json", output=str(tmp_path), force=True)
    assert plan.refused and "is a folder" in plan.refused


def test_the_same_input_twice_is_planned_once(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x")
    plan = plan_outputs([a, tmp_path / "." / "a.txt"], ".json", output_dir=str(tmp_path / "o"))
    assert _names(plan) == ["a.json"]


def test_an_existing_output_names_the_one_way_to_replace_it(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    (tmp_path / "a.annotated.json").write_text("{}", encoding="utf-8")
    [planned] = plan_outputs([src], ".json")
    assert planned.refused == f"{tmp_path / 'a.annotated.json'} already exists; use --force to replace it"


def test_planning_and_writing_a_large_batch_resolves_each_path_a_few_times(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Thousands of inputs: every path is compared by lookup, never with every input."""
    from stance_reader import output_plan

    files = [tmp_path / f"a{i:05d}.txt" for i in range(2000)]
    for f in files[:50]:
        f.write_text("x", encoding="utf-8")
    calls = 0
    resolved = output_plan._resolved

    def counting(p: Path) -> Path:
        nonlocal calls
        calls += 1
        return resolved(p)

    monkeypatch.setattr(output_plan, "_resolved", counting)
    plan = plan_outputs(files, ".json", output_dir=str(tmp_path / "out"))
    index = output_plan.InputIndex(files)
    for p in plan[:50]:
        output_plan.check_target(p.target, index, force=False)  # type: ignore[arg-type]
    assert len({p.target for p in plan}) == 2000 and all(p.refused is None for p in plan)
    assert calls < 10 * len(files), calls
