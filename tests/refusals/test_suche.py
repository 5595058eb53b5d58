"""The build refuses a search synonym that is not a word with a word of the text (kartenfaecher.synonyme),
and needs the German dictionary only for a German search."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import BUILD_TIMEOUT


@pytest.mark.parametrize("line", ["        Video konferenz: online\n", "        Videokonferenz: \n",
                                  "        Videokonferenz: [online, ein Treffen]\n"],
                         ids=["two-words", "empty", "phrase-in-list"])
def test_a_malformed_synonym_stops_the_build(tiny, line):
    tiny.replace("mkdocs.yml", "  - kartenfaecher:\n", "  - kartenfaecher:\n      synonyme:\n" + line)
    result = tiny.build()
    assert result.returncode != 0
    assert "mkdocs.yml: kartenfaecher.synonyme:" in result.output
    assert "Fix: write single words without spaces or hyphens, e.g. 'Videokonferenz: online'" in result.output


# A build in which reading the German dictionary or thesaurus stops it: in one process with the
# patch, so that the engine's pluglet, which mkdocs-macros imports, uses the modules patched here.
WITHOUT_DICTIONARY = """
import sys
from kartenfaecher.features.suche import thesaurus, woerter
def missing(*args, **kwargs):
    raise SystemExit("the German dictionary or thesaurus was read")
woerter.require = woerter.dictionary = thesaurus.Thesaurus.open = missing
from mkdocs.__main__ import cli
cli(["build", "--strict", "--site-dir", "site"])
"""


@pytest.mark.parametrize("lang, german", [("en", False), ("de", True)])
def test_a_handbook_searched_in_another_language_builds_without_the_german_dictionary(tiny, lang, german):
    tiny.replace("mkdocs.yml", "  - search:\n      lang: de\n", f"  - search:\n      lang: {lang}\n")
    result = subprocess.run([sys.executable, "-c", WITHOUT_DICTIONARY], cwd=tiny.root, capture_output=True,
                            text=True, timeout=BUILD_TIMEOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if german:  # the German search needs it, and says so before the build
        assert result.returncode != 0 and "German dictionary or thesaurus was read" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    index = json.loads((tiny.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert "verwandt" not in index["config"] and not any("suchwoerter" in doc for doc in index["docs"])
    assert not any("\u00ad" in doc["title"] for doc in index["docs"])  # soft hyphens still taken out
