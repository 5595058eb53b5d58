/* The page „Checklisten“ exports the ticks as Markdown. The file's link is caught
   as it is clicked (the text is read from it, no download dialog). */
exports.run = async (page, site) => {
  await page.goto(site.url("checklisten/"));
  await page.waitForSelector(".checklisten-werkzeuge:not([hidden])");
  await page.click("li[data-checkliste-punkt] > label");
  await page.evaluate(() => {
    HTMLAnchorElement.prototype.click = function () {
      window.kpExport = fetch(this.href).then((r) => r.text()).then((text) => ({ name: this.download, text }));
    };
  });
  await page.click('button[data-aktion="markdown"]');
  const file = await page.evaluate(() => window.kpExport);
  site.expect(/^checklisten-ko-produktion-\d{4}-\d\d-\d\d\.md$/.test(file.name), `file name ${file.name}`);
  site.expect(file.text.startsWith("# Checklisten – Ko-Produktion\n"), "the export has no title");
  site.expect(file.text.includes("Insgesamt 1 von"), "the export does not count the tick");
  site.expect((file.text.match(/- \[x\] /g) || []).length === 1, "the export has not exactly one tick");
};
