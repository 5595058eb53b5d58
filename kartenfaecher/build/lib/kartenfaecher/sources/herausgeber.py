"""The publisher's file (``herausgeber.yml``): what only the publisher can say, read and checked.

The public address, the publishing body, the contacts the accessibility statement (§ 12b BGG)
and the privacy note need, the order address for printed copies, the dates of both statements
and the security contact live in this one file at the project's top, next to mkdocs.yml. The
legal pages, the page in Leichte Sprache, the downloads page, the footer, ``security.txt``, the
QR codes and the PDFs' links are written from it (kartenfaecher/features/herausgeber.py); no page
source holds a gap for the publisher to fill.

Two kinds of trouble, kept apart:
- a value that cannot be right (an unknown key, a list where a name belongs, a malformed
  address, an answer time beyond the month the law allows) stops every build with the file,
  the line and the fix (ContentError);
- a value not given yet (or the address still an example host, or the security contact
  expired) makes the build a draft: every page says „Entwurf“ and what is missing, and
  search engines are asked not to index it; `make publish` and `make pdf` refuse a draft
  unless asked for one (``ENTWURF=1``, tools/common.py). That is how the repository ships:
  the text is the authors', the publisher is whoever puts it online.

``HERAUSGEBER`` names another file (the tests' made-up publisher); ``SITE_URL`` overrides the
address for a build meant for another host.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..errors import ContentError
from .text import shown_path

FILE = "herausgeber.yml"
ENV = "HERAUSGEBER"  # the path of another publisher's file
LONGEST_ANSWER_DAYS = 30  # § 12b Abs. 2 Nr. 3 BGG with § 7 BITV 2.0: an answer within a month
# Hosts that name no real site (RFC 2606, RFC 6761): a build for one of them is a draft.
_EXAMPLE_HOST = re.compile(r"(^|\.)(example(\.(com|net|org))?|test|invalid|localhost)$|^127\.|^\[?::1\]?$")
_EMAIL = re.compile(r"^[^@\s<>\"'()\[\],;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()/-]{4,}[0-9]$")


@dataclass(frozen=True)
class Field:
    """One value of the file: its dotted key, what it is (German, for the draft notice), its kind."""

    key: str
    label: str
    kind: str  # text, lines, email, telefon, url, adresse, datum, tage, recht, liste, kontakt
    required: str = "ja"  # "ja", "nein", or "land": only when barrierefreiheit.recht is land


FIELDS = [
    Field("adresse", "die öffentliche Adresse der Website", "adresse"),
    Field("herausgeber.name", "der Name der veröffentlichenden Stelle", "text"),
    Field("herausgeber.anschrift", "die Postanschrift der veröffentlichenden Stelle", "lines"),
    Field("herausgeber.email", "die E-Mail-Adresse der veröffentlichenden Stelle", "email"),
    Field("barrierefreiheit.email", "die E-Mail-Adresse für Rückmeldungen zur Barrierefreiheit", "email"),
    Field("barrierefreiheit.telefon", "die Telefonnummer für Rückmeldungen zur Barrierefreiheit", "telefon"),
    Field("barrierefreiheit.antwortfrist", "die Frist für Antworten, in Tagen", "tage"),
    Field("barrierefreiheit.recht", "ob Bundes- oder Landesrecht gilt: bund oder land", "recht"),
    Field("barrierefreiheit.landesrecht", "das Landesgesetz zur Barrierefreiheit", "text", "land"),
    Field("barrierefreiheit.schlichtungsstelle.name", "die Schlichtungsstelle des Landes", "text", "land"),
    Field("barrierefreiheit.schlichtungsstelle.adresse", "die Website der Schlichtungsstelle des Landes",
          "url", "land"),
    Field("barrierefreiheit.erstellt", "das Datum, an dem die Erklärung zur Barrierefreiheit erstellt wurde",
          "datum"),
    Field("barrierefreiheit.geprueft", "das Datum, an dem die Erklärung zur Barrierefreiheit "
          "zuletzt überprüft wurde", "datum"),
    Field("barrierefreiheit.weitere_barrieren", "weitere Barrieren, die eine Prüfung ergab", "liste", "nein"),
    Field("barrierefreiheit.weitere_pruefungen", "weitere Prüfungen mit Datum und Ergebnis", "liste", "nein"),
    Field("datenschutz.verantwortlich.name", "die verantwortliche Stelle", "text", "nein"),
    Field("datenschutz.verantwortlich.anschrift", "die Postanschrift der verantwortlichen Stelle", "lines", "nein"),
    Field("datenschutz.verantwortlich.email", "die E-Mail-Adresse der verantwortlichen Stelle", "email", "nein"),
    Field("datenschutz.beauftragte.name", "die oder der Datenschutzbeauftragte", "text", "nein"),
    Field("datenschutz.beauftragte.email", "die E-Mail-Adresse der oder des Datenschutzbeauftragten", "email", "nein"),
    Field("datenschutz.hosting.anbieter", "der Anbieter des Hostings", "text"),
    Field("datenschutz.hosting.anschrift", "die Anschrift des Anbieters des Hostings", "lines"),
    Field("datenschutz.hosting.protokolle", "was die Server-Protokolle speichern, wie lange, wozu und auf "
          "welcher Rechtsgrundlage", "lines"),
    Field("datenschutz.aufsicht.name", "die zuständige Datenschutz-Aufsichtsbehörde", "text"),
    Field("datenschutz.aufsicht.anschrift", "die Anschrift der Aufsichtsbehörde", "lines"),
    Field("datenschutz.stand", "das Datum des Datenschutzhinweises", "datum"),
    Field("bestellung", "die E-Mail-Adresse für Bestellungen gedruckter Exemplare", "email"),
    Field("sicherheit.kontakt", "der Kontakt für Meldungen von Sicherheitslücken, für security.txt", "kontakt"),
    Field("sicherheit.ablauf", "das Datum, bis zu dem der Kontakt für Sicherheitsmeldungen gilt", "datum"),
]
BY_KEY = {f.key: f for f in FIELDS}
# The controller named in the privacy note is the publisher unless the file says otherwise.
FALLBACK = {f"datenschutz.verantwortlich.{part}": f"herausgeber.{part}" for part in ("name", "anschrift", "email")}
_GROUPS = {key.rsplit(".", n)[0] for key in BY_KEY for n in range(1, key.count(".") + 1)}
_FIX_KINDS = {
    "text": "write it as one line of text",
    "lines": "write it as text; lines of an address under 'key: |', one per line",
    "email": "write an e-mail address such as barrierefreiheit@stadt.de",
    "telefon": "write the number with digits, spaces, '+', '/', '-' or brackets, such as +49 30 1234-567",
    "url": "write a web address starting with https://",
    "adresse": "write the address the site is published at, such as https://handbuch.stadt.de/",
    "datum": "write the date as year-month-day, such as 2026-12-05",
    "tage": f"write a whole number of days from 1 to {LONGEST_ANSWER_DAYS}",
    "recht": "write bund (a federal body) or land (a body of a Land)",
    "liste": "write a list, one item per line starting with '- '",
    "kontakt": "write mailto: and an e-mail address, or a web address starting with https://",
}


@dataclass
class Missing:
    """A value the publication still needs: its key, what it is, and why it counts as missing."""

    key: str
    label: str
    why: str = "fehlt"

    def __str__(self) -> str:
        return f"{self.key}: {self.label}" + ("" if self.why == "fehlt" else f" – {self.why}")


@dataclass
class Publisher:
    """The publisher's file as read: its values by dotted key, and what a publication still needs."""

    shown: str  # the file as messages show it
    values: dict[str, object] = field(default_factory=dict)
    missing: list[Missing] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        return bool(self.missing)

    def get(self, key: str):
        """The value of ``key`` (or of what it falls back to), None if not given."""
        value = self.values.get(key)
        if value is None and key in FALLBACK:
            return self.values.get(FALLBACK[key])
        return value

    def needed(self, key: str) -> bool:
        required = BY_KEY[key].required
        return required == "ja" or (required == "land" and self.values.get("barrierefreiheit.recht") == "land")

    def refusal(self) -> str:
        """Why a publication refuses this draft: each missing value, and where to set it."""
        lines = [f"{self.shown} is not complete, so this would publish a draft:"]
        lines += [f"  - {item}" for item in self.missing]
        lines.append(f"  Fix: fill these in {self.shown} (its comments say how), "
                     "or publish a preview on purpose with ENTWURF=1.")
        return "\n".join(lines)


