"""Related words from OpenThesaurus, for the search (no MkDocs).

Readers look for a card in their own words: an administration's („Fördermittel“,
„Dienstweg“), a movement's („Streit“), where the authors wrote others („Förderung“,
„Konflikt“). OpenThesaurus (openthesaurus.de, LGPL), the German thesaurus of LibreOffice,
written and kept up by its users since 2003, lists for each word the words of the same
meaning; Debian packages it as ``mythes-de`` in MyThes's format, which `make` installs
beside the dictionary. A ``.idx`` file names where each word (in lower case) stands in the
``.dat`` file: there a line ``Wort|n`` is followed by its ``n`` meanings, one line each,
``-|Wort|Synonym|Synonym (ugs.)|…``.

Only single words are taken (a phrase is no search term), with their notes in brackets
dropped. Not yet used by the build: the search's use of it (issue „Search that knows what
practitioners mean“) is the next step, tried and measured in that issue's note.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ContentError

# Debian's mythes-de; `make build` installs it when missing.
THESAURUS = Path("/usr/share/mythes/th_de_DE_v2")
PACKAGE = "mythes-de"
NOTE = re.compile(r"\s*\([^)]*\)")  # „Amtsschimmel (ugs.)“, „Exklusion (fachspr.)“
SINGLE = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*")


class Thesaurus:
    """The words of the same meaning as a word, read from the ``.dat`` file where the ``.idx`` says."""

    def __init__(self, data: Path, places: dict[str, list[int]], encoding: str):
        self.data, self.places, self.encoding = data, places, encoding

    @classmethod
    def open(cls, base: Path = THESAURUS) -> Thesaurus:
        index, data = base.with_suffix(".idx"), base.with_suffix(".dat")
        for path in (index, data):
            if not path.is_file():
                raise ContentError(str(path), None, "the German thesaurus for the search is missing.",
                                   f"install Debian's {PACKAGE} (`make build` does it: apt-get install {PACKAGE}).")
        lines = index.read_bytes().split(b"\n")
        encoding = lines[0].decode("ascii").strip() or "UTF-8"  # the first line names it, the second counts
        places: dict[str, list[int]] = {}
        for line in lines[2:]:
            word, _, place = line.decode(encoding).rpartition("|")
            if word and place.isdigit():
                places.setdefault(word, []).append(int(place))
        return cls(data, places, encoding)

    def related(self, word: str) -> frozenset[str]:
        """The single words (lower case) listed with ``word`` under any of its meanings, without it."""
        low = word.lower()
        found: set[str] = set()
        with self.data.open("rb") as data:
            for place in self.places.get(low, ()):
                data.seek(place)
                _, _, count = data.readline().decode(self.encoding).rstrip("\n").rpartition("|")
                for _ in range(int(count) if count.isdigit() else 0):
                    for member in data.readline().decode(self.encoding).rstrip("\n").split("|")[1:]:
                        member = NOTE.sub("", member).strip()
                        if SINGLE.fullmatch(member):
                            found.add(member.lower())
        found.discard(low)
        return frozenset(found)
