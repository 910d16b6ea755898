#!/usr/bin/env node
// Task pane benchmarks:
//   bench pane-js-gzip: <KB> KB           all JavaScript dist/taskpane.html loads from our bundle, gzip -9 (goal ≤ 200)
//                                          (Office.js itself comes from Microsoft's CDN and is not counted)
//   bench pane-first-render: <ms> ms      headless Chromium, navigation start → the overview showing the form
//                                          (median of 5 cold loads; office.js answered by the fake-workbook stub)
// Builds dist/ (webpack.config.js, production) when dist/taskpane.html is missing, and dist-preview/office-stub.js
// (webpack.preview.config.js) when missing.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const zlib = require("node:zlib");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
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

function jsGzipKB() {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  let bytes = 0;
  for (const src of scriptsOf(html)) {
    if (/^https?:/i.test(src)) continue; // Office.js from the CDN
    const file = path.join(DIST, src.replace(/^\//, ""));
    bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
  return bytes / 1024;
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

async function firstRenderMs() {
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
      times.push(await page.evaluate(() => window.__jxFirstRender));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) build(["--mode", "production"]);
  if (!fs.existsSync(STUB)) build(["--config", "webpack.preview.config.js"]);
  console.log(`bench pane-js-gzip: ${jsGzipKB().toFixed(1)} KB`);
  console.log(`bench pane-first-render: ${Math.round(await firstRenderMs())} ms`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
