"""Previews of linked cards: built into the links, shown by vorschau.js in the browser."""

from __future__ import annotations

import json
import re

import pytest

from macros.vorschau import attribute, shorten

CARD_8 = "karten/08-teilhabe/"
PREVIEW = "#karte-vorschau"


@pytest.fixture(scope="module")
def cards(site):
    return {c["number"]: c for c in json.loads((site.root / "karten.json").read_text(encoding="utf-8"))}


def card_number(page) -> int:
    return int(re.sub(r"\D", "", page.locator("article h1 .karte-nummer").inner_text()))


# -- the data, at build time -------------------------------------------------------------


def test_karten_json_has_each_cards_first_paragraph_as_excerpt(cards):
    assert cards[8]["excerpt"] == ("Teilhabe ist die Summe der Bedingungen, die Individuen die Zugehörigkeit "
                                   "zur Gesellschaft und ihre individuelle Entfaltung darin ermöglichen.")
    assert cards[14]["excerpt"] == ""  # an overview card has no text of its own
    assert all(c["excerpt"] for n, c in cards.items() if n not in (5, 10, 14, 19, 29, 39))


def test_references_backlinks_and_inline_links_carry_their_cards_preview(site, cards):
    page = site.page(CARD_8)
    links = page.select("nav.karte-verweise a, nav.karte-rueckverweise a")
    assert len(links) == 4
    for link in links:
        card = cards[int(link["data-karte"])]
        assert link["data-titel"] == card["title"]
        assert link["data-kapitel-titel"] == card["chapter"]
        assert card["excerpt"].startswith(link["data-auszug"].removesuffix(" …"))
    home = site.page("").select_one('article > ul a.karte-link[data-karte="3"]')
    assert home["data-auszug"].startswith("Dieser Handlungsleitfaden möchte")
    # Leafing through and the fan need no preview: they show the title already.
    assert not site.page(CARD_8).select("nav.karte-blaettern a[data-auszug]")


def test_an_overview_cards_preview_lists_its_cards():
    from macros.registry import Card, Chapter, Registry
    from macros.vorschau import preview_text
    chapter = Chapter("a", "Anfang")
    overview, first, second = (Card(n, t, chapter, f"{n}.md", f"{n}.md", e) for n, t, e in
                               [(1, "Anfang", ""), (2, "Erste", "Text."), (3, "Zweite", "Mehr.")])
    assert preview_text(Registry([overview, first, second], [chapter]), overview) == "2 Erste · 3 Zweite"


def test_a_long_first_paragraph_is_cut_after_a_sentence_or_a_word():
    sentence = "Ein Satz mit einigen Wörtern. "
    assert shorten(sentence * 20, 100) == (sentence * 3).strip()
    assert shorten("Wort " * 100, 42) == ("Wort " * 8).strip() + " …"
    assert shorten("Kurz.", 100) == "Kurz."


def test_preview_text_cannot_turn_into_markdown_or_html():
    assert attribute('a *b* _c_ `d` [e](f) <g> "h" {{ i }} \\j') == (
        "a &#42;b&#42; &#95;c&#95; &#96;d&#96; &#91;e&#93;(f) &lt;g&gt; &quot;h&quot; "
        "&#123;&#123; i &#125;&#125; &#92;j")


# -- in the browser -------------------------------------------------------------------------


def test_hovering_a_reference_previews_its_card_until_the_pointer_leaves(browser, server, cards):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(server + CARD_8)
    link = page.locator('nav.karte-verweise a[data-karte="15"]')
    preview = page.locator(PREVIEW)
    assert preview.is_hidden()
    link.hover()
    preview.wait_for(state="visible")
    assert preview.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "karte-vorschau"
    text = preview.inner_text()
    assert text.startswith("15 Warum Legitimation wichtig ist")
    assert "Kapitel Legitimation" in text
    assert cards[15]["excerpt"][:60] in " ".join(text.split())
    # The pointer may move onto the preview (to read or select it): it stays.
    box = preview.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2, steps=4)
    page.wait_for_timeout(600)
    assert preview.is_visible()
    page.mouse.move(5, 400)
    preview.wait_for(state="hidden")
    assert link.get_attribute("aria-describedby") is None
    context.close()


def test_focus_previews_and_escape_closes_without_moving_focus(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + CARD_8)
    preview = page.locator(PREVIEW)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('nav.karte-rueckverweise a')"):
            break
    assert preview.is_visible()
    assert preview.inner_text().startswith("15 Warum Legitimation wichtig ist")
    page.keyboard.press("Escape")
    assert preview.is_hidden()
    assert page.evaluate("document.activeElement.matches('nav.karte-rueckverweise a')")
    # The preview never takes focus: the next Tab goes on to the next link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('nav.karte-blaettern a.karte-zurueck')")
    assert preview.is_hidden()
    context.close()


def test_a_click_on_a_reference_lands_on_its_card(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + CARD_8)
    with page.expect_navigation():
        page.locator('nav.karte-verweise a[data-karte="18"]').click()
    assert card_number(page) == 18
    with page.expect_navigation():
        page.locator('nav.karte-rueckverweise a[data-karte="8"]').click()
    assert card_number(page) == 8
    context.close()


def test_on_touch_the_first_tap_previews_and_the_second_opens(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + CARD_8)
    link = page.locator('nav.karte-verweise a[data-karte="16"]')
    preview = page.locator(PREVIEW)
    link.tap()
    preview.wait_for(state="visible")
    assert page.url.endswith(CARD_8)
    assert preview.inner_text().startswith("16 Formen von Legitimation")
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375  # inside a phone's screen
    page.tap("article h1")  # elsewhere: closes
    preview.wait_for(state="hidden")
    link.tap()
    preview.wait_for(state="visible")
    with page.expect_navigation():
        link.tap()
    assert card_number(page) == 16
    context.close()


def test_a_defined_term_previews_its_definition(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "karten/15-warum-legitimation-wichtig-ist/")
    term = page.locator("article a.begriff", has_text="Daseinsvorsorge")
    term.hover()
    page.locator(PREVIEW).wait_for(state="visible")
    assert page.locator(PREVIEW).inner_text().startswith("9 Daseinsvorsorge")
    with page.expect_navigation():
        term.click()
    assert card_number(page) == 9
    context.close()
