"""The website as an app: a manifest, its icons, and a service worker that keeps the handbook.

One folder holds the feature: this module (what the build writes, below), ``app-worker.js``
(the worker's code, into which the build puts its list), ``app.js`` (registers the worker, asks
before a phone that saves data downloads the whole handbook, offers a new build) and ``app.css``
(the footer's notice), which every page loads as the part ``app`` (kartenfaecher/features/teile.py).
The footer's texts stand in theme/partials/copyright.html, where Material looks for them;
deploy/sw-aus.js retires the worker where a host stops publishing. Its tests:
tests/site/test_app.py, tests/browser/test_app.py (install, offline, updates, saving data),
and what a first visit transfers in tools/transfer.py (`make bench`).

After one visit a phone can read, search and tick the whole handbook without a
network. The build writes, into the site's root (so the worker's scope is the
whole site, under any base path):

- ``manifest.webmanifest``: name, language, start and scope relative to the
  site, standalone display, the site's own colours, and the icons;
- ``assets/app/icon-192.png``, ``icon-512.png`` and ``icon-maskable-512.png``,
  drawn here from one source: the fan of the chapters' colours (mkdocs.yml,
  kartenfaecher.kapitel) around its rivet;
- ``sw.js``: app-worker.js beside this file with the build's list of files and
  their content hashes put in. Any change to any file changes the list, so the
  browser sees a new worker, which fills a new cache and deletes the old one
  only when it takes over: a reader never sees old and new pages mixed.

Not kept: the downloads (large; the reader downloads them to keep them), source
maps, search rules for other languages, and what only a web server reads.
The offline zip gets none of this (no worker runs from file://).

Our own short worker rather than Workbox: Workbox's build tools need Node.js at
build time, and the site builds on hosts that have only Python (the GitLab Pages
job); the worker is one small file that can be read in full.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from pathlib import Path

from kartenfaecher.handbuch import Handbook

from ... import between_builds, build
from ...errors import ContentError
from .. import emblem
from ..suche import search_languages, used_search_file

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
ICONS = "assets/app"
WORKER_SOURCE = Path(__file__).with_name("app-worker.js")
BACKGROUND = "#ffffff"  # the page's
# Only a web server or a publisher reads these; the downloads are the reader's to keep.
NOT_KEPT = {"sitemap.xml", "sitemap.xml.gz", "robots.txt", "_headers", ".htaccess",
            "nginx-csp.conf", WORKER}
NOT_KEPT_SUFFIXES = (".map", ".zip", ".pdf")
NOT_KEPT_FOLDERS = ("downloads/", ".well-known/")
_INK = re.compile(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})")


def manifest(handbook: Handbook, description: str, ink: str) -> dict:
    icon = f"{ICONS}/icon"
    return {
        "name": build.text("app.name"),
        "short_name": handbook.name,
        "description": description,
        "lang": handbook.language,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": ink,
        "background_color": BACKGROUND,
        "icons": [
            {"src": f"{icon}-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": f"{icon}-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": f"{icon}-maskable-512.png", "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"},
        ],
    }


def ink(css: Path) -> str:
    """The header's colour, the site's own (basis.css), which the app wears too."""
    found = _INK.search((css / "basis.css").read_text(encoding="utf-8"))
    if not found:
        raise ContentError((css / "basis.css").as_posix(), None, "no header colour found for the app.",
                           "keep the rule [data-md-color-scheme] { --md-primary-fg-color: #rrggbb; } in basis.css.")
    return found[1]


def icon(size: int, colours: list[str], safe: float = 1.0, background: str = BACKGROUND):
    """The fan (kartenfaecher/features/emblem.py) on ``background``, ``size`` pixels square;
    ``safe`` shrinks it towards the centre (a maskable icon keeps the middle 80 %)."""
    from PIL import Image, ImageDraw  # only when the icons are drawn anew (_icons)

    scale = 4  # drawn large and scaled down: smooth edges without anti-aliasing of our own
    s = size * scale
    image = Image.new("RGB", (s, s), background)
    draw = ImageDraw.Draw(image)
    polygons, (cx, cy, r) = emblem.cards(len(colours), s, safe)
    for colour, points in zip(colours, polygons):
        draw.polygon(points, fill=colour, outline=emblem.RIVET, width=max(1, int(s / 170)))
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=emblem.RIVET)
    return image.resize((size, size), Image.LANCZOS)


def kept(relative: str, languages: set[str]) -> bool:
    """Whether the worker keeps this file of the built site."""
    return (relative not in NOT_KEPT and not relative.endswith(NOT_KEPT_SUFFIXES)
            and not relative.startswith(NOT_KEPT_FOLDERS) and used_search_file(relative, languages))


def address(relative: str) -> str:
    """The address a page is asked for by: ``karten/08-teilhabe/`` for its index.html."""
    if relative == "index.html":
        return "./"
    return relative[:-len("index.html")] if relative.endswith("/index.html") else relative


def file_list(site_dir: Path) -> list[tuple[str, str, int]]:
    """(address, content hash, bytes) of every file the worker keeps, sorted."""
    languages = search_languages(site_dir)
    files = []  # as names, not Path objects: at 2,000 cards sorting and slicing those took 0.3 s
    for folder, _, names in os.walk(site_dir):
        below = Path(folder).relative_to(site_dir).as_posix()
        files += [name if below == "." else f"{below}/{name}" for name in names]
    found = []
    for relative in sorted(files, key=lambda name: name.split("/")):  # in the order of the folders
        if kept(relative, languages):
            data = (site_dir / relative).read_bytes()
            found.append((address(relative), hashlib.sha256(data).hexdigest()[:12], len(data)))
    return found


def worker(files: list[tuple[str, str, int]], short_name: str) -> str:
    """sw.js: the worker's source with this build's files, version and size put in, and the
    handbook's short name, which names its caches."""
    version = hashlib.sha256("\n".join(f"{a} {h}" for a, h, _ in files).encode()).hexdigest()[:16]
    listing = json.dumps({"kurzname": short_name, "version": version, "bytes": sum(b for _, _, b in files),
                          "files": [[a, h] for a, h, _ in files],
                          "notKept": {"folders": NOT_KEPT_FOLDERS, "endings": NOT_KEPT_SUFFIXES}},
                         ensure_ascii=False,
                         separators=(",", ":"))
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    return source.replace("/*BUILD*/null", listing, 1)


