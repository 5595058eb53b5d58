"""`make publish`: the website hands out its offline bundle and its printed fan.

The publication is made once per session (the ``published`` fixture). The
sizes and pages the page „Herunterladen“ states are compared with the files,
read with pypdf and zipfile, not with the code that wrote the page.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.helpers import axe_violations, new_context
from tools.common import serve

FILES = {"ko-produktion-offline.zip", "ko-produktion-faecher.pdf", "ko-produktion-a4.pdf",
         "ko-produktion-druckerei.pdf"}


def stated_bytes(text: str) -> tuple[float, float]:
    """The range of sizes a stated "1,4 MB" or "632 KB" stands for."""
    number, unit = re.fullmatch(r"([\d,]+) (KB|MB)", text).groups()
    value, step = float(number.replace(",", ".")), 0.05 if "," in number else 0.5
    factor = 1_000_000 if unit == "MB" else 1000
    return (value - step) * factor, (value + step) * factor


@pytest.fixture(scope="module")
def downloads_page(published) -> BeautifulSoup:
    html = (published.site / "herunterladen" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_herunterladen_links_every_download_and_each_file_has_the_size_stated(published, downloads_page):
    links = downloads_page.select("article a[download]")
    folder = published.site / "downloads"
    # The day it was published: today, or yesterday for a session that ran past midnight.
    published_on = date.fromisoformat(published.manifest["built"])
    assert 0 <= (date.today() - published_on).days <= 1
    assert {path.name for path in folder.iterdir()} == FILES
    assert sorted(link["href"] for link in links) == sorted(f"../downloads/{name}" for name in FILES)
    for link in links:
        path = (published.site / "herunterladen" / link["href"]).resolve()
        facts = {dt.get_text(): dt.find_next_sibling("dd").get_text()
                 for dt in link.find_previous("dl").select("dt")}
        low, high = stated_bytes(facts["Größe"])
        assert low <= path.stat().st_size < high, (path.name, facts["Größe"], path.stat().st_size)
        assert facts["Stand"] == published_on.strftime("%d.%m.%Y")
        pages = int(facts["Umfang"].split()[0])
        if path.suffix == ".pdf":
            assert pages == len(PdfReader(path).pages), path.name
        else:
            with zipfile.ZipFile(path) as archive:
                html = [n for n in archive.namelist() if n.endswith(".html") and not re.search(r"/\d+/index", n)]
            assert pages == len(html)


def test_each_download_says_what_it_is_for(downloads_page):
    text = downloads_page.select_one("article").get_text(" ", strip=True)
    for words in ("USB-Stick", "Bürodrucker", "ZIP-Archiv", "99 × 210 mm", "A4 hoch",
                  "Originalgröße auf A4 (2 je Blatt)", "Screenreader"):
        assert words in text, words
    # What a print shop must be told: the format, the bleed, how many cards, where the rivet goes.
    shop = text[text.index("Druckvorlage"):]
    for words in ("Druckerei", "Endformat 99 × 210 mm", "3 mm Beschnitt", "Schnittmarken", "54 Karten",
                  "einseitig", "Niet", "7 mm", "PDF/X-4", "CMYK"):
        assert words in shop, words


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_downloads_page(browser, published, scheme):
    with serve(published.site) as address:
        context = new_context(browser, color_scheme=scheme)
        page = context.new_page()
        page.goto(address + "herunterladen/")
        found = axe_violations(page)
        context.close()
    assert found == []


def test_the_downloads_table_brings_its_own_style(published, downloads_page):
    """The page declares the table's part as it writes it (kartenfaecher/features/teile.py): its
    stylesheet holds the table's rules, which pages without downloads never load."""
    sheets = [link["href"] for link in downloads_page.select('link[rel=stylesheet]') if "/assets/css/" in link["href"]
              and link.get("media") != "print"]
    css = "".join((published.site / "herunterladen" / href).read_text(encoding="utf-8") for href in sheets)
    assert ".herunterladen-angaben" in css
