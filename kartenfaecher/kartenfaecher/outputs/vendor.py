"""Scripts from npm the pages load, copied into every built site.

The page „Meine Auswahl“ draws the QR code of its share link in the browser (the
link holds the reader's selection, so it cannot be made at build time) with
qrcode-generator, a small dependency-free library under the MIT licence. `npm ci`
installs it at the version pinned in package-lock.json; each build copies its
browser file (a classic script, so it works from file://) to where
overrides/main.html loads it from. No CDN: the site makes no request elsewhere.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import ContentError

# npm file -> its place in the built site
SCRIPTS = {Path("node_modules") / "qrcode-generator" / "dist" / "qrcode.js": "assets/vendor/qrcode-generator.js"}


def copy(site_dir: str | Path, project: Path) -> None:
    """Copy each script from node_modules into the built site; raises ContentError if missing."""
    for source, target in SCRIPTS.items():
        if not (project / source).is_file():
            raise ContentError(source.as_posix(), None, "a script the pages load from npm is missing.",
                               "run `npm ci` (`make build` does it) to install the npm packages "
                               "pinned in package-lock.json.")
        destination = Path(site_dir) / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project / source, destination)
