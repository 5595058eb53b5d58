"""The offline bundle: built as `make offline` builds it, unzipped, opened from file://.

Every browser test records the requests Chromium makes; none may leave the
unzipped folder (file://; data: URLs are allowed).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from site_loads import foreign_loads
from tools import offline


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The zip as `make offline` writes it."""
    target = tmp_path_factory.mktemp("dist") / "ko-produktion-offline.zip"
    offline.make_bundle(target)
    return target


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:
    """The bundle unzipped into a folder of its own, as a reader would."""
    where = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(where)
    return where / offline.FOLDER


@pytest.fixture(scope="module")
def cards(unpacked) -> list[dict]:
    return json.loads((unpacked / "karten.json").read_text(encoding="utf-8"))


@pytest.fixture
def offline_page(browser):
    """A page whose requests are recorded; after the test, none may leave file://."""
    context = browser.new_context()
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


def card_number(page) -> int:
    return int(re.sub(r"\D", "", page.locator("article h1 .karte-nummer").inner_text()))


def click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


# -- the zip -------------------------------------------------------------------------------------


def test_bundle_is_one_folder_with_index_html_and_a_note(bundle):
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert all(name.startswith(f"{offline.FOLDER}/") for name in names)
    assert f"{offline.FOLDER}/index.html" in names
    assert f"{offline.FOLDER}/LIESMICH.txt" in names
    assert not any(name.endswith(".map") for name in names)


def test_every_card_is_in_the_bundle_with_html_addresses(unpacked, cards):
    assert len(cards) == 52
    for entry in cards:
        assert entry["url"].endswith(".html"), entry
        assert (unpacked / entry["url"]).is_file(), entry["url"]


def test_short_addresses_forward_to_the_cards_html_file(unpacked, cards):
    for entry in cards:
        page = BeautifulSoup((unpacked / str(entry["number"]) / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        target = re.match(r"0; url=(.+)", page.select_one('meta[http-equiv="refresh"]')["content"]).group(1)
        assert (unpacked / str(entry["number"]) / target).resolve() == (unpacked / entry["url"]).resolve()


def test_nothing_in_the_bundle_loads_from_another_host(unpacked):
    assert foreign_loads(unpacked) == []
    home = (unpacked / "index.html").read_text(encoding="utf-8")
    assert "unpkg" not in home
    assert (unpacked / "assets/javascripts/iframe-worker.js").read_bytes() == \
        (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    assert '<script src="assets/javascripts/iframe-worker.js"></script>' in home


def test_the_bundle_has_no_web_server_files(unpacked):
    for name in ("_headers", ".htaccess", "nginx-csp.conf", "robots.txt", "sitemap.xml", "404.html"):
        assert not (unpacked / name).exists(), name


# -- in the browser, from file:// ---------------------------------------------------------------


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
    page.locator(".md-search__input").click()
    page.keyboard.type("Daseinsvorsorge")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    with page.expect_navigation():
        first.click()
    assert page.url.startswith("file://")
    assert urlsplit(page.url).path.endswith("/karten/09-daseinsvorsorge.html")
    assert card_number(page) == 9
    assert page.locator("article h1").inner_text().endswith("Daseinsvorsorge")
    page.reload()
    assert card_number(page) == 9


def test_the_request_check_sees_a_request_that_leaves_file_urls(unpacked, browser):
    """The recording above is not blind: a load from a server is seen (loopback only)."""
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_file(page, unpacked / "index.html")
    page.evaluate("""() => { const img = new Image(); img.src = "http://127.0.0.1:9/x.png";
                             document.body.appendChild(img); }""")
    page.wait_for_timeout(500)
    context.close()
    assert "http://127.0.0.1:9/x.png" in requests


def test_offline_build_without_the_local_shim_is_refused(scratch, monkeypatch):
    """Building with the offline plugin but not mkdocs-offline.yml would load the shim from a CDN."""
    monkeypatch.setenv("OFFLINE_BUNDLE", "true")
    result = scratch.build()
    assert result.returncode != 0
    assert "extra.polyfills names no local iframe-worker shim" in result.output
    assert "make offline" in result.output
