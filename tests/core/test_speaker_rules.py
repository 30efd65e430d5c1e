"""Each speaker rule on one parsed sentence or two (real spaCy model)."""

from __future__ import annotations

import pytest

from stance_reader.core.analysis import Analysis
from stance_reader.core.article import Article, split_paragraphs
from stance_reader.core.pipeline import analyse

pytestmark = pytest.mark.model


def run(nlp, text: str) -> Analysis:  # type: ignore[no-untyped-def]
    return analyse(Article(text, split_paragraphs(text), "txt", "0" * 64), nlp=nlp)


def speakers_of(a: Analysis) -> list[str | None]:
    return [(a.speaker_by_id(q.speaker).name if q.speaker else None)  # type: ignore[union-attr]
            for q in a.quotes if q.kind != "term"]


def test_pronoun_follows_gender_evidence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Hillary Clinton met Donald Trump in the studio on Monday.\n\n"
            "“This is dangerous for a president,” she said.")
    assert speakers_of(run(nlp, text)) == ["Hillary Clinton"]


def test_pronoun_prefers_the_subject_of_the_previous_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We need more teachers,” Maria Lopez said.\n\n"
            "Governor Tom Hale visited the school on Friday. “It was a good visit,” he said.")
    assert speakers_of(run(nlp, text)) == ["Maria Lopez", "Tom Hale"]


def test_surname_joins_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“The season is not over,” said Cam Heyward.\n\n"
            "“We will fight,” Heyward added.")
    a = run(nlp, text)
    assert speakers_of(a) == ["Cam Heyward", "Cam Heyward"]
    assert [s.name for s in a.speakers] == ["Cam Heyward"]


def test_description_linked_by_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We are ready,” the defense minister, Chiu Kuo-cheng, told reporters."
    assert speakers_of(run(nlp, text)) == ["Chiu Kuo-cheng"]


def test_definite_description_links_to_the_named_role_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Indiana Gov. Mike Pence spoke in Fort Wayne on Friday.\n\n"
            "The Indiana governor said the media are to blame for “he said this, he tweeted "
            "that.”")
    assert speakers_of(run(nlp, text)) == ["Mike Pence"]


def test_unnamed_source_keeps_its_whole_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The talks are stuck,” a person familiar with the negotiations said."
    assert speakers_of(run(nlp, text)) == ["person familiar with the negotiations"]


def test_document_author_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Senator Ann Kerr spoke on Monday. Her statement said the bill was “a disgrace to "
            "this chamber.”")
    assert speakers_of(run(nlp, text)) == ["Ann Kerr"]


def test_subject_inside_the_quotation_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\"If it does not have the capability yet, it will at some point,\" said James "
            "Acton, a physicist at the Carnegie Endowment.")
    assert speakers_of(run(nlp, text)) == ["James Acton"]


def test_post_verbal_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Nobody saw it coming,” says Laura Diaz, a professor at Rutgers University."
    assert speakers_of(run(nlp, text)) == ["Laura Diaz"]


def test_next_sentence_cue_does_not_steal_a_quotation_with_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We won,” Maria Lopez said. “They lost,” Tom Hale said."
    assert speakers_of(run(nlp, text)) == ["Maria Lopez", "Tom Hale"]


def test_non_speech_sense_is_not_a_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "Messi added a goal in the second half of the “El Clásico” match.")
    assert all(q.speaker is None for q in a.quotes)
    assert not a.reported


def test_punctuation_separator_lines_keep_inheritance(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We will appeal,” said Maria Lopez, the union’s leader.\n\n"
            " .\n\n"
            "“This fight is not over.”")
    a = run(nlp, text)
    assert len(a.paragraphs) == 2
    assert speakers_of(a) == ["Maria Lopez", "Maria Lopez"]


def test_headline_label_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Pat Caddell: Democrat Voters Worried About the Race; It’s ‘in Their Heads’\n\nMore text here."
    assert speakers_of(run(nlp, text)) == ["Pat Caddell"]


def test_when_asked_never_credits_the_asker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "When asked about the deal by reporters, Maria Lopez said it was “a disaster.”"
    assert speakers_of(run(nlp, text)) == ["Maria Lopez"]


def test_voices_are_only_entities_that_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez criticized Tom Hale and the Acme Corporation on Monday. “They failed "
            "us,” Lopez said.")
    a = run(nlp, text)
    assert [s.name for s in a.speakers] == ["Maria Lopez"]
    assert {t.name for q in a.quotes for t in q.targets} <= {"Tom Hale", "Acme Corporation"}


def test_a_glued_list_of_organisations_is_several_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.core.mentions import entity_mentions

    doc = nlp("Viewers of CBS All Access, Disney and Netflix complained on Monday.")
    names = [m.text for m in entity_mentions(doc, 0, ("ORG", "PERSON"))]
    assert "CBS All Access, Disney" not in names


def test_a_fragment_without_a_cue_is_the_wording_of_its_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "In recent weeks, Reid has gone after Trump as a “human leech who will "
                 "bleed the country.”")
    assert speakers_of(a) == ["Reid"]


def test_a_quoted_label_on_a_noun_is_nobody_s_wording(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "The senator voted for the “clean energy” bill on Tuesday.")
    assert speakers_of(a) == [] and [q.kind for q in a.quotes] == ["term"]


