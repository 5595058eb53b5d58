"""How long browsers may keep the site's files: the caching lines of the host examples.

A file named by its content (``site.0123abcd.min.css``: our bundles from
kartenfaecher/outputs/bundles.py, and Material's own ``bundle.….min.js``) never changes
under its name: a browser may keep it for a year without asking again
(``immutable``). Everything else, above all the HTML pages, which name the
current files and carry the policy's hashes, is checked on every visit
(``no-cache``: the answer is a short 304 while the page is unchanged), so a new
deployment reaches readers at once.

kartenfaecher/outputs/csp.py writes these lines into its three host examples.
"""

from __future__ import annotations

from pathlib import Path

from .bundles import HASHED

LONG = "public, max-age=31536000, immutable"
SHORT = "no-cache"
# The same names as HASHED, for Apache's and nginx's regular expressions.
PATTERN = HASHED.pattern.replace("(?:", "(")


def hashed_files(site_dir: str | Path) -> list[str]:
    """Paths below the site of every content-named file, sorted."""
    site = Path(site_dir)
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.min.*")
                  if HASHED.search(path.name))


def headers_rules(files: list[str]) -> list[str]:
    """_headers: one rule per content-named file.

    Netlify and Cloudflare Pages join the values of a header that several
    matching rules set, so the rule for every path (``/*``) sets no
    Cache-Control: the pages keep these hosts' default, which is short
    (``max-age=0, must-revalidate``).
    """
    lines = []
    for path in files:
        lines += [f"/{path}", f"  Cache-Control: {LONG}"]
    return lines


def htaccess_lines() -> list[str]:
    """Apache, inside ``<IfModule mod_headers.c>``: short by default, long for content-named files."""
    return [f'  Header set Cache-Control "{SHORT}"',
            f'  <FilesMatch "{PATTERN}">',
            f'    Header set Cache-Control "{LONG}"',
            "  </FilesMatch>"]


def nginx_lines(other_headers: list[str]) -> list[str]:
    """nginx: short by default; a location for content-named files repeats ``other_headers``.

    (nginx drops the server's add_header lines in a location that has its own.)
    """
    return [f'add_header Cache-Control "{SHORT}" always;',
            f'location ~ "{PATTERN}" {{',
            *(f"    {line}" for line in other_headers),
            f'    add_header Cache-Control "{LONG}" always;',
            "}"]
