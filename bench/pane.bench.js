#!/usr/bin/env node
// Task pane benchmarks:
//   bench pane-js-gzip: <KB> KB           the JavaScript taskpane.html loads before the pane can show anything: its
//                                          <script> tags from our bundle, gzip -9 (goal ≤ 200; Office.js itself comes
//                                          from Microsoft's CDN and is not counted)
//   bench pane-lazy-<part>-gzip: <KB> KB  each part loaded on demand (src/taskpane/parts.ts), with the chunks it
//                                          shares with other parts; not loaded before the overview shows
//   bench pane-lazy-js-gzip: <KB> KB      every chunk loaded on demand, together
//   bench pane-first-render: <ms> ms      headless Chromium, navigation start → the overview showing the form
//                                          (median of 5 cold loads; office.js answered by the fake-workbook stub),
//                                          less the time the stub spends building its sample workbook (Excel's work
//                                          in Office, done before the pane opens)
//   bench pane-first-render-with-stub     the same with the stub's time in, and that time
// Always builds the add-in afresh (webpack.config.js, production) into .tmp/bench-pane (a stale dist/ would give
// stale figures), and dist-preview/office-stub.js (webpack.preview.config.js). Fails when a chunk
// loaded on demand is fetched before the overview shows (it would then count as initial and is not measured so).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const zlib = require("node:zlib");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, ".tmp", "bench-pane");
const STATS = path.join(ROOT, ".tmp", "bench-pane-stats.json");
const STUB = path.join(ROOT, "dist-preview", "office-stub.js");
const WEBPACK = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
const RUNS = 5;

function build(args) {
  const r = spawnSync(process.execPath, [WEBPACK, ...args], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`webpack ${args.join(" ")} failed`);
  }
}

function scriptsOf(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
}

const gzipBytes = (name) => zlib.gzipSync(fs.readFileSync(path.join(DIST, name)), { level: 9 }).length;

/** Our scripts in taskpane.html: what loads before anything shows. */
function initialScripts() {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  return scriptsOf(html)
    .filter((src) => !/^https?:/i.test(src)) // Office.js from the CDN
    .map((src) => src.replace(/^\//, ""));
}

/** The parts loaded on demand: webpack's named chunk groups that are no entry point, and their JavaScript files. */
function lazyParts() {
  const stats = JSON.parse(fs.readFileSync(STATS, "utf8"));
  const entries = new Set(Object.keys(stats.entrypoints));
  return Object.entries(stats.namedChunkGroups)
    .filter(([name]) => !entries.has(name))
    .map(([name, g]) => ({ name, files: g.assets.map((a) => a.name).filter((f) => f.endsWith(".js")) }));
}

function serve(dir) {
  const types = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".png": "image/png",
    ".xml": "text/xml",
  };
  const server = http.createServer((req, res) => {
    const p = path.join(dir, decodeURIComponent(req.url.split("?")[0]));
    fs.readFile(p, (err, body) => {
      if (err) return void ((res.statusCode = 404), res.end());
      res.setHeader("content-type", types[path.extname(p)] || "application/octet-stream");
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function firstRenderMs(lazyFiles) {
  const { chromium } = require("playwright-core");
  const stub = fs.readFileSync(STUB, "utf8");
  const server = await serve(DIST);
  const url = `http://127.0.0.1:${server.address().port}/taskpane.html`;
  // chromium.launch starts from a fresh temporary profile (user-data dir) of its own.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const times = [];
  const rawTimes = [];
  const stubTimes = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 720 } }); // cold cache each time
      const page = await context.newPage();
      await page.route(/appsforoffice\.microsoft\.com/, (r) =>
        r.fulfill({ status: 200, contentType: "text/javascript", body: stub }),
      );
      await page.addInitScript(() => {
        const seen = () => {
          const el = document.querySelector('[data-testid="form-card"]');
          if (el && el.getBoundingClientRect().height > 0) {
            window.__jxFirstRender = performance.now();
            return true;
          }
          return false;
        };
        const tick = () => {
          if (!seen()) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.goto(url);
      await page.waitForFunction(() => typeof window.__jxFirstRender === "number", null, { timeout: 30000 });
      const seen = await page.evaluate(() => ({
        at: window.__jxFirstRender,
        stubStart: window.__jxStubStart,
        stubReady: window.__jxStubReady,
        fetched: performance.getEntriesByType("resource").map((e) => ({ name: e.name, start: e.startTime })),
      }));
      // The stand-in for Excel (src/preview/office-stub.ts) builds its sample workbook on the page's main thread,
      // with the fake's formula engine, before it says Office is ready: in Office that is Excel's own work, done
      // before the pane opened. It is left out of the pane's figure and printed on a line of its own.
      const stubMs = seen.stubReady - seen.stubStart;
      if (!(stubMs >= 0)) throw new Error("the office stub did not mark its preparation");
      times.push(seen.at - stubMs);
      rawTimes.push(seen.at);
      stubTimes.push(stubMs);
      // Started before the overview showed (the parts are fetched in the background once the pane is idle).
      const early = seen.fetched
        .filter((e) => e.start < seen.at && lazyFiles.has(e.name.split("/").pop()))
        .map((e) => e.name.split("/").pop());
      if (early.length) throw new Error(`chunks loaded on demand were fetched before the overview showed: ${early.join(", ")}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { pane: median(times), raw: median(rawTimes), stub: median(stubTimes) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

(async () => {
  fs.mkdirSync(path.dirname(STATS), { recursive: true });
  build(["--mode", "production", "--output-path", DIST, "--json", STATS]);
  build(["--config", "webpack.preview.config.js"]); // the stub too: an old one may not fit the pane built now
  const initial = initialScripts();
  console.log(`bench pane-js-gzip: ${kb(initial.reduce((n, f) => n + gzipBytes(f), 0))}`);
  const lazy = new Set();
  for (const p of lazyParts()) {
    const overlap = p.files.filter((f) => initial.includes(f));
    if (overlap.length) throw new Error(`part ${p.name} is in taskpane.html's scripts: ${overlap.join(", ")}`);
    p.files.forEach((f) => lazy.add(f));
    console.log(`bench pane-lazy-${p.name}-gzip: ${kb(p.files.reduce((n, f) => n + gzipBytes(f), 0))}`);
  }
  // Every script no page loads at start (an import() without a chunk name is counted here too).
  const started = new Set(
    ["taskpane", "commands", "dialog"].flatMap((page) => scriptsOf(fs.readFileSync(path.join(DIST, `${page}.html`), "utf8"))),
  );
  for (const f of fs.readdirSync(DIST)) if (f.endsWith(".js") && !started.has(f)) lazy.add(f);
  console.log(`bench pane-lazy-js-gzip: ${kb([...lazy].reduce((n, f) => n + gzipBytes(f), 0))}`);
  const first = await firstRenderMs(lazy);
  console.log(`bench pane-first-render: ${Math.round(first.pane)} ms`);
  console.log(`bench pane-first-render-with-stub: ${Math.round(first.raw)} ms (of which the stub's sample workbook ${Math.round(first.stub)} ms)`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
