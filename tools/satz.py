"""The typesetting `make pdf` does in the printed page, before Chromium prints it (tools/druck.py).

What a print stylesheet cannot do, done in the page for the PDFs only, never in the site a reader
copies and searches: the titles set whole, German hyphenation (soft hyphens from LibreOffice's
hyphenator, tools/silbentrennung.py), addresses broken only after a slash or before a dot, no line
ending in „Ko-“; then print media, the typeface waited for; for the print shop's file, the bleed.
And the typeface's @font-face rules for the small documents of ours that druck.py prints.
"""

from __future__ import annotations

import base64

from kartenfaecher.features.druck import card_format_mm
from kartenfaecher.outputs.vendor import TYPEFACE

from tools import silbentrennung

# The soft hyphens the build places in titles for narrow screens (kartenfaecher/sources/trennung.py),
# taken out before printing: the printed card sets its titles whole, as the paper did, and
# Chromium would draw a title in pieces where they stand, which text extraction reads as gaps.
UNHYPHENATE = """() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (node.data.includes("\u00ad")) node.data = node.data.replaceAll("\u00ad", "");
}"""


# The cards' text hyphenated as German is, for the PDFs only: Chromium has no German hyphenation
# here, so make pdf puts soft hyphens (LibreOffice's hyphenator: tools/silbentrennung.py) into the
# words of six letters or more (three stay together at either end) of the printed page. Not into
# titles (set whole, as on paper), addresses or code; never into the site, whose text a reader
# copies and searches. In the PDF, the words read whole (``whole_words``).
PRINTED_WORDS = """() => {
    const words = new Set();
    for (const node of hyphenable())
        for (const word of node.data.match(/[A-Za-zÄÖÜäöüß]{6,}/g) || []) words.add(word);
    return [...words];
}"""
HYPHENATE = """(shown) => {
    for (const node of hyphenable())
        node.data = node.data.replace(/[A-Za-zÄÖÜäöüß]{6,}/g, word => shown[word] || word);
}"""
HYPHENABLE = """window.hyphenable = () => {
    const SET_WHOLE = ".karte-titel, h1, h2, h3, .titelkarte, code, pre, script, style";  // titles, the cover
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const inside = node.parentElement;
        if (!inside.closest(".md-typeset") || inside.closest(SET_WHOLE)) continue;
        const link = inside.closest("a");
        if (link && /[\\/.@]/.test(link.textContent)) continue;  // an address shown as the link's text
        found.push(node);
    }
    return found;
}"""

# An address shown as a link's text breaks only after a slash or before a dot (or, in a part too
# long for a line, after an underscore), never after one of its hyphens, which a reader would take
# for a hyphenation: each part between those points is set unbreakable, a <wbr> between them. The
# scheme and "www." stay with the name after them.
BREAK_ADDRESSES = """() => {
    const address = /^(https?:\\/\\/|www\\.)\\S+$/;
    for (const link of document.querySelectorAll(".md-typeset a")) {
        if (link.children.length || !address.test(link.textContent)) continue;
        const parts = link.textContent.match(/^(https?:\\/\\/)?(www\\.)?[^./_]*|[./_]?[^./_]*[/_]?/g).filter(Boolean);
        link.replaceChildren();
        parts.forEach((part, index) => {
            if (index) link.append(document.createElement("wbr"));
            const span = document.createElement("span");
            span.style.whiteSpace = "nowrap";
            span.textContent = part;
            link.append(span);
        });
    }
}"""

# German typesetting keeps a prefix of one or two letters with its word: no line ends in „Ko-“
# („Ko-Produktion“, „E-Mail“). Each such prefix and the letter after it are set unbreakable, in a
# span: the text, as a reader copies or searches it, stays as it was.
KEEP_PREFIXES = """() => {
    const prefix = /(^|[^\\p{L}])(\\p{L}{1,2}-\\p{L})/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (prefix.test(node.data) && !node.parentElement.closest("script, style")) found.push(node);
    for (let node of found) {
        let match;
        while ((match = prefix.exec(node.data))) {
            const start = match.index + match[1].length;
            const kept = node.splitText(start);
            node = kept.splitText(match[2].length);
            const span = document.createElement("span");
            span.style.whiteSpace = "nowrap";
            kept.replaceWith(span);
            span.append(kept);
        }
    }
}"""

FONTS_LOADED = """async () => {
    document.body.offsetHeight;  // lay the page out in print media, which asks for the typeface
    await document.fonts.ready;
}"""


# The print shop's file: the page larger by the bleed on every side, which the print stylesheet
# (--anschnitt) runs the bands into. A stylesheet of its own, built in the page (the site's CSP
# lets no <style> element in).
WITH_BLEED = """([width, height, bleed]) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: ${width + 2 * bleed}mm ${height + 2 * bleed}mm; margin: 0; }
                       :root { --anschnitt: ${bleed}mm; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""




def typeset(page, bleed: float = 0) -> None:
    """Set the loaded page (Playwright) for print as described above, ``bleed`` mm around each card."""
    if bleed:
        page.evaluate(WITH_BLEED, [*card_format_mm(), bleed])
    page.evaluate(UNHYPHENATE)
    page.evaluate(HYPHENABLE)
    page.evaluate(HYPHENATE, {word: silbentrennung.hyphenated(word) for word in page.evaluate(PRINTED_WORDS)})
    page.evaluate(BREAK_ADDRESSES)
    page.evaluate(KEEP_PREFIXES)
    in_print(page)


def in_print(page) -> None:
    """Print media, and the typeface waited for: it loads once print media applies (the site's
    assets/css/kartenschrift.css, or the rules of ``typeface_css``), and Chromium would print
    before it arrived, in a fallback font."""
    page.emulate_media(media="print")
    page.evaluate(FONTS_LOADED)


def typeface_css() -> str:
    """The @font-face rules of the cards' typeface (kartenfaecher/vendor/), the files inline: for the
    small documents of ours above, which have no site to load them from."""
    rules = []
    for path in TYPEFACE:
        _, style, weight = path.stem.split("-")
        data = base64.b64encode(path.read_bytes()).decode()
        rules.append(f'@font-face {{ font-family: "Kartenschrift"; font-style: {style}; font-weight: {weight}; '
                     f'src: url(data:font/woff;base64,{data}) format("woff"); }}')
    return "\n".join(rules)
