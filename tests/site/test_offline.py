"""The offline bundle as `make offline` writes it: its zip and the files in it."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from bs4 import BeautifulSoup

from tests.helpers import foreign_loads
from tools import offline
from tools.common import ROOT


@pytest.fixture(scope="module")
def bundled_cards(unpacked) -> list[dict]:
    """karten.json of the bundle."""
    return json.loads((unpacked / "karten.json").read_text(encoding="utf-8"))


# -- the zip -------------------------------------------------------------------------------------


def test_bundle_is_one_folder_with_index_html_and_a_note(bundle):
    """One folder named by the handbook's short name, as it always was; the note says what the
    handbook is, how to open it, and under which licence its text stands."""
    assert bundle.name == "ko-produktion-offline.zip"
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        note = archive.read("ko-produktion/LIESMICH.txt").decode("utf-8")
    assert all(name.startswith("ko-produktion/") for name in names)
    assert "ko-produktion/index.html" in names
    assert not any(name.endswith(".map") for name in names)
    assert note.startswith("Ko-Produktion – Offline-Fassung\n" + "=" * 31 + "\n")
    flat = " ".join(note.split())
    assert "Ein Handlungsleitfaden für die Zusammenarbeit" in flat and "Im Ordner „ko-produktion“" in flat
    assert "DOI 10.25643/bauhaus-universitaet.4954" in flat and "CC BY-NC-SA 4.0" in flat and "<" not in note


def test_every_card_is_in_the_bundle_with_html_addresses(unpacked, bundled_cards):
    assert len(bundled_cards) == 52
    for entry in bundled_cards:
        assert entry["url"].endswith(".html"), entry
        assert (unpacked / entry["url"]).is_file(), entry["url"]


def test_short_addresses_forward_to_the_cards_html_file(unpacked, bundled_cards):
    for entry in bundled_cards:
        page = BeautifulSoup((unpacked / str(entry["number"]) / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        target = re.match(r"0; url=(.+)", page.select_one('meta[http-equiv="refresh"]')["content"]).group(1)
        assert (unpacked / str(entry["number"]) / target).resolve() == (unpacked / entry["url"]).resolve()


def test_nothing_in_the_bundle_loads_from_another_host(unpacked):
    assert foreign_loads(unpacked) == []
    home = (unpacked / "index.html").read_text(encoding="utf-8")
    assert "unpkg" not in home
    assert (unpacked / "assets/javascripts/iframe-worker.js").read_bytes() == \
        (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    assert '<script src="assets/javascripts/iframe-worker.js"></script>' in home


def test_the_bundle_has_no_web_server_files(unpacked):
    for name in ("_headers", ".htaccess", "nginx-csp.conf", "robots.txt", "sitemap.xml", "404.html"):
        assert not (unpacked / name).exists(), name
