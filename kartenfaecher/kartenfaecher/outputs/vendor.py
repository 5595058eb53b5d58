"""Scripts from npm the pages load, and the printed fan's typeface, copied into every built site.

The page „Meine Auswahl“ draws the QR code of its share link in the browser (the
link holds the reader's selection, so it cannot be made at build time) with
qrcode-generator, a small dependency-free library under the MIT licence. The engine
ships its browser file (kartenfaecher/vendor/: the version package-lock.json pins, so
a handbook builds without npm); each build copies it (a classic script, so it works from
file://) to where the theme's main.html loads it from. No CDN: the site makes no request elsewhere.

The print stylesheet (features/druck/druck.css) sets the cards in the engine's typeface,
"Kartenschrift" (Arimo, cut down by tools/schrift.py): its four files go beside the script.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .. import PACKAGE

# the engine's copy -> its place in the built site
SCRIPTS = {PACKAGE / "vendor" / "qrcode-generator.js": "assets/vendor/qrcode-generator.js"}
TYPEFACE = {path: f"assets/vendor/{path.name}" for path in sorted((PACKAGE / "vendor").glob("kartenschrift-*.woff"))}


def copy(site_dir: str | Path) -> None:
    """Copy each script and the typeface's files into the built site."""
    for source, target in {**SCRIPTS, **TYPEFACE}.items():
        destination = Path(site_dir) / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
