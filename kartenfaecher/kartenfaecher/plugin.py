"""The MkDocs plugin ``kartenfaecher``: where MkDocs's events reach the engine."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from . import THEME, texte, vorlagen
from .outputs import offline
from .config import KartenfaecherConfig, explained
from .handbuch import Handbook


class Kartenfaecher(BasePlugin[KartenfaecherConfig]):
    _texts: texte.Texts | None = None

    def texts(self, config) -> texte.Texts:
        """The interface's texts in the handbook's language and wording, read once a build (MkDocs
        loads the configuration, and so a new plugin, for every build)."""
        if self._texts is None:
            self._texts = texte.load(Handbook.of_config(config), self.config.texte, config["config_file_path"])
        return self._texts
    def load_config(self, options, config_file_path=None):
        # MkDocs names the option of the wrong kind; this adds its line and how to write it.
        errors, warnings = super().load_config(options, config_file_path)
        return [(key, explained(key, error, config_file_path)) for key, error in errors], warnings

    @event_priority(100)  # before mkdocs-macros looks for our stylesheets in the theme's folders
    def on_config(self, config):
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
        env.globals["handbuch"] = Handbook.of_config(config)  # its name, short name, language
        env.globals["texte"] = self.texts(config)  # {{ texte.text("seite.entwurf", anzahl=2) }}
        return env

    def on_serve(self, server, *, config, builder):
        # `mkdocs serve` rebuilds when the engine changes too (installed editable, it lies beside).
        server.watch(str(Path(__file__).parent))
        return server
