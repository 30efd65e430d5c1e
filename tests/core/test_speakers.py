"""Speaker names and clustering (no spaCy needed)."""

from __future__ import annotations

import pytest

from stance_reader.core.attribution import Mention
from stance_reader.core.speakers import SpeakerIndex, org_name, person_name


@pytest.mark.parametrize("text, name", [
    ("President Joe Biden", "Joe Biden"),
    ("Taiwan’s Chiu Kuo-cheng", "Chiu Kuo-cheng"),
    ("Sen. Elizabeth Warren", "Elizabeth Warren"),
    ("Biden's", "Biden"),
    ("Tan Kefei", "Tan Kefei"),
])
def test_person_name_drops_titles_and_possessives(text: str, name: str) -> None:
    assert person_name(text) == name


def test_org_name_keeps_the_owner() -> None:
    assert org_name("the Associated Press") == "Associated Press"
    assert org_name("China's Foreign Ministry") == "China's Foreign Ministry"


def _m(text: str, pos: int, kind: str = "person") -> Mention:
    return Mention(pos, pos + len(text), text, kind)


def test_family_name_first_and_last_name_variants_cluster() -> None:
    index = SpeakerIndex()
    a = index.add(_m("Chiu Kuo-cheng", 0), speaking=True)
    b = index.add(_m("Chiu", 50), speaking=True)
    c = index.add(_m("Joe Biden", 100), speaking=True)
    d = index.add(_m("Biden", 150))
    e = index.add(_m("President Joe Biden", 200))
    assert a == b and c == d == e and a != c
    speakers, ids = index.speakers([a, c])
    assert [s.name for s in speakers] == ["Chiu Kuo-cheng", "Joe Biden"]
    assert speakers[1].kind == "person"
    assert len(speakers[1].mentions) == 3


def test_pronoun_resolves_to_most_recent_compatible_speaker() -> None:
    index = SpeakerIndex()
    person = index.add(_m("Tsai Ing-wen", 0), speaking=True)
    org = index.add(_m("the Foreign Ministry", 40, "organisation"), speaking=True)
    assert index.resolve_pronoun(_m("she", 80, "pronoun")) == person
    assert index.resolve_pronoun(_m("it", 90, "pronoun")) == org
    assert index.resolve_pronoun(_m("xyz", 95, "pronoun")) is None
