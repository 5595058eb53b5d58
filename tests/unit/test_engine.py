"""The card-fan engine (kartenfaecher/): an installed package that MkDocs finds as a plugin.

Installed by `make` into .venv, editable: MkDocs (and ProperDocs) find it through the
``mkdocs.plugins`` entry point, and a change in its folder needs no new install. It is no
handbook's own: no file of it names one."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml
from mkdocs.plugins import BasePlugin

from tools.common import ROOT

ENGINE = ROOT / "kartenfaecher"


def test_mkdocs_finds_the_engine_as_a_plugin_installed_from_this_checkout():
    found = {point.name: point for point in entry_points(group="mkdocs.plugins")}
    assert "kartenfaecher" in found, "run make: it installs the engine into .venv"
    plugin = found["kartenfaecher"].load()
    assert issubclass(plugin, BasePlugin)
    # Editable: the module MkDocs loads is the one in this checkout's folder.
    module = __import__(plugin.__module__, fromlist=["_"])
    assert Path(module.__file__).resolve().is_relative_to(ENGINE.resolve())
    # From the project's top too (the tests' and the tools' path), the package itself, not its
    # folder read as an empty namespace package.
    import kartenfaecher
    assert kartenfaecher.__file__ and kartenfaecher.NAME == "kartenfaecher"


def test_the_configurations_load_the_engine_as_a_plugin_and_run_no_hook_file():
    """Zensical, Material's successor, runs no ``hooks:``; a plugin it can be taught."""
    for config in (ROOT / "mkdocs.yml", ROOT / "tests" / "data" / "tiny" / "mkdocs.yml"):
        text = config.read_text(encoding="utf-8")
        assert not re.search(r"^hooks:", text, re.M), config
        plugins = yaml.safe_load(re.sub(r"!ENV ", "", text))["plugins"]
        assert "kartenfaecher" in [next(iter(p)) if isinstance(p, dict) else p for p in plugins], config


def test_no_file_of_the_engine_names_a_handbook():
    named = [str(path.relative_to(ROOT)) for path in ENGINE.rglob("*")
             if path.is_file() and "egg-info" not in str(path) and "__pycache__" not in str(path)
             and re.search(r"ko-?produktion|koopwohl", path.read_text(encoding="utf-8", errors="replace"), re.I)]
    assert named == []


