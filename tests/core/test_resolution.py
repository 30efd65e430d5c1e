"""Speaker resolution from mentions to entities (no spaCy: mentions are built by hand)."""

from __future__ import annotations

from stance_reader.core.mentions import Mention
from stance_reader.core.resolution import Resolver


def _m(text: str, pos: int, kind: str = "person", label: str = "PERSON", **kw) -> Mention:  # type: ignore[no-untyped-def]
    return Mention(pos, pos + len(text), text, kind, label, **kw)


def test_family_name_first_and_last_name_variants_join() -> None:
    r = Resolver([0])
    a = r.speaker(_m("Chiu Kuo-cheng", 0))
    b = r.speaker(_m("Chiu", 50))
    c = r.speaker(_m("Joe Biden", 100))
    d = r.observe(_m("Biden", 150))
    e = r.observe(_m("President Joe Biden", 200))
    assert a == b and c == d == e and a != c
    speakers, _ = r.speakers([a, c])  # type: ignore[list-item]
    assert [s.name for s in speakers] == ["Chiu Kuo-cheng", "Joe Biden"]
    assert speakers[1].kind == "person"


def test_surname_alone_joins_the_most_recent_full_name() -> None:
    r = Resolver([0])
    cam = r.observe(_m("Cam Heyward", 0))
    other = r.observe(_m("Tom Heyward", 40))
    assert r.speaker(_m("Heyward", 80)) == other != cam
    assert r.speaker(_m("Mr. Heyward", 120)) == other


def test_one_entity_one_kind_when_the_tagger_disagrees() -> None:
    """'Noem' tagged ORG once and PERSON elsewhere is one person, in one colour."""
    r = Resolver([0])
    a = r.speaker(_m("Noem", 0, "organisation", "ORG"))
    b = r.speaker(_m("Kristi Noem", 30))
    c = r.observe(_m("Noem", 60, "organisation", "ORG"))
    assert a == b == c
    speakers, _ = r.speakers([a])  # type: ignore[list-item]
    assert speakers[0].kind == "person" and speakers[0].name == "Kristi Noem"


def test_pronoun_needs_gender_agreement_when_there_is_evidence() -> None:
    """'She' skips the nearer man: Hillary is a woman's first name (census table)."""
    r = Resolver([0, 100])
    hillary = r.speaker(_m("Hillary Clinton", 0, subject=True))
    donald = r.observe(_m("Donald Trump", 40))
    she = r.resolve_pronoun(Mention(100, 103, "She", "pronoun", subject=True))
    assert she == hillary != donald
    he = r.resolve_pronoun(Mention(120, 122, "he", "pronoun", subject=True))
    assert he == donald


def test_pronoun_prefers_the_previous_sentences_subject_over_an_older_speaker() -> None:
    r = Resolver([0, 50, 100])
    older = r.speaker(_m("Jim Clyburn", 0, subject=True))
    subject = r.observe(_m("Donald Trump", 50, subject=True))
    assert r.resolve_pronoun(Mention(100, 102, "He", "pronoun", subject=True)) == subject != older


def test_it_goes_to_an_organisation_and_never_to_a_person() -> None:
    r = Resolver([0, 60])
    r.speaker(_m("Tsai Ing-wen", 0))
    org = r.speaker(_m("the Foreign Ministry", 30, "organisation", "ORG"))
    assert r.resolve_pronoun(Mention(60, 62, "It", "pronoun")) == org
    assert r.resolve_pronoun(Mention(70, 73, "xyz", "pronoun")) is None


def test_definite_description_links_to_the_named_role_holder() -> None:
    """'Indiana Gov. Mike Pence' ... 'the Indiana governor said' is Pence."""
    r = Resolver([0, 100])
    pence = r.observe(_m("Mike Pence", 14, roles=("indiana", "gov.")))
    r.observe(_m("Hillary Clinton", 40))
    desc = Mention(100, 121, "The Indiana governor", "unknown", subject=True, head="governor",
                   definite=True)
    assert r.speaker(desc) == pence


def test_head_word_of_an_organisation_name_links_its_description() -> None:
    r = Resolver([0, 80])
    cpd = r.observe(_m("Commission on Presidential Debates", 4, "organisation", "ORG"))
    desc = Mention(80, 94, "The commission", "unknown", subject=True, head="commission",
                   definite=True)
    assert r.speaker(desc) == cpd


def test_unnamed_source_keeps_its_whole_phrase() -> None:
    r = Resolver([0])
    i = r.speaker(Mention(0, 44, "a person familiar with the negotiations", "unknown",
                          head="person"))
    speakers, _ = r.speakers([i])  # type: ignore[list-item]
    assert speakers[0].name == "person familiar with the negotiations"


