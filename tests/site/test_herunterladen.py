"""The pages „Herunterladen“ and „Druckfassung“ as `make build` builds them (without downloads).

What `make publish` adds (the files and their sizes) is checked in tests/browser/test_publish.py.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from tests.expected import PRINTED_CARDS, PRINTED_CHAPTERS, PRINTED_COVER


def test_the_home_page_and_the_navigation_lead_to_herunterladen(site):
    home = site.page("")
    assert site.resolve("", home.select_one("article a[href*=herunterladen]")["href"]) == "herunterladen/"
    nav = [a.get_text(strip=True) for a in site.page("karten/08-teilhabe/").select("nav.md-nav--primary a")]
    assert "Herunterladen" in nav


def test_without_downloads_the_page_says_so_calmly_and_links_none(site):
    page = site.page("herunterladen/")
    text = page.select_one("article").get_text(" ", strip=True)
    assert "enthält keine Dateien zum Herunterladen" in text
    hrefs = [a["href"] for a in page.select("article a")]
    assert not [href for href in hrefs if "downloads" in href]
    for href in hrefs:  # every link it has leads somewhere
        if not href.startswith(("http", "mailto:", "#")):
            target = site.root / site.resolve("herunterladen/", href)
            assert target.exists() or (target / "index.html").exists(), href
    assert "druckfassung/" in [site.resolve("herunterladen/", href) for href in hrefs]


def test_printed_copies_are_ordered_from_the_publisher_at_the_address_of_its_file(site):
    page = site.page("herunterladen/")
    text = page.select_one("article").get_text(" ", strip=True)
    assert "beim Herausgeber per E-Mail bestellen: bestellung@musterbehoerde.de" in text
    assert page.select_one('article a[href="mailto:bestellung@musterbehoerde.de"]')


def test_the_druckfassung_has_the_cover_the_contents_and_every_card_once_in_printed_order(site):
    page = site.page("druckfassung/")
    sections = page.select("div.druckfassung > section.druckfassung-karte")
    assert [s.get("aria-labelledby") for s in sections] == \
        ["titelkarte", "inhaltskarte"] + [f"karte-{number}" for number, _ in PRINTED_CARDS]
    cover = sections[0].get_text(" ", strip=True)
    for words in PRINTED_COVER:
        assert words in cover
    # The contents card: the chapters with their first card, linked to it on this page.
    entries = [(a.select_one(".inhaltskarte-kapitel").get_text(), int(a.select_one(".inhaltskarte-nummer").get_text()),
                a["href"]) for a in sections[1].select("a")]
    assert entries == [(title, first, f"#karte-{first}") for title, first in PRINTED_CHAPTERS]
    for (number, title), section in zip(PRINTED_CARDS, sections[2:]):
        shown = section.select_one("h1").get_text(" ", strip=True).replace("\u00ad", "").replace("/ ", "/")
        assert shown.endswith(title)  # without where the title may break (sources/trennung.py)
        # The screen's, not the paper's: backlinks, previous and next, the „Merken“ bar.
        assert not section.select(".karte-rueckverweise, .karte-blaettern, .karte-merken")
    # Cards 21 and 56 are set tighter to fit one card, as on paper.
    tight = [int(h.parent.select_one("h1")["id"].split("-")[1]) for h in page.select('header[data-druck="eng"]')]
    assert tight == [21, 56]


def test_the_druckfassung_has_each_id_once_and_every_link_leads_somewhere(site):
    page = site.page("druckfassung/")
    ids = Counter(element["id"] for element in page.select("[id]"))
    assert [name for name, count in ids.items() if count > 1] == []
    for link in page.select("article a[href]"):
        href = link["href"]
        if href.startswith("#"):
            assert href[1:] in ids, href
        elif not href.startswith(("http", "mailto:")):
            target = site.root / site.resolve("druckfassung/", href)
            assert target.exists() or (target / "index.html").exists(), href


def test_search_finds_a_cards_text_on_its_own_page_not_twice(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    druckfassung = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("druckfassung/"))
    assert "Teilhabe ist die Summe der Bedingungen" not in druckfassung
    assert any("Teilhabe ist die Summe der Bedingungen" in doc["text"] for doc in index["docs"])


def test_what_a_card_page_marks_for_the_screen_only_stays_out_of_the_druckfassung(site):
    # One marker, not a pattern per feature: a new screen-only part of a card needs only it.
    marked = [tag for url in ("karten/08-teilhabe/", "karten/15-warum-legitimation-wichtig-ist/")
              for tag in site.page(url).select("[data-nur-bildschirm]")]
    assert {tag["class"][0] for tag in marked} == {"karte-rueckverweise", "karte-blaettern", "karte-merken"}
    printed = site.page("druckfassung/")
    assert not printed.select("[data-nur-bildschirm]")
    assert len(printed.select("section.druckfassung-karte")) > 50  # the cards are there, without them
