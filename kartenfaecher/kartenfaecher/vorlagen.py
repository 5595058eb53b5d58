"""The theme's templates, compiled once and kept between builds.

Every build compiled Material's templates and a project's overrides (about forty) from their
source to Python code, the largest single cost of a small handbook's build, though they change
only when Material or the engine's theme does. Jinja keeps what it compiled when asked to (its
bytecode cache: a file per template, checked against the template's source, written whole);
here in ``.cache/`` beside the project's mkdocs.yml, and a file that cannot be read or written
is no error: the template is compiled as before.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

KEPT = ".cache"  # below the project, beside what else its builds keep


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


def keep_compiled(env: jinja2.Environment, config_file: str) -> None:
    """Give the theme's environment a cache of compiled templates in the project's ``.cache/``."""
    # What else shapes the compiled code: Jinja's version, Python's, and the environment's options.
    setup = repr((jinja2.__version__, sys.version_info[:2], sorted(env.extensions),
                  getattr(env.autoescape, "__qualname__", env.autoescape),
                  env.block_start_string, env.variable_start_string))
    kept = Path(config_file).parent / KEPT
    folder = kept / f"vorlagen-{hashlib.sha256(setup.encode()).hexdigest()[:16]}"
    for older in kept.glob("vorlagen-*"):
        if older != folder:
            shutil.rmtree(older, ignore_errors=True)
    env.bytecode_cache = _Kept(str(folder))
