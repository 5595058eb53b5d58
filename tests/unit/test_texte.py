"""The interface's texts: one table per language in the engine (kartenfaecher/kartenfaecher/texte/),
chosen by the handbook's language; a handbook words any of them its own way
(``kartenfaecher.texte``); the build writes a script's texts into it."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
import yaml
from mkdocs.exceptions import PluginError

from kartenfaecher import PACKAGE, texte
from kartenfaecher.handbuch import Handbook
from tools.common import ROOT

BOOK = Handbook("Methodenkarten", "mk", "de")
SCRIPTS = sorted((PACKAGE / "features").rglob("*.js"))


def test_a_text_takes_the_handbooks_name_its_values_and_a_word_by_number():
    table = texte.load(BOOK)
    subject = table.text("auswahl-teilen.mailBetreff")
    assert subject == "Karten für unser nächstes Treffen (Methodenkarten)"
    assert texte.format_text("{anzahl} {anzahl|Karte|Karten}", {"anzahl": 1}) == "1 Karte"
    assert texte.format_text("{anzahl} {anzahl|Karte|Karten}", {"anzahl": 3}) == "3 Karten"


def test_a_script_gets_its_texts_as_an_object_with_a_function_where_a_text_takes_values():
    source = 'var TEXTE = /*TEXTE*/{};\nvar x = TEXTE.mailBetreff;\n'
    filled = texte.load(BOOK).fill("kartenfaecher/features/auswahl/auswahl-teilen.js", source)
    assert "/*TEXTE*/" not in filled and "Methodenkarten" in filled
    # Run in Node as the browser would: a function of one object for a text with values.
    program = filled + "console.log(JSON.stringify([TEXTE.mailBetreff, TEXTE.teilenText({anzahl: 1}), " \
                       "TEXTE.teilenText({anzahl: 2})]));"
    said = json.loads(subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True).stdout)
    assert said[0] == "Karten für unser nächstes Treffen (Methodenkarten)"
    assert "1 Karte " in said[1] and "2 Karten " in said[2] and "„Methodenkarten“" in said[2]


def test_every_script_with_a_table_uses_only_its_texts_and_every_text_is_used():
    table = yaml.safe_load((ROOT / "kartenfaecher" / "kartenfaecher" / "texte" / "de.yml").read_text("utf-8"))
    sources = {path.stem: path.read_text(encoding="utf-8") for path in SCRIPTS}
    with_table = {name: source for name, source in sources.items() if texte.MARKER in source}
    assert set(with_table) <= set(table), "a script names a table that is not there"
    for name, source in with_table.items():
        used = set(re.findall(r"\bTEXTE\.(\w+)", source))
        assert used == set(table[name]), (name, used ^ set(table[name]))
    # The other sections are the pages': each text named where the build or a template says it.
    pages = "".join(path.read_text(encoding="utf-8") for folder in ("kartenfaecher",)
                    for path in (ROOT / folder).rglob("*") if path.suffix in (".py", ".html"))
    unused = [f"{section}.{key}" for section in set(table) - set(with_table) for key in table[section]
              if f'"{section}.{key}"' not in pages and f"'{section}.{key}'" not in pages]
    assert unused == [], "texts no page says"
    # No script keeps texts of its own: a table, or what the page's markup says (data-*, written with the page).
    assert [name for name, source in sources.items() if re.search(r"var TEXTE = (?!/\*TEXTE\*/\{\};|\w+\.dataset|status \? status\.dataset)", source)] == []


def test_a_handbook_words_a_text_its_own_way_with_the_same_values():
    own = texte.load(BOOK, {"auswahl-teilen.teilenText": "{anzahl} {anzahl|Karte|Karten} aus unseren {name}"})
    assert own.text("auswahl-teilen.teilenText", anzahl=2) == "2 Karten aus unseren Methodenkarten"


@pytest.mark.parametrize("key, text, said", [
    ("auswahl-teilen.mailbetreff", "x", "no text 'auswahl-teilen.mailbetreff'; did you mean 'auswahl-teilen.mailBetreff'?"),
    ("auswahl-teilen.teilenText", "{zahl} Karten", "takes the values {anzahl}, not {zahl}"),
    ("auswahl-teilen.mailBetreff", ["x"], "is no text"),
])
def test_a_wrongly_worded_text_is_refused_with_its_line_and_the_fix(tmp_path, key, text, said):
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: X\nplugins:\n  - kartenfaecher:\n      texte:\n        {key}: {json.dumps(text)}\n",
                      encoding="utf-8")
    with pytest.raises(PluginError) as refused:
        texte.load(BOOK, {key: text}, str(config))
    message = str(refused.value)
    assert message.startswith(f"{config}:5: kartenfaecher.texte: ") and said in message and "Fix: " in message, message


def test_a_text_a_script_fills_in_keeps_its_values_as_placeholders():
    """The Merken bar's and the app's texts travel in data- attributes; their scripts put the
    values in (``.replace("{anzahl}", …)``): the build fills only the handbook's own."""
    table = texte.load(BOOK, {"auswahl-seite.merkenAuswahl": "{name}: {anzahl} gemerkt"})
    assert table.template("auswahl-seite.merkenAuswahl") == "Methodenkarten: {anzahl} gemerkt"
    with pytest.raises(ValueError, match="choice of words"):
        table.template("auswahl-teilen.qr")  # {anzahl|Karte|Karten}: only a function can choose


def test_a_text_without_values_is_made_once_a_build(monkeypatch):
    """Every card page says the same few texts of its frame (a thousand times at 2,000 cards)."""
    table, made = texte.load(BOOK), []
    said = texte._said
    monkeypatch.setattr(texte, "_said", lambda *args: made.append(args[0]) or said(*args))
    assert table.html("karte.verweise") == table.html("karte.verweise") == "Verweise auf andere Karten"
    assert table.text("karte.verweise") == table.text("karte.verweise")
    assert len(made) == 2  # once as HTML, once as text
    assert table.text("karte.kapitel", kapitel="A") == "Kapitel A" and len(made) == 3
