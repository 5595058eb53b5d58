"""WCAG 2.4.7 Focus visible and 2.4.3 Focus order, as a BITV test judges them: a keyboard user
presses Tab from the page's load to its end, and every stop shows where it is, in both schemes.

A stop passes when the element in focus (for a control drawn as its label, the label) has a ring,
an outline or a box-shadow of at least 2 px whose colour has at least 3:1 against what lies behind
it, and lies whole inside the window, not under the fixed header. Measured at 1440 px (the laptop
with its side navigation) and at 1024 px (a smaller window, or 200 % zoom on a laptop: the
navigation is a drawer, closed, and so out of the Tab order), on a sample of pages as a BITV test
takes one (below). And the first stop is the skip link to the content (WCAG 2.4.1), on every page
walked."""

from __future__ import annotations

import pytest

from tests.helpers import OTHER_PAGES, a_card_of_each_chapter, bitv_sample, new_context, with_checklists

# What the element in focus shows, measured when its transitions have run.
STOP = r"""() => {
    for (const a of document.getAnimations()) { try { a.finish(); } catch (e) {} }
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const area = el => { const r = el.getBoundingClientRect(); return r.width * r.height; };
    // A control drawn by something else (an invisible radio, Material's checkbox under its
    // drawn box) shows focus on what is drawn: its label, or the element after it.
    const drawn = area(e) === 0 || getComputedStyle(e).opacity === "0";
    const shown = drawn ? [...(e.labels || []), e.nextElementSibling].filter(el => el && el.getClientRects().length)
        : [e];
    const rgba = c => { const m = c.match(/[\d.]+/g) || [0, 0, 0, 0];
        return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
    const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3])).concat(1);
    const behind = el => { const layers = [];
        for (let p = el; p; p = p.parentElement) { const c = rgba(getComputedStyle(p).backgroundColor);
            if (c[3] > 0) { layers.push(c); if (c[3] === 1) break; } }
        return layers.reduceRight((below, top) => over(top, below), [255, 255, 255, 1]); };
    const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05); };
    // Rings of 2 px or more, and their contrast with what lies behind them: outside the box
    // (outline-offset ≥ 0) that is the parent's ground, inside it the box's own.
    const rings = (el, pseudo) => { const s = getComputedStyle(el, pseudo), found = [];
        const ground = behind(parseFloat(s.outlineOffset) < 0 ? el : (el.parentElement || el));
        if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2)
            found.push(contrast(over(rgba(s.outlineColor), ground), ground));
        const shadow = /(rgba?\([^)]*\))\s+([-\d.]+)px\s+([-\d.]+)px\s+([-\d.]+)px\s+([-\d.]+)px/g;
        for (const m of s.boxShadow.matchAll(shadow))
            if (+m[5] >= 2) found.push(contrast(over(rgba(m[1]), behind(el)), behind(el.parentElement || el)));
        return found; };
    const best = Math.max(0, ...shown.flatMap(el => [...rings(el, null), ...rings(el, "::before")]));
    const r = (area(e) > 0 ? e : shown.find(el => area(el) > 0) || e).getBoundingClientRect();
    const owner = e.closest("label") || e;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return {what: `${e.tagName.toLowerCase()}.${String(e.className).split(" ")[0]} „${(e.getAttribute("aria-label")
                || e.textContent).trim().slice(0, 30)}“`,
            key: e, ring: Math.round(best * 100) / 100,
            inside: r.width > 0 && r.height > 0 && r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1
                && r.bottom <= innerHeight + 1,
            covered: !!hit && !owner.contains(hit) && !hit.contains(owner) && !shown.some(el => el.contains(hit))
                && `${hit.tagName.toLowerCase()}.${String(hit.className).split(" ")[0]}`
                + ` at ${Math.round(x)},${Math.round(y)}`};
}"""


def tab_stops(page, limit: int = 400) -> list[dict]:
    """Every stop from load to the end of the page, as Tab reaches them."""
    page.evaluate(f"""() => {{ const seen = new Set(), stop = {STOP};
        window.__stop = () => {{ const s = stop(); if (!s || seen.has(s.key)) return "end";
                                 seen.add(s.key); delete s.key; return s; }};
        window.__again = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
            () => {{ const s = stop(); delete s.key; done(s); }}))); }}""")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate("window.__stop()")
        if stop == "end":
            return stops
        if faults(stop):  # judged as a reader sees it: once Material's scripts have followed the scroll
            stop = page.evaluate("window.__again()")
        stops.append(stop)
    raise AssertionError(f"{page.url}: more than {limit} Tab stops")


def faults(stop: dict) -> list[str]:
    found = []
    if stop["ring"] < 3:
        found.append(f"no 2 px ring of 3:1 (best {stop['ring']}:1)")
    if not stop["inside"]:
        found.append("outside the window")
    elif stop["covered"]:
        found.append(f"under {stop['covered']}")
    return found


# A BITV test's sample (tests/helpers.py) at 1024 px in the light scheme, where the navigation is
# a drawer, with the Druckfassung, whose 190 stops are every card's links and questions: so every
# card's content is walked. At 1440 px, where the sidebar adds 30 stops to each page and differs
# by chapter: the pages that are not cards, a card of each chapter and the first card with a
# checklist. In the dark scheme, where only the rings' colours differ (on page, header, fan,
# footer and checklist, all of which 1024 px shows): the pages that are not cards and the first
# card with a checklist. Every card page in every walk (1,352 stops a walk) took the suite past
# ten minutes.
@pytest.mark.parametrize("scheme, width", [("light", 1440), ("light", 1024), ("dark", 1024)])
def test_every_tab_stop_is_visible_and_in_the_window(browser, server, site, cards, scheme, width):
    context = new_context(browser, viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    unseen, no_skip_link = {}, {}
    first_checklist = with_checklists(site, cards)[0]
    others = [url for url in OTHER_PAGES if url != "druckfassung/"]
    walked = {("light", 1024): bitv_sample(site, cards),
              ("light", 1440): others + list(dict.fromkeys([*a_card_of_each_chapter(cards), first_checklist])),
              ("dark", 1024): others + [first_checklist]}[scheme, width]
    for url in walked:
        page.goto(server + url)
        stops = tab_stops(page)
        for number, stop in enumerate(stops, 1):
            if faults(stop):
                unseen.setdefault(url or "/", []).append(f"{number}: {stop['what']}: {', '.join(faults(stop))}")
        # WCAG 2.4.1: the first stop skips to the content (test_tastatur.py follows it on some pages).
        target = page.evaluate("document.querySelector('.md-content #zum-inhalt') !== null")
        if not stops or stops[0]["what"] != "a.md-skip „Zum Inhalt“" or not target:
            no_skip_link[url or "/"] = stops[0]["what"] if stops else None
    assert unseen == {}
    assert no_skip_link == {}
    context.close()
