"""WCAG 1.4.10 Reflow, as a BITV test judges it: at 320 CSS px no page scrolls sideways.

Long German words in card titles break by German rules (soft hyphens the build places in the
titles it shows, pyphen's German patterns), a title's slash may end a line; nothing else breaks
a word. Strips that scroll by design (a fan on a narrow screen) scroll inside themselves."""

from __future__ import annotations

import pytest

from tests.helpers import OTHER_PAGES


# What reaches past the window's right edge, outside boxes that scroll sideways themselves.
WIDER = """() => {
    const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX; if (x === "auto" || x === "scroll") return true; }
        return false; };
    return {width: document.documentElement.scrollWidth,
            wider: [...document.querySelectorAll("article *, .md-header *")].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.right > innerWidth + 1 && !inScroller(e);
            }).slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${e.className} „${e.textContent.trim().slice(0, 40)}“`)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_scrolls_sideways_at_320_px(browser, server, cards, scheme):
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    page = context.new_page()
    sideways = {}
    for url in OTHER_PAGES + [card["url"] for card in cards]:
        page.goto(server + url)
        found = page.evaluate(WIDER)
        if found["width"] > 320:
            sideways[url] = found
    assert sideways == {}
    context.close()


def test_a_card_title_breaks_by_german_rules(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(server + "karten/27-rollenverteilung-rollenkonflikte/")
    title = page.locator("article h1 .karte-titel")
    # Shown in lines that fit, the authors' words unchanged apart from where they may break.
    assert title.evaluate("t => t.getBoundingClientRect().right") <= 320
    assert title.inner_text().replace("\u00ad", "").replace("\n", "") == "Rollenverteilung/Rollenkonflikte"
    page.screenshot(path="test-artifacts/reflow-karte-27-320.png")
    context.close()
