/* The Firefox lane: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi.

   Runs flows (one file each in flows/) against the website and the offline bundle
   and prints one JSON object: {"flow@target": {"ok": true} or {"ok": false, "error": …}}.
   tests/firefox/test_firefox.py starts this once for every flow and reports each as
   a test of its own; `node runner.js --list` names the flows and their targets.

   A flow file exports {targets, storage, run}: `targets` among "website" and
   "offline" (default both), `storage` "blocked" for a browser whose preferences
   block site storage as an office policy does (default: usable storage), and
   `async run(page, site)`, which throws when the flow fails. `site` knows the
   target's addresses (site.url("karten/08-teilhabe/")) and carries the helpers
   below. Every flow gets a fresh browser context (its own storage), and fails too
   when the page throws an uncaught error or asks anything of another host. One browser is started per kind of
   storage, not per flow. Pages open at 1280 × 800 px.

   Usage: node runner.js '{"website": "http://127.0.0.1:…/", "offline": "file:///…/ko-produktion/"}' [flow …] */
"use strict";

const fs = require("fs");
const path = require("path");

const FIREFOX = "/usr/bin/firefox-esr";
// Cookies and site data blocked: reading localStorage throws SecurityError.
const BLOCKED = { "network.cookie.cookieBehavior": 2 };
// No traffic of the browser's own: nothing may leave 127.0.0.1.
const QUIET = {
  "app.update.enabled": false, "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false, "datareporting.policy.dataSubmissionEnabled": false,
  "network.captive-portal-service.enabled": false, "network.connectivity-service.enabled": false,
  "browser.newtabpage.enabled": false, "extensions.update.enabled": false
};

// A desktop screen: the search field shows in the header (narrower, it hides behind an icon).
const VIEWPORT = { width: 1280, height: 800 };

function loadFlows() {
  const folder = path.join(__dirname, "flows");
  const flows = {};
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".js")).sort()) {
    const flow = require(path.join(folder, file));
    flows[file.replace(/\.js$/, "")] = {
      targets: flow.targets || ["website", "offline"], storage: flow.storage || "usable", run: flow.run
    };
  }
  return flows;
}

/* What a flow needs to know of a target: its addresses, and small shared steps. */
function siteFor(target, base) {
  const offline = target === "offline";
  return {
    target, offline, base,
    // A page by its website address: "karten/08-teilhabe/" is "karten/08-teilhabe.html" offline.
    url(address) {
      if (!offline) return base + address;
      return base + (address === "" ? "index.html" : address.replace(/\/$/, ".html"));
    },
    // Reach `selector` with the Tab key from the focusable element just before it (Tab
    // from the top of the page works too, but a key press per link is slow over BiDi).
    async tabInto(page, selector) {
      await page.evaluate((s) => {
        const target = document.querySelector(s);
        const focusable = [...document.querySelectorAll("a[href], button, input, [tabindex]")]
          .filter((e) => e.tabIndex >= 0 && !e.closest("[hidden]") && e.getClientRects().length &&
            (e.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) && !target.contains(e));
        focusable[focusable.length - 1].focus();
      }, selector);
      await page.keyboard.press("Tab");
      const reached = await page.evaluate((s) => document.activeElement.matches(s), selector);
      if (!reached) throw new Error(`Tab did not reach ${selector}`);
    },
    async cardNumber(page) {
      return Number((await page.$eval("article h1 .karte-nummer", (e) => e.textContent)).replace(/\D/g, ""));
    },
    expect(condition, message) {
      if (!condition) throw new Error(message);
    }
  };
}

async function launch(storage) {
  const puppeteer = require("puppeteer-core");  // not needed for --list
  return puppeteer.launch({
    browser: "firefox", executablePath: FIREFOX, protocol: "webDriverBiDi", headless: true,
    extraPrefsFirefox: Object.assign({}, QUIET, storage === "blocked" ? BLOCKED : {}),
    // Set by puppeteer on each new page, where a part Firefox lacks is tolerated: Firefox ESR 140
    // (Debian 12) has no emulation.setScreenOrientationOverride, which page.setViewport() also
    // sends, and failed every flow with "unknown command". The viewport itself is set all the same.
    defaultViewport: VIEWPORT
  });
}

async function runOne(browser, flow, site) {
  const started = Date.now();
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const thrown = [];
  const elsewhere = [];
  page.on("pageerror", (error) => thrown.push(String(error && error.message || error)));
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(data|blob|about):/.test(url) && !url.startsWith(new URL(site.base).origin === "null" ? "file:" :
      new URL(site.base).origin)) elsewhere.push(url);
  });
  try {
    await flow.run(page, site);
    if (thrown.length) throw new Error("the page threw: " + thrown.join(" | "));
    if (elsewhere.length) throw new Error("requests left the site: " + elsewhere.join(" "));
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, error: String(error && error.stack || error) };
  } finally {
    await context.close().catch(() => {});
  }
}

async function main() {
  const flows = loadFlows();
  if (process.argv[2] === "--list") {
    const list = {};
    for (const [name, flow] of Object.entries(flows)) list[name] = flow.targets;
    process.stdout.write(JSON.stringify(list) + "\n");
    return;
  }
  const bases = JSON.parse(process.argv[2]);
  const wanted = process.argv.slice(3);
  const results = {};
  for (const storage of ["usable", "blocked"]) {
    const chosen = Object.entries(flows).filter(([name, flow]) =>
      flow.storage === storage && (!wanted.length || wanted.includes(name)));
    if (!chosen.length) continue;
    const started = Date.now();
    const browser = await launch(storage);
    results[`launch@${storage}`] = { ms: Date.now() - started };
    try {
      for (const [name, flow] of chosen) {
        for (const target of flow.targets.filter((t) => bases[t])) {
          results[`${name}@${target}`] = await runOne(browser, flow, siteFor(target, bases[target]));
        }
      }
    } finally {
      await browser.close();
    }
  }
  process.stdout.write(JSON.stringify(results) + "\n");
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
