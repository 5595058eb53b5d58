/* The handbook's own forms and a typo, typed as a reader types them: „Partner:innen“ finds
   cards that say it, „Legitimaton“ card 15. On the website only: the offline bundle searches
   the same index, and suche.js searches it from file://. */
exports.targets = ["website"];
exports.run = async (page, site) => {
  await page.goto(site.url(""));
  for (const [query, card] of [["Partner:innen", /karten\/(03|20|31|35|37|41|45|46|47|51)-/],
    ["Legitimaton", /karten\/(14|15)-/]]) {
    await page.$eval(".md-search__input", (field) => { field.value = ""; });
    await page.click(".md-search__input");
    await page.keyboard.type(query);
    await page.waitForFunction((pattern) => [...document.querySelectorAll(".md-search-result__item > a")]
      .slice(0, 3).some((a) => new RegExp(pattern).test(a.href)), { timeout: 20000 }, card.source);
  }
};