def path_of(project: Path) -> Path:
    """The publisher's file a build of ``project`` reads: ``$HERAUSGEBER``, or herausgeber.yml."""
    named = os.environ.get(ENV)
    return Path(named) if named else project / FILE


def read(project: Path, today: date | None = None, site_url: str | None = None) -> Publisher:
    """Read and check the publisher's file of ``project`` (raises ContentError).

    ``site_url``: the address from elsewhere (``SITE_URL``), which overrides the file's."""
    path = path_of(project)
    shown = shown_path(path, project)
    publisher = Publisher(shown)
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8-sig")
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except UnicodeDecodeError:
            raise ContentError(shown, None, "the file is not UTF-8.", "save it as UTF-8.") from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ContentError(shown, mark.line + 1 if mark else None,
                               f"the file is not valid YAML: {getattr(error, 'problem', error)}.",
                               "compare it with the commented example in the repository's herausgeber.yml; "
                               "indent with spaces and put a space after each ':'.") from None
        if root is not None:
            _walk(root, "", publisher)
    _complete(publisher, today or date.today(), site_url)
    return publisher


def _walk(node: yaml.Node, prefix: str, publisher: Publisher) -> None:
    shown = publisher.shown
    if not isinstance(node, yaml.MappingNode):
        where = f"'{prefix}'" if prefix else "the file"
        raise ContentError(shown, node.start_mark.line + 1, f"{where} should hold keys with values.",
                           "write one 'key: value' per line, as in the commented example.")
    seen: set[str] = set()
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = f"{prefix}{key_node.value}"
        if key_node.value in seen:
            raise ContentError(shown, line, f"'{key}' is written twice; YAML would keep only the last.",
                               "keep one of them.")
        seen.add(key_node.value)
        if key in _GROUPS:
            if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null")):
                _walk(value_node, key + ".", publisher)
        elif key in BY_KEY:
            value = _value(BY_KEY[key], value_node, shown)
            if value not in (None, "", []):
                publisher.values[key] = value
        else:
            known = [k for k in list(BY_KEY) + sorted(_GROUPS) if k.startswith(prefix)]
            close = get_close_matches(key, known, n=1)
            hint = f"did you mean '{close[0].removeprefix(prefix)}'? " if close else ""
            here = [k.removeprefix(prefix) for k in known if "." not in k.removeprefix(prefix)]
            raise ContentError(shown, line, f"unknown key '{key}'.", f"{hint}the keys here are: {', '.join(here)}.")


