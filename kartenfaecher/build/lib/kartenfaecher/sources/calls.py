"""Find the macro calls and names in a page's Markdown, with their source lines.

The macros plugin renders a page body with Jinja and, on a mistake, exits with
a line counted from the end of the front matter. Parsing the body ourselves
first lets every error name the line a person sees in their editor.

Nearly every body holds nothing for Jinja but calls with literal arguments
(``{{ siehe(15, 16) }}``). Those are read here without Jinja (``literal_calls``),
and such a page is expanded by calling the macros directly (``expand``): making
a Jinja template of every card's Markdown was the largest part of our build.
Anything else (statements, variables, filters, escapes) goes the Jinja way.
"""

from __future__ import annotations

import ast
import functools
import os
from dataclasses import dataclass
from typing import Callable

import jinja2
from jinja2 import meta, nodes

from ..errors import ContentError



@functools.cache
def _parser() -> jinja2.Environment:
    """Jinja, for the few bodies that need it (making one compiles its lexer: 20 ms); without
    Jinja's globals, so that a page naming one (cycler, lipsum: ways into Python) is told
    that it is undefined."""
    environment = jinja2.Environment()
    environment.globals.clear()
    return environment


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
    unsafe: list[tuple[str, int]] = ()  # what reaches beyond the macros, and its line


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


def literal_calls(body: str) -> list[tuple[int, int, Call]] | None:
    """Each ``{{ name(literal, …) }}`` of ``body`` with its span, if that is all Jinja would see.

    Literals are integers and strings without escapes. None when the body holds
    anything else for Jinja, or characters Jinja would change (``\\r``).
    """
    if "{%" in body or "{#" in body or "\r" in body:
        return None
    found, start = [], body.find("{{")
    while start >= 0:
        end = _expression_end(body, start + 2)
        call = _literal_call(body[start + 2:end]) if end >= 0 else None
        if call is None:
            return None
        name, args, kwargs = call
        line = body.count("\n", 0, start) + 1
        found.append((start, end + 2, Call(name, args, kwargs, line, True)))
        start = body.find("{{", end + 2)
    return found


def _expression_end(body: str, i: int) -> int:
    """Index of the ``}}`` that closes the expression starting at ``i`` (-1 if none)."""
    while i < len(body) - 1:
        char = body[i]
        if char in "\"'":
            close = body.find(char, i + 1)
            if close < 0:
                return -1
            i = close + 1
        elif body.startswith("}}", i):
            return i
        else:
            i += 1
    return -1


def _literal_call(expression: str) -> tuple[str, tuple, dict] | None:
    if expression.startswith(("-", "+")) or expression.endswith(("-", "+")) or "\\" in expression:
        return None
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(tree, ast.Call) or not isinstance(tree.func, ast.Name):
        return None
    values = [*tree.args, *(kw.value for kw in tree.keywords)]
    if any(not isinstance(v, ast.Constant) or type(v.value) not in (int, str) for v in values) or \
            any(kw.arg is None for kw in tree.keywords):
        return None
    return (tree.func.id, tuple(a.value for a in tree.args),
            {kw.arg: kw.value.value for kw in tree.keywords})


def expand(body: str, calls: list[tuple[int, int, Call]], macros: dict[str, Callable]) -> str:
    """``body`` with every call replaced by its macro's text, as Jinja would render it."""
    parts, at = [], 0
    for start, end, call in calls:
        parts += [body[at:start], str(macros[call.name](*call.args, **call.kwargs))]
        at = end
    text = "".join(parts) + body[at:]
    # Jinja drops a template's last newline (keep_trailing_newline is off).
    return text[:-1] if text.endswith("\n") else text


def render_literal(body: str, macros: dict[str, Callable]) -> str | None:
    """``body`` expanded without Jinja, or None where Jinja must render it (or report an error)."""
    calls = literal_calls(body)
    if calls is None or any(call.name not in macros for _, _, call in calls):
        return None
    try:
        return expand(body, calls, macros)
    except Exception:  # noqa: BLE001 - rendered again by Jinja, which reports it as always
        return None


def expand_page(body: str, macros: dict[str, Callable], meta: dict) -> str:
    """A page opted into Jinja (``meta["render_macros"]``) whose calls are all literal: expanded
    here, and opted out again; any other page as it is (mkdocs.yml: render_by_default: false)."""
    text = render_literal(body, macros) if meta.get("render_macros") else None
    if text is None:
        return body
    meta["render_macros"] = None
    return text


