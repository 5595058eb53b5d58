"""WCAG 1.4.12 Text spacing, as a BITV test judges it: with the WCAG values set once the page is
shown (line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em; the BIK's
bookmarklet does the same), no text is cut off or drawn over other text on a BITV test's sample
of pages (every page that is not a card, a card of each chapter, every card with checklists:
tests/helpers.py, bitv_sample), and the titles along a chapter's fan still fit their cards (or
are left to the readout below the rivet, as a title that fits in no size always was: the fan
fits its titles anew whenever its box changes size, and wider spacing makes its hint below
longer)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import bitv_sample, found_on_every_page, new_context

TEXTLAGE = "\n".join(line for line in (Path(__file__).parent / "js" / "textlage.js").read_text().splitlines()
                     if not line.startswith("//"))

SPACING = """() => new Promise(done => {
    const style = document.createElement("style");
    style.textContent = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                             word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;
    document.head.appendChild(style);
    requestAnimationFrame(() => requestAnimationFrame(done));  // the page's observers have run
})"""

# Titles along a fan's cards that do not fit the box they are set in.
FAN_TITLES = """() => [...document.querySelectorAll(
        ".faecher--beschriftet .faecher-karte .karte-titel:not(.nur-unten)")]
    .filter(t => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1)
    .map(t => t.textContent.trim())"""


def text_unreadable(page) -> dict[str, list[str]]:
    """What textlage.js finds on the page as shown, read again after half a second where it finds
    something: a page that draws part of itself late (Meine Auswahl) gets its sidebar fitted later."""
    found = {what: lines for what, lines in page.evaluate(TEXTLAGE).items() if lines}
    if found:
        page.wait_for_timeout(500)
        found = {what: lines for what, lines in page.evaluate(TEXTLAGE).items() if lines}
    return found


# Layout, not colour: in the light scheme (test_reflow.py reads the dark one at 1280 × 256).
def test_with_wider_text_spacing_no_text_is_cut_off_or_overlaps(browser, server, site, cards):
    def unreadable_when_spaced(page):
        page.evaluate(SPACING)
        found = text_unreadable(page)
        fan_titles = page.evaluate(FAN_TITLES)
        if fan_titles:
            found["fan titles"] = fan_titles
        return found
    unreadable = found_on_every_page(browser, server, bitv_sample(site, cards), unreadable_when_spaced,
                                     viewport={"width": 1280, "height": 900})
    assert unreadable == {}


def test_the_chapter_fan_fits_its_titles_anew_when_the_spacing_changes(browser, server):
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "karten/19-vor-der-ko-produktion/")
    along = ".faecher--beschriftet .faecher-karte .karte-titel:not(.nur-unten)"
    assert page.locator(along).count() >= 6  # most titles run along their cards
    page.evaluate(SPACING)
    assert page.evaluate(FAN_TITLES) == []
    # What no longer fits is shown below the rivet when its card is lifted, whole.
    page.locator("a.faecher-karte").nth(4).focus()
    shown = page.locator(".faecher-anzeige-titel").inner_text()
    assert shown == page.locator("a.faecher-karte").nth(4).locator(".karte-titel").text_content()
    page.screenshot(path="test-artifacts/textabstand-faecher-19.png")
    context.close()


def test_the_check_sees_text_cut_off_and_text_over_text(browser, server):
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/")
    assert page.evaluate(TEXTLAGE) == {"clipped": [], "overlap": []}
    page.add_style_tag(content=".checkliste { max-height: 5rem; overflow: hidden; }"
                               " .karte-kapitel { position: relative; top: 3.2rem; }")
    found = page.evaluate(TEXTLAGE)
    assert any(line.endswith("in div.admonition") for line in found["clipped"]), found
    assert any("„Kapitel" in pair for pair in found["overlap"]), found
    context.close()
