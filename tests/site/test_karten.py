"""The built handbook: every card, numbered and titled as printed, and the fan's references.

The expectations are written out from the printed handbook (tests/expected.py),
not read from our registry, so a mistake in a card file or in the macros shows up here.
"""

from __future__ import annotations

import re

import pytest

from tests.expected import PRINTED_CARDS, PRINTED_CHAPTERS, PRINTED_REFERENCES, chapter_of


@pytest.fixture(scope="module")
def pages(site, cards):
    """Each card's parsed page, by number."""
    return {entry["number"]: site.page(entry["url"]) for entry in cards}


def heading(page) -> tuple[int, str]:
    h1 = page.select_one("article h1")
    number = int(re.sub(r"\D", "", h1.select_one(".karte-nummer").get_text()))
    return number, h1.select_one(".karte-titel").get_text().replace("\u00ad", "")  # without where it may break


def linked_cards(site, url: str, page, selector: str) -> list[int]:
    """Numbers of the cards that links under ``selector`` land on (read from the target page)."""
    numbers = []
    for link in page.select(f"{selector} a"):
        target = site.page(site.resolve(url, link["href"]))
        numbers.append(heading(target)[0])
    return numbers


def test_every_printed_card_has_a_page_with_its_number_and_title(cards, pages):
    assert [(c["number"], c["title"]) for c in cards] == PRINTED_CARDS
    for number, title in PRINTED_CARDS:
        assert heading(pages[number]) == (number, title)


def test_each_card_page_names_its_chapter(pages):
    for number, _ in PRINTED_CARDS:
        text = pages[number].select_one(".karte-kapitel").get_text(" ", strip=True)
        assert f"Kapitel {chapter_of(number)}" in text, (number, text)


def test_card_21_shows_where_it_stands_in_its_chapter(pages):
    text = pages[21].select_one(".karte-kapitel").get_text(" ", strip=True)
    assert text == "Kapitel Vor der Ko-Produktion · Karte 3 von 10"


def nav_entries(site, url: str, page) -> list[tuple[str, int | None]]:
    """Top-level entries of the main navigation: label and the card number they open."""
    entries = []
    for item in page.select("nav.md-nav--primary > ul > li"):
        link = item.find(["a", "label"], recursive=True)
        label = link.get_text(" ", strip=True)
        href = item.find("a")["href"]
        target = site.page(site.resolve(url, href)).select_one("article h1 .karte-nummer")
        entries.append((label, int(re.sub(r"\D", "", target.get_text())) if target else None))
    return entries


def test_navigation_lists_the_chapters_in_printed_order(site):
    home = site.page("")
    expected = [("Start", None), ("3 Einleitung", 3)] + \
        [(title, first) for title, first in PRINTED_CHAPTERS[1:7]] + \
        [("53 Andere Leitfäden", 53), ("54 Quellen", 54), ("56 Impressum", 56), ("Alle Karten", None),
                                                ("Checklisten", None), ("Herunterladen", None),
                                                ("Meine Auswahl", None), ("Vorführen", None)]
    assert nav_entries(site, "", home) == expected


def test_navigation_on_a_card_opens_its_chapter_in_printed_order(site, cards, pages):
    urls = {c["number"]: c["url"] for c in cards}
    for number, _ in PRINTED_CARDS:
        nav = pages[number].select_one("nav.md-nav--primary")
        active = nav.select_one("li.md-nav__item--active a.md-nav__link--active")
        assert site.resolve(urls[number], active["href"]) == urls[number], number
    chapter = pages[21].select_one("nav.md-nav--primary li.md-nav__item--active.md-nav__item--nested")
    listed = [int(re.match(r"\d+", a.get_text(strip=True)).group()) for a in chapter.select("ul a.md-nav__link")]
    assert listed == list(range(19, 29))


def test_previous_and_next_card_follow_printed_order(site, cards, pages):
    order = [n for n, _ in PRINTED_CARDS]
    urls = {c["number"]: c["url"] for c in cards}
    for i, number in enumerate(order):
        steps = pages[number].select_one("nav.karte-blaettern")
        before = steps.select_one("a.karte-zurueck")
        after = steps.select_one("a.karte-weiter")
        expected_before = order[i - 1] if i > 0 else None
        expected_after = order[i + 1] if i + 1 < len(order) else None
        got_before = heading(site.page(site.resolve(urls[number], before["href"])))[0] if before else None
        got_after = heading(site.page(site.resolve(urls[number], after["href"])))[0] if after else None
        assert (got_before, got_after) == (expected_before, expected_after), number


