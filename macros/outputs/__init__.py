"""Files written into the built site after MkDocs has written the pages.

Every build: ``karten.json``, the short addresses (``/15/``) and the scripts
taken from npm (vendor). The website
adds ``robots.txt`` and the CSP's host examples; the offline bundle instead
gets its search shim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..sources.registry import Registry
from . import csp, karten_json, kurzadressen, offline, robots, vendor


def write(conf, registry: Registry, url_of: Callable[[str], str]) -> None:
    """Write every output of this build (``conf``: MkDocs's config); raises ContentError."""
    site = conf["site_dir"]
    cards = karten_json.card_data(registry, url_of)
    karten_json.write(site, cards)
    kurzadressen.write(site, cards)
    vendor.copy(site, Path(conf["config_file_path"]).parent)
    if offline.enabled(conf):
        offline.copy_shim(conf, Path(conf["config_file_path"]).parent)
    else:
        robots.write(site, conf["site_url"])
        csp.write(site, conf["site_url"])
