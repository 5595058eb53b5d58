"""The words readers type for words of the text, as authors list them under ``kartenfaecher.synonyme`` (no MkDocs).

„Videokonferenz: online“: a text that says „online“ is found by „Videokonferenz“. The search
(kartenfaecher/features/suche/) puts them into the index with the other words a reader may type.
"""

from __future__ import annotations

import re

from ..errors import ContentError

SOURCE = "mkdocs.yml"
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def load_synonyms(config, source: str = SOURCE) -> dict[str, list[str]]:
    """``kartenfaecher.synonyme`` ({Suchwort: Wort im Text, or a list of them}), checked."""
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise ContentError(source, None, "kartenfaecher.synonyme is not a list of words readers type with "
                           "the words of the text they mean.",
                           "write one line per word under kartenfaecher.synonyme, e.g. 'Videokonferenz: online'.")
    synonyms = {}
    for key, words in config.items():
        words = [words] if isinstance(words, str) else words
        if not isinstance(key, str) or not WORD.fullmatch(key) or not isinstance(words, list) or \
                not words or not all(isinstance(w, str) and WORD.fullmatch(w) for w in words):
            raise ContentError(source, None, f"kartenfaecher.synonyme: '{key}: {config[key]}' is not a word "
                               "with a word (or a list of words) of the text.",
                               "write single words without spaces or hyphens, e.g. "
                               "'Videokonferenz: online' or 'Videokonferenz: [online, digital]'.")
        synonyms[key] = [w.lower() for w in words]
    return synonyms
