"""``robots.txt`` for the website, written after the build.

Everything may be indexed; the sitemap lies at the public address (``site_url``,
which ``SITE_URL`` overrides), so the file is written at build time.
"""

from __future__ import annotations

from pathlib import Path

ROBOTS_FILE = "robots.txt"


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def write(site_dir: str | Path, site_url: str | None) -> None:
    (Path(site_dir) / ROBOTS_FILE).write_text(robots_txt(site_url), encoding="utf-8")
