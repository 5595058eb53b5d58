"""What the publisher's file says, written into the pages (kartenfaecher/sources/herausgeber.py reads it).

``{{ angabe("herausgeber.email") }}`` (the macro ``macro()`` makes) on a page writes one value, as its kind is read: an e-mail
address or a telephone number as a link, a date as „5. Dezember 2026“, the lines of an address
with line breaks. ``{{ angabe("datenschutz.hosting") }}`` writes a group (a name with its
address, e-mail and telephone) as a paragraph. A value not given yet is marked in the page as
missing (the site is a draft then); an optional one leaves nothing. With a second argument the
value stands in a sentence of the page's own words (``"… gilt außerdem {}."``; a list follows
its sentence), which is left out with the value.

Every page of a draft says so above its header (theme/main.html, ``extra.entwurf``), and
asks search engines not to index it.
"""

from __future__ import annotations

import os
from datetime import date
from html import escape
from pathlib import Path

from ..build import Build, handbook, html, text
from ..errors import ContentError, build_error, line_of
from ..extensions.fertig import kept
from ..sources.herausgeber import BY_KEY, FALLBACK, Publisher, read
from ..sources.text import shown_path
from .page_meta import footer_links

# The address of a build that has none (neither SITE_URL, nor the publisher's file, nor
# mkdocs.yml gives one): a draft's, so that its canonical links, sitemap and QR codes work;
# https://<kurzname>.example.org/.
DRAFT_ADDRESS = "https://{}.example.org/"
# Groups written as a paragraph: their values in order, each with the text before it (none: "").
GROUPS = {
    "herausgeber": [("", "herausgeber.name"), ("", "herausgeber.anschrift"),
                    ("angaben.email", "herausgeber.email")],
    "barrierefreiheit.kontakt": [("", "herausgeber.name"), ("", "herausgeber.anschrift"),
                                 ("angaben.email", "barrierefreiheit.email"),
                                 ("angaben.telefon", "barrierefreiheit.telefon")],
    "datenschutz.verantwortlich": [("", "datenschutz.verantwortlich.name"),
                                   ("", "datenschutz.verantwortlich.anschrift"),
                                   ("angaben.email", "datenschutz.verantwortlich.email")],
    "datenschutz.beauftragte": [("angaben.beauftragte", "datenschutz.beauftragte.name"),
                                ("angaben.email", "datenschutz.beauftragte.email")],
    "datenschutz.hosting": [("", "datenschutz.hosting.anbieter"), ("", "datenschutz.hosting.anschrift")],
    "datenschutz.aufsicht": [("", "datenschutz.aufsicht.name"), ("", "datenschutz.aufsicht.anschrift")],
}
SCHLICHTUNG = "barrierefreiheit.schlichtungsstelle"


def german_date(day: date) -> str:
    """A date as the handbook's language writes it („1. Dezember 2026“), marked up as a date."""
    month = text("angaben.monate").split(", ")[day.month - 1]
    written = html("angaben.datum", tag=day.day, monat=month, jahr=day.year)
    return f'<time datetime="{day.isoformat()}">{written}</time>'


def value_html(publisher: Publisher, key: str) -> str:
    """One value as HTML; the missing mark when a publication needs it, else nothing."""
    value = publisher.get(key)
    if value is None and key in FALLBACK:
        return value_html(publisher, FALLBACK[key])
    if value is None:
        missing = html("angaben.fehltHtml", schluessel=escape(key), datei=escape(publisher.shown))
        return f'<mark class="herausgeber-fehlt">{missing}</mark>' if publisher.needed(key) else ""
    kind = BY_KEY[key].kind
    if kind == "datum":
        return german_date(value)
    if kind == "liste":
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in value) + "</ul>"
    text = escape(str(value))
    if kind == "lines":
        return "<br>".join(line.strip() for line in text.splitlines() if line.strip())
    if kind == "email":
        return f'<a href="mailto:{text}">{text}</a>'
    if kind == "telefon":
        return f'<a href="tel:{escape("".join(c for c in value if c.isdigit() or c == "+"))}">{text}</a>'
    if kind in ("url", "adresse", "kontakt"):
        return f'<a href="{text}">{text.removeprefix("mailto:")}</a>'
    return text


