"""A card's short address, followed by a real browser."""

from __future__ import annotations

import re


def test_short_address_leads_to_the_card_in_a_browser(server, page):
    with page.expect_navigation(url=re.compile(r"/karten/15-")):
        page.goto(server + "15/")
    assert page.locator("article h1 .karte-nummer").inner_text().endswith("15")
    assert "Warum Legitimation wichtig ist" in page.locator("article h1").inner_text()
