"""A card's short address, followed by a real browser."""

from __future__ import annotations

import re


def test_short_address_leads_to_the_card_in_a_browser(server, page):
    with page.expect_navigation(url=re.compile(r"/karten/15-")):
        page.goto(server + "15/")
    assert page.locator("article h1 .karte-nummer").inner_text().endswith("15")
    assert "Warum Legitimation wichtig ist" in page.locator("article h1").inner_text().replace("\u00ad", "")


def test_a_card_links_underline_starts_at_its_title_not_at_the_space_before_it(page, server):
    page.goto(server + "karten/08-teilhabe/")
    lines = page.locator(".karte-verweise a.karte-link").first.evaluate("""a => [
        getComputedStyle(a).textDecorationLine,
        getComputedStyle(a.querySelector('.karte-titel')).textDecorationLine]""")
    assert lines == ["none", "underline"]
    # A link in running text, without a number box, stays underlined as a whole.
    page.goto(server + "karten/03-einleitung/")
    inline = page.locator("article p a.karte-link:not(:has(.karte-titel))").first
    assert inline.evaluate("a => getComputedStyle(a).textDecorationLine") == "underline"
