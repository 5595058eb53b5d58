"""The offline bundle's search shim, copied into the built site.

`make offline` (tools/offline.py) builds with mkdocs-offline.yml, which switches
on Material's offline plugin (directory URLs off, the search index inlined as a
script). Search in a worker is impossible from file://, so Material runs it
through the iframe-worker shim, which its offline plugin takes from a CDN unless
``extra.polyfills`` already names a file called iframe-worker. We name our own
copy (mkdocs-offline.yml) and copy it here from the npm package installed at a
pinned version by `npm ci` (package-lock.json), so the bundle needs no network.
(kartenfaecher/guards/third_party.py refuses a build that would take it from the CDN.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import ContentError

OFFLINE_PLUGIN = "material/offline"
SHIM_PACKAGE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
SHIM_NAME = "iframe-worker"


def enabled(config) -> bool:
    """Whether this build is the offline bundle (Material's offline plugin switched on)."""
    plugin = config["plugins"].get(OFFLINE_PLUGIN)
    return bool(plugin and plugin.config.enabled)


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
