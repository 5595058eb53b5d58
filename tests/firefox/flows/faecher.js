/* The fan by keyboard: Tab enters it, arrows move, End jumps, Enter opens the card. */
// On the website only: the fan is the same page and script from file:// (tastatur.js says why).
exports.targets = ["website"];
exports.run = async (page, site) => {
  await page.goto(site.url(""));
  await page.waitForSelector(".faecher--an");
  await site.tabInto(page, "a.faecher-karte");
  const focused = () => page.evaluate(() => document.activeElement.dataset.karte);
  const first = await focused();
  await page.keyboard.press("ArrowRight");
  site.expect((await focused()) !== first, "ArrowRight did not move to the next card");
  await page.keyboard.press("End");
  const last = await focused();
  site.expect(last === "56", `End went to card ${last}, not the last card 56`);
  await page.keyboard.press("ArrowLeft");
  const chosen = Number(await focused());
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  site.expect((await site.cardNumber(page)) === chosen, `Enter did not open card ${chosen}`);
};
