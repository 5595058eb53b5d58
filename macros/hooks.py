"""A MkDocs hook (``hooks:`` in mkdocs.yml), not a macro: the theme's templates, compiled once.

Every build compiled Material's templates and ours (about forty) from their source to Python
code, the largest single cost of a build of the handbook, though they change only when Material
or ``overrides/`` does. Jinja keeps what it compiled when asked to (its bytecode cache: a file
per template, checked against the template's source, written whole); here in ``.cache/``
beside what else builds keep (macros/between_builds.py), and, as there, a file that cannot be
read or written is no error: the template is compiled as before. mkdocs-macros-plugin has no
event for the theme's environment, hence a hook; MkDocs loads this file on its own, so it
imports nothing of ours.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

KEPT = ".cache"  # below the project, as macros/outputs.CACHE


class _Kept(FileSystemBytecodeCache):
    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)  # another Jinja or a changed template: reset by Jinja
        except (OSError, ValueError, EOFError, TypeError):  # a damaged file: compile anew
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def on_env(env: jinja2.Environment, config, files):
    # What else shapes the compiled code: Jinja's version, Python's, and the environment's options.
    setup = repr((jinja2.__version__, sys.version_info[:2], sorted(env.extensions),
                  getattr(env.autoescape, "__qualname__", env.autoescape),
                  env.block_start_string, env.variable_start_string))
    kept = Path(config["config_file_path"]).parent / KEPT
    folder = kept / f"vorlagen-{hashlib.sha256(setup.encode()).hexdigest()[:16]}"
    for older in kept.glob("vorlagen-*"):
        if older != folder:
            shutil.rmtree(older, ignore_errors=True)
    env.bytecode_cache = _Kept(str(folder))
    return env