def _value(spec: Field, node: yaml.Node, shown: str):
    """The value of ``node`` for ``spec``, checked; None or "" when not given."""
    line = node.start_mark.line + 1
    value = yaml.SafeLoader("").construct_object(node, deep=True)

    def wrong(problem: str) -> ContentError:
        return ContentError(shown, line, f"'{spec.key}' {problem}.", _FIX_KINDS[spec.kind] + ".")

    if value is None or value == "":
        return None
    if spec.kind == "liste":
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise wrong("is not a list of texts")
        return [item.strip() for item in value]
    if spec.kind == "datum":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise wrong(f"is not a date: {value!r}") from None
    if spec.kind == "tage":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= LONGEST_ANSWER_DAYS:
            raise ContentError(shown, line, f"'{spec.key}' is {value!r}; the law asks for an answer "
                               f"within a month (§ 12b BGG, § 7 BITV 2.0).", _FIX_KINDS["tage"] + ".")
        return value
    if not isinstance(value, str):
        raise wrong(f"is {type(value).__name__} {value!r}, not text")
    value = value.strip()
    if spec.kind == "text" and "\n" in value:
        raise wrong("holds more than one line")
    if spec.kind == "email" and not _EMAIL.match(value):
        raise wrong(f"is not an e-mail address: {value!r}")
    if spec.kind == "telefon" and not _PHONE.match(value):
        raise wrong(f"is not a telephone number: {value!r}")
    if spec.kind in ("url", "adresse") and not _web_address(value):
        raise wrong(f"is not a web address: {value!r}")
    if spec.kind == "recht" and value not in ("bund", "land"):
        raise wrong(f"is {value!r}")
    if spec.kind == "kontakt":
        if _EMAIL.match(value):
            value = "mailto:" + value
        if not (value.startswith("mailto:") and _EMAIL.match(value[7:]) or
                value.startswith("https://") and _web_address(value)):
            raise wrong(f"is neither an e-mail address nor a web address: {value!r}")
    if spec.kind == "adresse" and not value.endswith("/"):
        value += "/"
    return value


def _web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("https", "http") and bool(parts.hostname) and not re.search(r"\s", value)


def _complete(publisher: Publisher, today: date, site_url: str | None) -> None:
    """What a publication still needs: every required value not given, an example host, an
    expired security contact."""
    for spec in FIELDS:
        if publisher.needed(spec.key) and spec.key not in publisher.values and \
                not (spec.key == "adresse" and site_url):
            publisher.missing.append(Missing(spec.key, spec.label))
    address = site_url or publisher.values.get("adresse")
    if address and _EXAMPLE_HOST.search(urlsplit(address).hostname or ""):
        publisher.missing.append(Missing("adresse", BY_KEY["adresse"].label,
                                         f"{address} ist eine Beispieladresse"))
    expires = publisher.values.get("sicherheit.ablauf")
    if expires and expires <= today:
        publisher.missing.append(Missing("sicherheit.ablauf", BY_KEY["sicherheit.ablauf"].label,
                                         f"{expires.isoformat()} ist vorbei"))
