"""The printed fan's look as the build writes it: the fan as logo and favicon, in the chapters'
colours; the header in the cards' ink with the fan's edge; the home page as the cover card."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kartenfaecher import THEME
from kartenfaecher.features import emblem
from tools.common import ROOT, engine_options, load_config

CSS = THEME / "assets" / "css"
# The chapters' colours as mkdocs.yml gives them (kartenfaecher.kapitel), each once, in order.
CHAPTERS = engine_options(load_config(ROOT / "mkdocs.yml"))["kapitel"]
COLOURS = list(dict.fromkeys(chapter["farbe"] for chapter in CHAPTERS))


def site_css(site) -> str:
    return next((site.root / "assets" / "css").glob("site.*.min.css")).read_text(encoding="utf-8")


def test_logo_and_favicon_are_the_fan_in_the_chapters_colours(site):
    colours = COLOURS
    assert len(colours) == 7
    favicon = BeautifulSoup((site.root / emblem.FAVICON).read_text(encoding="utf-8"), "html.parser")
    assert [p["fill"] for p in favicon.select("polygon")] == colours
    for url in ["", "karten/15-warum-legitimation-wichtig-ist/", "auswahl/", "404.html"]:
        page = site.page(url)
        logo = page.select_one(".md-header .md-logo svg")
        assert [p["fill"] for p in logo.select("polygon")] == colours, url
        assert logo["aria-hidden"] == "true" and page.select_one(".md-header .md-logo")["aria-label"]
        assert not page.select(".md-logo img"), "written into the page: no request"
        icon = page.select_one('link[rel="icon"]')["href"]  # the 404 page's addresses are absolute
        assert (icon if url == "404.html" else site.resolve(url, icon)).lstrip("/") == emblem.FAVICON, url


def test_the_fans_edge_and_each_chapters_cards_have_the_colours_mkdocs_yml_gives(site):
    css = site_css(site)
    edge = re.search(r"--faecher-kante:\s*linear-gradient\(([^;]+)\)", css)
    assert re.findall(r"#[0-9a-f]{6}", edge[1]) == COLOURS
    assert "var(--faecher-kante)" in (CSS / "basis.css").read_text(encoding="utf-8")  # the header's
    for chapter in CHAPTERS:
        assert f'[data-kapitel="{chapter["id"]}"]{{--karte-farbe:{chapter["farbe"]}}}' in css, chapter
    assert "[data-kapitel=" not in (CSS / "karte.css").read_text(encoding="utf-8")  # written once, in mkdocs.yml


def test_the_home_page_opens_with_the_cover_cards_words_and_the_fan(site):
    cover = site.page("").select_one("article .titelkarte-start")
    words = [p.get_text(" ", strip=True) for p in cover.select(".titelkarte-start-worte > *")]
    assert words == ["Ko-Produktion",
                     "Ein Handlungsleitfaden für die Zusammenarbeit zwischen zivilgesellschaftlichen Akteuren "
                     "und öffentlicher Verwaltung",
                     "Lisa Vollmer, Laura Calbet i Elias, Susanna Raab, Theresa Zanders, Aya Kleine",
                     "KoopWohl Städtische Ko-Produktion von Teilhabe und Gemeinwohl"]
    assert cover.select_one("h1")["id"] == cover["aria-labelledby"]
    assert len(cover.select("nav.faecher li")) == 52
    # The same words as the Druckfassung's cover card: written once (mkdocs.yml).
    printed = site.page("druckfassung/").select_one(".titelkarte")
    assert [p.get_text(" ", strip=True) for p in printed.select("h1, p")][:4] == words
