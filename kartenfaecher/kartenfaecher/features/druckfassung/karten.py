"""The cards of the page „Druckfassung“, put in after every card page is built.

The page's module (__init__.py) leaves a place on the page; here each card's
text is taken from its built page (the ``<article>``: header, text, checklists,
references and the print-only block), without the screen's backlinks and
previous/next, and put there in printed order, each as a section of its own.
Taken from the built pages, a card is written once, by the same build, and the
search index knows it from its own page only.

The cards' addresses are relative to their own pages, so they are rewritten to
hold from the Druckfassung's address (with directory URLs and with .html
addresses alike); the ids a card page has once (headings, checklists) get the
card's number in front unless they carry it already, so that no id is taken twice.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path

from ...errors import ContentError
from ...outputs.urls import file_of
from ...sources.registry import Registry
from . import CARDS_PLACE

PAGE = "druckfassung.md"
_ARTICLE = '<article class="md-content__inner md-typeset">'
# What a card page marks for the screen only (data-nur-bildschirm: the backlinks, previous and
# next, the „Merken“ bar): never printed, and no card of the Druckfassung is kept from there.
# One marker, not a pattern per feature; a marked element holds no element of its own tag.
_SCREEN_ONLY = re.compile(r'<(\w+) [^>]*\bdata-nur-bildschirm\b[^>]*>.*?</\1>', re.S)
# Each begins with the space before the attribute: a pattern that begins with \b is tried at
# every character, three times slower.
_URL_ATTR = re.compile(r'(\s)(href|src)="([^"#][^"]*)"')
_ID_ATTR = re.compile(r'(\s)(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]+)"')
_FRAGMENT = re.compile(r'(\s)href="#([^"]+)"')
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.I)


@lru_cache(maxsize=4096)  # the same addresses recur on every card (assets, other cards)
def rebase(url: str, page_url: str, new_page_url: str) -> str:
    """A relative ``url`` written on ``page_url``, as written on ``new_page_url`` (site-relative URLs)."""
    if _ABSOLUTE.match(url):
        return url
    path, hash_mark, fragment = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
    moved = posixpath.relpath(target, posixpath.dirname(new_page_url) or ".")
    if path.endswith("/") and not moved.endswith("/"):
        moved += "/"
    return moved + hash_mark + fragment


def card_section(html: str, number: int, card_url: str, page_url: str) -> str:
    """One built card page's article as a section of the Druckfassung at ``page_url``."""
    start = html.find(_ARTICLE)
    end = html.find("</article>", start)
    if start < 0 or end < 0:
        raise ContentError(card_url, None, "the built card page has no <article>.",
                           "keep Material's page template (theme/main.html extends base.html).")
    body = _SCREEN_ONLY.sub("", html[start + len(_ARTICLE):end]).strip()
    body = _URL_ATTR.sub(lambda m: f'{m[1]}{m[2]}="{rebase(m[3], card_url, page_url)}"', body)
    own = re.compile(rf"\b{number}\b")

    def unique(name: str) -> str:
        return name if own.search(name) else f"karte-{number}-{name}"

    body = _ID_ATTR.sub(lambda m: f'{m[1]}{m[2]}="' + " ".join(unique(n) for n in m[3].split()) + '"', body)
    body = _FRAGMENT.sub(lambda m: f'{m[1]}href="#{unique(m[2])}"', body)
    return (f'<section class="druckfassung-karte" aria-labelledby="karte-{number}">\n'
            f"{body}\n</section>")


def write(site_dir: str | Path, registry: Registry, url_of) -> None:
    """Put every card into the built Druckfassung page; no page „Druckfassung“, nothing to do."""
    page_url = url_of(PAGE)
    if page_url is None:
        return
    site = Path(site_dir)
    target = site / file_of(page_url)
    html = target.read_text(encoding="utf-8")
    if CARDS_PLACE not in html:
        raise ContentError(f"docs/{PAGE}", None, "the page „Druckfassung“ has no place for the cards.",
                           "call {{ druckfassung() }} on it.")
    sections = []
    for card in registry.cards:
        card_url = url_of(card.src_uri)
        card_html = (site / file_of(card_url)).read_text(encoding="utf-8")
        sections.append(card_section(card_html, card.number, card_url, page_url))
    target.write_text(html.replace(CARDS_PLACE, "\n".join(sections)), encoding="utf-8")

