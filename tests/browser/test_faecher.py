"""The card fan on the home page and on overview cards, in a real browser.

The fan is a list of links that faecher.js fans out (wide) or sets as a strip
(narrow). These tests drive Debian's Chromium like a reader: with the mouse,
the keyboard, touch, without JavaScript and with reduced motion, at 320 px to
1440 px; and they write screenshots to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest

from playwright.sync_api import expect

from tests.helpers import card_number, new_context, settled
from tools.common import ROOT

ARTIFACTS = ROOT / "test-artifacts"
WIDE = {"width": 1440, "height": 900}
NARROW = {"width": 375, "height": 812}


def open_page(browser, server, url="", **options):
    context = new_context(browser, **options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + url)
    page.locator(".faecher--an").first.wait_for(state="attached")
    return context, page, errors


def uncovered(page, locator) -> bool:
    """Whether the middle of ``locator`` shows the element itself (nothing lies on top of it)."""
    return locator.evaluate("""element => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !!hit && (hit === element || element.contains(hit) || hit.contains(element));
    }""")


# -- what the fan shows --------------------------------------------------------------


def test_the_fan_shows_every_card_with_its_number_uncovered(browser, server, cards):
    context, page, errors = open_page(browser, server, viewport=WIDE)
    fan = page.locator("nav.faecher")
    assert "faecher--gefaechert" in fan.get_attribute("class")  # wide: fanned out
    links = fan.locator("a.faecher-karte")
    assert [int(n) for n in links.evaluate_all("ls => ls.map(l => l.dataset.karte)")] == \
        [c["number"] for c in cards]
    settled(page)  # the opening animation
    # Read in one call (a call per card and question took 8 s): the numbers that are hidden,
    # covered by something on top, or whose card reaches past the window's edges.
    faults = links.evaluate_all("""links => links.flatMap(link => {
        const number = link.querySelector(".karte-nummer"), box = number.getBoundingClientRect();
        const card = link.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const found = [];
        if (!box.width || !box.height || getComputedStyle(number).visibility !== "visible") found.push("its number hidden");
        else if (!hit || !(hit === number || number.contains(hit) || hit.contains(number))) found.push("its number covered");
        if (card.left < 0 || card.right > innerWidth) found.push("reaches past the window");
        return found.map(what => `card ${link.dataset.karte}: ${what}`);
    })""")
    assert faults == []
    assert errors == []
    context.close()


def test_hovering_a_card_lifts_it_and_shows_its_title_and_chapter(browser, server):
    context, page, _ = open_page(browser, server, viewport=WIDE)
    settled(page)
    card = page.locator('a.faecher-karte[data-karte="21"]')
    before = card.bounding_box()
    card.locator(".karte-nummer").hover()
    settled(page)  # the lift's transition
    shown = page.locator(".faecher-anzeige")
    assert shown.is_visible()
    assert shown.inner_text().split() == "21 Bezahlte Stellen in der Zivilgesellschaft? Kapitel Vor der Ko-Produktion".split()
    assert "ist-gewaehlt" in card.locator("xpath=..").get_attribute("class")
    after = card.bounding_box()
    assert (after["x"], after["y"]) != (before["x"], before["y"])  # lifted out of the fan
    page.mouse.move(5, 5)
    expect(shown).to_be_hidden()
    context.close()


LAPTOPS = [{"width": 1366, "height": 768}, {"width": 1280, "height": 720}, {"width": 1920, "height": 1080}]


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


@pytest.mark.parametrize("url, number", [("", 21), ("", 47), ("karten/19-vor-der-ko-produktion/", 24)])
@pytest.mark.parametrize("screen", LAPTOPS, ids=lambda s: f"{s['width']}x{s['height']}")
def test_on_a_laptop_screen_the_title_of_a_card_shows_where_the_reader_looks(browser, server, url, number,
                                                                           screen):
    # The page as it opens: a card whose number is in view is hovered, and its title is in view
    # too, not below the fold; it covers neither that card's number nor the page's other text.
    context, page, _ = open_page(browser, server, url, viewport=screen)
    settled(page)
    fan = page.locator(".faecher--gefaechert").first
    card = fan.locator(f'a.faecher-karte[data-karte="{number}"]')
    if not in_view(page, card.locator(".karte-nummer")):  # an overview card's fan is further down
        fan.locator("a.faecher-karte").first.evaluate("a => a.closest('.faecher').scrollIntoView()")
        page.mouse.wheel(0, 0)
    assert in_view(page, card.locator(".karte-nummer")), "the card's number is not in view to hover"
    card.locator(".karte-nummer").hover()
    settled(page)
    shown = fan.locator(".faecher-anzeige")
    title = card.locator(".karte-titel").text_content()
    assert title in shown.inner_text()
    assert in_view(page, shown), f"the title is out of view: {shown.bounding_box()}"
    assert uncovered(page, card.locator(".karte-nummer"))
    # By keyboard: Tab onto the fan and along it; the focused card's title is in view.
    page.mouse.move(2, screen["height"] - 2)
    card.focus()
    page.keyboard.press("ArrowRight")
    settled(page)
    assert in_view(page, shown), f"the focused card's title is out of view: {shown.bounding_box()}"
    if url == "" and number == 21:  # for a person to look at: the fan with a title shown
        card.locator(".karte-nummer").hover()
        settled(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"faecher-{screen['width']}x{screen['height']}.png"))
    context.close()


def test_a_click_on_a_card_in_the_fan_opens_it(browser, server):
    context, page, _ = open_page(browser, server, viewport=WIDE)
    settled(page)
    with page.expect_navigation():
        page.locator('a.faecher-karte[data-karte="43"] .karte-nummer').click()
    assert card_number(page) == 43
    context.close()


# -- keyboard -------------------------------------------------------------------------


def test_the_keyboard_reaches_the_fan_moves_through_it_and_opens_a_card(browser, server, cards):
    context, page, _ = open_page(browser, server, viewport=WIDE)
    links = page.locator("a.faecher-karte")
    # One stop in the Tab order: only the card Tab enters on is tabbable.
    assert links.evaluate_all("ls => ls.filter(l => l.tabIndex === 0).length") == 1
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.faecher-karte')"):
            break
    focused = "document.activeElement.dataset.karte"
    assert page.evaluate(focused) == str(cards[0]["number"])
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "faecher-hinweis-1"
    assert "Pfeiltasten" in page.locator("#faecher-hinweis-1").inner_text()
    page.keyboard.press("ArrowRight")
    assert page.evaluate(focused) == str(cards[1]["number"])
    page.keyboard.press("End")
    assert page.evaluate(focused) == str(cards[-1]["number"])
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    target = cards[-3]["number"]
    assert page.evaluate(focused) == str(target)
    # Focus is visible: the focused card is lifted and outlined.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert page.evaluate("document.activeElement.parentNode.classList.contains('ist-gewaehlt')")
    # Tab leaves the fan, Shift+Tab comes back to the same card.
    page.keyboard.press("Tab")
    assert not page.evaluate("!!document.activeElement.closest('.faecher')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == str(target)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert card_number(page) == target
    context.close()


# -- touch and narrow screens -----------------------------------------------------------


def test_on_touch_the_first_tap_lifts_a_card_and_the_second_opens_it(browser, server):
    context, page, _ = open_page(browser, server, viewport=WIDE, has_touch=True)
    settled(page)
    number = page.locator('a.faecher-karte[data-karte="30"] .karte-nummer')
    url = page.url
    number.tap()
    expect(page.locator(".faecher-anzeige")).to_contain_text("30")
    settled(page)
    assert page.url == url
    assert "Tippen" in page.locator(".faecher-hinweis").inner_text()
    with page.expect_navigation():
        number.tap()
    assert card_number(page) == 30
    context.close()


@pytest.mark.parametrize("width", [320, 375])
def test_on_a_narrow_screen_the_cards_stand_in_a_strip_with_legible_titles(browser, server, cards, width):
    context, page, errors = open_page(browser, server, viewport={"width": width, "height": 740},
                                      has_touch=True, is_mobile=True)
    fan = page.locator("nav.faecher")
    assert "faecher--gefaechert" not in fan.get_attribute("class")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways page
    links = fan.locator("a.faecher-karte")
    assert links.count() == len(cards)
    for i in range(0, links.count(), 7):
        link = links.nth(i)
        link.scroll_into_view_if_needed()
        title = link.locator(".karte-titel")
        assert title.is_visible() and uncovered(page, title), cards[i]["number"]
        assert float(title.evaluate("t => parseFloat(getComputedStyle(t).fontSize)")) >= 12
    with page.expect_navigation():
        links.nth(5).tap()  # in the strip a tap opens the card at once
    assert card_number(page) == cards[5]["number"]
    assert errors == []
    context.close()


# -- the chapter fans, without JavaScript, with reduced motion ------------------------------


def test_an_overview_card_fans_out_its_chapters_cards_with_their_titles(browser, server):
    context, page, _ = open_page(browser, server, "karten/19-vor-der-ko-produktion/", viewport=WIDE)
    fan = page.locator("div.kapitel-karten")
    assert "faecher--gefaechert" in fan.get_attribute("class")
    assert fan.locator("ol").get_attribute("aria-label") == "Karten im Kapitel Vor der Ko-Produktion"
    numbers = fan.locator("a.faecher-karte").evaluate_all("ls => ls.map(l => +l.dataset.karte)")
    assert numbers == list(range(20, 29))
    settled(page)
    title = fan.locator('a[data-karte="22"] .karte-titel')
    assert title.is_visible() and uncovered(page, title)
    page.keyboard.press("Tab")
    for _ in range(60):  # past the header, the navigation and the card's own buttons
        if page.evaluate("document.activeElement.matches('a.faecher-karte')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.faecher-karte')"), "Tab never reached the fan"
    page.keyboard.press("ArrowRight")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert card_number(page) == 21
    context.close()


OVERVIEWS = [f"karten/{name}/" for name in ("05-definitionen", "10-warum-ko-produktion", "14-legitimation",
                                            "19-vor-der-ko-produktion", "29-ziele-der-ko-produktion",
                                            "39-strukturen-der-zusammenarbeit")]


@pytest.mark.parametrize("width, height", [(768, 1024), (1024, 768), (1280, 720), (1366, 768), (1440, 900),
                                           (1920, 1080)])
def test_no_title_in_a_chapter_fan_is_cut_off(browser, server, width, height):
    # A title along its card is shown whole, in smaller type if need be; one that would not fit
    # even so is left to the readout below the rivet. From 1280 px every title stands on its card.
    context = new_context(browser, viewport={"width": width, "height": height})
    page = context.new_page()
    for url in OVERVIEWS:
        page.goto(server + url)
        fan = page.locator(".kapitel-karten.faecher--beschriftet")
        expect(fan).to_have_count(1)
        titles = fan.locator(".faecher-karte .karte-titel").evaluate_all("""ts => ts.map(t => {
            const style = getComputedStyle(t);
            return {card: t.closest("a").dataset.karte, text: t.textContent, size: parseFloat(style.fontSize),
                    shown: style.clip === "auto" && t.clientWidth > 1,
                    cut: t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1};
        })""")
        shown = [t for t in titles if t["shown"]]
        assert [t for t in shown if t["cut"]] == [], f"{url} at {width} px"
        assert all(t["size"] >= 10 for t in shown), f"{url} at {width} px: type too small: {shown}"
        if width >= 1280:
            assert len(shown) == len(titles), f"{url} at {width} px: a title is left off its card"
    context.close()


def test_without_javascript_the_fan_is_a_plain_list_that_works(browser, server, cards):
    context = new_context(browser, java_script_enabled=False, viewport=WIDE)
    page = context.new_page()
    page.goto(server)
    links = page.locator("nav.faecher a")
    assert links.count() == len(cards)
    texts = links.all_inner_texts()
    assert [re.sub(r"\s+", " ", t).strip() for t in texts] == [f"{c['number']} {c['title']}" for c in cards]
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    assert "faecher--an" not in page.locator("nav.faecher").get_attribute("class")
    with page.expect_navigation():
        links.nth(12).click()
    assert card_number(page) == cards[12]["number"]
    page.goto(server + "karten/14-legitimation/")
    with page.expect_navigation():
        page.locator("div.kapitel-karten a", has_text="Formen von Legitimation").click()
    assert card_number(page) == 16
    context.close()


def test_reduced_motion_leaves_out_the_opening_and_the_lift(browser, server):
    for motion, animated in (("reduce", False), ("no-preference", True)):
        context, page, _ = open_page(browser, server, viewport=WIDE, reduced_motion=motion)
        item = page.locator("a.faecher-karte").first.locator("xpath=..")
        assert (item.evaluate("li => getComputedStyle(li).animationName") != "none") == animated
        duration = page.locator("a.faecher-karte").first.evaluate(
            "a => getComputedStyle(a).transitionDuration")
        assert (duration != "0s") == animated, motion
        context.close()


# -- screenshots for a person to look at -------------------------------------------------------

SHOTS = {
    "start": ("", None),
    "kapitel-19": ("karten/19-vor-der-ko-produktion/", None),
    "karte-08-vorschau": ("karten/08-teilhabe/", 'nav.karte-verweise a[data-karte="16"]'),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1440])
@pytest.mark.parametrize("name", list(SHOTS))
def test_screenshots_are_written_for_review(browser, server, name, width, scheme):
    url, hover = SHOTS[name]
    # Without motion the fan and a lifted card look as they end up: Chromium's full-page
    # capture sometimes shows the fan as it was opening, long after it had opened.
    context = new_context(browser, viewport={"width": width, "height": 900}, color_scheme=scheme,
                          reduced_motion="reduce")
    page = context.new_page()
    page.goto(server + url)
    settled(page)
    if hover:
        page.locator(hover).hover()
        page.locator("#karte-vorschau").wait_for(state="visible")
    elif page.locator(".faecher--gefaechert").count():
        page.locator(".faecher--gefaechert a.faecher-karte").nth(3).locator(".karte-nummer").hover()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}-{width}-{scheme}.png"
    page.screenshot(path=str(path), full_page=not hover)
    assert path.stat().st_size > 10_000
    context.close()
