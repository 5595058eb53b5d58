"""Defined terms at hand: the first mention of a term on a card links to its definition.

A handbook's definitions (say, a chapter that defines Partizipation, Teilhabe,
Daseinsvorsorge) are listed in its mkdocs.yml under ``kartenfaecher.begriffe`` with
the card that defines each. On every other card the
first mention of each term becomes a link to that card, which shows its
preview (vorschau.js) on hover, focus or a first tap. The authors' words stay as
they are: only a link is put around them.

Only the first mention per page is linked (a handbook's main term may stand hundreds
of times in it), never one in a heading, a link, code or a macro call,
and never on the card that defines the term, nor in the chapters named by
``kartenfaecher.begriffe_nicht_in`` (the sources and the imprint name these words in
titles of works and projects). Words the term is only a part of
("Teilhabeprozess", "Kooperationsvereinbarung") are not mentions; the
plural on "-en" is ("Kooperationen").

This finds the mentions in a page's Markdown before it is converted (the macros plugin's
pre-page hook); kartenfaecher/features/begriffe.py makes the link, inline HTML that Markdown passes through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..errors import ContentError
from .registry import Card, Registry

SOURCE = "mkdocs.yml"

# Stretches of Markdown in which a term is not marked: headings, code, macro
# calls, links (Markdown, reference and HTML), other HTML tags, comments. Each
# with the text it needs to occur at all: most cards have no code or headings,
# and one pattern per kind is faster than one pattern with all of them.
_SKIP = [(needle, re.compile(pattern, re.M)) for needle, pattern in [
    ("#", r"^[ ]{0,3}\#{1,6}[ \t][^\n]*$"),                  # ATX heading
    ("\n=", r"^[^\n]+\n[ ]{0,3}=+[ \t]*$"),                  # setext heading
    ("\n-", r"^[^\n]+\n[ ]{0,3}-+[ \t]*$"),
    ("``", r"(?s:^[ ]{0,3}(`{3,}).*?^[ ]{0,3}\1[ \t]*$)"),     # fenced code
    ("~~~", r"(?s:^[ ]{0,3}(~{3,}).*?^[ ]{0,3}\1[ \t]*$)"),
    ("`", r"(`+)(?s:.+?)\1"),                                  # code span
    ("{", r"(?s:\{\{.*?\}\}|\{%.*?%\}|\{\#.*?\#\})"),       # macro calls and comments
    ("<!--", r"(?s:<!--.*?-->)"),                              # HTML comment
    ("<a", r"(?s:<a\b.*?</a>)"),                               # HTML link
    ("<", r"<[^>\n]+>"),                                       # other tag, autolink
    ("[", r"!?\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])"),   # Markdown link, image, reference
    ("]:", r"^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$"),                # link definition
    # A checklist block: its questions are the labels of checkboxes, and a link
    # inside a label would open a card instead of ticking the box.
    ("!!! checkliste", r"^!!! checkliste[^\n]*\n(?:[ \t]*\n|(?:    |\t)[^\n]*(?:\n|$))*"),
]]


@dataclass(frozen=True)
class Term:
    word: str
    card: int


@lru_cache(maxsize=64)
def _pattern(words: frozenset[str]) -> re.Pattern:
    """One pattern for all these terms: a mention is the whole word, or its plural on "-en".
    Kept: most cards define no term and want the same pattern (compiling it took 0.4 ms)."""
    escaped = sorted(map(re.escape, words), key=lambda w: (-len(w), w))
    return re.compile(r"(?<![\w-])(" + "|".join(escaped) + r")(?:en)?(?![\w-])")


def load_terms(config, registry: Registry, source: str = SOURCE) -> list[Term]:
    """The terms of ``kartenfaecher.begriffe`` ({Begriff: Kartennummer}), checked against the cards."""
    if config is None:
        return []
    if not isinstance(config, dict):
        raise ContentError(source, None, "kartenfaecher.begriffe is not a list of terms with card numbers.",
                           "write one line per term under kartenfaecher.begriffe, e.g. 'Teilhabe: 8'.")
    terms = []
    for word, number in config.items():
        if not isinstance(word, str) or not word.strip():
            raise ContentError(source, None, f"kartenfaecher.begriffe has an empty term ({word!r}).",
                               "write the term as it stands in the text, e.g. 'Teilhabe: 8'.")
        if isinstance(number, bool) or not isinstance(number, int) or number not in registry:
            raise ContentError(source, None,
                               f"kartenfaecher.begriffe: the term '{word}' names the card {number!r}, "
                               "which does not exist.",
                               "give the number of the card that defines the term, "
                               f"one of {', '.join(map(str, registry.numbers()))}.")
        terms.append(Term(word.strip(), number))
    return terms


def load_excluded(config, registry: Registry, source: str = SOURCE) -> set[str]:
    """The chapter ids of ``kartenfaecher.begriffe_nicht_in``, checked against the chapters."""
    ids = {c.id for c in registry.chapters}
    excluded = set(config or [])
    unknown = sorted(str(e) for e in excluded - ids)
    if unknown:
        raise ContentError(source, None, f"kartenfaecher.begriffe_nicht_in names the chapter "
                           f"'{unknown[0]}', which does not exist.",
                           "use chapter ids from kartenfaecher.kapitel: " + ", ".join(sorted(ids)) + ".")
    return excluded


def _skipped(markdown: str) -> list[tuple[int, int]]:
    return [m.span() for needle, pattern in _SKIP if needle in markdown
            for m in pattern.finditer(markdown)]


def mark(markdown: str, terms: list[Term], card: Card,
         link: Callable[[Term, str], str], excluded: set[str] = frozenset()) -> str:
    """``markdown`` with the first mention of each term linked (``link(term, words)``).

    Cards of the chapters in ``excluded`` stay as they are.
    """
    if card.chapter.id in excluded:
        return markdown
    wanted = {t.word: t for t in terms if t.card != card.number}
    if not wanted:
        return markdown
    skipped = None
    found = []
    for match in _pattern(frozenset(wanted)).finditer(markdown):
        term = wanted.get(match.group(1))
        if term is None:
            continue  # found already
        if skipped is None:
            skipped = _skipped(markdown)
        start, end = match.span()
        if any(s < end and start < e for s, e in skipped):
            continue
        found.append((match, term))
        del wanted[term.word]
        if not wanted:
            break
    for match, term in reversed(found):
        start, end = match.span()
        markdown = markdown[:start] + link(term, match.group()) + markdown[end:]
    return markdown
