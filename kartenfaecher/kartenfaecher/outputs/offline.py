"""The offline bundle's search shim, copied into the built site.

`make offline` (tools/offline.py) builds with OFFLINE_BUNDLE=true, which switches
on Material's offline plugin in mkdocs.yml (directory URLs off, the search index inlined as a
script). Search in a worker is impossible from file://, so Material runs it
through the iframe-worker shim, which its offline plugin takes from a CDN unless
``extra.polyfills`` already names a file called iframe-worker. The engine's plugin names our
own copy there (SHIM_TARGET, unless a handbook lists its polyfills itself) and the build copies
it here from the engine's (kartenfaecher/vendor/, the version package-lock.json pins), so the
bundle needs no network.
(kartenfaecher/guards/third_party.py refuses a build that would take it from the CDN.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .. import PACKAGE

OFFLINE_PLUGIN = "material/offline"
SHIM = PACKAGE / "vendor" / "iframe-worker.js"
SHIM_NAME = "iframe-worker"
SHIM_TARGET = "assets/javascripts/iframe-worker.js"  # where the engine's plugin names it


def enabled(config) -> bool:
    """Whether this build is the offline bundle (Material's offline plugin switched on)."""
    plugin = config["plugins"].get(OFFLINE_PLUGIN)
    return bool(plugin and plugin.config.enabled)


def copy_shim(config) -> None:
    """Copy the iframe-worker shim to where extra.polyfills points."""
    target = next(str(p) for p in config["extra"]["polyfills"] if SHIM_NAME in str(p))
    destination = Path(config["site_dir"]) / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, destination)
