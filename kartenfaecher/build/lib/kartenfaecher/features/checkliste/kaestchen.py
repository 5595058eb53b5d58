"""Python-Markdown: a checklist question becomes a checkbox labelled by the question.

MkDocs gets this extension from kartenfaecher/extensions/__init__.py, with our others.

kartenfaecher/sources/checkliste.py marks each question of a ``!!! checkliste`` block
with its key before Markdown runs; the tree processor here finds the marks,
removes them, and builds the accessible checkbox around the question.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ...sources.checkliste import MARKER_RE, TYPE
from .. import teile


class _ChecklistTreeprocessor(Treeprocessor):
    """Runs after pymdownx.tasklist (25) and before inline Markdown (20).

    Tasklist gives each item a stashed checkbox that is not labelled by the
    question (its label holds the box only). Here each marked question is put
    into the label instead, so the box's accessible name is the question and
    clicking the text ticks it; the item and box carry the key, the block is a
    group named by its title.
    """

    def run(self, root):
        for div in root.iter("div"):
            classes = div.get("class", "").split()
            if "admonition" not in classes or TYPE not in classes:
                continue
            keys = []
            for ul in div.findall("ul"):
                found = [key for key in map(self._item, ul.findall("li")) if key]
                if found:
                    ul.set("class", (ul.get("class", "") + " checkliste-fragen").strip())
                keys.extend(found)
            if not keys:
                continue
            teile.use("checkliste")
            title = div.find("p")
            div.set("data-karte", keys[0].split("-")[0])
            div.set("role", "group")
            if title is not None and "admonition-title" in title.get("class", ""):
                title.set("id", f"checkliste-{keys[0]}")
                div.set("aria-labelledby", title.get("id"))
        return root

    def _item(self, li) -> str | None:
        target = li
        if not (li.text or "").strip() and len(li) and li[0].tag == "p":
            target = li[0]
        text = target.text or ""
        marker = MARKER_RE.search(text)
        if not marker:
            return None
        key = marker.group("key")
        question = HTML_PLACEHOLDER_RE.sub("", text[:marker.start()], count=1).strip()
        label = etree.Element("label", {"class": "task-list-control"})
        label.text = self.md.htmlStash.store(
            f'<input type="checkbox" data-checkliste-punkt="{key}">'
            '<span class="task-list-indicator"></span> ') + question
        label.tail = "\n" if len(target) else None
        target.text = None
        target.insert(0, label)
        li.set("data-checkliste-punkt", key)
        if "task-list-item" not in li.get("class", ""):
            li.set("class", (li.get("class", "") + " task-list-item").strip())
        return key


class ChecklistExtension(Extension):
    """Registers the tree processor (kartenfaecher/makros.py adds it to MkDocs's extensions)."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_ChecklistTreeprocessor(md), "checkliste", 24)
        md.registerExtension(self)
