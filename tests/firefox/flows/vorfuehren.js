/* The projector view of a shared selection, driven by the keys a presenter clicker
   sends: a long card continues on a second slide, B blacks the screen out and any
   key brings the card back; left with Escape. */
exports.run = async (page, site) => {
  await page.goto(site.url("vorfuehren/") + "#auswahl=17.3.35");
  await page.waitForSelector(".vorfuehren-buehne:not([hidden])");
  const shown = () => page.$eval(".vorfuehren-buehne .vorfuehren-folie:not([hidden])", (s) => s.dataset.karte);
  const place = () => page.$eval(".vorfuehren-stelle", (e) => e.textContent);
  site.expect((await shown()) === "17", `the view starts at card ${await shown()}`);
  for (const [key, card, where] of [["ArrowRight", "3", "2 / 3 · Teil 1 von 2"], ["PageDown", "3", "2 / 3 · Teil 2 von 2"],
    ["ArrowRight", "35", "3 / 3…"], ["PageUp", "3", "2 / 3 · Teil 2 von 2"], ["Home", "17", "1 / 3"],
    ["End", "35", "3 / 3…"]]) {
    await page.keyboard.press(key);
    // "…": whatever part follows (type sizes differ between browsers)
    const fits = where.endsWith("…") ? (await place()).startsWith(where.slice(0, -1)) : (await place()) === where;
    site.expect((await shown()) === card && fits,
      `${key} shows card ${await shown()} (${await place()}), not ${card} (${where})`);
  }
  await page.keyboard.press("b");
  await page.waitForSelector(".vorfuehren-schwarz", { visible: true });
  await page.keyboard.press("ArrowLeft");
  await page.waitForSelector(".vorfuehren-schwarz", { hidden: true });
  site.expect((await shown()) === "35", `after the black screen the view shows card ${await shown()}`);
  await page.keyboard.press("Escape");
  await page.waitForSelector(".vorfuehren-buehne", { hidden: true });
};
