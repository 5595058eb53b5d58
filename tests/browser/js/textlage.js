// What text on the page a reader cannot read whole: lines cut off by a box that hides its overflow
// (clipped), and lines of two elements drawn over each other (overlap). Turned text (the fan's
// titles along its cards) is left to its own check; text scrolled out of a box that scrolls, or
// under a sticky heading inside one, is not drawn and so not counted. Used by test_reflow.py and
// test_textabstand.py, as page.evaluate(this file).
() => {
  const shown = e => { for (let p = e; p; p = p.parentElement) { const s = getComputedStyle(p);
      if (s.visibility === "hidden" || s.opacity === "0" || s.display === "none") return false;
      const r = p.getBoundingClientRect(); if (s.position === "absolute" && (r.width <= 1 || r.height <= 1)) return false;
      if (s.clip && s.clip !== "auto") return false; } return true; };
  const name = e => `${e.tagName.toLowerCase()}.${String(e.className).split(" ")[0]} „${e.textContent.trim().slice(0, 30)}“`;
  const texts = [], clipped = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || !e || !shown(e)) continue;
    // Turned text (the fan's titles along its cards) is judged by its own box, below.
    let turned = false, stuck = false;
    for (let p = e; p; p = p.parentElement) { const s = getComputedStyle(p);
      if (s.transform !== "none") turned = true; if (s.position === "sticky" && p.closest(".md-sidebar__scrollwrap")) stuck = true; }
    if (turned) continue;
    const range = document.createRange(); range.selectNodeContents(n);
    for (const line of range.getClientRects()) {
      if (line.width <= 1 || line.height <= 1) continue;
      let r = {left: line.left, right: line.right, top: line.top, bottom: line.bottom};
      for (let p = e; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p), q = p.getBoundingClientRect();
        const x = s.overflowX !== "visible", y = s.overflowY !== "visible";
        if (!x && !y) continue;
        const cut = ["hidden", "clip"];  // cut off, where auto and scroll can be scrolled to
        if ((cut.includes(s.overflowY) && (line.bottom > q.bottom + 1 || line.top < q.top - 1))
            || (cut.includes(s.overflowX) && (line.right > q.right + 1 || line.left < q.left - 1)))
          clipped.add(name(e) + " in " + name(p).split(" ")[0]);
        if (x) r = {...r, left: Math.max(r.left, q.left), right: Math.min(r.right, q.right)};
        if (y) r = {...r, top: Math.max(r.top, q.top), bottom: Math.min(r.bottom, q.bottom)};
      }
      if (r.right - r.left > 1 && r.bottom - r.top > 1 && !stuck) texts.push({e, r});
    }
  }
  // overlapping: visible lines of two different elements' text over each other
  const overlap = new Set();
  texts.sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length && texts[j].r.top < texts[i].r.bottom; j++) {
    const a = texts[i], b = texts[j]; if (a.e === b.e) continue;
    const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left), h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    if (w > 2 && h > 2) overlap.add(name(a.e) + " × " + name(b.e));
  }
  return {clipped: [...clipped].slice(0, 8), overlap: [...overlap].slice(0, 8)};
}