def test_a_dateline_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told "
                 "delegates that the server “should disqualify her.”")
    assert speakers_of(a) == ["Michael Mukasey"]


def test_a_relative_clause_on_a_described_name_is_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "Obama has had a frosty relationship with McConnell, now the Senate majority "
                 "leader, who in 2010 said the goal was to make Obama a “one-term president.”")
    assert speakers_of(a) == ["McConnell"]


def test_a_relative_clause_after_a_list_of_names_is_the_nearest_name(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "Celebrities came, like Oprah Winfrey, Will Smith, Patti LaBelle and Stevie "
                 "Wonder, who joked of the museum, “I haven't seen it yet, but I'm going to.”")
    assert speakers_of(a) == ["Stevie Wonder"]


def test_the_president_is_not_the_vice_president(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Vice President Joe Biden and President Obama attended the ceremony.\n\n"
            "“This is a stone of suffering,” the president said.\n\n"
            "“We will not forget,” the vice president said.")
    assert speakers_of(run(nlp, text)) == ["Obama", "Joe Biden"]


def test_a_description_joins_the_person_named_just_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A New York judge has rejected a request to unseal the file, saying the courts "
            "have “no business” deciding it.\n\n"
            "Manhattan Supreme Court Justice Frank Nervo rejected that argument on Thursday.\n\n"
            "“The court is aware of the interest,” the judge wrote.")
    a = run(nlp, text)
    assert [s.name for s in a.speakers] == ["Frank Nervo"]


def test_an_unnamed_source_does_not_join_a_later_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Trump refused to pay an architect who said, “I was stiffed.”\n\n"
            "Campaign architect David Plouffe spoke later.")
    assert speakers_of(run(nlp, text)) == ["architect"]


def test_a_fragment_in_a_claim_is_the_claimant_s(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "Politifact did a fact-check on Donald Trump’s claim that there have been "
                 "“thousands of shootings” in Chicago this year alone.")
    assert speakers_of(a) == ["Donald Trump"]


def test_as_someone_put_it_is_a_cue_and_putting_a_thing_is_not(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "As Ms. Simonyan put it in a statement in July, RT is “providing a "
                 "perspective you won't get from the mainstream press.”")
    assert speakers_of(a) == ["Simonyan"]
    b = run(nlp, "She put it on the table. “Fine,” the mayor wrote.")
    assert speakers_of(b) == ["mayor"]


def test_they_can_be_a_pair_of_named_people(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Charles Grassley and Patrick Leahy sent a letter on Thursday to Senate leaders "
            "opposing the program.\n\n"
            "“The program has become plagued by fraud and abuse,” they wrote.")
    [name] = speakers_of(run(nlp, text))
    assert name is not None and "Grassley" in name and "Leahy" in name


def test_the_republican_is_a_description_of_the_named_republican(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Republican Donald Trump spoke in Michigan on Friday.\n\n"
            "“Think of that,” the Republican said.")
    assert speakers_of(run(nlp, text)) == ["Donald Trump"]


def test_a_name_inside_an_apposition_gives_way_to_the_name_it_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“There's a severe disconnect between this White House and our military,” Flynn, "
            "a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”")
    assert speakers_of(run(nlp, text))[0] == "Flynn"


def test_a_described_subject_is_a_pronoun_antecedent(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Republican nominee Donald Trump met Tim Kaine on Monday. Kaine left early.\n\n"
            "The Republican nominee also outlined his cybersecurity plan.\n\n"
            "“We will punish those who violate classification rules,” he said.")
    assert speakers_of(run(nlp, text)) == ["Donald Trump"]


def test_you_and_me_are_never_voices(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "“It's fine,” you said. Then “We will see,” they told me.")
    assert all(s.name.lower() not in ("you", "me") for s in a.speakers)


def test_a_cue_whose_subject_cannot_speak_gives_way_to_the_outer_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would "
            "tell an American story, one of “suffering and delight.”")
    assert speakers_of(run(nlp, text)) == ["Obama"]


def test_temperatures_and_ideas_are_never_voices(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "Temperatures said to reach “record highs” this week. “It was an intense "
                 "experience,” the intense experience said.")
    assert [s.name for s in a.speakers] == []


def test_a_capitalised_name_inside_the_sentence_is_a_term_not_a_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, 'Scott told "CBS This Morning" co-host Gayle King, "Because if you do not '
                 'do what is right by the people, you have to reckon with us."')
    assert [q.kind for q in a.quotes] == ["term", "direct"]
    assert speakers_of(a) == ["Scott"]


def test_a_dateline_with_an_agency_credit_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "LONDON (Reuters) - Donald Trump said he was unlikely to have a good "
                 "relationship with the prime minister, who called him “divisive.”")
    assert a.speakers and a.speakers[0].name == "Donald Trump"
    assert all(s.name not in ("LONDON", "Reuters") for s in a.speakers)


def test_a_long_lower_case_fragment_is_still_its_subject_s_wording(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "In an August speech, Trump attacked “the hateful ideology of radical Islam – "
                 "its oppression of women, gays, children, and nonbelievers.”")
    assert speakers_of(a) == ["Trump"]


def test_a_preposition_before_the_verb_does_not_change_its_sense(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "In July, the NAACP called for a boycott of the state, saying the law was "
                 "“discriminatory.”")
    text = a.text
    assert any(text[r.start:r.end].startswith("for a boycott") for r in a.reported)