# The icons' files: name -> (size, safe area).
ICON_FILES = {"icon-192.png": (192, 1.0), "icon-512.png": (512, 1.0), "icon-maskable-512.png": (512, 0.72)}


def _icons(colours: list[str], background: str, cache: Path) -> dict[str, bytes]:
    """Each icon's PNG, drawn once and kept in ``cache`` (kartenfaecher/between_builds.py): they change only with
    the colours, this module and Pillow (drawing them took a twentieth of the build)."""
    stamp = between_builds.key(colours, background, Path(__file__), Path(emblem.__file__),
                               between_builds.package_file("PIL"))
    icons = {}
    for name, (size, safe) in ICON_FILES.items():
        path = cache / f"app-{stamp}-{name}"
        icons[name] = between_builds.read(path)
        if not _whole_png(icons[name]):  # none kept, or damaged: drawn anew
            drawn = io.BytesIO()
            icon(size, colours, safe, background).save(drawn, format="PNG", optimize=True)
            icons[name] = drawn.getvalue()
            between_builds.write(path, icons[name], older=f"app-*-{name}")
    return icons


def _whole_png(data: bytes | None) -> bool:
    """Whether ``data`` begins as a PNG file does and ends with its last chunk."""
    return bool(data) and data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")


def write(site_dir: str | Path, conf, colours, cache: Path) -> None:
    """Write the manifest, the icons (kept in ``cache`` between builds) and, last, the worker
    (which lists the others); ``colours``: the build's (kartenfaecher/build.py, Colours)."""
    site = Path(site_dir)
    (site / ICONS).mkdir(parents=True, exist_ok=True)
    for name, png in _icons(colours.chapters, colours.header, cache).items():
        (site / ICONS / name).write_bytes(png)
    handbook = build.handbook(conf)
    data = manifest(handbook, conf["site_description"] or "", colours.header)
    (site / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (site / WORKER).write_text(worker(file_list(site), handbook.short_name), encoding="utf-8")
