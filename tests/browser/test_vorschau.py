"""Previews of linked cards, shown by vorschau.js in the browser."""

from __future__ import annotations

import pytest

from tests.helpers import card_number, new_context


CARD_8 = "karten/08-teilhabe/"
PREVIEW = "#karte-vorschau"


def test_hovering_a_reference_previews_its_card_until_the_pointer_leaves(browser, server, by_number):
    context = new_context(browser, viewport={"width": 1440, "height": 900})
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
    assert by_number[15]["excerpt"][:60] in " ".join(text.split())
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
    context = new_context(browser)
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
    context = new_context(browser)
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
    context = new_context(browser, viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
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
    context = new_context(browser)
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


# Every link of a card's foot: its references, the cards referring to it, previous and next.
FOOT_LINKS = "nav.karte-verweise a, nav.karte-rueckverweise a, nav.karte-blaettern a"
COVERED = """([links, own]) => {
    const box = document.getElementById("karte-vorschau").getBoundingClientRect();
    return [...document.querySelectorAll(links)].filter(a => a !== document.querySelector(own)).filter(a => {
        const r = a.getBoundingClientRect();
        return r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
    }).map(a => a.textContent.replace(/\\s+/g, " ").trim());
}"""


@pytest.mark.parametrize("where", [0.15, 0.5, 0.8])
@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_a_preview_covers_none_of_the_cards_other_references_backlinks_or_neighbours(browser, server, device,
                                                                                  where):
    # Wherever the card's foot is on the screen, the preview of „→ 15“ leaves 16, 18, the
    # backlinks and previous/next readable, and stands in the window, below the header.
    if device == "phone":
        context = new_context(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    else:
        context = new_context(browser, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(server + CARD_8)
    page.evaluate("""where => {
        const top = document.querySelector("nav.karte-verweise").getBoundingClientRect().top;
        window.scrollBy(0, top - where * innerHeight);
    }""", where)
    own = 'nav.karte-verweise a[data-karte="15"]'
    if device == "phone":
        page.locator(own).tap()
    else:
        page.locator(own).hover()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    assert page.evaluate(COVERED, [FOOT_LINKS, own]) == []
    box = preview.bounding_box()
    header = page.locator("header.md-header").bounding_box()
    size = page.viewport_size
    assert box["y"] >= header["y"] + header["height"] - 1 and box["y"] + box["height"] <= size["height"] + 1, \
        (box, header)
    context.close()