def test_card_8_links_to_15_16_and_18_with_their_titles(site, cards, pages):
    url = next(c["url"] for c in cards if c["number"] == 8)
    block = pages[8].select_one("nav.karte-verweise")
    assert block.select_one(".karte-pfeil").get_text() == "→"
    assert linked_cards(site, url, pages[8], "nav.karte-verweise") == [15, 16, 18]
    labels = [a.get_text(" ", strip=True) for a in block.select("a")]
    assert labels == ["15 Warum Legitimation wichtig ist", "16 Formen von Legitimation",
                      "18 Legitimation von Ko-Produktionsprozessen"]


def test_every_printed_reference_group_resolves_to_its_cards(site, cards, pages):
    urls = {c["number"]: c["url"] for c in cards}
    found = {n: linked_cards(site, urls[n], p, "nav.karte-verweise")
             for n, p in pages.items() if p.select_one("nav.karte-verweise")}
    assert found == PRINTED_REFERENCES


def test_references_stand_at_the_end_of_the_card_text(pages):
    for number in PRINTED_REFERENCES:
        block = pages[number].select_one("nav.karte-verweise")
        # (The print-only block of the printed card, hidden on screen, holds no text.)
        later_text = [el for el in block.find_next_siblings() if el.name in ("p", "ul", "ol", "h2", "div")
                      and "karte-druck" not in el.get("class", [])]
        assert later_text == [], number


def test_backlinks_are_the_exact_inverse_of_the_references(site, cards, pages):
    urls = {c["number"]: c["url"] for c in cards}
    expected = {n: sorted(src for src, targets in PRINTED_REFERENCES.items() if n in targets)
                for n, _ in PRINTED_CARDS}
    for number, page in pages.items():
        block = page.select_one("nav.karte-rueckverweise")
        got = linked_cards(site, urls[number], page, "nav.karte-rueckverweise") if block else []
        assert got == expected[number], number
        if block:
            assert block.select_one("h2").get_text() == "Verweise hierher"


def test_karten_json_agrees_with_the_pages(site, cards, pages):
    assert set(cards[0]) == {"number", "title", "chapter", "url", "refs", "backrefs", "excerpt"}
    for entry in cards:
        page = site.page(entry["url"])
        assert heading(page) == (entry["number"], entry["title"])
        assert entry["chapter"] == chapter_of(entry["number"])
        refs_on_page = linked_cards(site, entry["url"], page, "nav.karte-verweise") \
            if page.select_one("nav.karte-verweise") else []
        assert entry["refs"] == refs_on_page
        back_on_page = linked_cards(site, entry["url"], page, "nav.karte-rueckverweise") \
            if page.select_one("nav.karte-rueckverweise") else []
        assert entry["backrefs"] == back_on_page


def test_overview_cards_list_their_chapters_cards(site, cards, pages):
    firsts = [first for _, first in PRINTED_CHAPTERS] + [57]
    urls = {c["number"]: c["url"] for c in cards}
    for first, following in zip(firsts, firsts[1:]):
        members = [n for n, _ in PRINTED_CARDS if first < n < following]
        if not members:
            continue
        listed = linked_cards(site, urls[first], pages[first], "div.kapitel-karten")
        assert listed == members, first


def test_contents_page_lists_every_card_by_chapter(site):
    contents = site.page("inhalt/")
    chapters = [h.get_text(strip=True) for h in contents.select("article h2")]
    assert chapters == [title for title, _ in PRINTED_CHAPTERS]
    assert linked_cards(site, "inhalt/", contents, "div.inhalt-karten") == [n for n, _ in PRINTED_CARDS]


def test_home_page_carries_the_title_page_and_the_way_in(site):
    home = site.page("")
    text = home.select_one("article").get_text(" ", strip=True)
    assert "Ein Handlungsleitfaden für die Zusammenarbeit zwischen zivilgesellschaftlichen Akteuren " \
           "und öffentlicher Verwaltung" in text
    assert linked_cards(site, "", home, "article > ul > li:first-child") == [3]


def test_every_card_has_a_short_address_forwarding_to_it(site, cards):
    for entry in cards:
        forward = site.page(f"{entry['number']}/")
        refresh = forward.select_one('meta[http-equiv="refresh"]')["content"]
        target = re.match(r"0; url=(.+)", refresh).group(1)
        assert site.resolve(f"{entry['number']}/", target) == entry["url"]


def test_licences_are_stated_in_every_page_footer(site, cards):
    for url in ["", "inhalt/"] + [c["url"] for c in cards]:
        footer = site.page(url).select_one("footer").get_text(" ", strip=True)
        assert "CC BY-NC-SA 4.0" in footer and "MIT" in footer, url
        assert "10.25643/bauhaus-universitaet.4954" in footer, url


def test_interface_is_german(site):
    assert site.page("").html["lang"] == "de"
