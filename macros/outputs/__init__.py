"""Files written into the built site after MkDocs has written the pages.

Every build: ``karten.json``, the short addresses (``/15/``), the cards of the
page „Druckfassung“ and the German search terms in the search index. The website
adds ``robots.txt``, the CSP's host examples and, last, the app (manifest, icons,
and the service worker, which lists every file before it); the offline bundle
instead gets its search shim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..sources import Sources
from . import app, csp, druckfassung, karten_json, kurzadressen, offline, robots, suche


def write(conf, sources: Sources, url_of: Callable[[str], str]) -> None:
    """Write every output of this build (``conf``: MkDocs's config); raises ContentError."""
    site, registry = conf["site_dir"], sources.registry
    suche.write(site, sources.synonyms)
    cards = karten_json.card_data(registry, url_of)
    karten_json.write(site, cards)
    kurzadressen.write(site, cards)
    druckfassung.write(site, registry, url_of)
    if offline.enabled(conf):
        offline.copy_shim(conf, Path(conf["config_file_path"]).parent)
    else:
        robots.write(site, conf["site_url"])
        csp.write(site, conf["site_url"])
        app.write(site, conf, Path(conf["theme"].custom_dir) / "assets" / "css" / "karte.css")


def prepare(conf) -> None:
    """Tell the templates what this build writes: the app, unless this is the offline zip."""
    conf["extra"]["app"] = None if offline.enabled(conf) else {"theme_color": app.THEME_COLOUR}
