"""The card-fan engine: a card handbook published with MkDocs and Material from its content.

A MkDocs plugin (``plugins: - kartenfaecher`` in mkdocs.yml, found through the
``mkdocs.plugins`` entry point of this package): ``plugin.py``. It grows in steps (the issue
„The card-fan engine“); today it keeps the theme's compiled templates between builds
(``vorlagen.py``), which a ``hooks:`` file did, a kind of code Zensical, Material's successor,
will not run.
"""

from pathlib import Path

PACKAGE = Path(__file__).parent  # its files are named from the folder above: kartenfaecher/features/…
NAME = "kartenfaecher"  # the plugin's name in mkdocs.yml (the entry point in pyproject.toml)
# The engine's templates and stylesheets, a theme folder before Material's (a handbook's own
# theme.custom_dir still comes first): the plugin adds it.
THEME = Path(__file__).with_name("theme")
