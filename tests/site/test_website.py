"""The public website: its address, what it tells search engines and link previews,
the 404 page, the footer's legal pages, and zero loads from third parties."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from tests.expected import PRINTED_CARDS, PRINTED_CHAPTERS, chapter_of
from tests.helpers import PUBLIC_ADDRESS, foreign_loads


SITE_URL = os.environ.get("SITE_URL", PUBLIC_ADDRESS)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OUR_PAGES = ["", "inhalt/", "checklisten/", "herunterladen/", "druckfassung/", "auswahl/", "vorfuehren/",
             "datenschutz/", "barrierefreiheit/", "leichte-sprache/"]


def meta(page, name: str) -> str | None:
    tag = page.select_one(f'meta[name="{name}"]') or page.select_one(f'meta[property="{name}"]')
    return tag["content"] if tag else None


def canonical(page) -> str:
    return page.select_one('link[rel="canonical"]')["href"]


# -- address, sitemap, robots.txt --------------------------------------------------------


def test_every_page_names_its_canonical_address_below_the_public_address(site, cards):
    for url in OUR_PAGES + [c["url"] for c in cards]:
        assert canonical(site.page(url)) == SITE_URL + url, url


def test_sitemap_lists_every_card_and_page_and_no_short_address(site, cards):
    tree = ET.parse(site.root / "sitemap.xml")
    listed = [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
    expected = [SITE_URL + url for url in OUR_PAGES + [c["url"] for c in cards]]
    assert sorted(listed) == sorted(expected)
    short = [loc for loc in listed if re.search(r"/\d+/$", loc)]
    assert short == []
    assert len(cards) == len(PRINTED_CARDS)


def test_robots_txt_points_to_the_sitemap(site):
    robots = (site.root / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert not any(line.startswith("Disallow: /") and line != "Disallow: " for line in robots)


def test_short_addresses_are_kept_out_of_search_engines(site, cards):
    for entry in cards:
        assert meta(site.page(f"{entry['number']}/"), "robots") == "noindex"


# -- descriptions and Open Graph -----------------------------------------------------------


def first_paragraph_text(page) -> str:
    """The card's first paragraph as a reader sees it (after our header)."""
    article = page.select_one("article")
    for ours in article.select(".karte-kopf"):
        ours.decompose()
    first = article.find("p")
    return re.sub(r"\s+", " ", first.get_text("") if first else "").strip()


def overview_description(number: int) -> str:
    """'Kapitel „Legitimation“: Karten 15–18', from the printed table of contents."""
    chapter = chapter_of(number)
    members = [n for n, _ in PRINTED_CARDS if chapter_of(n) == chapter and n != number]
    return f"Kapitel „{chapter}“: Karten {members[0]}–{members[-1]}"


def test_every_card_is_described_by_its_first_sentence(site, cards):
    overviews = {first for _, first in PRINTED_CHAPTERS}
    for entry in cards:
        page = site.page(entry["url"])
        description = meta(page, "description")
        text = re.sub(r"\s+", " ", first_paragraph_text(page))
        if description.startswith("Kapitel „"):
            assert entry["number"] in overviews, entry["number"]
            assert description == overview_description(entry["number"])
            continue
        # The first sentence: the start of the first paragraph, ending at its first full stop.
        normalised = re.sub(r"\s+([,.:;!?])", r"\1", text)
        assert normalised.startswith(description), (entry["number"], description, text[:200])
        assert description[-1] in ".!?" or description == normalised, entry["number"]
        assert len(description) >= 40, entry["number"]


def test_card_descriptions_are_the_authors_sentences(site):
    teilhabe = site.page("karten/08-teilhabe/")
    assert meta(teilhabe, "description") == (
        "Teilhabe ist die Summe der Bedingungen, die Individuen die Zugehörigkeit zur Gesellschaft "
        "und ihre individuelle Entfaltung darin ermöglichen.")
    assert meta(site.page("karten/14-legitimation/"), "description") == "Kapitel „Legitimation“: Karten 15–18"


def test_every_page_has_open_graph_metadata(site, cards):
    for url in OUR_PAGES + [c["url"] for c in cards]:
        page = site.page(url)
        assert meta(page, "og:url") == canonical(page), url
        assert meta(page, "og:description") == meta(page, "description"), url
        assert meta(page, "og:locale") == "de_DE"
        assert meta(page, "og:site_name") == "Ko-Produktion"
        assert meta(page, "og:type") == ("website" if url == "" else "article"), url
    card = site.page("karten/15-warum-legitimation-wichtig-ist/")
    assert meta(card, "og:title") == "15 Warum Legitimation wichtig ist"
    assert meta(card, "og:description") == "Staatliche Handlungen müssen in Demokratien legitimiert werden."


# -- 404 page ---------------------------------------------------------------------------------


def test_404_page_is_german_with_ways_back(site):
    page = site.page("404.html")
    assert page.html["lang"] == "de"
    assert page.select_one("article h1").get_text(strip=True) == "Seite nicht gefunden"
    assert page.title.get_text(strip=True).startswith("Seite nicht gefunden")
    assert meta(page, "robots") == "noindex"
    base = urlsplit(SITE_URL).path
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select("article a")}
    assert links["Zur Startseite"] == base
    assert links["Alle Karten"] == base + "inhalt/"
    assert links[f"{base}15/"] == base + "15/"
    # Absolute paths: the host shows this page at any address.
    assert all(href.startswith("/") for href in links.values())


# -- footer: privacy note and accessibility statement ------------------------------------------


