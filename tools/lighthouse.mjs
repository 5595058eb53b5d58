// Lighthouse's mobile performance audit of a list of pages, for `make bench` (tools/lighthouse.py).
//
// Reads a JSON object on stdin: {"chrome": path, "flags": [Chromium's arguments], "runs": N,
// "pages": [{"label": ..., "url": ...}, ...], "reports": folder or null} and writes one JSON
// line per audit to stdout (and, with "reports", each whole report as label-run.json there):
// {"label", "run", "url", "score", "fcp", "lcp", "tbt", "cls", "si"} (times in ms).
// Every round audits every page once, in the given order, so pages that are compared
// (ours beside plain Material) alternate and share the machine's state. One Chromium serves
// all audits; Lighthouse clears its cache and storage before each (a first visit). A first
// audit, not reported, warms the browser up: the first page a fresh Chromium draws takes
// seconds longer for reasons that have nothing to do with the page.
// Lighthouse's defaults: mobile form factor, simulated slow 4G and a 4× slower CPU.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
};

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const job = await readStdin();
const chrome = await chromeLauncher.launch({ chromePath: job.chrome, chromeFlags: job.flags });
const audit = (url) => lighthouse(url, {
  port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"],
});
try {
  await audit(job.pages[0].url);
  for (let run = 1; run <= job.runs; run++) {
    for (const page of job.pages) {
      const { lhr, report } = await audit(page.url);
      if (job.reports) writeFileSync(join(job.reports, `${page.label.replace(/\W+/g, "-")}-${run}.json`), report);
      if (lhr.runtimeError) throw new Error(`${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const line = { label: page.label, run, url: page.url, score: lhr.categories.performance.score * 100 };
      for (const [key, id] of Object.entries(METRICS)) line[key] = lhr.audits[id].numericValue;
      line.warnings = lhr.runWarnings;
      process.stdout.write(JSON.stringify(line) + "\n");
    }
  }
} finally {
  await chrome.kill();
}
