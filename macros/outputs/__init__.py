"""Files written into the built site after MkDocs has written the pages.

Every build: our stylesheets and scripts as bundles named by their content
(their names are settled as the build starts, for the templates: ``prepare``),
``karten.json`` and the short addresses (``/15/``). The website adds
``robots.txt`` and the CSP's host examples; the offline bundle instead gets its
search shim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..features import qr
from ..sources.registry import Registry
from . import bundles, csp, karten_json, kurzadressen, offline, robots


QR_CACHE = Path(".cache") / "qr.json"  # below the project: QR codes kept between builds


def prepare(conf) -> None:
    """As the build starts: bundle extra_css and extra_javascript, name the files (ContentError);
    take the QR codes earlier builds made."""
    bundles.prepare(conf)
    qr.load(Path(conf["config_file_path"]).parent / QR_CACHE)


def write(conf, registry: Registry, url_of: Callable[[str], str]) -> None:
    """Write every output of this build (``conf``: MkDocs's config); raises ContentError."""
    site = conf["site_dir"]
    bundles.write(site, conf["extra"]["assets"])
    qr.save(Path(conf["config_file_path"]).parent / QR_CACHE)
    cards = karten_json.card_data(registry, url_of)
    karten_json.write(site, cards)
    kurzadressen.write(site, cards)
    if offline.enabled(conf):
        offline.copy_shim(conf, Path(conf["config_file_path"]).parent)
    else:
        robots.write(site, conf["site_url"])
        csp.write(site, conf["site_url"])