def scan(body: str, offset: int = 0) -> Scan:
    """Parse a page body as Jinja and list its calls and undeclared names.

    ``offset`` is added to every line number (the lines above the body).
    Raises ``jinja2.TemplateSyntaxError`` with ``lineno`` already offset.
    """
    literal = literal_calls(body)
    if literal is not None:
        calls = [Call(c.name, c.args, c.kwargs, c.line + offset, True) for _, _, c in literal]
        undeclared: dict[str, int] = {}
        for call in calls:
            undeclared.setdefault(call.name, call.line)
        return Scan(calls=calls, undeclared=undeclared)
    try:
        tree = _parser().parse(body)
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
    return Scan(calls=calls, undeclared=undeclared, unsafe=_unsafe(tree, offset))


# Filters a page may use: none of them reaches an attribute by a name it is given.
SAFE_FILTERS = {"e", "escape", "upper", "lower", "title", "capitalize", "trim", "length", "count",
                "default", "d", "join", "replace", "int", "float", "string", "first", "last",
                "round", "abs", "striptags", "wordcount", "truncate", "center", "indent", "list"}


def _unsafe(tree: nodes.Template, offset: int) -> list[tuple[str, int]]:
    """What in a page's template reaches beyond the macros and plain variables.

    The macros plugin renders pages with Jinja, which is no sandbox: a card could reach
    Python's innards (``cycler.__init__.__globals__.os``) and run anything on the machine
    that builds the site. A page may call our macros (by name) and read variables and their
    attributes; it may not name a part starting with '_', subscript with a computed key,
    call a method (``'{0.__class__}'.format(x)`` reads attributes too), use a filter that
    takes an attribute's name, or include another file."""
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Call, nodes.Filter, nodes.Include,
                               nodes.Import, nodes.FromImport, nodes.Extends)):
        line = node.lineno + offset
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            found.append((f"the template reaches for '{node.attr}', a part of Python", line))
        elif isinstance(node, nodes.Getitem):
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            if not isinstance(key, (str, int)) or isinstance(key, str) and key.startswith("_"):
                found.append((f"the template reaches for {repr(key) if key else 'a computed key'}, "
                              "which pages have no business with", line))
        elif isinstance(node, nodes.Call) and not isinstance(node.node, nodes.Name):
            found.append(("the template calls a method, which pages have no business with", line))
        elif isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
            found.append((f"the template uses the filter '{node.name}'", line))
        elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            found.append(("the template includes another file", line))
    return sorted(found, key=lambda item: item[1])


def body_offset(path: str | None) -> int:
    """How many lines of the file at ``path`` stand above its Markdown body (the front matter)."""
    if not path or not os.path.exists(path):
        return 0
    with open(path, encoding="utf-8-sig") as handle:
        _, _, offset = split_front_matter(handle.read())
    return offset


PLUGIN_MACROS = ("context", "macros_info", "now", "fix_url")  # mkdocs-macros-plugin's own; not ours to suggest
PRIVATE_MACROS = {"context", "macros_info"}  # they hand a page the build's whole environment


def page_names(env, meta: dict) -> tuple[set[str], list[str]]:
    """The names a page of mkdocs-macros-plugin's ``env`` with front matter ``meta`` may use (not
    Jinja's globals: a way into Python), and our macros, told for a misspelt one."""
    known = (set(env.variables) | set(env.macros) | set(meta)) - PRIVATE_MACROS
    return known, sorted(n for n in env.macros if not n.startswith("_") and n not in PLUGIN_MACROS)


def check_names(body: str, shown: str, known: set[str], macros: list[str], offset: int = 0) -> None:
    """Refuse syntax errors, unknown macros and undefined names, with their lines.

    ``known``: every name a page may use; ``macros``: the macros to suggest; ``offset``: the
    lines above the body (as ``scan``).
    """
    try:
        found = scan(body, offset)
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(shown, error.lineno, f"malformed macro call: {error.message}.",
                           "write macro calls as {{ name(arguments) }} with matching braces, "
                           "parentheses and quotes.") from None
    if found.unsafe:
        problem, line = found.unsafe[0]
        raise ContentError(shown, line, problem + ".",
                           "a page calls the macros by name ({{ siehe(15, 16) }}) and reads variables "
                           "({{ config.site_url }}); write what else it needs as text.")
    called = {c.name for c in found.calls}
    for name, line in found.undeclared.items():
        if name in known:
            continue
        if name in called:
            raise ContentError(shown, line, f"unknown macro '{name}'.",
                               f"use one of {', '.join(macros)}; check the spelling.")
        raise ContentError(shown, line, f"undefined name '{name}'.",
                           "check the spelling, or write literal braces as {{ '{{' }}.")


def check_cards(cards, known: set[str], macros: list[str]) -> None:
    """Refuse a card's syntax errors, unknown macros and undefined names (as ``check_names``) with
    the card's file and line, before any page is built: „Vorführen“, „Druckfassung“ and
    „Checklisten“ render every card, and met a card's mistake before its own page could name it."""
    for card in cards:
        if has_macros(card.body):
            check_names(card.body, card.path, known | card.meta_keys, macros, card.body_offset)
