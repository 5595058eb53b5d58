"""What a handbook is called, and in which language its interface speaks.

- ``name``: MkDocs's ``site_name``, as pages, the app and the PDFs show it;
- ``short_name``: the option ``kurzname`` (lower-case letters, digits, hyphens), or else made from
  the name. It names the handbook's files (``<kurzname>-offline.zip``, ``<kurzname>-faecher.pdf``
  …) and prefixes what a reader's browser keeps (``<kurzname>.auswahl.v1``, the app's caches):
  set it once, and the name may change without readers losing their ticks, notes and selection;
- ``language``: the option ``sprache``, or else the theme's ``language``; the interface's texts
  exist in the languages of :data:`LANGUAGES`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

from mkdocs.exceptions import PluginError

from .lines import where

LANGUAGES = ("de",)  # the languages the interface's texts are written in
SHORT_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def short_name_of(name: str) -> str:
    """``name`` as a short name: „Gute Ämter & Straßen“ → ``gute-aemter-strassen``; "" if it has
    no letter or digit of the Latin alphabet."""
    plain = unicodedata.normalize("NFKD", name.lower().translate(_SPELLED_OUT))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return "-".join(re.findall(r"[a-z0-9]+", plain))


@dataclass(frozen=True)
class Handbook:
    name: str
    short_name: str
    language: str

    @classmethod
    def of(cls, site_name: str, options: Mapping, *, theme_language: str | None,
           config_file: str | None = None) -> Handbook:
        """From mkdocs.yml's values (its options' kinds already checked, config.py); raises
        PluginError, with the file, the line and the fix, where no short name or language follows."""
        short = options.get("kurzname") or short_name_of(site_name or "")
        if not short:
            raise _refused(config_file, r"^site_name\s*:",
                           f"site_name {site_name!r} gives no short name for the handbook's files.",
                           "set kurzname under `- kartenfaecher:`, e.g. 'kurzname: methodenkarten' "
                           "(lower-case letters a–z, digits and hyphens).")
        language = options.get("sprache") or theme_language or LANGUAGES[0]
        if language not in LANGUAGES:
            raise _refused(config_file, r"^\s+language\s*:",
                           f"the interface's texts are written in {', '.join(LANGUAGES)}, not in {language!r} "
                           "(theme.language).",
                           f"set sprache under `- kartenfaecher:` to one of {', '.join(LANGUAGES)}.")
        return cls(site_name, short, language)

    @classmethod
    def of_config(cls, config) -> Handbook:
        """From MkDocs's loaded configuration (``plugins: - kartenfaecher:`` listed)."""
        from . import NAME

        theme = config["theme"]
        return cls.of(config["site_name"], config["plugins"][NAME].config,
                      theme_language=theme["language"] if "language" in theme else None,
                      config_file=config.get("config_file_path"))


def _refused(config_file: str | None, pattern: str, problem: str, fix: str) -> PluginError:
    return PluginError(f"{where(config_file, pattern)}{problem} Fix: {fix}")
