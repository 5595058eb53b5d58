/* A tick on a card's checklist is still there after a reload. */
exports.run = async (page, site) => {
  await page.goto(site.url("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"));
  await page.waitForSelector(".checkliste-fortschritt");
  await page.click("li[data-checkliste-punkt] > label");
  const ticked = () => page.$$eval("input[data-checkliste-punkt]", (boxes) => boxes.map((b) => b.checked));
  site.expect((await ticked())[0] === true, "the click did not tick the first question");
  await page.reload();
  await page.waitForSelector(".checkliste-fortschritt");
  const after = await ticked();
  site.expect(after[0] === true && after.filter(Boolean).length === 1, "the tick was lost on reload");
  const progress = await page.$eval(".checkliste-fortschritt", (e) => e.textContent);
  site.expect(progress.startsWith("1 von"), `progress says "${progress}"`);
};
