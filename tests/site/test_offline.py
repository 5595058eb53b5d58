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
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert all(name.startswith(f"{offline.FOLDER}/") for name in names)
    assert f"{offline.FOLDER}/index.html" in names
    assert f"{offline.FOLDER}/LIESMICH.txt" in names
    assert not any(name.endswith(".map") for name in names)


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
