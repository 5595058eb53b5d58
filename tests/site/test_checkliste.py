"""Checklists in the built site: which cards have them, their keys and labels, and the
page that gathers them.

The sources on their own are tested in tests/unit/test_checkliste.py, the
browser behaviour (ticks that stay, export, sharing) in tests/browser/test_checkliste.py,
the build's refusals in tests/refusals/test_checkliste.py.
"""

from __future__ import annotations

import re

from kartenfaecher.sources.checkliste import item_key


# The cards whose question lists are checklists, with the number of questions
# in each of their blocks (card 40 has two: civil society, administration).
CHECKLISTS = {20: [3], 21: [5], 40: [3, 2], 41: [5], 42: [4], 47: [8]}
CARD_21 = "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"
KEY = re.compile(r"^\d+-[0-9a-f]{8}$")


def card_pages(site):
    import json
    cards = json.loads((site.root / "karten.json").read_text(encoding="utf-8"))
    return {c["number"]: (c["url"], site.page(c["url"])) for c in cards}


def question(li) -> str:
    return li.select_one("label").get_text(" ", strip=True)


# -- the cards ---------------------------------------------------------------------------


def test_the_cards_with_questions_to_settle_have_checklists_and_no_other_card_has_one(site):
    found = {}
    for number, (_, page) in card_pages(site).items():
        blocks = page.select("article .admonition.checkliste")
        if blocks:
            found[number] = [len(b.select("li[data-checkliste-punkt]")) for b in blocks]
    assert found == CHECKLISTS


def test_each_question_is_a_checkbox_labelled_by_its_text_with_a_key(site):
    page = site.page(CARD_21)
    block = page.select_one(".admonition.checkliste")
    assert block["role"] == "group"
    assert page.select_one(f"#{block['aria-labelledby']}").get_text() == "Checkliste"
    items = block.select("li[data-checkliste-punkt]")
    assert question(items[0]) == "In welchem Verhältnis stehen die bezahlten Stellen und die ehrenamtlich Arbeitenden?"
    assert items[0].select_one("label strong").get_text() == "Verhältnis"
    for li in items:
        box = li.select_one("label > input[type=checkbox]")
        assert box is not None and not box.has_attr("disabled") and not box.has_attr("checked")
        assert KEY.match(li["data-checkliste-punkt"]) and box["data-checkliste-punkt"] == li["data-checkliste-punkt"]
        assert li["data-checkliste-punkt"].startswith("21-")
    assert len({li["data-checkliste-punkt"] for li in items}) == len(items)
    # The lead-in sentence stays the authors', before the block.
    assert block.find_previous_sibling("p").get_text() == "Fragen dabei können zum Beispiel sein:"


def test_card_21s_pros_and_cons_stay_a_plain_nested_list_under_their_question(site):
    last = site.page(CARD_21).select("li[data-checkliste-punkt]")[-1]
    assert question(last) == "Wer sollte die bezahlten Stellen übernehmen?"
    nested = last.select("ul li")
    assert len(nested) == 6 and not last.find("ul").select("input")
    assert nested[0].get_text(" ", strip=True).startswith("Personen aus der Gruppe Vorteile:")


def test_card_40_has_one_checklist_per_side_after_each_lead_in(site):
    page = site.page("karten/40-intensitaet-und-form-der-zusammenarbeit-klaeren/")
    blocks = page.select(".admonition.checkliste")
    titles = [b.select_one(".admonition-title").get_text() for b in blocks]
    assert titles == ["Checkliste: Zivilgesellschaft", "Checkliste: Verwaltung und Politik"]
    leads = [b.find_previous_sibling("p").get_text(" ", strip=True) for b in blocks]
    assert leads == ["Der zivilgesellschaftliche Akteur sollte sich vorab überlegen:",
                     "Die Verwaltung und Politik sollten sich vorab fragen:"]


def test_keys_are_card_number_and_hash_of_the_question_text(site):
    li = site.page(CARD_21).select_one("li[data-checkliste-punkt]")
    text = "In welchem **Verhältnis** stehen die bezahlten Stellen und die ehrenamtlich Arbeitenden?"
    assert li["data-checkliste-punkt"] == item_key(21, text)


# -- the page "Checklisten" --------------------------------------------------------------


def test_checklisten_page_gathers_every_checklist_by_chapter_linked_to_its_card(site):
    page = site.page("checklisten/")
    article = page.select_one("article")
    headings = [(h.name, h.get_text(" ", strip=True)) for h in article.select("h2, h3")
                if not h.find_parent(class_="checklisten-werkzeuge")]
    assert headings == [
        ("h2", "Vor der Ko-Produktion"),
        ("h3", "20 Anforderungen der Ko-Produktion"),
        ("h3", "21 Bezahlte Stellen in der Zivilgesellschaft?"),
        ("h2", "Strukturen der Zusammenarbeit"),
        ("h3", "40 Intensität und Form der Zusammenarbeit klären"),
        ("h3", "41 Gremien einrichten"),
        ("h3", "42 Entscheidungen treffen"),
        ("h3", "47 Weitere Akteure einbinden"),
    ]
    pages = card_pages(site)
    for h3 in article.select("h3[id^=karte-]"):
        number = int(h3["id"].removeprefix("karte-"))
        assert site.resolve("checklisten/", h3.select_one("a")["href"]) == pages[number][0]


def test_checklisten_page_uses_the_same_keys_and_questions_as_the_cards(site):
    on_page = {li["data-checkliste-punkt"]: question(li)
               for li in site.page("checklisten/").select("article li[data-checkliste-punkt]")}
    on_cards = {}
    for number, (_, page) in card_pages(site).items():
        on_cards.update({li["data-checkliste-punkt"]: question(li)
                         for li in page.select("article li[data-checkliste-punkt]")})
    assert on_page == on_cards and len(on_page) == 30


def test_checklisten_page_is_in_the_navigation_and_linked_from_the_home_page(site):
    home = site.page("")
    nav = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary > ul > li > a")]
    assert nav[-5:] == ["Alle Karten", "Checklisten", "Herunterladen", "Meine Auswahl", "Vorführen"]
    link = next(a for a in home.select("article a") if a.get_text() == "Checklisten")
    assert site.resolve("", link["href"]) == "checklisten/"


def test_checklisten_tools_wait_for_javascript_and_say_what_works_without(site):
    page = site.page("checklisten/")
    assert page.select_one("section.checklisten-werkzeuge").has_attr("hidden")
    assert "nicht gespeichert" in page.select_one("noscript").get_text()


def test_checklist_files_load_only_on_pages_with_checklists(site):
    # A topic card's first load stays small (make bench: bytes a card page transfers).
    for url in ("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/", "checklisten/"):
        loaded = site.sources_loaded(url)
        assert {f"kartenfaecher/features/checkliste/checkliste.{kind}" for kind in ("js", "css")} <= set(loaded), url
    for url in ("karten/08-teilhabe/", ""):
        assert not [path for path in site.sources_loaded(url) if "checkliste" in path], url