def test_a_handbooks_settings_are_the_plugins_options_checked_by_kind(tmp_path):
    """What mkdocs.yml's extra held, the engine's typed options hold: MkDocs names a wrong one."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = ROOT / "mkdocs.yml"
    loaded = load_config(str(config))
    options = loaded["plugins"]["kartenfaecher"].config
    assert [chapter["id"] for chapter in options["kapitel"]][:2] == ["einleitung", "definitionen"]
    assert options["begriffe"]["Teilhabe"] == 8 and options["titelkarte"]["projekt"] == "KoopWohl"
    assert "Videokonferenz" in options["synonyme"] and options["begriffe_nicht_in"] == ["quellen", "impressum"]
    moved = {"kapitel", "begriffe", "begriffe_nicht_in", "titelkarte", "synonyme", "downloads"}
    assert not moved & set(loaded["extra"])
    wrong = tmp_path / "mkdocs.yml"
    wrong.write_text(config.read_text(encoding="utf-8").replace("      begriffe_nicht_in: [quellen, impressum]",
                                                                 "      begriffe_nicht_in: quellen"), encoding="utf-8")
    with pytest.raises(Abort):
        load_config(str(wrong), docs_dir=str(ROOT / "docs"))


def test_an_option_of_the_wrong_kind_is_named_with_its_line_and_the_fix(tmp_path):
    from kartenfaecher.plugin import Kartenfaecher

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nplugins:\n  - kartenfaecher:\n      kapitel: []\n"
                      "      begriffe_nicht_in: quellen\n", encoding="utf-8")
    errors, _ = Kartenfaecher().load_config({"kapitel": [], "begriffe_nicht_in": "quellen"}, str(config))
    assert [key for key, _ in errors] == ["begriffe_nicht_in"]
    message = str(errors[0][1])
    assert message.startswith(f"{config}:5: ") and "Fix: write the chapter ids as a list" in message, message


def test_the_handbooks_short_name_and_language_come_from_its_options_or_its_name():
    """The short name names its files, the keys of what a reader keeps and the app's caches; set
    it once and the handbook may be renamed without readers losing what they kept."""
    from kartenfaecher.handbuch import Handbook, short_name_of

    assert short_name_of("Ko-Produktion") == "ko-produktion"
    assert short_name_of("Gute Ämter & Straßen (2. Auflage)") == "gute-aemter-strassen-2-auflage"
    assert short_name_of("Café—Méthodes") == "cafe-methodes"
    ours = Handbook.of("Ko-Produktion", {}, theme_language="de")
    assert (ours.name, ours.short_name, ours.language) == ("Ko-Produktion", "ko-produktion", "de")
    named = Handbook.of("Methodenkarten für Beteiligung", {"kurzname": "mk", "sprache": "de"}, theme_language="en")
    assert (named.short_name, named.language) == ("mk", "de")
    from mkdocs.config import load_config
    loaded = load_config(str(ROOT / "mkdocs.yml"))
    assert Handbook.of_config(loaded) == Handbook("Ko-Produktion", "ko-produktion", "de")


@pytest.mark.parametrize("options, site_name, theme_language, said", [
    ({"kurzname": "Ko Produktion"}, "X", "de", "'Ko Produktion' is no short name"),
    ({"kurzname": "-x"}, "X", "de", "'-x' is no short name"),
    ({"sprache": "tlh"}, "X", "de", "languages the interface's texts are written in"),
    ({}, "Карты", "de", "set kurzname"),
    ({}, "X", "tlh", "set sprache"),
])
def test_a_short_name_or_language_that_cannot_work_is_refused_with_its_line_and_the_fix(
        tmp_path, options, site_name, theme_language, said):
    from kartenfaecher.handbuch import Handbook
    from kartenfaecher.plugin import Kartenfaecher
    from mkdocs.exceptions import PluginError

    config = tmp_path / "mkdocs.yml"
    written = "".join(f"      {key}: {value}\n" for key, value in options.items())
    config.write_text(f"site_name: {site_name}\ntheme:\n  language: {theme_language}\nplugins:\n"
                      f"  - kartenfaecher:\n{written}", encoding="utf-8")
    errors, _ = Kartenfaecher().load_config(dict(options), str(config))
    if errors:
        message = str(errors[0][1])
        assert message.startswith(f"{config}:6: ") and said in message and "Fix: " in message, message
        return
    with pytest.raises(PluginError) as refused:
        Handbook.of(site_name, options, theme_language=theme_language, config_file=str(config))
    message = str(refused.value)
    assert message.startswith(f"{config}:") and said in message and "Fix: " in message, message


@pytest.mark.parametrize("macros, said", [
    ("", "the plugin macros is not listed"),
    ("  - macros\n", "modules: [kartenfaecher.makros]"),
    ("  - macros:\n      modules: [kartenfaecher.makros]\n", "render_by_default: false"),
])
def test_a_handbook_that_does_not_load_the_engines_macros_is_told_how(tmp_path, macros, said):
    """Without the pluglet no card would be checked and no page written after the build: a
    newcomer's mkdocs.yml that forgets it stops at once, with the lines to add."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: X\nplugins:\n{macros}  - kartenfaecher\n", encoding="utf-8")
    loaded = load_config(str(config))
    with pytest.raises(PluginError) as refused:
        loaded["plugins"].on_config(loaded)
    message = str(refused.value)
    assert message.startswith(f"{config}:") and said in message and "Fix: " in message, message
