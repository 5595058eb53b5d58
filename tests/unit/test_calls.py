"""Pages of literal macro calls are expanded without Jinja (kartenfaecher/sources/calls.py), as Jinja would."""

from __future__ import annotations

import jinja2
import pytest

from kartenfaecher.sources.calls import literal_calls, render_literal, scan

MACROS = {
    "siehe": lambda *numbers: "→ " + ", ".join(map(str, numbers)),
    "karte": lambda number, text=None: f"[{text or 'Karte'} {number}]",
}


@pytest.mark.parametrize("body", [
    "Text.\n\n{{ siehe(8, 11) }}\n",
    "Erst {{ karte(8) }}, dann {{karte(9, \"Daseins}}vorsorge\")}} und {{ karte(15, text='x') }}.",
    "Ohne Makros.\n",
    "{{ siehe(1) }}",
])
def test_literal_calls_render_as_jinja_renders_them(body):
    assert render_literal(body, MACROS) == jinja2.Environment().from_string(body).render(**MACROS)


@pytest.mark.parametrize("body", [
    "{{ config.site_url }}",            # a variable
    "{{ karte(8) | upper }}",           # a filter
    "{% if x %}{{ karte(8) }}{% endif %}",
    "{# note #}{{ karte(8) }}",
    "{{ karte(n) }}",                   # an argument that is not a literal
    "{{ karte(8, 'a\\nb') }}",          # an escape (Jinja's rules, not Python's)
    "{{- karte(8) }}",                  # whitespace control
    "{{ karte(8) ",                     # unclosed
    "{{ unbekannt(8) }}",               # not a macro: Jinja reports it
])
def test_anything_else_goes_the_jinja_way(body):
    assert render_literal(body, MACROS) is None


def test_a_failing_macro_goes_the_jinja_way_which_reports_it():
    def broken(number):
        raise ValueError(number)
    assert render_literal("{{ karte(8) }}", {"karte": broken}) is None


def test_literal_calls_keep_their_lines_for_messages():
    body = "a\n\nb {{ siehe(8) }}\n{{ karte(9) }}"
    assert [(c.name, c.args, c.line) for _, _, c in literal_calls(body)] == [
        ("siehe", (8,), 3), ("karte", (9,), 4)]
    found = scan(body, offset=4)
    assert [(c.name, c.line) for c in found.calls] == [("siehe", 7), ("karte", 8)]
    assert found.undeclared == {"siehe": 7, "karte": 8}
