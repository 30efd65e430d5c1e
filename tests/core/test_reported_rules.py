"""Reported speech rules, each on one parsed sentence written for the test: what is
marked as reported, and who it is credited to."""

from __future__ import annotations

import pytest

from stance_reader.core.analysis import Analysis
from stance_reader.core.article import Article, split_paragraphs
from stance_reader.core.pipeline import analyse

pytestmark = pytest.mark.model


def run(nlp, text: str) -> Analysis:  # type: ignore[no-untyped-def]
    return analyse(Article(text, split_paragraphs(text), "txt", "0" * 64), nlp=nlp)


def reported(nlp, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """Each reported span's words and its speaker's name, in text order."""
    a = run(nlp, text)
    out = []
    for r in a.reported:
        speaker = a.speaker_by_id(r.speaker) if r.speaker else None
        out.append((a.text[r.start:r.end], speaker.name if speaker else None))
    return out


def test_content_interrupted_by_its_attribution_is_two_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "The new bridge, Mayor Ann Kerr said, would open in the spring.") == [
        ("The new bridge", "Ann Kerr"), ("would open in the spring", "Ann Kerr")]


def test_relative_pronoun_before_the_cue_is_content(nlp) -> None:  # type: ignore[no-untyped-def]
    spans = [words for words, _ in reported(
        nlp, "The council cut the budget, which he said was far too small.")]
    assert spans == ["which", "was far too small"]


def test_mid_sentence_according_to_leaves_the_source_out(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "Sales rose by a third last year, according to the trade group, "
                         "and prices fell by half.") == [
        ("Sales rose by a third last year", "trade group"), ("prices fell by half", "trade group")]


def test_fronted_words_need_a_comma_or_dash_to_be_content(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "On Monday, Ann Kerr endorsed the plan to widen the road.") == [
        ("the plan to widen the road", "Ann Kerr")]


def test_a_group_of_people_holds_a_view_a_thing_does_not(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "Environmentalists worry that the new mine will poison the river.") == [
        ("that the new mine will poison the river", "Environmentalists")]
    assert reported(nlp, "The rain worries that the new mine will flood.") == []


def test_object_and_predicate_of_calling_are_content(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "Tom Hale called the deal a disaster for the town.") == [
        ("the deal a disaster for the town", "Tom Hale")]


def test_participle_takes_the_subject_of_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "Senator Ann Kerr voted against the bill, citing the cost of the "
                         "new program.") == [("the cost of the new program", "Ann Kerr")]


def test_passive_cue_credits_its_by_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "The plan was first reported by the Daily Courier.") == [
        ("The plan", "Daily Courier")]


def test_passive_cue_without_agent_marks_subject_and_complement(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "The vote is expected to take place next week.") == [
        ("The vote", None), ("to take place next week", None)]


def test_naming_passive_reports_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "The river is known as the Red Snake.") == []


def test_one_word_is_not_enough_content(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "Ann Kerr endorsed him.") == []


def test_a_share_of_people_is_credited_to_the_whole_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "Many of his supporters believe that the tax is unfair.") == [
        ("that the tax is unfair", "Many of his supporters")]


def test_speech_passive_without_agent_credits_nobody_so_marks_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "The mayor was accused of hiding the cost of the bridge.") == []


def test_speech_noun_with_its_owner_reports_its_that_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    assert reported(nlp, "Residents doubted Ann Kerr's claim that the bridge was safe.") == [
        ("that the bridge was safe", "Ann Kerr")]
    assert reported(nlp, "The claim that he made was false.") == []
