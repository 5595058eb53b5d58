"""The interface's texts: one table per language (``texte/<sprache>.yml``), chosen by the handbook's
language (handbuch.py); a handbook words any of them its own way under ``kartenfaecher.texte``
(``auswahl-teilen.mailBetreff: …``), with the same values.

A text is prose with placeholders:

- ``{name}``, ``{kurzname}``: the handbook's name (``site_name``) and short name, filled in by
  the build;
- ``{anzahl}``: a value given where the text is said (by a script, or the build);
- ``{anzahl|Karte|Karten}``: the first form when ``anzahl`` is 1, else the second; a form may
  hold values (``{anzahl|Karte {nummern}|Karten {nummern}}``).

A text whose key ends in ``Html`` is markup (a phrase with a link or an element inside).

A script takes its table where it says ``var TEXTE = /*TEXTE*/{};`` (the table named as the
script's file, without ``.js``): the build writes the table there as an object, a text with
values as a function of one object (``TEXTE.teilenText({anzahl: 3})``), so the browser gets
the same small code a hand-written table was, and no text travels that the page does not use.
"""

from __future__ import annotations

import difflib
import json
from html import escape
import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml
from mkdocs.exceptions import PluginError

from .handbuch import Handbook
from .lines import where

FOLDER = Path(__file__).with_name("texte")
MARKER = "/*TEXTE*/{}"
BUILT = {"name": "name", "kurzname": "short_name"}  # values the build knows: placeholder -> Handbook field
_NAME = re.compile(r"[a-z][A-Za-z]*")


class TextError(ValueError):
    """A text whose placeholders cannot be read."""


def parse(text: str) -> list:
    """A text as its parts (see the module's docstring); raises TextError."""
    return _parse(text, 0, inner=False)[0]


def _parse(text: str, i: int, inner: bool) -> tuple[list, int]:
    parts, literal = [], []

    def flush():
        if literal:
            parts.append("".join(literal))
            literal.clear()

    while i < len(text):
        char = text[i]
        if inner and char in "|}":
            break
        if char != "{":
            literal.append(char)
            i += 1
            continue
        found = _NAME.match(text, i + 1)
        if not found or found.end() >= len(text) or text[found.end()] not in "|}":
            raise TextError(f"'{{' at {i + 1} opens no value: write {{name}} or {{anzahl|one|more}}")
        flush()
        name, i = found.group(), found.end()
        if text[i] == "}":
            parts.append(("wert", name))
            i += 1
            continue
        if inner:
            raise TextError(f"{{{name}|…}} stands inside another choice of words")
        one, i = _parse(text, i + 1, inner=True)
        if i >= len(text) or text[i] != "|":
            raise TextError(f"{{{name}|…}} needs two forms: {{{name}|one|more}}")
        more, i = _parse(text, i + 1, inner=True)
        if i >= len(text) or text[i] != "}":
            raise TextError(f"{{{name}|…}} is not closed with '}}'")
        parts.append(("zahl", name, one, more))
        i += 1
    flush()
    return parts, i


def values_of(parts: list) -> set[str]:
    """The names of the values a text takes."""
    found = set()
    for part in parts:
        if isinstance(part, tuple):
            found.add(part[1])
            if part[0] == "zahl":
                found |= values_of(part[2]) | values_of(part[3])
    return found


def format_text(text: str, values: Mapping) -> str:
    """``text`` with ``values`` put in."""
    return _said(parse(text), values)


def _said(parts: list, values: Mapping, literal=str) -> str:
    said = []
    for part in parts:
        if isinstance(part, str):
            said.append(literal(part))
        elif part[0] == "wert":
            said.append(str(values[part[1]]))
        else:
            said.append(_said(part[2] if values[part[1]] == 1 else part[3], values, literal))
    return "".join(said)


def _js(parts: list) -> str:
    """The parts as one JavaScript expression of the object ``v``."""
    code = []
    for part in parts:
        if isinstance(part, str):
            code.append(json.dumps(part, ensure_ascii=False))
        elif part[0] == "wert":
            code.append(f"v.{part[1]}")
        else:
            code.append(f"(v.{part[1]} === 1 ? {_js(part[2])} : {_js(part[3])})")
    return " + ".join(code) or '""'


@lru_cache(maxsize=None)
def _table(language: str) -> dict[str, dict[str, str]]:
    # libyaml where PyYAML has it: the pure-Python loader took 25 ms of every build for this table
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((FOLDER / f"{language}.yml").read_text(encoding="utf-8"), Loader=loader)


