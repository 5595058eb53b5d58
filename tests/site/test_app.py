"""The website as an app: the manifest, the icons and the service worker's list, as the build writes them."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re

import pytest
from PIL import Image

from kartenfaecher import THEME
from kartenfaecher.features import app
from tests.helpers import csp_headers
from tools.common import ROOT

# The header's colour, as basis.css sets it: the app wears it too.
HEADER = re.search(r"--md-primary-fg-color:\s*(#[0-9a-f]{6})",
                   (THEME / "assets/css/basis.css").read_text(encoding="utf-8"))[1]


@pytest.fixture(scope="module")
def manifest(site) -> dict:
    return json.loads((site.root / app.MANIFEST).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def listed(site) -> dict:
    """The build's list in sw.js: version, bytes, and [address, hash] per kept file."""
    source = (site.root / app.WORKER).read_text(encoding="utf-8")
    start = source.index("var BUILD = ") + len("var BUILD = ")
    return json.loads(source[start:source.index(";\n", start)])


def test_the_manifest_names_the_handbook_in_german_relative_to_the_site(manifest):
    assert manifest["lang"] == "de"
    assert manifest["short_name"] == "Ko-Produktion"
    assert manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == HEADER and manifest["background_color"] == "#ffffff"


def test_the_icons_exist_at_their_sizes_one_of_them_maskable(site, manifest):
    purposes = set()
    for icon in manifest["icons"]:
        width, height = map(int, icon["sizes"].split("x"))
        with Image.open(site.root / icon["src"]) as image:
            assert image.size == (width, height) and image.format == "PNG"
        purposes.add(icon["purpose"])
    assert {"192x192", "512x512"} <= {i["sizes"] for i in manifest["icons"]}
    assert purposes == {"any", "maskable"}


def test_the_icons_show_the_chapter_colours_on_the_headers(site):
    with Image.open(site.root / app.ICONS / "icon-512.png") as image:
        colours = {colour for _, colour in image.convert("RGB").getcolors(512 * 512)}
        assert image.convert("RGB").getpixel((4, 4)) == tuple(int(HEADER[i:i + 2], 16) for i in (1, 3, 5))
    for colour in ("#1f5f8b", "#8a2f5d", "#2e6b30", "#a3391a"):
        assert tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) in colours, colour


def test_every_page_links_the_manifest(site):
    for path in site.root.rglob("*.html"):
        if path.parent.name.isdigit():
            continue  # the short addresses only forward
        soup = site.page(path.relative_to(site.root).as_posix())
        link = soup.find("link", rel="manifest")
        assert link is not None, path
        depth = len(path.relative_to(site.root).parts) - 1
        # The 404 page is served at any depth, so its links start at the site's root.
        expected = "/" if path.name == "404.html" else "../" * depth
        assert link["href"] == expected + app.MANIFEST, path


def test_the_worker_keeps_every_page_card_short_address_and_search_file(site, cards, listed):
    addresses = {address for address, _ in listed["files"]}
    for card in cards:
        assert card["url"] in addresses and f"{card['number']}/" in addresses
    for needed in ("./", "inhalt/", "checklisten/", "karten.json", "search/search_index.json",
                   "404.html", "manifest.webmanifest", "assets/app/icon-192.png",
                   "assets/javascripts/lunr/min/lunr.de.min.js"):
        assert needed in addresses, needed
    assert any(a.startswith("assets/javascripts/workers/search.") for a in addresses)


def test_the_worker_keeps_every_stylesheet_and_script_the_pages_load(site, listed):
    # Our bundles are named by their content: the list must follow the names of this build.
    addresses = {address for address, _ in listed["files"]}
    loaded = set()
    for page in ("index.html", "checklisten/index.html", "druckfassung/index.html",
                 *(str(p.relative_to(site.root)) for p in site.root.glob("karten/*/index.html"))):
        html = (site.root / page).read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.(?:css|js))"', html):
            loaded.add(posixpath.normpath(posixpath.join(posixpath.dirname(page), url)))
    assert any(re.fullmatch(r"assets/js/site\.[0-9a-f]{8}\.min\.js", a) for a in loaded)  # app.js is in it
    assert sorted(loaded - addresses) == []


def test_the_worker_leaves_out_what_no_reader_needs_and_names_no_other_host(listed):
    addresses = [address for address, _ in listed["files"]]
    assert not [a for a in addresses if a.endswith((".map", ".zip", ".pdf"))]
    assert not [a for a in addresses if "/lunr/min/lunr." in a and a.rsplit("/", 1)[1] not in (
        "lunr.de.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js")]
    assert not {"sw.js", "_headers", ".htaccess", "sitemap.xml"} & set(addresses)
    assert not [a for a in addresses if "://" in a or a.startswith("/")]


def file_of(site, address: str):
    """The built file the worker's list names by ``address`` (a folder's address is its index.html)."""
    return site.root / ("index.html" if address == "./" else
                        address + "index.html" if address.endswith("/") else address)


def test_the_list_carries_each_files_content_hash_and_the_build_a_version(site, listed):
    for address, digest in listed["files"]:
        assert hashlib.sha256(file_of(site, address).read_bytes()).hexdigest()[:12] == digest, address
    assert len(listed["version"]) == 16
    assert listed["bytes"] == sum(file_of(site, a).stat().st_size for a, _ in listed["files"])


def test_the_policy_allows_the_manifest_and_the_worker_from_the_site_only(site):
    policy = csp_headers(site)["Content-Security-Policy"]
    assert "manifest-src 'self'" in policy and "worker-src 'self'" in policy


def test_the_offline_zip_has_no_worker_and_no_manifest(unpacked):
    assert not (unpacked / app.WORKER).exists() and not (unpacked / app.MANIFEST).exists()
    home = (unpacked / "index.html").read_text(encoding="utf-8")
    assert 'rel="manifest"' not in home and 'class="app-stand"' not in home
