"""``/.well-known/security.txt`` (RFC 9116), written from the publisher's file.

Whom to tell about a security hole in the site and until when that holds: ``sicherheit.kontakt``
and ``sicherheit.ablauf`` of herausgeber.yml (kartenfaecher/sources/herausgeber.py), which the BSI
recommends every public body to publish. A draft without them gets no file: a security.txt
without a contact or with an expiry in the past is invalid, and the draft's notice names both.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

FILE = ".well-known/security.txt"


def security_txt(contact: str, expires: date, site_url: str | None) -> str:
    lines = [f"Contact: {contact}", f"Expires: {expires.isoformat()}T00:00:00Z", "Preferred-Languages: de, en"]
    if site_url:
        lines.append(f"Canonical: {site_url.rstrip('/')}/{FILE}")
    return "\n".join(lines) + "\n"


def write(site_dir: str | Path, security: dict | None, site_url: str | None) -> None:
    """The file, when the publisher's file gives the contact and the expiry."""
    if security and security.get("kontakt") and security.get("ablauf"):
        path = Path(site_dir) / FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(security_txt(security["kontakt"], security["ablauf"], site_url), encoding="utf-8")