def group_html(publisher: Publisher, name: str) -> str:
    """A group as one paragraph, each value on its own line."""
    if name == SCHLICHTUNG:
        if publisher.get("barrierefreiheit.recht") == "bund":
            return html("angaben.schlichtungsstelleBundHtml")
        if publisher.get("barrierefreiheit.recht") is None:
            return value_html(publisher, "barrierefreiheit.recht")
        return f'{value_html(publisher, SCHLICHTUNG + ".name")}, {value_html(publisher, SCHLICHTUNG + ".adresse")}'
    lines = [(words, value_html(publisher, key)) for words, key in GROUPS[name]]
    shown = [(html(words) if words else "") + said for words, said in lines if said]
    return f"<p>{'<br>'.join(shown)}</p>" if shown else ""


def angabe_html(publisher: Publisher, key: str, sentence: str | None = None, page=None) -> str:
    """``key``'s value (or group) as HTML, in ``sentence`` at its ``{}`` when one is given.

    ``page``: the MkDocs page asking, named when the key is unknown (raises ContentError)."""
    if key in GROUPS or key == SCHLICHTUNG:
        html = group_html(publisher, key)
    elif key in BY_KEY:
        html = value_html(publisher, key)
    else:
        path = Path(page.file.abs_src_path) if page else Path()
        raise ContentError(shown_path(path, Path.cwd()), line_of(path, key),
                           f"angabe('{key}'): the publisher's file has no such value.",
                           f"use one of {', '.join(list(GROUPS) + [SCHLICHTUNG] + list(BY_KEY))}.")
    if sentence is None or not html:
        return html
    if html.startswith("<ul>"):  # a list follows its sentence
        return f"<div><p>{escape(sentence)}</p>{html}</div>"
    return escape(sentence).replace("{}", html, 1)


def macro(publisher: Publisher, page):
    """The macro ``angabe`` for pages, ``page()`` being the page it is called on."""
    def angabe(key: str, satz: str | None = None) -> str:
        """What the publisher's file (herausgeber.yml) says: one value or a group, as HTML."""
        try:
            return kept(angabe_html(publisher, key, satz, page()))
        except ContentError as error:
            raise build_error(error) from None

    return angabe


def draft_notice(publisher: Publisher) -> list[dict]:
    """What theme/main.html names in a draft's notice: each missing value, its key and why."""
    return [{"key": item.key, "label": item.label, "why": item.why} for item in publisher.missing]


def install(conf, project: Path, build: Build) -> Publisher:
    """Read the publisher's file for this build; set the site's address from it (SITE_URL wins),
    and what the templates show into ``build``: the draft's notice, the publisher's name, the
    footer's links (raises ContentError)."""
    from_env = os.environ.get("SITE_URL")
    elsewhere = conf.get("site_url") or None  # SITE_URL, or a site_url written in mkdocs.yml
    publisher = read(project, site_url=elsewhere)
    address = publisher.values.get("adresse")
    if address and elsewhere and not from_env and elsewhere != address:
        config = Path(conf["config_file_path"])
        raise ContentError(shown_path(config, project), line_of(config, "site_url:"),
                           f"site_url gives the public address as {elsewhere}, {publisher.shown} as {address}.",
                           f"keep it in one place: remove site_url here ({publisher.shown}, 'adresse', "
                           "is where the publisher says it; SITE_URL overrides both).")
    if not from_env:
        conf["site_url"] = address or elsewhere or DRAFT_ADDRESS.format(handbook(conf).short_name)
    if from_env or address or elsewhere:  # the address the pages name is the one built for
        publisher.values["adresse"] = conf["site_url"]
    build.footer_links = footer_links(conf)  # the legal pages the footer links, beside the publisher's name
    build.draft = draft_notice(publisher)
    security = {"kontakt": publisher.get("sicherheit.kontakt"), "ablauf": publisher.get("sicherheit.ablauf")}
    build.publisher = {"name": publisher.get("herausgeber.name"), "datei": publisher.shown, "sicherheit": security}
    return publisher
