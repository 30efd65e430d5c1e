"""Saved web pages as people save them: XHTML, newsletter boxes, short articles on long
pages, quotations the extractor dropped, declared encodings. Pages are made here."""

from __future__ import annotations

from stance_reader.core.loaders import load_bytes

STORY = [
    "The city council voted on Tuesday to expand the bus network to the northern suburbs, "
    "after two years of debate over the cost of the new routes and depots.",
    "Council members said the new lines would open in stages over the next three years, "
    "starting with the route that links the hospital to the central station.",
    "Residents of the northern districts had campaigned for better connections since the "
    "old tram line closed, and hundreds attended the public hearings last spring.",
]
MENU = "".join(f'<li><a href="/s{i}">Section number {i} of the site</a></li>' for i in range(60))
FOOTER = "".join(f"<p><a href='/f{i}'>Footer link {i} about other stories</a></p>"
                 for i in range(40))


def _page(article_html: str, head: str = "<title>Buses for the north | City Post</title>") -> str:
    return (f"<!DOCTYPE html><html><head>{head}</head><body><nav><ul>{MENU}</ul></nav>"
            f"<main><article><h1>Buses for the north</h1>{article_html}</article></main>"
            f"<footer>{FOOTER}</footer></body></html>")


def test_xhtml_page_with_an_xml_declaration_loads() -> None:
    page = ('<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD '
            'XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Buses</title></head>'
            "<body><article>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "</article></body></html>")
    article = load_bytes(page.encode("utf-8"), "story.xhtml")
    assert STORY[0] in article.text


def test_short_article_on_a_long_page_keeps_the_article_only() -> None:
    article = load_bytes(_page("".join(f"<p>{p}</p>" for p in STORY)).encode(), "s.html")
    assert STORY[1] in article.text
    assert "Section number" not in article.text and "Footer link" not in article.text


def test_newsletter_box_inside_the_article_is_dropped() -> None:
    box = ('<div class="signup"><p>Thanks for signing up! Get our free newsletter every '
           "morning.</p><p>Sorry! There was an error processing your subscription.</p></div>")
    body = f"<p>{STORY[0]}</p>{box}<p>{STORY[1]}</p><p>{STORY[2]}</p>"
    text = load_bytes(_page(body).encode(), "s.html").text
    assert STORY[2] in text
    assert "newsletter" not in text and "subscription" not in text


def test_title_is_metadata_not_the_first_paragraph() -> None:
    article = load_bytes(_page("".join(f"<p>{p}</p>" for p in STORY)).encode(), "s.html")
    assert article.title and "Buses for the north" in article.title
    assert not article.text.startswith("Buses for the north")


def test_quotation_the_extractor_dropped_comes_back_in_place() -> None:
    # A quotation kept in a side box inside the article, with links, which extractors
    # drop as boilerplate; it must come back between the paragraphs it sits between.
    quote = ("“We have waited far too long for a bus that actually reaches our streets,” "
             "said Amal Hassan, who leads the residents' association.")
    box = f'<aside class="pullquote related"><a href="/x">{quote}</a></aside>'
    body = f"<p>{STORY[0]}</p><p>{STORY[1]}</p>{box}<p>{STORY[2]}</p>"
    text = load_bytes(_page(body).encode(), "s.html").text
    assert quote in text
    assert text.index(STORY[1]) < text.index(quote) < text.index(STORY[2])


def test_declared_charset_without_utf8_decodes() -> None:
    head = '<meta charset="windows-1251"><title>Новости</title>'
    page = _page("".join(f"<p>{p}</p>" for p in STORY) + "<p>Цитата: «Мы готовы».</p>", head)
    article = load_bytes(page.encode("cp1251"), "s.html")
    assert "«Мы готовы»" in article.text


def test_html_file_starting_with_a_style_block_is_read_as_a_page() -> None:
    page = "<style>p { color: red }</style>\n" + _page("".join(f"<p>{p}</p>" for p in STORY))
    article = load_bytes(page.encode(), "s.html")
    assert article.format == "html" and "<style>" not in article.text


def test_author_hover_card_does_not_fuse_into_the_lede() -> None:
    card = ('<span class="person-hovercard"><span>Kristi Lynn Noem</span>'
            "<span>South Dakota governor</span><a href='/p'>MORE</a></span>")
    body = f"<p>Governor Kristi Noem{card} said on Monday {STORY[0]}</p><p>{STORY[1]}</p>"
    text = load_bytes(_page(body).encode(), "s.html").text
    assert "Governor Kristi Noem said on Monday" in text
    assert "Kristi Lynn Noem" not in text and "MORE" not in text
