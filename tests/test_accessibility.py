"""WCAG 2.1 AA (BITV 2.0): axe-core finds no violations, in the light and the dark scheme."""

from __future__ import annotations

import pytest

from conftest import axe_violations

PAGES = {
    "home page": "",
    "topic card with references": "karten/08-teilhabe/",
    "chapter overview card": "karten/14-legitimation/",
    "contents page": "inhalt/",
    "privacy note": "datenschutz/",
    "accessibility statement": "barrierefreiheit/",
    "404 page": "404.html",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(browser, server, name, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + PAGES[name])
    assert axe_violations(page) == [], f"{name} ({scheme})"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_search_results_open(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "karten/08-teilhabe/")
    page.locator(".md-search__input").click()
    page.keyboard.type("Legitimation")  # Material searches on key events, not on fill()
    page.locator(".md-search-result__item").first.wait_for()
    assert axe_violations(page) == []
    context.close()


def test_search_dialog_has_an_accessible_name(server, page):
    page.goto(server)
    assert page.locator('[role="dialog"].md-search').get_attribute("aria-label") == "Suche"