def test_every_page_links_the_privacy_note_and_accessibility_statement(site, cards):
    for url in OUR_PAGES + [c["url"] for c in cards] + ["404.html"]:
        footer = site.page(url).select_one("footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
        for label, target, heading in [("Datenschutz", "datenschutz/", "Datenschutz"),
                                       ("Erklärung zur Barrierefreiheit", "barrierefreiheit/",
                                        "Erklärung zur Barrierefreiheit"),
                                       ("Leichte Sprache", "leichte-sprache/", "Leichte Sprache")]:
            href = links[label]
            if url == "404.html":
                assert href == urlsplit(SITE_URL).path + target
                continue
            assert site.resolve(url, href) == target, (url, label, href)
            assert site.page(target).select_one("article h1").get_text(strip=True) == heading
        assert "CC BY-NC-SA 4.0" in footer.get_text(), url


def test_privacy_note_says_what_is_stored_and_what_the_publishers_file_says(site):
    text = site.page("datenschutz/").select_one("article").get_text(" ", strip=True)
    for phrase in ["keine Cookies", "keine Analyse-, Statistik- oder Tracking-Werkzeuge",
                   "localStorage", "Checklisten", "Protokolldateien", "Offline-Fassung",
                   "Art. 77 DSGVO"]:
        assert phrase in text, phrase
    # From tests/data/herausgeber.yml: the controller is the publisher, as the file names no other.
    for phrase in ["Musterbehörde für Zusammenarbeit Beispielweg 7 99999 Musterstadt",
                   "Datenschutzbeauftragter: Dr. Erika Beispiel", "Muster-Rechenzentrum GmbH Serverstraße 1",
                   "sieben Tage lang", "Zuständig ist: Landesbeauftragte für den Datenschutz Musterland",
                   "Stand: 1. Dezember 2026"]:
        assert phrase in text, phrase


def test_accessibility_statement_has_the_contents_of_12b_bgg(site):
    page = site.page("barrierefreiheit/")
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert headings == ["Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte",
                        "Erstellung dieser Erklärung", "Prüfschritte", "Barrieren melden: Feedback und Kontakt",
                        "Schlichtungsverfahren"]
    text = page.select_one("article").get_text(" ", strip=True)
    assert f"gilt für die Website {SITE_URL}" in text
    assert "BITV 2.0" in text and "§ 12b BGG" in text
    for phrase in ["am 2. November 2026 erstellt und zuletzt am 1. Dezember 2026 überprüft",
                   "Außerdem wurde die Website so geprüft: Test mit Screenreader",
                   "E-Mail: barrierefreiheit@musterbehoerde.de Telefon: +49 99 1234-567",
                   "innerhalb von 14 Tagen", "Zuständig ist die Schlichtungsstelle nach dem"]:
        assert phrase in text, phrase
    assert "Für sie als Stelle eines Landes" not in text  # a federal body: no Land law to name
    links = [a["href"] for a in page.select("article a")]
    assert {"https://www.schlichtungsstelle-bgg.de", "mailto:barrierefreiheit@musterbehoerde.de",
            "tel:+49991234567"} <= set(links)
    assert page.select_one("article time[datetime='2026-11-02']")


def test_no_page_holds_a_gap_for_the_publisher_or_the_example_host(site):
    for path in site.root.rglob("*"):
        if path.suffix in (".html", ".xml", ".txt", ".json", ".webmanifest", ".conf") or path.name in ("_headers",
                                                                                                       ".htaccess"):
            content = path.read_text(encoding="utf-8")
            shown = path.relative_to(site.root)
            assert "example.org" not in content and "herausgeber-fehlt" not in content, shown
            if path.suffix == ".html":
                page = BeautifulSoup(content, "html.parser")
                assert not page.select("aside.md-banner, meta[name=robots][content*=nofollow]"), shown
                article = page.select_one("article")
                if article:  # the authors' cards cite „[…]“; our pages have no brackets left
                    assert not re.search(r"\[[A-ZÄÖÜ][^\]]*\]", article.get_text(" ")), shown


def test_security_txt_names_the_publishers_contact_and_expiry(site):
    text = (site.root / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert text.splitlines() == ["Contact: mailto:sicherheit@musterbehoerde.de", "Expires: 2099-12-31T00:00:00Z",
                                 "Preferred-Languages: de, en",
                                 f"Canonical: {SITE_URL}.well-known/security.txt"]


def test_every_page_names_the_publisher_in_its_footer(site, cards):
    for url in OUR_PAGES + [cards[0]["url"], "404.html"]:
        footer = site.page(url).select_one("footer .fusszeile-herausgeber").get_text(strip=True)
        assert footer == "Herausgeber dieser Website: Musterbehörde für Zusammenarbeit", url


# -- zero third-party loads ----------------------------------------------------------------------


def test_no_page_or_stylesheet_loads_anything_from_another_host(site):
    assert foreign_loads(site.root) == []


# -- SITE_URL ---------------------------------------------------------------------------------------


def test_make_build_takes_the_public_address_from_site_url(tiny):
    result = tiny.make_build(env=dict(os.environ, SITE_URL="https://example.net/ko-produktion/"))
    assert result.returncode == 0, result.output
    site = tiny.path("site")
    card = BeautifulSoup((site / "karten/15-warum-legitimation-wichtig-ist/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    address = "https://example.net/ko-produktion/karten/15-warum-legitimation-wichtig-ist/"
    assert canonical(card) == meta(card, "og:url") == address
    assert "Sitemap: https://example.net/ko-produktion/sitemap.xml" in \
        (site / "robots.txt").read_text(encoding="utf-8")
    assert address in (site / "sitemap.xml").read_text(encoding="utf-8")
    missing = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert missing.select_one('article a[href="/ko-produktion/inhalt/"]')
    assert "ErrorDocument 404 /ko-produktion/404.html" in (site / ".htaccess").read_text(encoding="utf-8")
