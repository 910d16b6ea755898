/** @jest-environment jsdom */
// Runs the production webpack build once (slow: one file, one build) and checks what dist/ would hold.
// The build goes to a temporary directory so that it never disturbs a dist/ someone is serving.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ICON_SIZES, ROOT, all, parseXml, pngSize } from "../manifest/manifest-xml";

interface WebpackConfigModule {
  rewriteManifest(xml: string, url?: string): string;
}
const wp = jest.requireActual<WebpackConfigModule>("../../webpack.config.js");
const PROD = "https://jx.czj.example.cn/ziping/";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let out = "";
let modules: string[] = [];
let log = "";

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "jx-build-"));
  const statsFile = path.join(out, "..", `${path.basename(out)}-stats.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, ADDIN_PROD_URL: PROD, NODE_ENV: "production" };
  delete env.OFFICE_JS_URL;
  delete env.WEBPACK_SERVE;
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--mode",
      "production",
      "--output-path",
      out,
      "--json",
      statsFile,
    ],
    { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  log = `${r.stdout}\n${r.stderr}`;
  interface StatsModule {
    name: string;
    modules?: StatsModule[];
  }
  interface Stats {
    modules?: StatsModule[];
    errors?: { message: string }[];
  }
  const stats: Stats = fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, "utf8")) : {};
  if (r.status !== 0) {
    const errors = (stats.errors ?? []).slice(0, 3).map((e) => e.message.split("\n")[0]);
    fs.rmSync(statsFile, { force: true });
    throw new Error(`webpack failed (exit ${r.status}):\n${errors.join("\n")}\n${log.slice(-2000)}`);
  }
  const names = (ms: StatsModule[] = []): string[] => ms.flatMap((m) => [m.name, ...names(m.modules)]);
  modules = names(stats.modules);
  fs.rmSync(statsFile, { force: true });
}, 300_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const page = (name: string) => {
  const file = path.join(out, name);
  expect(fs.existsSync(file)).toBe(true);
  return new DOMParser().parseFromString(fs.readFileSync(file, "utf8"), "text/html");
};

/** Office.js must be loaded by a plain script before the page's own bundle. */
function expectOfficeJsThenBundle(name: string, bundle: string) {
  const scripts = Array.from(page(name).querySelectorAll("script[src]")).map((s) => s.getAttribute("src") ?? "");
  expect(scripts[0]).toBe(CDN);
  const own = scripts.filter((s) => new RegExp(`^${bundle}\\.[0-9a-f]{8}\\.js$`).test(s));
  expect(own).toHaveLength(1);
  expect(fs.statSync(path.join(out, own[0])).size).toBeGreaterThan(500);
}

test("the build succeeds and writes the task pane with Office.js from the CDN", () => {
  expectOfficeJsThenBundle("taskpane.html", "taskpane");
  expect(page("taskpane.html").documentElement.getAttribute("lang")).toBe("zh-CN");
});

test("the ribbon function file and its dialog page", () => {
  expectOfficeJsThenBundle("commands.html", "commands");
  expectOfficeJsThenBundle("dialog.html", "dialog");
  const commandsJs = fs.readdirSync(out).find((f) => /^commands\.[0-9a-f]{8}\.js$/.test(f)) as string;
  const code = fs.readFileSync(path.join(out, commandsJs), "utf8");
  for (const name of ["insertProject", "insertDepartmentGoals", "checkSheet"]) expect(code).toContain(name);
});

test("every icon, in every size", () => {
  for (const family of ["icon", "insert", "pane"]) {
    for (const size of ICON_SIZES) {
      expect(pngSize(path.join(out, "assets", `${family}-${size}.png`))).toEqual({ width: size, height: size });
    }
  }
  expect(fs.existsSync(path.join(out, "assets", "help.html"))).toBe(true);
});

test("manifest.xml has the production URL, no localhost, and every URL it names is in dist", () => {
  const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(xml).not.toMatch(/localhost/);
  expect(xml).toBe(wp.rewriteManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), PROD));
  const urls = all(parseXml(xml), "*")
    .flatMap((el) => ["DefaultValue", "Value"].map((a) => el.getAttribute(a) ?? ""))
    .filter((u) => u.startsWith("https://"));
  expect(urls.length).toBeGreaterThan(20);
  for (const u of urls) {
    expect(u.startsWith(PROD)).toBe(true);
    expect({ u, inDist: fs.existsSync(path.join(out, u.slice(PROD.length).replace(/\?.*$/, ""))) }).toEqual({ u, inDist: true }); // a page's query (?start=…) is not a file
  }
});

test("the preview and test code stay out of the add-in bundle", () => {
  expect(modules.length).toBeGreaterThan(10);
  expect(modules.some((m) => m.includes("src/commands/commands.ts"))).toBe(true);
  expect(modules.filter((m) => /src\/preview\/|\/test\//.test(m))).toEqual([]);
  const files = fs.readdirSync(out, { recursive: true }).map(String);
  expect(files.filter((f) => /preview/i.test(f))).toEqual([]);
});
