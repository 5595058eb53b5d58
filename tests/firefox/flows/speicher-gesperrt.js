/* Storage blocked by the browser's preferences (cookies and site data blocked, as an
   office policy sets it): nothing is thrown, search and the colour toggle work, and
   the checklists say calmly that they cannot remember. */
exports.storage = "blocked";
exports.run = async (page, site) => {
  await page.goto(site.url(""));
  const storage = await page.evaluate(() => {
    try { window.localStorage.getItem("x"); return "lesbar"; } catch (e) { return e.name; }
  });
  site.expect(storage === "SecurityError", `storage is not blocked (${storage})`);
  await page.waitForSelector(".faecher--an");
  const scheme = () => page.evaluate(() => document.body.dataset.mdColorScheme);
  const before = await scheme();
  await page.click("form[data-md-component=palette] label:not([hidden])");
  site.expect((await scheme()) !== before, "the colour toggle did not switch");
  await page.click(".md-search__input");
  await page.keyboard.type("Legitimation");
  await page.waitForFunction(() => [...document.querySelectorAll(".md-search-result__item > a")]
    .some((a) => /karten\/15-/.test(a.href)), { timeout: 20000 });
  await page.goto(site.url("karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"));
  const notice = await page.waitForSelector(".checkliste-hinweis");
  const text = await notice.evaluate((e) => e.textContent);
  site.expect(text.includes("nur für diesen Besuch"), `the checklist says "${text}"`);
};
