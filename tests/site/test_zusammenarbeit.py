"""Working together in the built site: which pages load the scripts of notes, the selection
and the projector view; the page „Meine Auswahl“ and the slides of „Vorführen“; the size of
what every card page now carries; the line limits the project keeps.

The behaviour in the browser is in tests/browser/test_notiz.py, test_auswahl.py and
test_vorfuehren.py.
"""

from __future__ import annotations

import gzip
import json
import re

import rcssmin
import rjsmin

from kartenfaecher import PACKAGE, THEME
from tools.common import ROOT

CARD_8 = "karten/08-teilhabe/"
CARD_21 = "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"
# Every script of ours: each lies in its feature's folder (or the shared parts', gemeinsam/).
SCRIPTS = sorted((PACKAGE / "features").glob("*/*.js"))
AUSWAHL = PACKAGE / "features" / "auswahl"


def test_notes_and_the_selection_load_only_where_they_are_used(site):
    topic = site.sources_loaded(CARD_8)
    assert "kartenfaecher/features/auswahl/auswahl-merken.js" in topic  # the Merken button, on every card
    assert not {s for s in topic if re.search(r"notiz|/auswahl\.js|vorfuehren|checkliste", s)}
    assert not [path for path in site.loads(CARD_8) if "qrcode" in path]
    notes = {"kartenfaecher/features/checkliste/notiz.js", "kartenfaecher/features/checkliste/notiz-speicher.js"}
    assert notes <= set(site.sources_loaded(CARD_21))
    assert "kartenfaecher/features/auswahl/auswahl.js" not in site.sources_loaded(CARD_21)
    overview = site.sources_loaded("checklisten/")
    assert {"kartenfaecher/features/checkliste/notiz-uebersicht.js", "kartenfaecher/features/checkliste/checkliste-markdown.js",
            "kartenfaecher/features/checkliste/checkliste-teilen.js"} <= set(overview)
    auswahl = site.sources_loaded("auswahl/")
    assert {"kartenfaecher/features/auswahl/auswahl.js", "kartenfaecher/features/checkliste/notiz.js"} <= set(auswahl)
    assert "assets/vendor/qrcode-generator.js" in site.loads("auswahl/")
    assert "kartenfaecher/features/checkliste/checkliste.js" not in auswahl
    assert "kartenfaecher/features/vorfuehren/vorfuehren.js" in site.sources_loaded("vorfuehren/")


def test_the_merken_button_stays_small(site):
    sizes = [len(gzip.compress(rjsmin.jsmin((AUSWAHL / "auswahl-merken.js").read_text(encoding="utf-8")).encode())),
             len(gzip.compress(rcssmin.cssmin((AUSWAHL / "auswahl-merken.css").read_text(encoding="utf-8")).encode()))]
    # Minified as the bundles hold them, gzip-compressed: a small part of the budget of 8 KB
    # compressed for all our additions to a card page (make bench measures the whole).
    assert sum(sizes) < 2500, sizes


def test_the_qr_library_comes_from_npm_at_its_pinned_version(site):
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/qrcode-generator"]["version"] == "2.0.4"
    copied = (site.root / "assets" / "vendor" / "qrcode-generator.js").read_bytes()
    assert copied == (ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.js").read_bytes()


def test_the_page_meine_auswahl_carries_every_card_and_is_linked_from_home_and_nav(site, cards):
    page = site.page("auswahl/")
    listed = [int(li["data-karte"]) for li in page.select(".auswahl-karten li")]
    assert listed == [c["number"] for c in cards]
    home = site.page("")
    assert home.select_one("article a[href='auswahl/']") is not None
    assert any(a.get_text(strip=True) == "Meine Auswahl" for a in home.select(".md-nav--primary a"))


def test_every_card_is_a_slide_with_its_qr_code_and_the_slides_are_not_searched(site, cards):
    page = site.page("vorfuehren/")
    slides = page.select(".vorfuehren-folie")
    assert [int(s["data-karte"]) for s in slides] == [c["number"] for c in cards]
    for slide, card in zip(slides, cards):
        assert slide.select_one("h2 .karte-titel").get_text().replace("\u00ad", "") == card["title"]
        assert slide.select_one(".vorfuehren-qr svg") is not None
        assert f"/{card['number']}/" in slide.select_one(".vorfuehren-qr span").get_text()
    # References as the printed numbers; no checkbox and no macro left in a slide.
    card_8 = page.select_one(".vorfuehren-folie[data-karte='8']")
    assert card_8.select_one(".vorfuehren-verweise").get_text() == "→ 15, 16, 18"
    assert not page.select(".vorfuehren-folie input") and "{{" not in page.get_text()
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("vorfuehren/")]


def test_the_scripts_keep_to_one_job_and_450_lines_and_the_connector_to_150():
    assert len(SCRIPTS) > 20 and not list(THEME.rglob("*.js")), "every script in its feature's folder"
    for path in SCRIPTS:
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 450, f"{path.name} has {lines} lines"
    assert (PACKAGE / "makros.py").read_text(encoding="utf-8").count("\n") <= 150


def test_every_name_a_script_hands_to_the_others_is_used_by_one():
    """What a script puts on window.Kartenfaecher is there for another script: a name nobody
    reads is dead code (the stores' isKey and parseStored, the selection's navLink and parse were)."""
    scripts = {path.name: path.read_text(encoding="utf-8") for path in SCRIPTS}
    unused = []
    for name, text in scripts.items():
        for shared in re.finditer(r"Kartenfaecher\.(\w+)\s*=\s*\{([^}]*)\}", text):
            for key in re.findall(r"(\w+)\s*:", shared.group(2)):
                if not any(re.search(rf"(?<!JSON)(?<!window)\.{key}\b", other) for other in scripts.values()):
                    unused.append(f"{name}: Kartenfaecher.{shared.group(1)}.{key}")
    assert unused == []