class Texts:
    """The texts of one handbook: its language's table, its own wording, its name put in."""

    def __init__(self, table: dict[str, dict[str, str]], handbook: Handbook):
        self._built = {name: getattr(handbook, field) for name, field in BUILT.items()}
        self._parts = {f"{section}.{key}": self._fill_built(parse(text))
                       for section, texts in table.items() for key, text in texts.items()}
        self._sections = {section: list(texts) for section, texts in table.items()}
        self._said: dict[tuple[str, bool], str] = {}  # the texts without values, made once a build

    def _fill_built(self, parts: list) -> list:
        return [self._built[part[1]] if isinstance(part, tuple) and part[0] == "wert" and part[1] in self._built
                else part for part in parts]

    def text(self, key: str, **values) -> str:
        """The text ``section.key`` with ``values``."""
        if not values:
            return self._once(key, False)
        return _said(self._parts[key], _given(values))

    def html(self, key: str, **values) -> str:
        """The text ``section.key`` as HTML: its words escaped (but those of a key ending in
        ``Html``, which are markup), ``values`` put in as they are (markup the caller made, or escaped)."""
        if not values:
            return self._once(key, True)
        return _said(self._parts[key], _given(values), _words(key))

    def _once(self, key: str, as_html: bool) -> str:
        if (key, as_html) not in self._said:
            self._said[key, as_html] = _said(self._parts[key], {}, _words(key) if as_html else str)
        return self._said[key, as_html]

    def template(self, key: str) -> str:
        """The text ``section.key`` with the handbook's values put in and the others left as
        ``{anzahl}``, for a script that puts them in itself (a text in a data- attribute); plain
        text. A choice of words by number needs a function: the script's own table."""
        if any(isinstance(part, tuple) and part[0] == "zahl" for part in self._parts[key]):
            raise ValueError(f"{key} makes a choice of words by number: give it to its script as TEXTE")
        return "".join(part if isinstance(part, str) else f"{{{part[1]}}}" for part in self._parts[key])

    def script(self, section: str) -> str:
        """The table ``section`` as a JavaScript object literal."""
        entries = []
        for key in self._sections[section]:
            parts = self._parts[f"{section}.{key}"]
            value = (f"function (v) {{ return {_js(parts)}; }}" if values_of(parts)
                     else json.dumps("".join(parts), ensure_ascii=False))
            entries.append(f"{key}: {value}")
        return "{\n" + ",\n".join(entries) + "\n}"

    def fill(self, path: str, source: str) -> str:
        """A script's source with its table written in where it asks for it."""
        if MARKER not in source:
            return source
        section = Path(path).stem
        if section not in self._sections:
            raise PluginError(f"{path}: asks for its texts (var TEXTE = {MARKER}), but the table has no "
                              f"section '{section}'. Fix: add '{section}:' with its texts to "
                              f"{FOLDER.name}/ in the engine, or remove the marker.")
        return source.replace(MARKER, self.script(section))


def _words(key: str):
    """How a text's words go into HTML: escaped (quotes too: a text may stand in an attribute),
    but those of a key ending in ``Html``, which are markup."""
    return str if key.endswith("Html") else escape


def _given(values: Mapping) -> Mapping:
    taken = set(values) & set(BUILT)
    if taken:
        raise ValueError(f"{{{taken.pop()}}} is the handbook's, put in by the build: name the value otherwise")
    return values


def load(handbook: Handbook, own: Mapping | None = None, config_file: str | None = None) -> Texts:
    """The texts in the handbook's language, with its own wording (``own``: the option
    ``texte``, ``section.key: text``) checked: an unknown key, a text that is none or takes
    other values is refused with its line in ``config_file`` and the fix (PluginError)."""
    table = {section: dict(texts) for section, texts in _table(handbook.language).items()}
    known = {f"{section}.{key}": text for section, texts in table.items() for key, text in texts.items()}
    for key, text in (own or {}).items():
        def refuse(problem: str, fix: str):
            at = where(config_file, rf"^\s+[\"']?{re.escape(str(key))}[\"']?\s*:")
            return PluginError(f"{at}kartenfaecher.texte: {problem} Fix: {fix}")

        if key not in known:
            near = difflib.get_close_matches(str(key), known, n=1)
            raise refuse(f"no text {key!r}" + (f"; did you mean {near[0]!r}?" if near else "."),
                         f"write a key of the table kartenfaecher/texte/{handbook.language}.yml as section.key.")
        if not isinstance(text, str):
            raise refuse(f"{key!r} is no text.", "write the text in quotes after the key, on one line.")
        try:
            takes, default = values_of(parse(text)) - set(BUILT), values_of(parse(known[key])) - set(BUILT)
        except TextError as error:
            raise refuse(f"{key!r}: {error}.", "write each value as {name} or {anzahl|one|more}.") from None
        if takes != default:
            listed = lambda names: ", ".join(f"{{{name}}}" for name in sorted(names)) or "no values"  # noqa: E731
            raise refuse(f"{key!r} takes the values {listed(default)}, not {listed(takes)}.",
                         f"use {listed(default)} (and {{name}}, the handbook's name, where you like).")
        section, _, name = key.partition(".")
        table[section][name] = text
    return Texts(table, handbook)
