"""Texts that fit the device: a phone is told about tapping and swiping, not about the
mouse, Tab, the arrow keys or Enter; a computer keeps its keys and mouse."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import new_context, settled, store_selection

# Words that only make sense with a mouse or a keyboard.
DESK_WORDS = re.compile(r"Maus|Pfeil-?[tT]aste|Eingabetaste|Enter-Taste|Tab-Taste|mit Tab\b|Klick|klicken|"
                        r"[zZ]eigen Sie auf|Pos1|Bild ↓|Esc\b")
PAGES = ["", "leichte-sprache/", "auswahl/", "vorfuehren/", "karten/19-vor-der-ko-produktion/"]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
LAPTOP = {"viewport": {"width": 1366, "height": 768}}


def visible_text(browser, server, url: str, device: dict) -> str:
    """The page's text as this device shows it, with two cards kept (Meine Auswahl lists them)."""
    context = new_context(browser, **device)
    page = context.new_page()
    page.goto(server + "auswahl/")
    store_selection(page, [21, 8])
    page.goto(server + url)
    settled(page)
    text = page.locator("article").inner_text()
    context.close()
    return text


@pytest.mark.parametrize("url", PAGES)
def test_a_phone_is_told_about_tapping_not_about_mouse_and_keys(browser, server, url):
    text = visible_text(browser, server, url, PHONE)
    assert DESK_WORDS.findall(text) == [], text
    assert re.search(r"[tT]ipp|[wW]isch", text), "the page says nothing of how to use it by touch"


@pytest.mark.parametrize("url", PAGES)
def test_a_computer_keeps_its_keys_and_mouse(browser, server, url):
    text = visible_text(browser, server, url, LAPTOP)
    assert DESK_WORDS.search(text), text


def test_on_a_touchscreen_a_swipe_turns_the_slides(browser, server):
    context = new_context(browser, viewport={"width": 1024, "height": 768}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + "vorfuehren/#auswahl=17.35.43")
    stage = page.locator(".vorfuehren-buehne")
    expect(stage).to_be_visible()
    place = page.locator(".vorfuehren-stelle")
    expect(place).to_have_text(re.compile(r"^1 / 3"))
    first = place.inner_text()
    swipe(page, 800, 200)  # right to left: on (the next part of the card, or the next card)
    expect(place).not_to_have_text(first)
    swipe(page, 200, 800)  # left to right: back
    expect(place).to_have_text(first)
    swipe(page, 500, 520)  # a tap is no swipe
    expect(place).to_have_text(first)
    context.close()


def swipe(page, from_x: int, to_x: int, y: int = 400) -> None:
    """A finger drawn across the screen, as touch events with pointer events behind them."""
    client = page.context.new_cdp_session(page)
    steps = [from_x + (to_x - from_x) * i / 8 for i in range(9)]
    client.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": from_x, "y": y}]})
    for x in steps[1:]:
        client.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    client.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    client.detach()
