/* A note typed under a card's checklist question is kept across a reload and goes into
   the Markdown export of the page „Checklisten“ (the file's link is caught as it is
   clicked, as in checkliste-export.js). */
exports.run = async (page, site) => {
  await page.goto(site.url("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"));
  await page.waitForSelector("textarea[data-notiz-frage]");
  await page.type("textarea[data-notiz-frage]", "Zwei Stellen, zehn Ehrenamtliche.");
  await page.reload();
  await page.waitForSelector("textarea[data-notiz-frage]");
  const kept = await page.$eval("textarea[data-notiz-frage]", (field) => field.value);
  site.expect(kept === "Zwei Stellen, zehn Ehrenamtliche.", `after the reload the note reads "${kept}"`);
  await page.goto(site.url("checklisten/"));
  await page.waitForSelector(".checklisten-werkzeuge:not([hidden])");
  await page.evaluate(() => {
    HTMLAnchorElement.prototype.click = function () {
      window.kpExport = fetch(this.href).then((r) => r.text());
    };
  });
  await page.click('button[data-aktion="markdown"]');
  const text = await page.evaluate(() => window.kpExport);
  site.expect(text.includes("> **Notiz:** Zwei Stellen, zehn Ehrenamtliche."), "the export lacks the note");
};
