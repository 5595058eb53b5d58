"""The MkDocs plugin ``kartenfaecher``: where MkDocs's events reach the engine."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from . import THEME, texte, vorlagen
from .config import KartenfaecherConfig, explained
from .handbuch import Handbook
from .lines import where
from .outputs import offline

# What mkdocs-macros must be told so that the engine's macros run, and only on the pages that use them.
MACROS = {"modules": "kartenfaecher.makros", "render_by_default": False}
MACROS_LINES = ("  - macros:\n      modules: [kartenfaecher.makros]\n      on_error_fail: true\n"
                "      on_undefined: strict\n      render_by_default: false")


def _check_macros(config) -> None:
    """Refuse, with the lines to write, a configuration whose mkdocs-macros would not run the
    engine's pluglet: no card would be checked, no page written after the build."""

    at = where(config["config_file_path"], r"^\s*-\s*macros\b")
    macros = config["plugins"].get("macros")
    if macros is None:
        raise PluginError(f"{at}the plugin macros is not listed: the engine's macros (siehe, karte, …) "
                          f"run through it. Fix: list it under plugins, before kartenfaecher:\n{MACROS_LINES}")
    if MACROS["modules"] not in (macros.config.get("modules") or []):
        raise PluginError(f"{at}mkdocs-macros does not load the engine's macros. Fix: give it "
                          f"modules: [kartenfaecher.makros]:\n{MACROS_LINES}")
    if macros.config.get("render_by_default") is not False:
        raise PluginError(f"{at}mkdocs-macros renders every page as a template, also the authors' text "
                          "of every card. Fix: set render_by_default: false (the engine opts in the pages "
                          f"that call a macro):\n{MACROS_LINES}")


class Kartenfaecher(BasePlugin[KartenfaecherConfig]):
    # Read once a build (MkDocs loads the configuration, and so a new plugin, for every build).
    _handbook: Handbook | None = None
    _texts: texte.Texts | None = None

    def handbook(self, config) -> Handbook:
        """The handbook's name, short name and language."""
        if self._handbook is None:
            self._handbook = Handbook.of_config(config)
        return self._handbook

    def texts(self, config) -> texte.Texts:
        """The interface's texts in the handbook's language and wording."""
        if self._texts is None:
            self._texts = texte.load(self.handbook(config), self.config.texte, config["config_file_path"])
        return self._texts
    def load_config(self, options, config_file_path=None):
        # MkDocs names the option of the wrong kind; this adds its line and how to write it.
        errors, warnings = super().load_config(options, config_file_path)
        return [(key, explained(key, error, config_file_path)) for key, error in errors], warnings

    @event_priority(100)  # before mkdocs-macros looks for our stylesheets in the theme's folders
    def on_config(self, config):
        _check_macros(config)
        # The engine's templates and stylesheets: after a handbook's own custom_dir, before Material's.
        dirs = config["theme"].dirs
        if str(THEME) not in dirs:
            dirs.insert(1 if config["theme"].custom_dir else 0, str(THEME))
        # The offline bundle's search shim: ours, unless the handbook names its polyfills itself
        # (Material's offline plugin would take the shim from a CDN; guards/third_party.py).
        if offline.enabled(config) and "polyfills" not in config["extra"]:
            config["extra"]["polyfills"] = [offline.SHIM_TARGET]
        return config

    def on_env(self, env, *, config, files):
        # mkdocs-macros-plugin has no event for the theme's environment: the engine's own.
        vorlagen.keep_compiled(env, config["config_file_path"])
        env.globals["handbuch"] = self.handbook(config)  # its name, short name, language
        env.globals["texte"] = self.texts(config)  # {{ texte.text("seite.entwurf", anzahl=2) }}
        return env

    def on_serve(self, server, *, config, builder):
        # `mkdocs serve` rebuilds when the engine changes too (installed editable, it lies beside).
        server.watch(str(Path(__file__).parent))
        return server

