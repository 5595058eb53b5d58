"""The build refuses a search synonym that is not a word with a word of the text (extra.synonyme)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("line", ["    Video konferenz: online\n", "    Videokonferenz: \n",
                                  "    Videokonferenz: [online, ein Treffen]\n"],
                         ids=["two-words", "empty", "phrase-in-list"])
def test_a_malformed_synonym_stops_the_build(tiny, line):
    tiny.replace("mkdocs.yml", "extra:\n", "extra:\n  synonyme:\n" + line)
    result = tiny.build()
    assert result.returncode != 0
    assert "mkdocs.yml: extra.synonyme:" in result.output
    assert "Fix: write single words without spaces or hyphens, e.g. 'Videokonferenz: online'" in result.output
