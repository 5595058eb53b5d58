"""The offline bundle's build, and the guard against scripts from other hosts.

`make offline` builds with mkdocs-offline.yml, which switches on Material's
offline plugin (directory URLs off, the search index inlined as a script).
Search in a worker is impossible from file://, so Material runs it through the
iframe-worker shim, which its offline plugin takes from a CDN unless
``extra.polyfills`` already names a file called iframe-worker. We name our own
copy (mkdocs-offline.yml) and copy it here from the npm package installed at a
pinned version by `npm ci` (package-lock.json), so the bundle needs no network.

The guard holds for every build: a script or stylesheet listed in mkdocs.yml
must come from the site itself, never from another host (a visitor's browser
must not contact third parties).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import ContentError

OFFLINE_PLUGIN = "material/offline"
SHIM_PACKAGE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
SHIM_NAME = "iframe-worker"


def enabled(config) -> bool:
    """Whether this build is the offline bundle (Material's offline plugin switched on)."""
    plugin = config["plugins"].get(OFFLINE_PLUGIN)
    return bool(plugin and plugin.config.enabled)


def _remote(entry) -> bool:
    path = str(getattr(entry, "path", entry))
    return path.startswith(("http://", "https://", "//"))


def _line_of(path: Path, needle: str) -> int | None:
    """The line of ``needle`` in the configuration file (or the file it inherits from)."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return None
    return next((number for number, text in enumerate(lines, start=1) if needle in text), None)


def check_sources(config, source: str) -> None:
    """Refuse scripts and stylesheets from other hosts; the offline build needs its shim."""
    config_file = Path(config["config_file_path"])
    lists = {"extra.polyfills": config["extra"].get("polyfills") or [],
             "extra_javascript": config["extra_javascript"] or [],
             "extra_css": config["extra_css"] or []}
    for name, entries in lists.items():
        for entry in entries:
            if _remote(entry):
                url = str(getattr(entry, "path", entry))
                raise ContentError(source, _line_of(config_file, url), f"{name} loads {url} "
                                   "from another host; visitors' browsers must not contact third "
                                   "parties.", "put the file into overrides/assets/ and list its "
                                   "path below the site instead.")
    if enabled(config) and not any(SHIM_NAME in str(p) for p in lists["extra.polyfills"]):
        raise ContentError(source, None, "the offline plugin is on, but extra.polyfills names no "
                           "local iframe-worker shim: Material would load it from a CDN.",
                           "build the offline bundle with `make offline` (mkdocs-offline.yml "
                           "lists assets/javascripts/iframe-worker.js).")


def copy_shim(config, project: Path) -> None:
    """Copy the iframe-worker shim from node_modules to where extra.polyfills points."""
    target = next(str(p) for p in config["extra"]["polyfills"] if SHIM_NAME in str(p))
    shim = project / SHIM_PACKAGE
    if not shim.is_file():
        raise ContentError(SHIM_PACKAGE.as_posix(), None, "the iframe-worker shim for search in "
                           "the offline bundle is missing.",
                           "run `npm ci` (`make offline` does it) to install the npm packages "
                           "pinned in package-lock.json.")
    destination = Path(config["site_dir"]) / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, destination)
