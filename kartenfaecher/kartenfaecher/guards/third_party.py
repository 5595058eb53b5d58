"""The guard against scripts and stylesheets from other hosts, for every build.

A script or stylesheet listed in mkdocs.yml must come from the site itself,
never from another host: a visitor's browser must not contact third parties.
The offline bundle must name its own iframe-worker shim, or Material's offline
plugin would take it from a CDN (kartenfaecher/outputs/offline.py copies ours).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, line_of
from ..outputs.offline import SHIM_NAME, enabled


def _remote(entry) -> bool:
    path = str(getattr(entry, "path", entry))
    return path.startswith(("http://", "https://", "//"))


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
                raise ContentError(source, line_of(config_file, url), f"{name} loads {url} "
                                   "from another host; visitors' browsers must not contact third "
                                   "parties.", "put the file into docs/ (for example docs/assets/) "
                                   "and list its path below the site instead.")
    if enabled(config) and not any(SHIM_NAME in str(p) for p in lists["extra.polyfills"]):
        raise ContentError(source, None, "the offline plugin is on, but extra.polyfills names no "
                           "local iframe-worker shim: Material would load it from a CDN.",
                           "leave extra.polyfills out (the engine then names its own shim, "
                           "assets/javascripts/iframe-worker.js), or list that file there too.")
