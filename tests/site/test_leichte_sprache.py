"""The page in Leichte Sprache (docs/leichte-sprache.md): linked from the start page and every
footer, and written by the rules of BITV 2.0 Anlage 2 Teil 2 that a script can check.

What a script cannot check (one statement per sentence, hard words explained, the
order of the text) is for a reader to check; the rules here keep the text from
sliding back into ordinary German as it is edited.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers import PUBLISHER

URL = "leichte-sprache/"
# Short sentences: at most this many words.
MAX_WORDS = 12
# Longer words are compounds and are split with a hyphen (Karten-Fächer).
MAX_LETTERS = 13
# Passive voice, subjunctive, genitive articles, abbreviations and words of official German.
AVOID = ["wird", "werden", "wurde", "wurden", "worden", "würde", "würden", "könnte", "könnten",
         "sollte", "sollten", "müsste", "müssten", "wäre", "wären", "hätte", "hätten", "des", "eines",
         "z. B.", "bzw.", "usw.", "etc.", "ggf.", "d. h.", "u. a.", "sowie", "jedoch", "bezüglich",
         "hinsichtlich", "gemäß", "seitens", "sofern", "insbesondere", "welche", "welcher"]


def publishers_values(values=None) -> list[str]:
    """The texts of the publisher's file (its name, address, e-mail …): the publisher's words, not ours."""
    values = yaml.safe_load(PUBLISHER.read_text(encoding="utf-8")) if values is None else values
    if isinstance(values, dict):
        return [text for value in values.values() for text in publishers_values(value)]
    if isinstance(values, list):
        return [text for value in values for text in publishers_values(value)]
    return [line.strip() for line in str(values).splitlines() if line.strip()]


@pytest.fixture(scope="module")
def text(site) -> str:
    """The page's text without what the publisher's file says there."""
    text = site.page(URL).select_one("article").get_text("\n")
    for value in sorted(publishers_values(), key=len, reverse=True):
        text = text.replace(value, "")
    return text


def sentences(text: str) -> list[str]:
    lines = (line.strip() for line in text.split("\n"))
    return [s.strip() for line in lines if line for s in re.split(r"(?<=[.!?:])\s+", line) if s.strip()]


def test_it_says_what_bitv_asks_for(site):
    headings = [h.get_text(" ", strip=True) for h in site.page(URL).select("article h2")]
    assert headings == ["Was ist diese Website?", "Wie finde ich eine Karte?", "Was sind Check-Listen?",
                        "Was bleibt auf meinem Gerät?", "Was sagt die Erklärung zur Barriere-Freiheit?",
                        "Wie erreiche ich den Heraus-Geber?"]
    assert site.page(URL).find("html")["lang"] == "de"


def test_sentences_are_short(text):
    long = [s for s in sentences(text) if len(s.split()) > MAX_WORDS]
    assert long == [], f"more than {MAX_WORDS} words: {long}"


def test_every_sentence_starts_a_new_line(site):
    """Leichte Sprache puts each sentence on a line of its own: in the Markdown, a line that
    ends in two spaces (a hard line break) within a paragraph or list item."""
    blocks = site.page(URL).select("article p, article li")
    crowded = []
    for block in blocks:
        for line in re.split(r"<br\s*/?>", block.decode_contents()):
            text = re.sub(r"<[^>]+>", "", line)
            if len(re.findall(r"[.!?](?=\s+\S)", text.strip())) > 0:
                crowded.append(text.strip())
    assert crowded == []


def test_long_words_are_split_with_a_hyphen(text):
    words = re.findall(r"[\w·-]+", text)
    unsplit = sorted({w for w in words if len(w) > MAX_LETTERS and "-" not in w and "·" not in w})
    assert unsplit == []


def test_no_word_from_the_list_to_avoid(text):
    lowered = f" {' '.join(text.split()).lower()} "
    found = [w for w in AVOID if re.search(r"(?<![\w])" + re.escape(w.lower()) + r"(?![\w])", lowered)]
    assert found == []


def test_the_check_catches_what_it_should():
    """The rules are not blind: an official sentence breaks all three."""
    official = ("Die Erläuterungen des Herausgebers werden gemäß der Barrierefreie-Informationstechnik-"
                "Verordnung bereitgestellt, sofern dies technisch möglich ist und keine Gründe entgegenstehen.")
    assert len(sentences(official)[0].split()) > MAX_WORDS
    assert any(w in official.split() for w in ("werden", "des", "gemäß", "sofern"))
    assert any(len(w) > MAX_LETTERS and "-" not in w for w in re.findall(r"[\w-]+", official))


def test_linked_from_the_start_page(site):
    """(Every footer links it too: tests/site/test_website.py.)"""
    home = site.page("")
    assert [a["href"] for a in home.select("article a") if a.get_text(strip=True) == "Leichte Sprache"] \
        == ["leichte-sprache/"]


def test_the_accessibility_statement_names_what_is_still_missing(site):
    text = site.page("barrierefreiheit/").select_one("article").get_text(" ", strip=True)
    assert "in Leichter Sprache" in text
    assert "Ein Video in Deutscher Gebärdensprache fehlt bisher." in text
