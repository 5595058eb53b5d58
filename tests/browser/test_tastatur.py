"""The keyboard past the navigation (WCAG 2.4.1): a skip link on every page, to its content."""

from __future__ import annotations

import pytest

from tests.helpers import new_context

PAGES = ["", "karten/20-anforderungen-der-ko-produktion/", "karten/14-legitimation/", "inhalt/", "checklisten/",
         "auswahl/", "vorfuehren/", "datenschutz/", "herunterladen/", "404.html"]


def active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {cls: e.className, text: e.textContent.trim().slice(0, 80), tag: e.tagName,
                visible: r.width > 0 && r.height > 0 &&
                r.top >= 0 && r.top < innerHeight, href: e.getAttribute("href")}; }""")


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("url", PAGES)
def test_the_first_tab_is_a_visible_skip_link_to_the_content(browser, server, url, width):
    context = new_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server + url)
    page.keyboard.press("Tab")
    first = active(page)
    assert "md-skip" in first["cls"] and first["text"] == "Zum Inhalt" and first["visible"], first
    assert first["href"] == "#zum-inhalt"
    # Material's own (to a heading, on some pages) is out of the way: one skip link, not two.
    assert page.locator(".md-skip:visible").count() == 1
    page.keyboard.press("Enter")
    page.wait_for_url("**#zum-inhalt")
    page.keyboard.press("Tab")
    # The next stop is past the header and the navigation (on the empty „Meine Auswahl“ the
    # next is Material's „Zurück zum Seitenanfang“, which its script may hide as the page moves).
    back = page.evaluate("document.activeElement.closest('.md-header, .md-sidebar') !== null")
    assert not back, f"{url}: the Tab after the skip link went back: {active(page)}"
    context.close()


def test_merken_is_the_second_stop_after_the_skip_link_on_a_card(browser, server):
    context = new_context(browser, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(server + "karten/20-anforderungen-der-ko-produktion/")
    page.locator("button.karte-merken-knopf").wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**#zum-inhalt")
    page.keyboard.press("Tab")
    assert active(page)["text"] == "Vor der Ko-Produktion"  # the chapter's link above the number
    page.keyboard.press("Tab")
    assert "Merken" in active(page)["text"]
    context.close()
