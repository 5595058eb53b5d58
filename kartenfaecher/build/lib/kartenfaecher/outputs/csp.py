"""A Content-Security-Policy for the built site, and example host configurations.

Material writes a few small inline scripts into every page (the storage scope
with the page's base URL, the colour scheme, the anchor of a tab). Rather than
allowing every inline script ('unsafe-inline'), the policy allows exactly these:
after the build, every HTML page is read and the SHA-256 hash of each inline
script is collected (they differ between pages only by the base URL, so there
are a handful). Everything else comes from the site itself ('self').

Nothing is allowed by default (``default-src 'none'``), each need by name:
scripts, styles, pictures, fonts, requests, workers and the manifest from the
site itself. Styles need no 'unsafe-inline': the pages carry no ``style`` attributes or
``<style>`` elements, and Material's scripts set styles through the CSSOM
(``element.style``), which CSP does not restrict. Material's icons in its CSS
are ``data:`` SVG images, hence ``img-src 'self' data:``. The search runs in a
worker loaded from the site (``worker-src 'self'``), and so does the app's service
worker; its manifest too (``manifest-src 'self'``).

The build writes three files into the site, each for one kind of host:

- ``_headers``: Netlify and Cloudflare Pages read it from the site's root;
- ``.htaccess``: Apache reads it where ``AllowOverride FileInfo`` is set;
- ``nginx-csp.conf``: a snippet for nginx's configuration (copy it there; it
  need not be uploaded).

Each also says how long browsers may keep which files (kartenfaecher/outputs/cache.py).
GitHub Pages and GitLab Pages send no custom headers; see deploy/README.md.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from . import cache

HEADERS_FILE = "_headers"
HTACCESS_FILE = ".htaccess"
NGINX_FILE = "nginx-csp.conf"

# On bytes: the hash is over the UTF-8 bytes anyway, and decoding every page costs time.
_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(rb"\bsrc\s*=", re.I)
_TYPE = re.compile(rb"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Script types a browser executes; others (application/json) are data blocks, outside CSP.
_JS_TYPES = {b"", b"text/javascript", b"application/javascript", b"module"}


def inline_scripts(html: bytes) -> list[bytes]:
    """The text of every inline script a browser would run, exactly as it stands."""
    found = []
    for attributes, body in _SCRIPT.findall(html):
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else b"") in _JS_TYPES:
            found.append(body)
    return found


def script_hash(body: bytes) -> str:
    digest = hashlib.sha256(body).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def site_hashes(site_dir: str | Path) -> list[str]:
    """Hashes of all inline scripts of all HTML pages of the site, sorted.

    2,000 card pages (160 MB of HTML) take well under a second, under 2 % of their build.
    """
    hashes = set()
    for page in Path(site_dir).rglob("*.html"):
        for body in inline_scripts(page.read_bytes()):
            hashes.add(script_hash(body))
    return sorted(hashes)


def policy(hashes: list[str]) -> str:
    """The Content-Security-Policy header's value."""
    scripts = " ".join(["'self'", *hashes])
    return "; ".join([
        "default-src 'none'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


# What the site's pages may ask of the browser beyond a page's own: full screen for „Vorführen“
# (vorfuehren.js) and the device's share sheet for a share link (auswahl-teilen.js,
# checkliste-teilen.js), nothing else, and no other origin anything.
PERMISSIONS = ("accelerometer=(), camera=(), display-capture=(), fullscreen=(self), geolocation=(), "
               "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), web-share=(self)")

# Sent beside the policy by every example. HSTS: browsers keep to https for a year once they
# have it over https (they ignore it over http, so it harms no test or preview on http); not
# for subdomains, which the publisher may serve otherwise. X-Frame-Options for browsers that
# predate frame-ancestors. COOP and CORP: no other origin opens the site's windows or embeds its
# files (the site loads nothing from elsewhere, and its worker, manifest and downloads are its own).
OTHER_HEADERS = [
    ("Strict-Transport-Security", "max-age=31536000"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Permissions-Policy", PERMISSIONS),
]


def headers(value: str) -> list[tuple[str, str]]:
    return [("Content-Security-Policy", value), *OTHER_HEADERS]


def headers_file(value: str, hashed: list[str] = ()) -> str:
    lines = ["# Headers for Netlify and Cloudflare Pages, written by the build (kartenfaecher/outputs/csp.py).",
             "# The script hashes belong to this build: deploy this file with the pages.",
             "/*"]
    lines += [f"  {name}: {text}" for name, text in headers(value)]
    lines += cache.headers_rules(list(hashed))
    return "\n".join(lines) + "\n"


def htaccess_file(value: str, base_path: str) -> str:
    lines = ["# Apache: headers and the 404 page, written by the build (kartenfaecher/outputs/csp.py).",
             "# Needs mod_headers and AllowOverride FileInfo; the script hashes belong to this build.",
             f"ErrorDocument 404 {base_path}404.html",
             "<IfModule mod_headers.c>"]
    lines += [f'  Header always set {name} "{text}"' for name, text in headers(value)]
    lines += cache.htaccess_lines()
    lines.append("</IfModule>")
    return "\n".join(lines) + "\n"


def nginx_file(value: str, base_path: str) -> str:
    lines = ["# nginx: headers and the 404 page, written by the build (kartenfaecher/outputs/csp.py).",
             "# Copy into /etc/nginx/snippets/ and `include` it in the server block that serves",
             "# the site. nginx drops inherited add_header lines in a location with its own",
             "# add_header: include the snippet there too. The script hashes belong to this build.",
             f"error_page 404 {base_path}404.html;"]
    sent = [f'add_header {name} "{text}" always;' for name, text in headers(value)]
    lines += sent + cache.nginx_lines(sent)
    # Debian's mime.types has no type for the app's manifest (application/octet-stream); a
    # types block would replace all of them, so the manifest's location sets its own.
    lines += ["location ~ \\.webmanifest$ {", "    types { }", "    default_type application/manifest+json;",
              *(f"    {line}" for line in sent), f'    add_header Cache-Control "{cache.SHORT}" always;', "}"]
    return "\n".join(lines) + "\n"


def write(site_dir: str | Path, site_url: str | None) -> str:
    """Write the three example configurations into the site; returns the policy."""
    site = Path(site_dir)
    value = policy(site_hashes(site))
    base_path = urlsplit(site_url or "/").path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    (site / HEADERS_FILE).write_text(headers_file(value, cache.hashed_files(site)), encoding="utf-8")
    (site / HTACCESS_FILE).write_text(htaccess_file(value, base_path), encoding="utf-8")
    (site / NGINX_FILE).write_text(nginx_file(value, base_path), encoding="utf-8")
    return value
