"""The parts a page loads beyond the site's bundles, as its features declared them (kartenfaecher/features/teile.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kartenfaecher import PACKAGE, THEME
from kartenfaecher.features import teile
from tools.common import ROOT


def page(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_a_page_gets_the_files_of_its_parts_and_of_what_they_need_in_one_order():
    pages = teile.OnPages()
    pages.begin("auswahl.md")
    pages.use("auswahl")
    files = pages.files(page("auswahl.md"))
    # The selection needs the shared dialog and share box, and the notes, which need their format.
    checklists, selection = "kartenfaecher/features/checkliste/", "kartenfaecher/features/auswahl/"
    shared = "kartenfaecher/features/gemeinsam/"
    assert files.css == [f"{checklists}checkliste.css", f"{shared}dialog.css", f"{shared}teilen.css",
                         f"{checklists}notiz.css", f"{selection}auswahl.css"]
    assert files.js == [f"{shared}dialog.js", f"{shared}teilen.js", f"{checklists}checkliste-speicher.js",
                        f"{checklists}notiz-speicher.js", f"{checklists}notiz.js", f"{selection}auswahl.js",
                        f"{selection}auswahl-teilen.js"]
    assert files.vendor == ["assets/vendor/qrcode-generator.js"]


def test_what_two_parts_need_loads_once_and_a_page_without_parts_loads_nothing_more():
    pages = teile.OnPages()
    pages.begin("checklisten.md")
    pages.use("checklisten-seite")
    pages.use("checkliste")
    files = pages.files(page("checklisten.md"))
    assert len(files.js) == len(set(files.js)) == 11  # „Checklisten“: eleven scripts in one request
    pages.begin("karten/08-teilhabe.md")
    assert pages.files(page("karten/08-teilhabe.md")) == teile.Files([], [], [])
    assert pages.files(page("nie-gebaut.md")) == teile.Files([], [], [])


def test_each_page_starts_empty_and_an_unknown_part_is_refused_with_where_parts_are_named():
    pages = teile.OnPages()
    pages.begin("index.md")
    pages.use("faecher")
    pages.begin("index.md")  # built again (mkdocs serve)
    assert pages.files(page("index.md")).css == []
    with pytest.raises(ValueError, match="kartenfaecher/features/teile.py"):
        pages.use("faecherr")


def test_every_part_names_files_that_exist_and_parts_that_exist_and_the_sites_use_no_npm_file():
    for name, part in teile.PARTS.items():
        for source in part.css + part.js:
            assert (THEME / source).is_file() or (PACKAGE.parent / source).is_file(), (name, source)
        assert set(part.needs) <= set(teile.PARTS), name
        assert not (part.every_page and part.vendor), f"{name}: the site's bundles load no npm file"


def test_the_page_template_no_longer_searches_a_pages_html_for_what_it_holds():
    template = (THEME / "main.html").read_text(encoding="utf-8")
    assert "in content" not in template


def test_the_parts_every_page_has_make_the_sites_bundles_search_first_and_never_a_pages_own_files():
    site = teile.every_page()
    # suche-bei-bedarf.js holds back Material's search until it is used: it runs before all else.
    assert site.js[0] == "kartenfaecher/features/suche/suche-bei-bedarf.js"
    assert site.css[0] == "assets/css/basis.css" and site.vendor == []
    pages = teile.OnPages()
    pages.begin("auswahl.md")
    pages.use("auswahl")  # needs the „Merken“ store, which every page has
    files = pages.files(page("auswahl.md"))
    assert "kartenfaecher/features/auswahl/auswahl-merken.js" in site.js
    assert not set(files.js + files.css) & set(site.js + site.css)
