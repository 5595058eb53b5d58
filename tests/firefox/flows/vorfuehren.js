/* The projector view of a shared selection, driven by the keys a presenter clicker
   sends, and left with Escape. */
exports.run = async (page, site) => {
  await page.goto(site.url("vorfuehren/") + "#auswahl=21.8.40");
  await page.waitForSelector(".vorfuehren-buehne:not([hidden])");
  const shown = () => page.$eval(".vorfuehren-buehne .vorfuehren-folie:not([hidden])", (s) => s.dataset.karte);
  site.expect((await shown()) === "21", `the view starts at card ${await shown()}`);
  for (const [key, card] of [["ArrowRight", "8"], ["PageDown", "40"], ["PageUp", "8"], ["Home", "21"], ["End", "40"]]) {
    await page.keyboard.press(key);
    site.expect((await shown()) === card, `${key} shows card ${await shown()}, not ${card}`);
  }
  await page.keyboard.press("Escape");
  await page.waitForSelector(".vorfuehren-buehne", { hidden: true });
};
