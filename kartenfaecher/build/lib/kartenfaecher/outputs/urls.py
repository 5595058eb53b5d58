"""From a page's address to the file it is served from: the one place a URL becomes a path.

MkDocs writes page addresses percent-encoded (a card file named „16 formen für …md“ is at
``karten/16%20formen%20f%C3%BCr…/``), and the file on disk has the name undecoded.
"""

from __future__ import annotations

from urllib.parse import unquote


def file_of(url: str) -> str:
    """The site-relative file a site-relative URL is served from:
    ``karten/15-x/`` -> ``karten/15-x/index.html``, ``a%20b.html`` -> ``a b.html``."""
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    return path + "index.html" if path.endswith("/") or not path else path
