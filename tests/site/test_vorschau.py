"""Previews of linked cards, built into the links and karten.json."""

from __future__ import annotations


CARD_8 = "karten/08-teilhabe/"


def test_karten_json_has_each_cards_first_paragraph_as_excerpt(by_number):
    assert by_number[8]["excerpt"] == ("Teilhabe ist die Summe der Bedingungen, die Individuen die Zugehörigkeit "
                                   "zur Gesellschaft und ihre individuelle Entfaltung darin ermöglichen.")
    assert by_number[14]["excerpt"] == ""  # an overview card has no text of its own
    assert all(c["excerpt"] for n, c in by_number.items() if n not in (5, 10, 14, 19, 29, 39))


def test_references_backlinks_and_inline_links_carry_their_cards_preview(site, by_number):
    page = site.page(CARD_8)
    links = page.select("nav.karte-verweise a, nav.karte-rueckverweise a")
    assert len(links) == 4
    for link in links:
        card = by_number[int(link["data-karte"])]
        assert link["data-titel"] == card["title"]
        assert link["data-kapitel-titel"] == card["chapter"]
        assert card["excerpt"].startswith(link["data-auszug"].removesuffix(" …"))
    home = site.page("").select_one('article > ul a.karte-link[data-karte="3"]')
    assert home["data-auszug"].startswith("Dieser Handlungsleitfaden möchte")
    # Leafing through and the fan need no preview: they show the title already.
    assert not site.page(CARD_8).select("nav.karte-blaettern a[data-auszug]")
