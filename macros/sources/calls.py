"""Find the macro calls and names in a page's Markdown, with their source lines.

The macros plugin renders a page body with Jinja and, on a mistake, exits with
a line counted from the end of the front matter. Parsing the body ourselves
first lets every error name the line a person sees in their editor.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import jinja2
from jinja2 import meta, nodes

from ..errors import ContentError

_PARSER = jinja2.Environment()


@dataclass(frozen=True)
class Call:
    """One call of a macro by name, e.g. ``siehe(15, 16)`` on line 12."""

    name: str
    args: tuple
    kwargs: dict
    line: int
    constant: bool  # every argument is a literal


@dataclass(frozen=True)
class Scan:
    """What a page body asks of the template engine."""

    calls: list[Call]
    undeclared: dict[str, int]  # name -> first line it is used on


def has_macros(body: str) -> bool:
    """Whether the template engine has anything to do in this body (most cards: no)."""
    return "{{" in body or "{%" in body or "{#" in body


def split_front_matter(source: str) -> tuple[str, str, int]:
    """Split a Markdown file into (front matter YAML, body, line of the body's first line - 1).

    Follows MkDocs: front matter is a leading block between ``---`` lines.
    """
    lines = source.split("\n")
    if lines and lines[0].rstrip() == "---":
        for i in range(1, len(lines)):
            if lines[i].rstrip() in ("---", "..."):
                yaml_text = "\n".join(lines[1:i])
                rest = lines[i + 1:]
                skipped = i + 1
                while rest and not rest[0].strip():
                    rest.pop(0)
                    skipped += 1
                return yaml_text, "\n".join(rest), skipped
    return "", source, 0


def scan(body: str, offset: int = 0) -> Scan:
    """Parse a page body as Jinja and list its calls and undeclared names.

    ``offset`` is added to every line number (the lines above the body).
    Raises ``jinja2.TemplateSyntaxError`` with ``lineno`` already offset.
    """
    try:
        tree = _PARSER.parse(body)
    except jinja2.TemplateSyntaxError as error:
        error.lineno = (error.lineno or 1) + offset
        raise
    calls = []
    for node in tree.find_all(nodes.Call):
        if not isinstance(node.node, nodes.Name):
            continue
        values = list(node.args) + [kw.value for kw in node.kwargs]
        constant = all(isinstance(v, nodes.Const) for v in values) and not node.dyn_args \
            and not node.dyn_kwargs
        calls.append(Call(
            name=node.node.name,
            args=tuple(a.value if isinstance(a, nodes.Const) else a for a in node.args),
            kwargs={kw.key: (kw.value.value if isinstance(kw.value, nodes.Const) else kw.value)
                    for kw in node.kwargs},
            line=node.lineno + offset,
            constant=constant,
        ))
    undeclared = {}
    names = meta.find_undeclared_variables(tree)
    for node in tree.find_all(nodes.Name):
        if node.name in names and node.name not in undeclared:
            undeclared[node.name] = node.lineno + offset
    return Scan(calls=calls, undeclared=undeclared)


def body_offset(path: str | None) -> int:
    """How many lines of the file at ``path`` stand above its Markdown body (the front matter)."""
    if not path or not os.path.exists(path):
        return 0
    with open(path, encoding="utf-8-sig") as handle:
        _, _, offset = split_front_matter(handle.read())
    return offset


def check_names(body: str, shown: str, known: set[str], macros: list[str]) -> None:
    """Refuse syntax errors, unknown macros and undefined names, with their lines.

    ``known``: every name a page may use; ``macros``: the macros to suggest.
    """
    try:
        found = scan(body)
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(shown, error.lineno, f"malformed macro call: {error.message}.",
                           "write macro calls as {{ name(arguments) }} with matching braces, "
                           "parentheses and quotes.") from None
    called = {c.name for c in found.calls}
    for name, line in found.undeclared.items():
        if name in known:
            continue
        if name in called:
            raise ContentError(shown, line, f"unknown macro '{name}'.",
                               f"use one of {', '.join(macros)}; check the spelling.")
        raise ContentError(shown, line, f"undefined name '{name}'.",
                           "check the spelling, or write literal braces as {{ '{{' }}.")
