"""Folder scans and outlets: what a collection is made of, without the model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stance_reader.collection import outlet
from stance_reader.collection.scan import find_articles, scan_folder
from stance_reader.errors import InputError
from tests.collection.articles import write_collection


def test_scan_is_recursive_sorted_and_skips_copies_hidden_and_other_files(tmp_path: Path) -> None:
    expected = write_collection(tmp_path)
    result = scan_folder(tmp_path)
    assert list(result.files) == expected
    assert result.skipped >= 3  # the annotated copy, the hidden file, the CSV


def test_flat_scan_stays_in_the_folder(tmp_path: Path) -> None:
    write_collection(tmp_path)
    names = [p.name for p in scan_folder(tmp_path, recursive=False).files]
    assert names == ["budget.txt", "schools.html"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_links_are_not_followed(tmp_path: Path) -> None:
    write_collection(tmp_path / "c")
    os.symlink(tmp_path / "c", tmp_path / "c" / "loop")
    os.symlink(tmp_path / "c" / "budget.txt", tmp_path / "c" / "again.txt")
    assert len(scan_folder(tmp_path / "c").files) == 3


def test_named_files_are_kept_and_missing_ones_named(tmp_path: Path) -> None:
    odd = tmp_path / "story.text.bak"
    odd.write_text("x", encoding="utf-8")
    assert find_articles([odd]).files == (odd,)
    with pytest.raises(InputError, match="nope.txt does not exist"):
        find_articles([tmp_path / "nope.txt"])


@pytest.mark.parametrize("byline, text, head, expected", [
    (None, "x", '<meta property="og:site_name" content="The Valley Courier">', "The Valley Courier"),
    (None, "x", '<link rel="canonical" href="https://www.example-news.com/a/b">', "example-news.com"),
    (None, "x", "<!-- saved from url=(0031)https://edition.cnn.com/2024/x -->", "cnn.com"),
    ("By Jane Roe, Reuters", "x", "", "Reuters"),
    ("Jane Roe | The Guardian", "x", "", "The Guardian"),
    ("Jane Roe, Staff Writer", "x", "", None),
    ("By Jane Roe", "WASHINGTON (AP) — The Senate voted on Tuesday.", "", "Associated Press"),
    (None, "WASHINGTON (Senate Democrats) — no agency here.", "", None),
])
def test_outlet_from_metadata_address_byline_dateline(byline: str | None, text: str, head: str,
                                                      expected: str | None) -> None:
    assert outlet.outlet_of(byline, text, head) == expected
