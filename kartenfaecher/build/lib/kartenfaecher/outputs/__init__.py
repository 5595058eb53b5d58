"""Files written into the built site after MkDocs has written the pages.

Every build: our stylesheets and scripts as bundles named by their content
(their names are settled as the build starts, for the templates: ``prepare``),
``karten.json``, the short addresses (``/15/``), the scripts taken from npm
(vendor), the cards of the page „Druckfassung“, the German search terms in
the search index and the favicon (emblem). The website adds ``robots.txt``, the CSP's host examples and,
last, the app (manifest, icons, and the service worker, which lists every file
before it); the offline bundle instead gets its search shim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..build import Build, Colours, handbook
from ..features import app, emblem, karte, qr, suche, teile
from ..sources import Sources, trennung
from ..features.druckfassung import karten as druckfassung_karten
from . import bundles, csp, karten_json, kurzadressen, offline, robots, security
from . import vendor

CACHE = Path(".cache")  # below the project: what builds keep for the next (safe to delete)
QR_CACHE = CACHE / "qr.json"
SLIDES_CACHE = CACHE / "folien.json"  # the texts of the slides of „Vorführen“
HYPHENATION_CACHE = CACHE / "trennung.json"  # the long words of titles and slides, hyphenated


def prepare(conf, build: Build, chapters: list) -> None:
    """As the build starts: bundle the files every page loads and name the files
    (ContentError); draw the emblem for the header; tell the templates whether this build
    writes the app (not in the offline zip); take the QR codes and hyphenated words earlier
    builds made."""
    if suche.german(conf):  # the German search's dictionary: refused before the build, not after every page
        suche.woerter.require()
    build.assets = bundles.prepare(conf, teile.every_page_parts(), karte.chapter_css(chapters), build.texts.fill)
    # basis.css as the theme has it: a handbook's own custom_dir first, else the engine's.
    css = next(folder for folder in (Path(d) / "assets" / "css" for d in conf["theme"].dirs)
               if (folder / "basis.css").is_file())
    # Once a build: the chapters' colours (mkdocs.yml) and the header's (read from basis.css), in
    # which the emblem and the app's icons are drawn.
    build.colours = Colours(karte.chapter_colours(chapters), app.ink(css))
    build.emblem = emblem.drawn(build.colours.chapters)
    build.app = not offline.enabled(conf)
    build.parts = teile.ON_PAGES  # what each page loads beyond the bundles
    project = Path(conf["config_file_path"]).parent
    qr.load(project / QR_CACHE)
    trennung.load(project / HYPHENATION_CACHE)


def write(conf, build: Build, sources: Sources, url_of: Callable[[str], str]) -> None:
    """Write every output of this build (``conf``: MkDocs's config); raises ContentError."""
    site, registry = conf["site_dir"], sources.registry
    project = Path(conf["config_file_path"]).parent
    bundles.write(site, build.assets)
    qr.save(project / QR_CACHE)
    trennung.save(project / HYPHENATION_CACHE)
    suche.write(site, sources.synonyms, project / CACHE, suche.german(conf))
    cards = karten_json.card_data(registry, url_of)
    karten_json.write(site, cards)
    kurzadressen.write(site, cards, handbook(conf).language)
    druckfassung_karten.write(site, registry, url_of)
    vendor.copy(site)
    emblem.write(site, build.emblem)
    if offline.enabled(conf):
        offline.copy_shim(conf)
    else:
        robots.write(site, conf["site_url"])
        csp.write(site, conf["site_url"])
        security.write(site, build.publisher["sicherheit"], conf["site_url"])
        app.write(site, conf, build.colours, project / CACHE)