def test_document_gives_way_to_the_author_it_names() -> None:
    r = Resolver([0, 50])
    acme = r.observe(_m("Acme Corp", 0, "organisation", "ORG"))
    doc = Mention(50, 70, "a release from Acme", "document", head="release",
                  owner=_m("Acme", 65, "organisation", "ORG"))
    assert r.speaker(doc) == acme
    bare = Mention(80, 93, "the statement", "document", head="statement", definite=True)
    i = r.speaker(bare)
    speakers, _ = r.speakers([i])  # type: ignore[list-item]
    assert speakers[0].name == "statement"


def test_first_person_outside_quotations_is_the_author() -> None:
    r = Resolver([0], author="By Jane Doe, Staff Writer")
    i = r.speaker(Mention(10, 11, "I", "pronoun"))
    j = r.speaker(Mention(50, 51, "I", "pronoun"))
    speakers, _ = r.speakers([i])  # type: ignore[list-item]
    assert i == j and speakers[0].name == "Jane Doe" and speakers[0].kind == "person"
    anonymous = Resolver([0])
    k = anonymous.speaker(Mention(10, 11, "I", "pronoun"))
    assert anonymous.speakers([k])[0][0].name == "the author"  # type: ignore[list-item]


def test_acronym_after_shared_words_joins_the_full_name() -> None:
    r = Resolver([0])
    full = r.observe(_m("California Independent System Operator", 0, "organisation", "ORG"))
    assert r.speaker(_m("California ISO", 80, "organisation", "ORG")) == full
    assert r.speaker(_m("IMF", 120, "organisation", "ORG")) != full


def test_an_all_capitals_name_is_an_organisation_even_when_tagged_person() -> None:
    r = Resolver([0])
    i = r.speaker(_m("KTRK", 0))
    assert r.speakers([i])[0][0].kind == "organisation"  # type: ignore[list-item]


def test_pronoun_prefers_who_just_spoke_over_who_they_spoke_about() -> None:
    """'McClenney said Clinton doesn't show consistency. “…,” she said': the woman who
    spoke, not the woman she spoke about (both subjects of their clauses)."""
    r = Resolver([0, 60])
    speaker = r.speaker(_m("Tyresha McClenney", 0, subject=True))
    r.observe(_m("Hillary Clinton", 25, subject=True))
    assert r.resolve_pronoun(Mention(90, 93, "she", "pronoun", subject=True)) == speaker


def test_a_name_inside_the_quotation_is_not_the_pronoun_s_antecedent() -> None:
    """'“Obama and Michelle saying it won't do it,” she said': she is not Obama."""
    r = Resolver([0, 40], quotations=[(40, 90)])
    wimes = r.speaker(_m("Leslie Wimes", 0, subject=True))
    r.observe(_m("Barack Obama", 41, subject=True))
    assert r.resolve_pronoun(Mention(92, 95, "she", "pronoun", subject=True)) == wimes


def test_pronoun_leans_to_the_person_just_introduced_by_full_name() -> None:
    """'Obama said …. … That concerns Henry Crespo, president of the caucus. “…,” he said':
    the man just introduced, though only as an object, not the earlier speaker."""
    r = Resolver([0, 50, 100, 150, 200])
    r.observe(_m("Barack Obama", 0))
    r.speaker(_m("Obama", 60, subject=True))
    crespo = r.observe(_m("Henry Crespo", 170, roles=("president",)))
    assert r.resolve_pronoun(Mention(210, 212, "he", "pronoun", subject=True)) == crespo


def test_an_acronym_without_its_place_word_joins_the_full_name() -> None:
    """'the ISO' and 'California ISO' for the 'California Independent System Operator'."""
    r = Resolver([0])
    full = r.observe(_m("California Independent System Operator", 0, "organisation", "ORG"))
    assert r.speaker(_m("ISO", 60, "organisation", "ORG")) == full
    assert r.speaker(_m("California ISO", 90, "organisation", "ORG")) == full


def test_an_organisation_role_never_links_to_a_person_holding_a_title_with_it() -> None:
    """'the panel, the Senate committee' … 'Committee Chairman Jon Smith' … 'the committee
    said': the role word must be of the entity's kind (a committee is an organisation)."""
    r = Resolver([0, 80])
    panel = r.observe(_m("Senate Banking", 0, "organisation", "ORG", roles=("committee",)))
    r.observe(_m("Jon Smith", 40, roles=("committee", "chairman")))
    desc = Mention(80, 93, "The committee", "unknown", subject=True, head="committee",
                   definite=True)
    assert r.speaker(desc) == panel


def test_the_unnamed_source_named_again_by_its_head_word_is_one_voice() -> None:
    """'officials at the institution said …' then 'the officials said': one voice."""
    r = Resolver([0, 60])
    first = r.speaker(Mention(0, 31, "officials at the institution", "unknown",
                              head="officials", plural=True))
    again = r.speaker(Mention(60, 73, "the officials", "unknown", head="officials",
                              plural=True, definite=True))
    other = r.speaker(Mention(90, 100, "an official", "unknown", head="official"))
    assert first == again != other
