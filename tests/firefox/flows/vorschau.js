/* A reference previews its card on focus (headless Firefox reports no hover). */
exports.run = async (page, site) => {
  await page.goto(site.url("karten/08-teilhabe/"));
  await site.tabInto(page, "nav.karte-verweise a");
  const preview = await page.waitForSelector("#karte-vorschau", { visible: true });
  const text = await preview.evaluate((e) => e.textContent.trim());
  site.expect(text.startsWith("15"), `the preview shows "${text.slice(0, 40)}", not card 15`);
  const described = await page.evaluate(() => document.activeElement.getAttribute("aria-describedby"));
  site.expect(described === "karte-vorschau", "the focused reference is not described by its preview");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#karte-vorschau", { hidden: true });
};
