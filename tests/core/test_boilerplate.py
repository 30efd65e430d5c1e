"""Page furniture recognised by what it says: short paragraphs only, author notes only at
the end."""

from __future__ import annotations

from stance_reader.core.loaders.boilerplate import drop_closing_notes, is_furniture

STORY = ["The council voted on Tuesday to expand the bus network.",
         "Residents had campaigned for better connections for years.",
         "The first line opens in the spring."]


def test_newsletter_and_comment_prompts_are_furniture_but_reporting_is_not() -> None:
    assert is_furniture("Thanks for signing up! Get our newsletter every morning.")
    assert is_furniture("11 responses to “The Loneliest Woman in the World”")
    assert is_furniture("A crowd outside the town hall. Photograph: Getty Images")
    assert is_furniture("Feb 18, 2020 Article history Online: Feb 18, 2020 Last Modified: "
                        "Feb 18, 2020 PRINT SHARE")
    assert is_furniture("We use cookies and other tracking technologies to improve your "
                        "browsing experience. By clicking Accept, you consent.")
    assert not is_furniture("The register was last modified: the council said so on Monday.")
    long_report = ("The newsletter, which the ministry sent to 40,000 teachers, said " * 8)
    assert not is_furniture(long_report)
    assert not is_furniture(STORY[0])


def test_author_note_at_the_end_goes_but_not_in_the_story() -> None:
    note = "Will Knight is a senior writer for WIRED, covering artificial intelligence."
    assert drop_closing_notes([*STORY, note]) == STORY
    inside = "Ann Lee is a professor at the university who studied the routes."
    assert drop_closing_notes([inside, *STORY]) == [inside, *STORY]


def test_headings_that_open_comments_or_more_links_after_an_article() -> None:
    from stance_reader.core.loaders.boilerplate import opens_after_section

    for heading in ("Comments", "Comments (12)", "{ 38 comments… read them below or add one }",
                    "5 thoughts on “JSON parsing: simdjson vs. JSON for Modern C++”",
                    "Leave a Reply", "You may also like", "More from Politics"):
        assert opens_after_section(heading), heading
    for heading in ("Related", "Read more", "Comments by the minister drew criticism",
                    "The vote"):
        assert not opens_after_section(heading), heading
