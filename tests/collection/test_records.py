"""Records, voices across articles, merges, and the quote sheet (on hand-made analyses)."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from stance_reader.collection.aggregate import mentions_of, normalise, summarise, suggested_merges
from stance_reader.collection.record import ArticleRecord, build_record, iso_day
from stance_reader.collection.sheet import COLUMNS, SheetWriter, sheet_format
from stance_reader.core import corrections
from stance_reader.core.analysis import (
    Analysis, Cue, PipelineInfo, Quote, ReportedSpan, SourceInfo, Speaker, Tone)
from stance_reader.errors import ExportError


def _analysis(text: str, items: list[tuple[str, str | None, str]], speakers: list[Speaker],
              date: str | None = None, sha: str = "0" * 64) -> Analysis:
    """Quotes for each (quoted text, speaker id, tone label) found in `text`."""
    quotes, reported = [], []
    for n, (piece, speaker, label) in enumerate(items, start=1):
        start = text.index(piece)
        tone = Tone({"negative": -0.6, "neutral": 0.0, "positive": 0.6}[label], label)  # type: ignore[arg-type]
        if piece.startswith('"'):
            quotes.append(Quote(f"q{n}", start, start + len(piece), speaker, None,
                                Cue(0, 4, "said"), tone, kind="direct"))
        else:
            reported.append(ReportedSpan(f"r{n}", start, start + len(piece), speaker, None,
                                         Cue(0, 4, "told"), tone))
    return Analysis(text=text, title="T", source=SourceInfo("/x.txt", sha, "txt"),
                    pipeline=PipelineInfo("m", "1", "0"), quotes=tuple(quotes),
                    reported=tuple(reported), speakers=tuple(speakers), date=date)


BERG = Speaker("s1", "Anna Berg", "person")
WELLS = Speaker("s2", "Tom Wells", "person")
TEXT_A = '"We will not raise taxes," Anna Berg said. "A reckless gamble," Tom Wells said. ' \
         'Berg told reporters that the deficit would shrink.'
TEXT_B = '"A waste of money," said tom  wells. "Good," said Fox. "Another," Fox said.'


def _records() -> list[ArticleRecord]:
    a = _analysis(TEXT_A, [('"We will not raise taxes,"', "s1", "neutral"),
                           ('"A reckless gamble,"', "s2", "negative"),
                           ("that the deficit would shrink", "s1", "positive")],
                  [BERG, WELLS], date="2024-03-05T08:00:00Z", sha="a" * 64)
    b = _analysis(TEXT_B, [('"A waste of money,"', "s1", "negative"), ('"Good,"', "s2", "positive"),
                           ('"Another,"', "s2", "neutral")],
                  [Speaker("s1", "Tom  Wells", "person"), Speaker("s2", "Fox", "organisation")],
                  sha="b" * 64)
    return [build_record(a, "a.txt", "Courier"), build_record(b, "b.txt")]


def test_record_has_the_table_row_and_a_row_per_quotation_and_reported_span() -> None:
    a, b = _records()
    assert (a.title, a.day, a.outlet, a.quotations, a.voices) == ("T", "2024-03-05", "Courier", 2, 2)
    assert [r.item for r in a.rows] == ["quotation", "quotation", "reported"]
    assert a.rows[2].text == "that the deficit would shrink" and a.rows[2].speaker == "Anna Berg"
    assert b.main_voice == "Tom  Wells"  # most quoted words
    assert ArticleRecord.from_dict(json.loads(json.dumps(a.to_dict()))) == a


def test_one_entity_across_articles_by_its_normalised_name() -> None:
    assert normalise("Tom  Wells") == normalise("tom wells") == normalise("Tóm Wells.")
    summary = summarise(_records())
    wells = next(v for v in summary.voices if v.key == "tom wells")
    assert (wells.articles, wells.quotations, wells.reported) == (2, 2, 0)
    assert wells.tone == {"negative": 2, "neutral": 0, "positive": 0}
    assert summary.voices[0].key == "tom wells"  # 7 quoted words of 14
    assert wells.share == pytest.approx(7 / 14) and summary.quoted_words == 14
    assert sum(v.share for v in summary.voices) == pytest.approx(1.0)
    assert summary.by_day == (("2024-03-05", 2),) and summary.undated == 1
    assert [m.path for m in mentions_of(_records(), "tom wells")] == ["a.txt", "b.txt"]


def test_a_merge_made_in_one_article_is_offered_and_applies_once_confirmed() -> None:
    a = _analysis(TEXT_B, [('"A waste of money,"', "s1", "negative"), ('"Good,"', "s2", "positive")],
                  [Speaker("s1", "Tom Wells", "person"), Speaker("s2", "Fox", "organisation")])
    a = corrections.rename_speaker(a, "s2", "Lena Fox")
    other = _analysis('"Fine," said Fox.', [('"Fine,"', "s1", "neutral")],
                      [Speaker("s1", "Fox", "person")], sha="c" * 64)
    records = [build_record(a, "a.txt"), build_record(other, "c.txt")]
    assert records[0].merges == (("Fox", "Lena Fox"),)
    assert suggested_merges(records) == [("Fox", "Lena Fox", 1)]
    before = {v.name for v in summarise(records).voices}
    assert {"Fox", "Lena Fox"} <= before
    after = summarise(records, {normalise("Fox"): "Lena Fox"})
    fox = next(v for v in after.voices if v.key == "lena fox")
    assert fox.articles == 2 and "Fox" not in {v.name for v in after.voices}
    assert suggested_merges(records, {normalise("Fox"): "Lena Fox"}) == []


def test_moving_every_quotation_of_a_speaker_is_a_merge() -> None:
    a = _analysis(TEXT_B, [('"A waste of money,"', "s1", "negative"), ('"Good,"', "s2", "positive")],
                  [Speaker("s1", "Tom Wells", "person"), Speaker("s2", "Wells", "person")])
    a = corrections.set_speaker(a, "q2", "s1")
    assert build_record(a, "a.txt").merges == (("Wells", "Tom Wells"),)


@pytest.mark.parametrize("value, day", [("2016-09-12", "2016-09-12"), ("2016-09-12T10:00Z", "2016-09-12"),
                                        ("5 March 2024", "2024-03-05"), ("Sept 12, 2016", "2016-09-12"),
                                        ("2016-02-30", None), ("soon", None), (None, None)])
def test_dates_read_for_charts(value: str | None, day: str | None) -> None:
    assert iso_day(value) == day


def test_csv_sheet_has_the_columns_and_one_row_per_item(tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    with SheetWriter(out) as sheet:
        for r in _records():
            sheet.add(r)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 6 and sheet.rows == 6
    assert rows[0]["article_path"] == "a.txt" and rows[0]["outlet"] == "Courier"
    assert rows[2]["item"] == "reported" and rows[2]["kind"] == "reported"
    assert rows[2]["text"] == "that the deficit would shrink" and rows[2]["cue"] == "told"
    assert float(rows[1]["tone"]) == -0.6 and rows[1]["tone_label"] == "negative"
    umask = os.umask(0o022)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # as a plain open() would make it


def test_jsonl_sheet_and_formula_cells(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    rec = _records()[0]
    with SheetWriter(out) as sheet:
        sheet.add(rec)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 and lines[0]["speaker"] == "Anna Berg" and lines[0]["start"] == 0
    evil = build_record(_analysis('=HYPERLINK("x") "ok," said Fox.', [('"ok,"', "s1", "neutral")],
                                  [Speaker("s1", "=cmd|' /C calc'!A0", "person")]), "e.txt")
    with SheetWriter(tmp_path / "e.csv") as sheet:
        sheet.add(evil)
    row = next(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8", newline="")))
    assert row["speaker"].startswith("'=")


def test_sheet_refuses_unknown_suffix_existing_file_and_leaves_nothing_on_failure(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.csv, \.jsonl"):
        sheet_format(tmp_path / "q.xlsx")
    (tmp_path / "q.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        SheetWriter(tmp_path / "q.csv")
    with pytest.raises(RuntimeError):
        with SheetWriter(tmp_path / "q.csv", force=True) as sheet:
            sheet.add(_records()[0])
            raise RuntimeError("stopped half-way")
    assert (tmp_path / "q.csv").read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["q.csv"]


def test_parquet_without_pandas_says_what_to_install(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("pandas", "pyarrow") else real(name, *a))
    with pytest.raises(ExportError, match="pip install pandas pyarrow"):
        sheet_format(tmp_path / "q.parquet")


def _one_voice_article(name: str, kind: str, sha: str, quoted: str = '"We are ready,"') -> ArticleRecord:
    text = f'{quoted} {name} said.'
    analysis = _analysis(text, [(quoted, "s1", "neutral")], [Speaker("s1", name, kind)],  # type: ignore[arg-type]
                         sha=sha)
    return build_record(analysis, f"{sha[:1]}.txt")


def test_a_surname_alone_joins_the_one_full_name_that_ends_with_it() -> None:
    records = [_one_voice_article("Sam Okafor", "person", "a" * 64),
               _one_voice_article("Okafor", "person", "b" * 64, '"Not yet,"'),
               _one_voice_article("OKAFOR", "unknown", "c" * 64)]
    summary = summarise(records)
    assert [(v.key, v.name, v.articles, v.quotations) for v in summary.voices] == [
        ("sam okafor", "Sam Okafor", 3, 3)]
    assert [m.path for m in mentions_of(records, "sam okafor")] == ["a.txt", "b.txt", "c.txt"]


def test_a_surname_two_people_share_stays_apart_and_organisations_never_join() -> None:
    records = [_one_voice_article("Sam Okafor", "person", "a" * 64),
               _one_voice_article("Grace Okafor", "person", "b" * 64),
               _one_voice_article("Okafor", "person", "c" * 64),
               _one_voice_article("Thomson Reuters", "organisation", "d" * 64),
               _one_voice_article("Reuters", "organisation", "e" * 64)]
    keys = {v.key: v.articles for v in summarise(records).voices}
    assert keys == {"sam okafor": 1, "grace okafor": 1, "okafor": 1, "thomson reuters": 1,
                    "reuters": 1}
    assert [m.path for m in mentions_of(records, "okafor")] == ["c.txt"]


def test_a_confirmed_merge_comes_before_the_surname_join() -> None:
    records = [_one_voice_article("Sam Okafor", "person", "a" * 64),
               _one_voice_article("Grace Okafor", "person", "b" * 64),
               _one_voice_article("Okafor", "person", "c" * 64)]
    # The person said "Grace Okafor" is "Sam Okafor" spelt another way: one full name left.
    voices = summarise(records, {normalise("Grace Okafor"): "Sam Okafor"}).voices
    assert [(v.key, v.articles) for v in voices] == [("sam okafor", 3)]
