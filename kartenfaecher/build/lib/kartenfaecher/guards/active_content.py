"""No page runs what its Markdown brings: active content in a page is refused, with file and line.

Cards are written by people, in a real publication by more than one, and the site's
Content-Security-Policy (kartenfaecher/outputs/csp.py) allows an inline script by its hash. It hashes
the inline scripts of the built pages, so it must only ever find Material's and ours: the HTML
an author writes into a page (raw HTML, attribute lists, links) may hold no script, no element
that loads or embeds another document or changes where links go, no event handler, no style
the policy would silently drop, and no link that runs script (``javascript:``). Hosts that send
no policy (GitHub Pages) would run all of these.

What our macros write is ours and is not checked: it reaches Markdown as finished HTML
(extensions/fertig.py), whose place in Python-Markdown's stash that extension records. Everything
else Markdown made of the page is checked once the page is HTML, so entities, odd capitals and
spaces inside a scheme („ JaVa&#x53;cript:“) are seen as the browser sees them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import ContentError, line_matching

# Elements an author's HTML may not hold, and how a message names them.
ELEMENTS = {
    "script": "an inline script", "iframe": "an embedded page (iframe)", "frame": "an embedded page (frame)",
    "frameset": "a frameset", "object": "an embedded object", "embed": "an embedded object",
    "applet": "an embedded applet", "base": "a <base> element (it moves every link of the page)",
    "meta": "a <meta> element", "link": "a <link> element", "style": "a <style> element",
    "form": "a form",
}
# Attributes that hold an address.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "cite", "background",
                  "xlink:href", "srcset", "ping"}
# Those a browser fetches by itself to show the page (a picture, a video's poster …).
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background"}
_ELSEWHERE = re.compile(r"^(?:https?:)?//", re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers drop these from an address before reading its scheme.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20]")
_FIX = {
    "element": "remove it: a card holds text, links and images; the site's scripts are ours "
               "(kartenfaecher/features/), and each page loads them.",
    "handler": "remove the attribute: a card's HTML runs no script.",
    "style": "remove it and give the element a class instead ({: .name } after it, attr_list), "
             "styled in a stylesheet listed in extra_css: the site's Content-Security-Policy drops inline styles.",
    "scheme": "link to a page or an https:// address instead.",
    "elsewhere": "save the file into docs/ (for example docs/bilder/) and refer to it relatively: "
                 "visitors' browsers ask no other host for anything.",
}


class Finding(Exception):
    """What was found, the pattern that finds it in the Markdown source, and the fix's kind."""

    def __init__(self, what: str, needle: str, fix: str):
        super().__init__(what)
        self.what, self.needle, self.fix = what, needle, fix


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        if tag in ELEMENTS:
            raise Finding(ELEMENTS[tag], rf"<\s*{tag}\b", "element")
        for name, value in attrs:
            if name.startswith("on"):
                raise Finding(f"an event handler ({name}=…)", rf"\b{name}\s*=", "handler")
            if name == "style":
                raise Finding("a style attribute", r"\bstyle\s*=", "style")
            if name in URL_ATTRIBUTES and value:
                for url in (part.strip().split(" ")[0] for part in value.split(",")) \
                        if name == "srcset" else (value,):
                    _check_url(tag, name, url)

    handle_startendtag = handle_starttag


def _check_url(tag: str, name: str, url: str) -> None:
    if name in LOADING_ATTRIBUTES and _ELSEWHERE.match(url.strip()):
        what = "a picture" if tag in ("img", "picture", "source") else f"a <{tag}>'s file"
        raise Finding(f"{what} from another host ({url.strip()})", re.escape(url.strip()), "elsewhere")
    scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", url).lower())
    if not scheme:
        return
    if scheme[1] in ("javascript", "vbscript"):
        # The scheme's word, or failing that (spelled with entities) the attribute.
        raise Finding(f"a {scheme[1]}: link", rf"{scheme[1]}|\b{name}\s*=", "scheme")
    if scheme[1] == "data" and not (tag == "img" and url.strip().lower().startswith("data:image/")):
        raise Finding("a data: address", rf"data\s*:|\b{name}\s*=", "scheme")


def check(html: str) -> None:
    """Raises Finding for the first active content in ``html``."""
    checker = _Checker()
    checker.feed(html)
    checker.close()


def refuse(finding: Finding, shown: str, source: Path | None) -> ContentError:
    """The error for ``finding`` in the page ``shown``, with the line of its source where found."""
    why = ("visitors' browsers would ask that host, and the site sends nothing elsewhere."
           if finding.fix == "elsewhere" else "the build writes no active content from a page into the site.")
    return ContentError(shown, line_matching(source, finding.needle, re.I) if source else None, f"{finding.what} in the page's HTML: {why}",
                        _FIX[finding.fix])

