/* „Merken“ on three cards, the page „Meine Auswahl“ lists them in that order, and
   „Nach oben“ by keyboard moves a card up, kept across a reload; „Als Karten drucken“ shows
   the Druckfassung with those cards alone, in that order. */
const CARDS = ["karten/21-bezahlte-stellen-in-der-zivilgesellschaft/", "karten/08-teilhabe/",
  "karten/40-intensitaet-und-form-der-zusammenarbeit-klaeren/"];

exports.run = async (page, site) => {
  for (const card of CARDS) {
    await page.goto(site.url(card));
    await page.waitForSelector("button.karte-merken-knopf", { visible: true }); // shown once the script has read the selection
    await page.click("button.karte-merken-knopf");
    const pressed = await page.$eval("button.karte-merken-knopf", (b) => b.getAttribute("aria-pressed"));
    site.expect(pressed === "true", `Merken on ${card} is not pressed after the click`);
  }
  const listed = () => page.$$eval(".auswahl-liste > li", (items) => items.map((li) => li.dataset.karte).join(","));
  await page.goto(site.url("auswahl/"));
  await page.waitForSelector(".auswahl-liste > li");
  site.expect((await listed()) === "21,8,40", `the page lists ${await listed()}`);
  await page.focus(".auswahl-liste > li[data-karte='40'] button[data-schritt='hoch']");
  await page.keyboard.press("Enter");
  site.expect((await listed()) === "21,40,8", `after „Nach oben“ the page lists ${await listed()}`);
  await page.reload();
  await page.waitForSelector(".auswahl-liste > li");
  site.expect((await listed()) === "21,40,8", `after a reload the page lists ${await listed()}`);
  await Promise.all([page.waitForNavigation(), page.click("a[data-aktion='karten-drucken']")]);
  const shown = await page.$$eval("section.druckfassung-karte", (sections) =>
    sections.filter((s) => s.offsetParent !== null).map((s) => s.getAttribute("aria-labelledby")).join(","));
  site.expect(shown === "karte-21,karte-40,karte-8", `the Druckfassung of the selection shows ${shown}`);
};
