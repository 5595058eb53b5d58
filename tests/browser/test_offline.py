"""The offline bundle opened from file:// (unzipped, as a reader would).

Every browser test records the requests Chromium makes; none may leave the
unzipped folder (file://; data: URLs are allowed).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import card_number, new_context, search_results


@pytest.fixture
def offline_page(browser):
    """A page whose requests are recorded; after the test, none may leave file://."""
    context = new_context(browser)
    page = context.new_page()
    page.requests = []
    page.problems = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()
    outside = [url for url in page.requests if not url.startswith(("file://", "data:"))]
    assert outside == [], outside
    assert page.problems == []


def open_file(page, path: Path) -> None:
    page.goto(path.as_uri())


def click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()



def test_navigate_through_chapters_and_references(unpacked, offline_page):
    page = offline_page
    open_file(page, unpacked / "index.html")
    click_and_wait(page, page.locator("article a", has_text="Alle Karten"))
    assert page.url.endswith("/inhalt.html")
    click_and_wait(page, page.locator('div.inhalt-karten a[data-karte="14"]'))
    assert card_number(page) == 14
    # In the chapter's fan the cards overlap; open one as a keyboard user does (the fan's
    # own tests cover the pointer).
    page.locator('div.kapitel-karten a[data-karte="15"]').focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert card_number(page) == 15
    click_and_wait(page, page.locator('nav.karte-verweise a[data-karte="8"]'))
    assert card_number(page) == 8
    click_and_wait(page, page.locator('nav.karte-rueckverweise a[data-karte="15"]'))
    assert card_number(page) == 15
    click_and_wait(page, page.locator("a.karte-weiter"))
    assert card_number(page) == 16
    page.reload()
    assert card_number(page) == 16
    assert page.locator("link[rel=stylesheet]").count() >= 3
    # Styles really apply: the card's chapter band is coloured from karte.css.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


def test_short_address_opens_the_card(unpacked, offline_page):
    with offline_page.expect_navigation(url=re.compile(r"karten/15-.*\.html$")):
        open_file(offline_page, unpacked / "15" / "index.html")
    assert card_number(offline_page) == 15


def test_search_finds_a_word_and_lands_on_its_card(unpacked, offline_page):
    page = offline_page
    open_file(page, unpacked / "index.html")
    search_results(page, "Daseinsvorsorge")
    first = page.locator(".md-search-result__item a").first
    with page.expect_navigation():
        first.click()
    assert page.url.startswith("file://")
    assert urlsplit(page.url).path.endswith("/karten/09-daseinsvorsorge.html")
    assert card_number(page) == 9
    assert page.locator("article h1").inner_text().replace("\u00ad", "").endswith("Daseinsvorsorge")
    page.reload()
    assert card_number(page) == 9


@pytest.mark.parametrize("query, card", [("Zoff", "24-"), ("Pressearbeit", "52-")])
def test_readers_words_find_their_card_from_file_urls_too(unpacked, offline_page, query, card):
    """The thesaurus's words (in the index's config) and the hand-written ones (in the entries)
    travel in search_index.js as they do in the JSON."""
    open_file(offline_page, unpacked / "index.html")
    assert any(f"/karten/{card}" in url for url in search_results(offline_page, query)[:3])


def drop_text(page, locator, text: str) -> None:
    """Drop text onto an element with the mouse, as Chromium's own drag and drop does (trusted events)."""
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    session = page.context.new_cdp_session(page)
    data = {"items": [{"mimeType": "text/plain", "data": text}], "dragOperationsMask": 1}
    for kind in ("dragEnter", "dragOver", "drop"):
        session.send("Input.dispatchDragEvent", {"type": kind, "x": x, "y": y, "data": data})


@pytest.mark.parametrize("how", ["paste", "drop"])
def test_pasted_or_dropped_text_searches_as_typed_text_does(unpacked, offline_page, how):
    page = offline_page
    open_file(page, unpacked / "index.html")
    field = page.locator(".md-search__input")
    field.click()
    page.locator(".md-search-result__meta").wait_for()
    if how == "paste":  # text arriving without a key, as a paste from the context menu does
        page.keyboard.insert_text("Daseinsvorsorge")
    else:
        drop_text(page, field, "Daseinsvorsorge")
    assert field.input_value() == "Daseinsvorsorge"
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    assert "Daseinsvorsorge" in first.inner_text()


def test_the_request_check_sees_a_request_that_leaves_file_urls(unpacked, browser):
    """The recording above is not blind: a load from a server is seen (loopback only)."""
    context = new_context(browser)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_file(page, unpacked / "index.html")
    with page.expect_request("http://127.0.0.1:9/x.png"):
        page.evaluate("""() => { const img = new Image(); img.src = "http://127.0.0.1:9/x.png";
                                 document.body.appendChild(img); }""")
    context.close()
    assert "http://127.0.0.1:9/x.png" in requests
