"""What a built site makes a browser load, read from its HTML and CSS files.

Used by the website and the offline tests: every load must come from the site
itself. A load is what a browser fetches by itself to show a page: scripts,
stylesheets, icons, preloads, images, frames, media, CSS imports, fonts and
other url() values. Links (``<a href>``, canonical, prev/next) are not loads.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

# <link rel=…> values that make the browser fetch the href.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                "prefetch", "preconnect", "dns-prefetch", "manifest", "mask-icon"}
# Elements and their attributes that load a resource.
LOADING_ATTRS = {"script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "frame": ["src"],
                 "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
                 "track": ["src"], "embed": ["src"], "object": ["data"], "input": ["src"],
                 "image": ["href", "xlink:href"], "use": ["href", "xlink:href"]}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""", re.I)


def is_foreign(url: str) -> bool:
    """Whether a URL leaves the site: absolute http(s) or protocol-relative."""
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//"))


def css_loads(css: str) -> list[str]:
    return [m.group(2) for m in CSS_URL.finditer(css)] + [m.group(1) for m in CSS_IMPORT.finditer(css)]


def html_loads(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for link in soup.find_all("link"):
        rels = {r.lower() for r in (link.get("rel") or [])}
        if rels & LOADING_RELS and link.get("href"):
            found.append(link["href"])
    for tag, attributes in LOADING_ATTRS.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value:
                    found += [part.strip().split(" ")[0] for part in value.split(",")] \
                        if attribute == "srcset" else [value]
    for style in soup.find_all("style"):
        found += css_loads(style.get_text())
    for element in soup.find_all(style=True):
        found += css_loads(element["style"])
    return found


def foreign_loads(root: Path) -> list[str]:
    """Every load in the site's HTML and CSS files that goes to another host."""
    problems = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".html":
            loads = html_loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            loads = css_loads(path.read_text(encoding="utf-8"))
        else:
            continue
        problems += [f"{path.relative_to(root)}: {url}" for url in loads if is_foreign(url)]
    return problems
