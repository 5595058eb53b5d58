"""WCAG 2.1 AA (BITV 2.0): axe-core finds no violations, in the light and the dark scheme."""

from __future__ import annotations

import pytest

from tests.helpers import axe_violations, new_context, settled

PAGES = {
    "home page": "",
    "topic card with references": "karten/08-teilhabe/",
    "chapter overview card": "karten/14-legitimation/",
    "contents page": "inhalt/",
    "privacy note": "datenschutz/",
    "accessibility statement": "barrierefreiheit/",
    "Leichte Sprache": "leichte-sprache/",
    "404 page": "404.html",
    "Druckfassung": "druckfassung/",
    "downloads page (make build, no downloads)": "herunterladen/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(browser, server, name, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + PAGES[name])
    assert axe_violations(page) == [], f"{name} ({scheme})"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_search_results_open(browser, server, scheme):
    context = new_context(browser, color_scheme=scheme)
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


# -- The fan, previews and defined terms (issue "The interactive card fan") -------------

FAN_PAGES = {
    "home page, fan": ("", 1440),
    "home page, strip": ("", 375),
    "overview card, fan with titles": ("karten/19-vor-der-ko-produktion/", 1440),
    "overview card, strip": ("karten/19-vor-der-ko-produktion/", 375),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(FAN_PAGES))
def test_no_axe_violations_on_the_fan(browser, server, name, scheme):
    url, width = FAN_PAGES[name]
    context = new_context(browser, color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + url)
    page.locator(".faecher--an").wait_for(state="attached")
    settled(page)  # the opening animation
    page.locator("a.faecher-karte").nth(2).focus()  # a lifted card, its title shown
    assert axe_violations(page) == [], f"{name} ({scheme})"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_a_preview_open(browser, server, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "karten/15-warum-legitimation-wichtig-ist/")
    page.locator("article a.begriff").first.focus()  # a defined term, linked
    page.locator("#karte-vorschau").wait_for(state="visible")
    assert axe_violations(page) == []
    page.locator("nav.karte-verweise a").first.hover()
    page.locator("nav.karte-verweise a").first.focus()
    assert page.locator("#karte-vorschau").inner_text().startswith("8 Teilhabe")
    assert axe_violations(page) == []
    context.close()


def test_every_link_and_control_of_the_fan_and_previews_has_a_name_and_role(server, page):
    page.goto(server)
    page.locator(".faecher--an").wait_for(state="attached")
    fan = page.locator("nav.faecher")
    assert fan.get_attribute("aria-label") == "Kartenfächer: alle Karten"
    names = fan.locator("a").evaluate_all("links => links.map(a => [a.tagName, a.getAttribute('href'), a.textContent.trim()])")
    assert all(tag == "A" and href and text for tag, href, text in names)
    assert page.locator(".faecher-anzeige").get_attribute("aria-hidden") == "true"  # repeats the link's name
    page.goto(server + "karten/08-teilhabe/")
    page.locator("nav.karte-verweise a").first.focus()
    preview = page.locator("#karte-vorschau")
    assert preview.get_attribute("role") == "tooltip"
    assert page.locator("nav.karte-verweise a").first.get_attribute("aria-describedby") == "karte-vorschau"
