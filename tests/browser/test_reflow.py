"""WCAG 1.4.10 Reflow, as a BITV test judges it: at 320 CSS px no page scrolls sideways, and at
1280 × 256 (a laptop at 400 %, or a short window) no text is cut off or drawn over other text,
and what stays put as the page scrolls (header, bars) leaves the most of the window to it, on a
BITV test's sample of pages (tests/helpers.py, bitv_sample: the layout is the templates').

Long German words in card titles break by German rules (soft hyphens the build places in the
titles it shows, pyphen's German patterns), a title's slash may end a line; nothing else breaks
a word. Strips that scroll by design (a fan on a narrow screen) scroll inside themselves."""

from __future__ import annotations

from tests.browser.test_textabstand import text_unreadable
from tests.helpers import bitv_sample, every_page, found_on_every_page, new_context


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


# Layout, not colour: in the light scheme (the dark one is read at 1280 × 256 below; both were
# read here once, and never differed).
def test_no_page_scrolls_sideways_at_320_px(browser, server, cards):
    def wider(page):
        found = page.evaluate(WIDER)
        return found if found["width"] > 320 else None
    sideways = found_on_every_page(browser, server, every_page(cards), wider,
                                   viewport={"width": 320, "height": 640}, color_scheme="light")
    assert sideways == {}


def test_a_card_title_breaks_by_german_rules(browser, server):
    context = new_context(browser, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(server + "karten/27-rollenverteilung-rollenkonflikte/")
    title = page.locator("article h1 .karte-titel")
    # Shown in lines that fit, the authors' words unchanged apart from where they may break.
    assert title.evaluate("t => t.getBoundingClientRect().right") <= 320
    assert title.inner_text().replace("\u00ad", "").replace("\n", "") == "Rollenverteilung/Rollenkonflikte"
    page.screenshot(path="test-artifacts/reflow-karte-27-320.png")
    context.close()


# The height of the window that boxes fixed to it, or stuck while the page scrolls, cover.
STUCK = """() => Math.max(0, ...[...document.querySelectorAll("body *")].map(e => {
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    if (!["fixed", "sticky"].includes(s.position) || s.visibility === "hidden" || r.width < innerWidth / 2) return 0;
    return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
}))"""


# Layout, not colour: in the dark scheme (test_textabstand.py reads the light one).
def test_at_1280_by_256_no_text_is_cut_off_and_the_page_scrolls_under_its_header(browser, server, site, cards):
    def unreadable_or_stuck(page):
        seen = {}
        for place in ("top", "middle"):
            # Read as the reader sees it: once Material has fitted its sidebar to the window.
            page.evaluate("""place => new Promise(done => { if (place === "middle")
                    scrollTo(0, document.documentElement.scrollHeight / 2);
                requestAnimationFrame(() => requestAnimationFrame(done)); })""", place)
            found = text_unreadable(page)
            stuck = page.evaluate(STUCK)
            if stuck > 256 / 3:
                found["stuck"] = f"{stuck} px of 256 stay put"
            if found:
                seen[place] = found
        return seen
    unreadable = found_on_every_page(browser, server, bitv_sample(site, cards), unreadable_or_stuck,
                                     viewport={"width": 1280, "height": 256}, color_scheme="dark")
    assert unreadable == {}
