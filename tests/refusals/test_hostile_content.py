"""Content is input like any other: what a card file holds can neither run in a reader's
browser nor crash the build, and what the build cannot take it refuses with file, line and fix.

Cases from an adversarial review of the build (issue „Safe against hostile content …“, items
2–5); the titles' escaping is seen in a browser, in tests/browser/test_hostile_content.py.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_refused, line_of

CARD_16 = "docs/karten/16-formen-von-legitimation.md"
CARD_16_TEXT = "Legitimation hat mehrere Formen."


def built_with(tiny, payload: str):
    """The tiny handbook built with ``payload`` after card 16's first sentence: (the build,
    the line of the payload's last line in the card file)."""
    tiny.replace(CARD_16, CARD_16_TEXT, f"{CARD_16_TEXT}\n\n{payload}\n")
    return tiny.build(), line_of(tiny.path(CARD_16), payload.split("\n")[-1])


# -- 2. Active content in a card is refused, so the policy never allows it ---------------------


@pytest.mark.parametrize("payload, what", [
    ("<script>window.__pwned=1</script>", "an inline script"),
    ("<SCRIPT type=\"text/javascript\">window.__pwned=1</SCRIPT>", "an inline script"),
    ("[Mehr](javascript:window.__pwned=1)", "a javascript: link"),
    ("<a href=\" JaVaScRiPt:window.__pwned=1\">Mehr</a>", "a javascript: link"),
    # Held from the first: kept here so that they keep holding.
    ("<svg><script>window.__pwned=1</script></svg>", "an inline script"),
    ("<!-- Hinweis --><script>window.__pwned=1</script>", "an inline script"),
    ("<svg onload=\"window.__pwned=1\"></svg>", "an event handler (onload=…)"),
    ("Text mit Klick\n{: onclick=\"window.__pwned=1\" }", "an event handler (onclick=…)"),
    ("<iframe srcdoc=\"&lt;script&gt;window.__pwned=1&lt;/script&gt;\"></iframe>", "an embedded page"),
    ("<form action=\"https://example.org/\"><input name=\"a\"></form>", "a form"),
    ("<meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">", "a <meta> element"),
    ("<base href=\"https://example.org/\">", "a <base> element"),
    ("[Mehr](data:text/html;base64,PHNjcmlwdD4=)", "a data: address"),
    ("<span style=\"color: red\">rot</span>", "a style attribute"),
    # Found by attacking further: visitors' browsers would ask that host.
    ("![Logo](https://tracker.example/pixel.png)", "a picture from another host"),
    ('<img src="//tracker.example/pixel.png" alt="Logo">', "a picture from another host"),
])
def test_active_content_in_a_card_is_refused_with_its_line(tiny, payload, what):
    result, line = built_with(tiny, payload)
    assert_refused(result, f"{CARD_16}:{line}: {what}", "Fix:")
    assert not tiny.path("site/_headers").exists(), "no policy may be written for a refused build"


# -- 3. Card files with awkward names, and cards left out ------------------------------------


def _with_druckfassung(tiny) -> None:
    """The page „Druckfassung“ in the tiny handbook: it takes every card from its built page."""
    tiny.path("docs/druckfassung.md").write_text("# Druckfassung\n\n{{ druckfassung() }}\n", encoding="utf-8")
    tiny.replace("mkdocs.yml", "      begriffe:\n",
                 "      titelkarte: {untertitel: Untertitel, projekt: Projekt, projekt_titel: Projekttitel}\n"
                 "      begriffe:\n")
    tiny.replace("mkdocs.yml", "  - Checklisten: checklisten.md\n",
                 "  - Checklisten: checklisten.md\n  - Druckfassung: druckfassung.md\n")


@pytest.mark.parametrize("name", ["16 formen von legitimation.md", "16-formen-für-legitimation.md"])
def test_a_card_file_named_with_a_space_or_an_umlaut_builds(tiny, name):
    _with_druckfassung(tiny)
    tiny.path(CARD_16).rename(tiny.path(f"docs/karten/{name}"))
    result = tiny.build()
    assert result.returncode == 0, result.output
    assert CARD_16_TEXT in tiny.path("site/druckfassung/index.html").read_text(encoding="utf-8")
    pages = list(tiny.path("site/karten").glob("16*/index.html"))
    assert len(pages) == 1 and CARD_16_TEXT in pages[0].read_text(encoding="utf-8")


def test_a_card_in_exclude_docs_is_left_out_of_the_site(tiny):
    _with_druckfassung(tiny)
    draft = tiny.path("docs/karten/19-entwurf.md")
    draft.write_text("---\nkarte: 19\ntitel: Entwurf\nkapitel: legitimation\n---\n\nNoch nicht fertig.\n",
                     encoding="utf-8")
    tiny.replace("mkdocs.yml", "strict: true\n", "strict: true\nexclude_docs: |\n  karten/19-entwurf.md\n")
    result = tiny.build()
    assert result.returncode == 0, result.output
    assert not list(tiny.path("site/karten").glob("19*"))
    assert '"number": 19' not in tiny.path("site/karten.json").read_text(encoding="utf-8")
    assert "Entwurf" not in tiny.path("site/index.html").read_text(encoding="utf-8")
    assert "Noch nicht fertig" not in tiny.path("site/druckfassung/index.html").read_text(encoding="utf-8")


# -- 4. A card saved in another encoding ------------------------------------------------------


def test_a_card_saved_as_latin_1_is_refused_with_its_line(tiny):
    path = tiny.path(CARD_16)
    text = path.read_text(encoding="utf-8").replace(CARD_16_TEXT, "Grüße aus Köln.")
    path.write_bytes(text.encode("latin-1"))
    line = text.split("\n").index("Grüße aus Köln.") + 1
    assert_refused(tiny.build(), f"{CARD_16}:{line}: the file is not UTF-8",
                   "Fix: save the file as UTF-8")


def test_a_page_saved_as_latin_1_is_refused_with_its_line(tiny):
    path = tiny.path("docs/inhalt.md")
    text = path.read_text(encoding="utf-8") + "\nGrüße aus Köln.\n"
    path.write_bytes(text.encode("latin-1"))
    line = next(n for n, words in enumerate(text.split("\n"), start=1) if not words.isascii())
    assert_refused(tiny.build(), f"docs/inhalt.md:{line}: the file is not UTF-8", "Fix: save the file as UTF-8")


# -- 5. Front matter that was accepted silently and wrong -------------------------------------


def test_a_title_that_is_a_list_is_refused(tiny):
    tiny.replace(CARD_16, 'titel: "Formen von Legitimation"', "titel: [Formen, Legitimation]")
    assert_refused(tiny.build(), f"{CARD_16}:3: the titel is a list, not a text",
                   "Fix: write it as one line of text in quotes")


def test_a_key_written_twice_is_refused_with_both_lines(tiny):
    tiny.replace(CARD_16, 'titel: "Formen von Legitimation"',
                 'titel: "Formen von Legitimation"\ntitel: "Andere Formen"')
    assert_refused(tiny.build(), f"{CARD_16}:4: titel is written twice in the front matter (lines 3 and 4)",
                   "Fix: keep one")


@pytest.mark.parametrize("where", ["front matter", "text"])
def test_a_control_character_is_refused_with_its_line(tiny, where):
    if where == "front matter":
        tiny.replace(CARD_16, "Formen von Legitimation", "Formen\x00 von Legitimation")
        line = 3
    else:
        tiny.replace(CARD_16, CARD_16_TEXT, "Legitimation hat\x07 mehrere Formen.")
        line = line_of(tiny.path(CARD_16), "Legitimation hat\x07")
    assert_refused(tiny.build(), f"{CARD_16}:{line}: the file holds a control character",
                   "Fix: delete it")


def test_a_card_number_beyond_what_share_links_carry_is_refused(tiny):
    tiny.replace(CARD_16, "karte: 16", "karte: 10000")
    tiny.path(CARD_16).rename(tiny.path("docs/karten/10000-formen.md"))
    assert_refused(tiny.build(), "docs/karten/10000-formen.md:2: the card number 10000 is larger than 9999",
                   "Fix:")


# -- found by attacking further -----------------------------------------------------------------


@pytest.mark.parametrize("payload, what", [
    ("{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }}", "the template calls a method"),
    ("{{ config.__class__.__mro__ }}", "a part of Python"),
    ("{{ config['__class__'] }}", "'__class__'"),
    ("{% include 'mkdocs.yml' %}", "includes another file"),
    ("{{ cycler }}", "undefined name 'cycler'"),
])
def test_a_template_that_reaches_beyond_the_macros_is_refused(tiny, payload, what):
    # The macros' Jinja is no sandbox: a card could run any Python at build time.
    result, line = built_with(tiny, payload)
    assert_refused(result, f"{CARD_16}:{line}: ", what, "Fix:")
    assert "PWNED" not in result.output


@pytest.mark.parametrize("title", ["Formen {{ 7*7 }} von", "Formen {% if true %}x{% endif %}"])
def test_a_title_with_template_syntax_is_refused(tiny, title):
    # The macros plugin renders a page title that holds {{ or {% as a template.
    tiny.replace(CARD_16, 'titel: "Formen von Legitimation"', f'titel: "{title}"')
    assert_refused(tiny.build(), f"{CARD_16}:3: the titel holds", "Fix:")


def test_a_page_title_with_template_syntax_is_refused(tiny):
    path = tiny.path("docs/inhalt.md")
    path.write_text('---\ntitle: "Alle {{ 7*7 }} Karten"\n---\n\n' + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    assert_refused(tiny.build(), "docs/inhalt.md:2: the title holds", "Fix:")


def test_a_description_in_front_matter_is_text(tiny):
    tiny.replace(CARD_16, "kapitel: legitimation", 'kapitel: legitimation\ndescription: "\\"><script>x()</script>"')
    result = tiny.build()
    assert result.returncode == 0, result.output
    html = next(tiny.path("site/karten").glob("16-*/index.html")).read_text(encoding="utf-8")
    assert "<script>x()" not in html
    assert 'content="&#34;&gt;&lt;script&gt;x()&lt;/script&gt;"' in html or \
        'content="&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"' in html


@pytest.mark.parametrize("where, old, new", [
    ("title", "Formen von Legitimation", "Formen \u202evon Legitimation"),
    ("text", CARD_16_TEXT, "Legitimation hat \u2066mehrere\u2069 Formen."),
])
def test_a_direction_control_character_is_refused(tiny, where, old, new):
    # U+202E and its kind turn the order of what readers see: a title could read as another.
    tiny.replace(CARD_16, old, new)
    line = line_of(tiny.path(CARD_16), new)
    assert_refused(tiny.build(), f"{CARD_16}:{line}: the file holds a direction control character", "Fix:")


def test_markdown_nested_past_reason_is_refused_with_its_line(tiny):
    # Python-Markdown recurses per level: 400 nested list items crashed it with a RecursionError.
    nested = "\n".join("    " * i + "- x" for i in range(400))
    tiny.replace(CARD_16, CARD_16_TEXT, f"{CARD_16_TEXT}\n\n{nested}\n")
    line = line_of(tiny.path(CARD_16), "    " * 17 + "- x")
    assert_refused(tiny.build(), f"{CARD_16}:{line}: the text is nested more than 16 levels deep", "Fix:")


def test_an_unknown_template_in_front_matter_is_refused(tiny):
    tiny.replace(CARD_16, "kapitel: legitimation", "kapitel: legitimation\ntemplate: ../../../etc/passwd")
    assert_refused(tiny.build(), f"{CARD_16}:5: the template '../../../etc/passwd' does not exist", "Fix:")


def test_a_javascript_link_written_with_an_entity_is_refused_with_its_line(tiny):
    result, line = built_with(tiny, "[Mehr](javascript&colon;window.__pwned=1)")
    assert_refused(result, f"{CARD_16}:{line}: a javascript: link")
