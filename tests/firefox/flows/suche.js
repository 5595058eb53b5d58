/* A typed search in German: „Gremium“ finds card 41 „Gremien einrichten“ among the first
   three results, whose snippet shows the authors' word; the result opens the card. */
exports.run = async (page, site) => {
  await page.goto(site.url(""));
  await page.click(".md-search__input");
  await page.keyboard.type("Gremium");
  const found = await page.waitForFunction(() => {
    const links = [...document.querySelectorAll(".md-search-result__item > a")].slice(0, 3);
    return links.find((a) => /karten\/41-gremien-einrichten/.test(a.href));
  }, { timeout: 20000 });
  const shown = await found.evaluate((a) => a.textContent);
  site.expect(/Gremien einrichten/.test(shown), `the result shows "${shown.slice(0, 60)}"`);
  await Promise.all([page.waitForNavigation(), found.click()]);
  site.expect((await site.cardNumber(page)) === 41, "the result did not open card 41");
};
