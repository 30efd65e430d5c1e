"""Display names: titles, rankings and team jargon are not part of a name (no spaCy)."""

from __future__ import annotations

import pytest

from stance_reader.core.names import org_name, person_name, split_list


@pytest.mark.parametrize("text, name", [
    ("President Joe Biden", "Joe Biden"),
    ("Taiwan’s Chiu Kuo-cheng", "Chiu Kuo-cheng"),
    ("Sen. Elizabeth Warren", "Elizabeth Warren"),
    ("Biden's", "Biden"),
    ("Tan Kefei", "Tan Kefei"),
    ("Browns DL Sheldon Richardson", "Sheldon Richardson"),
    ("14th-ranked Schwartzman", "Schwartzman"),
    ("Steelers defensive end Cam Heyward", "Cam Heyward"),
    ("Mr. Heyward", "Heyward"),
    ("Jean-Luc Picard", "Jean-Luc Picard"),
])
def test_person_name_drops_titles_rankings_and_team_words(text: str, name: str) -> None:
    assert person_name(text) == name


def test_org_name_keeps_the_owner() -> None:
    assert org_name("the Associated Press") == "Associated Press"
    assert org_name("China's Foreign Ministry") == "China's Foreign Ministry"


def test_a_list_of_organisations_is_several_names() -> None:
    assert [p for _, p in split_list("CBS All Access, Disney")] == ["CBS All Access", "Disney"]
    assert split_list("Procter & Gamble") == [(0, "Procter & Gamble")]


def test_quotation_marks_the_tagger_took_in_are_not_part_of_a_name() -> None:
    from stance_reader.core.names import org_name, person_name

    assert person_name("Donald Trump ''") == "Donald Trump"
    assert org_name("“Fox News") == "Fox News"
    assert person_name("O'Neill") == "O'Neill"
