/* The keyboard path on a card, as a BITV test walks it: the first Tab is the skip link and Enter
   follows it; then the chapter's link, „Merken“ (Space keeps the card, and a link to „Meine
   Auswahl“ appears after it) and the first question of the checklist (Space ticks it). Every stop shows a ring of 2 px or more (for a tick, on
   the box drawn for it) and lies in the window. */
// On the website only: from file:// it is the same page, style and script; what file:// changes
// (storage, search, previews, downloads) has flows of its own on both.
exports.targets = ["website"];
exports.run = async (page, site) => {
  await page.goto(site.url("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"));
  await page.waitForSelector("button.karte-merken-knopf", { visible: true }); // shown once the script has read the selection
  await page.waitForSelector(".checkliste-fortschritt");
  const stop = () => page.evaluate(() => {
    const e = document.activeElement;
    const drawn = e.matches("input[type=checkbox]") ? [e.nextElementSibling, "::before"] : [e, null];
    const ring = getComputedStyle(drawn[0], drawn[1]);
    const r = e.getBoundingClientRect();
    return {what: `${e.tagName} ${e.className} „${e.textContent.trim().slice(0, 30)}“`, text: e.textContent.trim(),
            ring: ring.outlineStyle !== "none" ? parseFloat(ring.outlineWidth) : 0,
            inside: r.top >= 0 && r.bottom <= innerHeight};
  });
  const seen = [];
  const tab = async () => {
    await page.keyboard.press("Tab");
    const now = await stop();
    seen.push(now.what);
    site.expect(now.ring >= 2, `no ring of 2 px on ${now.what} (${now.ring})`);
    site.expect(now.inside, `${now.what} is outside the window`);
    return now;
  };
  const first = await tab();
  site.expect(first.what.includes("md-skip") && first.text === "Zum Inhalt", `the first Tab stop is ${first.what}`);
  await page.keyboard.press("Enter");
  const chapter = await tab();
  site.expect(chapter.text === "Vor der Ko-Produktion", `after the skip link: ${seen.join(" | ")}`);
  const keep = await tab();
  site.expect(keep.text.includes("Merken"), `after the chapter's link: ${keep.what}`);
  await page.keyboard.press(" ");
  const pressed = await page.$eval("button.karte-merken-knopf", (b) => b.getAttribute("aria-pressed"));
  site.expect(pressed === "true", `Space on „Merken“ left aria-pressed="${pressed}"`);
  const kept = await tab();  // what „Merken“ added: the way to the selection
  site.expect(kept.text === "Meine Auswahl (1)", `after „Merken“: ${kept.what}`);
  const tick = await tab();
  site.expect(tick.what.startsWith("INPUT"), `the next stop is ${tick.what}`);
  await page.keyboard.press(" ");
  const progress = await page.$eval(".checkliste-fortschritt", (e) => e.textContent);
  site.expect(progress.startsWith("1 von"), `after Space on the first question, progress says "${progress}"`);
};
