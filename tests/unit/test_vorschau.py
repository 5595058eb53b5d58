"""Previews of linked cards, the text on its own (kartenfaecher/features/vorschau/): no build."""

from __future__ import annotations

from kartenfaecher.sources.registry import Card, Chapter, Registry
from kartenfaecher.features.vorschau import attribute, preview_text, shorten


def test_an_overview_cards_preview_lists_its_cards():
    chapter = Chapter("a", "Anfang")
    overview, first, second = (Card(n, t, chapter, f"{n}.md", f"{n}.md", e) for n, t, e in
                               [(1, "Anfang", ""), (2, "Erste", "Text."), (3, "Zweite", "Mehr.")])
    assert preview_text(Registry([overview, first, second], [chapter]), overview) == "2 Erste · 3 Zweite"


def test_a_long_first_paragraph_is_cut_after_a_sentence_or_a_word():
    sentence = "Ein Satz mit einigen Wörtern. "
    assert shorten(sentence * 20, 100) == (sentence * 3).strip()
    assert shorten("Wort " * 100, 42) == ("Wort " * 8).strip() + " …"
    assert shorten("Kurz.", 100) == "Kurz."


def test_preview_text_cannot_turn_into_markdown_or_html():
    assert attribute('a *b* _c_ `d` [e](f) <g> "h" {{ i }} \\j') == (
        "a &#42;b&#42; &#95;c&#95; &#96;d&#96; &#91;e&#93;(f) &lt;g&gt; &quot;h&quot; "
        "&#123;&#123; i &#125;&#125; &#92;j")
