"""The cards reproduce the authors' text: all of it, in printed order, and nothing of ours.

Both sides are reduced to plain text (markup, list marks and the conversion's
line breaks removed), then split into sentences. Every sentence of the source
must appear in the built cards, in the same order; every sentence of a card's
text must appear in the source. Our own interface text (card header, reference
blocks, backlinks, previous/next, the title of a checklist block) is left out of the comparison.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest


SOURCE = Path(__file__).parents[1] / "data" / "ko-produktion.md"


# Page furniture of the printed fan, not card text (see shared/handbook/README.md):
# the cover and table of contents before the Einleitung, the running head
# "Einleitung" on its second page, and the publisher's logo lines at the end.
FURNITURE_BEFORE = "**D**ieser Handlungsleitfaden"
RUNNING_HEAD = "\n# Einleitung\n"
FURNITURE_AFTER = "\n# Ko op Wohl"
BLOCKS = ["p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "div", "nav", "header", "br", "table", "tr", "td", "th"]
OUR_PARTS = ".karte-kopf, nav.karte-verweise, nav.karte-rueckverweise, nav.karte-blaettern, .karte-nummer, " \
    ".checkliste > .admonition-title, .checkliste-fuss, .checkliste-hinweis"


def plain(markdown: str) -> str:
    """The text a reader sees, from the converted source."""
    text = markdown.replace("\\\\_", "_")
    # Link texts that are addresses were broken over lines by the conversion.
    text = re.sub(r"\[(https?://[^\]]+)\]\([^)]*\)", lambda m: re.sub(r"\s+", "", m.group(1)), text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"^→[\d,\s]*$", " ", text, flags=re.M)  # reference blocks and continuation marks
    text = re.sub(r"→(?!\s*\d)", " ", text)  # a continuation mark at the end of a line
    text = re.sub(r",\s*▶", " ▶", text)  # the list comma before a ▶ item in card 21
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"^-\s+", "", text, flags=re.M)
    text = text.replace("▶", " ").replace("**", "").replace("*", "")
    return normalise(text)


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("–", "-").replace("‑", "-")
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """Split after sentence ends and after web addresses (which end list entries)."""
    result, current = [], []
    for word in text.split(" "):
        current.append(word)
        if word.endswith((".", "!", "?")) or word.startswith("http"):
            result.append(" ".join(current))
            current = []
    if current:
        result.append(" ".join(current))
    return [s for s in result if s]


@pytest.fixture(scope="module")
def source_text() -> str:
    raw = SOURCE.read_text(encoding="utf-8")
    body = raw[raw.index(FURNITURE_BEFORE):raw.index(FURNITURE_AFTER)]
    assert body.count(RUNNING_HEAD) == 1
    return plain(body.replace(RUNNING_HEAD, "\n"))


def reader_text(element) -> str:
    """Text as shown: block elements separate words, inline elements do not."""
    for block in element.find_all(BLOCKS):
        block.insert_before(" ")
        block.insert_after(" ")
    return normalise(element.get_text(""))


@pytest.fixture(scope="module")
def card_texts(site) -> list[tuple[int, str, str]]:
    """Each card's number, title and text as a reader sees it, without our interface parts."""
    cards = json.loads((site.root / "karten.json").read_text(encoding="utf-8"))
    texts = []
    for entry in cards:
        article = site.page(entry["url"]).select_one("article")
        for ours in article.select(OUR_PARTS):
            ours.decompose()
        texts.append((entry["number"], normalise(entry["title"]), reader_text(article)))
    return texts


def test_every_sentence_of_the_handbook_stands_in_the_cards_in_printed_order(source_text, card_texts):
    cards = " ".join(f"{title} {text}" for _, title, text in card_texts)
    position = 0
    for sentence in sentences(source_text):
        found = cards.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}\n(after: {cards[max(0, position - 80):position]!r})"
        position = found + len(sentence)


def test_cards_add_no_sentence_that_is_not_the_authors(card_texts):
    # The table of contents and the ▶ lists carry the titles of cards 9, 53, 54 and 56,
    # whose headings the conversion lost, so the whole source text is the reference.
    whole_source = plain(SOURCE.read_text(encoding="utf-8"))
    for number, title, text in card_texts:
        for sentence in [title] + sentences(text):
            assert sentence in whole_source, f"card {number}: {sentence!r} is not in the handbook"


def test_card_9_has_its_lost_heading_back(site):
    page = site.page("karten/09-daseinsvorsorge/")
    assert page.select_one("article h1 .karte-titel").get_text().replace("\u00ad", "") == "Daseinsvorsorge"
    first = page.select_one("article > p")
    assert first.get_text().startswith("Mit Daseinsvorsorge sind")


def test_card_21_shows_the_pros_and_cons_as_a_nested_list(site):
    page = site.page("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/")
    nested = [li.get_text(" ", strip=True) for li in page.select("article ul ul ul li")]
    assert nested == [
        "Vorteile: Wissen bereits vorhanden; Loyalität zu Gruppe und deren Zielen",
        "Nachteile: Rollenkonflikt zwischen Aktivismus und bezahlter Stelle; mitunter keine fachliche Qualifikation vorhanden",
        "Vorteile: klareres Verhältnis als „Auftragnehmer:in“ der Gruppe; geeignete fachliche Qualifikation abrufbar",
        "Nachteile: fehlendes Vorwissen; Gefahr der Loslösung und fehlender Kontakt zu zivilgesellschaftlicher Gruppe",
    ]


def test_addresses_in_the_text_are_real_links(site):
    for url, address in [("karten/53-andere-leitfaeden/",
                          "https://organisiert-euch.org/home/organisiert-euch_das-handbuch.pdf"),
                         ("karten/56-impressum/", "https://doi.org/10.25643/bauhaus-universitaet.4954")]:
        links = {a["href"]: a.get_text() for a in site.page(url).select("article a")}
        assert links.get(address) == address, url
