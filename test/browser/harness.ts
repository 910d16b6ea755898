// Browser-test harness: build the preview once, serve it from node's http module on a free local port, and
// launch Debian's headless Chromium with a fresh user-data dir. Also: is an element's screenshot blank?
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const PREVIEW_DIR = path.join(ROOT, "dist-preview");
export const SHOTS_DIR = path.join(ROOT, "test-output", "browser");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Builds dist-preview/ with webpack.preview.config.js (once per test file). */
export function buildPreview(): void {
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const r = spawnSync(process.execPath, [webpack, "--config", "webpack.preview.config.js"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`preview build failed:\n${r.stdout}\n${r.stderr}`);
  if (!fs.existsSync(path.join(PREVIEW_DIR, "index.html"))) throw new Error("preview build left no index.html");
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Serves a directory on 127.0.0.1 (a free port). */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.join(dir, urlPath === "/" ? "index.html" : urlPath);
    if (!file.startsWith(dir)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.statusCode = 404;
        res.end("not found");
        return;
      }
      res.setHeader("content-type", TYPES[path.extname(file)] ?? "application/octet-stream");
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close: () => Promise<void>;
}

/** Headless Chromium with a fresh user-data dir; page errors are collected. */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport,
    locale: "zh-CN",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the page under test-output/browser/. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Share of pixels in an element's screenshot that differ from its most common colour (0 = blank).
 * Decoded by the browser itself (an <img> on a canvas), so no PNG library is needed.
 */
export async function inkRatio(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    const top = Math.max(...counts.values());
    return (total - top) / total;
  }, png.toString("base64"));
}

/** Polls until `check` passes; fails with what was last seen. */
export async function eventually(
  check: () => Promise<boolean>,
  what: () => Promise<string> | string,
  ms = 10_000,
): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${await what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Loc = ReturnType<Page["locator"]>;

export async function waitText(loc: Loc, expected: RegExp | string): Promise<void> {
  const ok = (t: string) => (typeof expected === "string" ? t.trim() === expected : expected.test(t.trim()));
  await eventually(
    async () => ok(await loc.innerText()),
    async () => `text ${expected} (saw "${await loc.innerText().catch(() => "?")}")`,
  );
}

export async function waitAttr(loc: Loc, name: string, value: string | null): Promise<void> {
  await eventually(
    async () => (await loc.getAttribute(name)) === value,
    async () => `${name}=${value} (saw ${await loc.getAttribute(name).catch(() => "?")})`,
  );
}

export async function waitFocused(loc: Loc): Promise<void> {
  await eventually(
    () => loc.evaluate((el) => el === document.activeElement),
    () => "focus",
  );
}

export const PANE_DIR = path.join(ROOT, ".tmp", "pane-dist");
export const OFFICE_JS = /appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/;

/** Builds the add-in with the real webpack.config.js (production) into .tmp/pane-dist, not dist/. */
export function buildPane(): void {
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", PANE_DIR], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`pane build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Answers the Office.js CDN request with `body` (a stub script), or fails it (a blocked CDN) when null. */
export async function routeOfficeJs(page: Page, body: string | null): Promise<void> {
  await page.route(OFFICE_JS, (route) =>
    body === null
      ? route.abort("blockedbyclient")
      : route.fulfill({ status: 200, contentType: "text/javascript", body }),
  );
}

export function officeStub(extra = ""): string {
  return fs.readFileSync(path.join(PREVIEW_DIR, "office-stub.js"), "utf8") + "\n" + extra;
}
