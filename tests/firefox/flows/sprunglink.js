/* The keyboard past the navigation: the first Tab on a card is the skip link, Enter follows
   it, and „Merken“ is the second Tab stop after it (the chapter's link is the first). */
exports.run = async (page, site) => {
  await page.goto(site.url("karten/20-anforderungen-der-ko-produktion/"));
  await page.waitForSelector("button.karte-merken-knopf");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => [document.activeElement.className, document.activeElement.textContent.trim()]);
  site.expect(first[0].includes("md-skip") && first[1] === "Zum Inhalt", `the first Tab stop is ${first}`);
  await page.keyboard.press("Enter");
  const stops = [];
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press("Tab");
    stops.push(await page.evaluate(() => document.activeElement.textContent.trim()));
  }
  site.expect(stops[1].includes("Merken"), `after the skip link the Tab stops are ${stops.join(" | ")}`);
};
