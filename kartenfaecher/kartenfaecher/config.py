"""The engine's options: what a card handbook says of itself, under ``plugins: - kartenfaecher:``
in its mkdocs.yml, as Material's plugins have theirs (``plugins/<name>/config.py``).

MkDocs checks each option's kind as it reads mkdocs.yml and names the option in its error
(``Plugin 'kartenfaecher' option 'kapitel': Expected type: <class 'list'> …``); what an option
must say beyond its kind (a chapter every card names, a term's card that exists) is checked
when the cards are read, with the file, the option and the fix.
"""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from .handbuch import LANGUAGES, SHORT_NAME
from .lines import where


class ShortName(c.Type):
    """Text a file name and a browser's storage key can carry: lower-case a–z, digits, hyphens."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not SHORT_NAME.fullmatch(value):
            raise base.ValidationError(f"{value!r} is no short name.")
        return value


class KartenfaecherConfig(base.Config):
    # The handbook's short name: its files, the keys of what readers keep in their browsers, the
    # app's caches (handbuch.py). Without it, site_name as one: set it, and a new name keeps them.
    kurzname = c.Optional(ShortName())
    # The language of the interface's texts; without it, the theme's language.
    sprache = c.Optional(c.Choice(LANGUAGES))
    # The chapters in printed order, each {id, titel, farbe}; a card's front matter names one id
    # as its `kapitel`; farbe ('#rrggbb', dark enough for white text; grey without) colours its
    # cards, the fan's edge, the emblem and the app's icons.
    kapitel = c.Type(list, default=[])
    # Defined terms, each with the number of the card that defines it: on every other card the
    # first mention links there.
    begriffe = c.Type(dict, default={})
    # Chapters (ids) whose cards name those words in titles of works, not as terms: no links.
    begriffe_nicht_in = c.ListOfItems(c.Type(str), default=[])
    # The printed fan's cover card: {untertitel, projekt, projekt_titel}; its title is site_name,
    # its authors site_author.
    titelkarte = c.Type(dict, default={})
    # Search: a word readers type, with the word or words of the text it stands for.
    synonyme = c.Type(dict, default={})
    # The interface's texts worded the handbook's way: 'section.key: text' (the keys of texte/<sprache>.yml).
    texte = c.Type(dict, default={})
    # The list of the downloads `make publish` made (a path; it sets it); none: the page says so.
    downloads = c.Type(str, default="")


# How to write each option right, said with MkDocs's error when one is of the wrong kind.
FIXES = {
    "kurzname": "write lower-case letters a–z, digits and single hyphens, e.g. 'kurzname: methodenkarten'.",
    "sprache": f"write one of {', '.join(LANGUAGES)}, the languages the interface's texts are written in.",
    "kapitel": "list the chapters in printed order, each as {id: kurzname, titel: Kapitelname, farbe: '#rrggbb'}.",
    "begriffe": "write one line per term with the number of the card that defines it, e.g. 'Teilhabe: 8'.",
    "begriffe_nicht_in": "write the chapter ids as a list, e.g. [quellen, impressum].",
    "titelkarte": "give the cover card's untertitel, projekt and projekt_titel, one per line below it.",
    "synonyme": "write one line per word readers type, with the word(s) of the text, e.g. 'Videokonferenz: online'.",
    "texte": "write one line per text, its key as in kartenfaecher/texte/<sprache>.yml, e.g. 'auswahl-teilen.mailBetreff: Karten fürs Treffen'.",
    "downloads": "leave it out: `make publish` sets it (DOWNLOADS_MANIFEST); or give the path of the list.",
}


def explained(key: str, error: Exception, config_file: str | None) -> base.ValidationError:
    """MkDocs's error for the option ``key``, with where it stands and how to write it right."""
    at = where(config_file, rf"^\s+{re.escape(key)}\s*:")
    return base.ValidationError(f"{at}{error} Fix: {FIXES.get(key, 'see kartenfaecher/kartenfaecher/config.py.')}")
