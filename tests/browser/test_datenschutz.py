"""Privacy: no page makes a request outside its own origin, also while a reader uses it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PAGES = ["", "karten/08-teilhabe/", "karten/14-legitimation/", "karten/56-impressum/", "inhalt/"]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("width", [375, 1440])
def test_no_request_leaves_the_origin(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=width < 500)
    own = origin(server)
    # A request elsewhere is recorded, then stopped: the tests never contact another host.
    context.route(lambda url: origin(url) != own, lambda route: route.abort())
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for url in PAGES:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    # Use what loads on demand: a preview, the fan, the search (index, worker, lunr).
    page.goto(server + "karten/08-teilhabe/")
    page.locator('nav.karte-verweise a[data-karte="15"]').focus()
    page.locator("#karte-vorschau").wait_for(state="visible")
    page.goto(server)
    page.locator("a.faecher-karte").first.focus()
    page.keyboard.press("ArrowRight")
    if width < 500:
        page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").click()
    page.keyboard.type("Teilhabe")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    context.close()
    assert len(requests) > 20
    foreign = [u for u in requests if origin(u) != own and not u.startswith(("data:", "blob:"))]
    assert foreign == []


def test_the_browser_requests_nothing_outside_the_site(server, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for url in ["", "karten/09-daseinsvorsorge/", "inhalt/", "datenschutz/", "404.html"]:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    page.goto(server + "karten/08-teilhabe/")
    page.locator(".md-search__input").click()
    page.keyboard.type("Daseinsvorsorge")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    outside = [url for url in requests if not url.startswith(server) and not url.startswith("data:")]
    assert outside == []
    assert any("search_index.json" in url for url in requests)  # the search really ran
