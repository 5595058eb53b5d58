"""Shared parts, used by several features, with neutral names: what a reader keeps is kept
through ``speicher.js``, a question before something is lost is asked with ``dialog.js`` and
``dialog.css``, and a link is shared through the share box (``teilen.js``, ``teilen.css``, and
its markup, ``share_box`` below). The features that use them name them as parts
(kartenfaecher/features/teile.py: ``speicher``, ``dialog``, ``teilen``). Their tests are those of the
features that use them: tests/browser/test_checkliste.py, test_notiz.py, test_auswahl.py,
test_speicher.py.
"""

from __future__ import annotations

from html import escape

from ...build import html


def share_box(name: str, label: str) -> str:
    """The share box's link field and its buttons: share (where the device has a share sheet),
    copy, mail. ``name`` begins the id of the field and the class of the buttons' row, by which
    the page's own script finds them (``checklisten``, ``auswahl``); ``label`` names the link."""
    return (f'<label for="{name}-link">{escape(label)}</label>\n'
            f'<input type="text" id="{name}-link" readonly>\n'
            f'<div class="{name}-knoepfe">\n'
            f'<button type="button" class="knopf" data-aktion="link-teilen" hidden>{html("teilen-box.teilen")}</button>\n'
            f'<button type="button" class="knopf" data-aktion="link-kopieren">{html("teilen-box.kopieren")}</button>\n'
            f'<a class="knopf" data-aktion="link-mail" href="mailto:">{html("teilen-box.mail")}</a>\n'
            '</div>')
