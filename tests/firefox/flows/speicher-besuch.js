/* Storage blocked by the browser's preferences, as an office policy sets it: a card kept
   with „Merken“ and a tick on card 21 last for the visit, from page to page, and the pages
   say that they do. */
exports.storage = "blocked";
exports.run = async (page, site) => {
  await page.goto(site.url("karten/20-anforderungen-der-ko-produktion/"));
  await page.waitForSelector("button.karte-merken-knopf", { visible: true }); // shown once the script has read the selection
  await page.click("button.karte-merken-knopf");
  const told = await page.$eval(".karte-merken-hinweis", (e) => e.textContent);
  site.expect(told.includes("nur für diesen Besuch"), `after Merken the card says "${told}"`);
  await page.goto(site.url("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"));
  await page.waitForSelector("li[data-checkliste-punkt] > label");
  await page.click("li[data-checkliste-punkt] > label");
  await page.goto(site.url("karten/08-teilhabe/"));
  await page.goto(site.url("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"));
  await page.waitForSelector("li[data-checkliste-punkt] input");
  const ticked = await page.$eval("li[data-checkliste-punkt] input", (box) => box.checked);
  site.expect(ticked, "the tick made on card 21 was lost on the way to card 8 and back");
  await page.goto(site.url("auswahl/"));
  await page.waitForSelector(".auswahl-liste > li");
  const listed = await page.$$eval(".auswahl-liste > li", (items) => items.map((li) => li.dataset.karte).join(","));
  site.expect(listed === "20", `Meine Auswahl lists "${listed}"`);
  const said = await page.$eval(".auswahl-meldung", (e) => e.textContent);
  site.expect(said.includes("nur für diesen Besuch"), `Meine Auswahl says "${said}"`);
};
