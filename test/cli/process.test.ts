// The compiled `jixiao` as a user runs it, in its own process: exit codes, Chinese argument errors, `--`,
// relative paths under `npm run jixiao` (INIT_CWD), an unreadable subfolder, and `--help` without ExcelJS.
import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fixture } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, "build", `test-cli-${process.pid}`);
const MAIN = path.join(OUT, "cli", "main.js");
let dir: string;

beforeAll(async () => {
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.cli.json", "--outDir", OUT], { cwd: ROOT, stdio: "pipe" });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-process-"));
  await fs.chmod(dir, 0o755);
  await fs.copyFile(fixture("variant-national-project"), path.join(dir, "a.xlsx"));
  await fs.copyFile(fixture("variant-national-project"), path.join(dir, "-x.xlsx"));
  await fs.mkdir(path.join(dir, "folder", "locked"), { recursive: true });
  await fs.copyFile(fixture("variant-national-project"), path.join(dir, "folder", "1.xlsx"));
  await fs.copyFile(fixture("variant-national-project"), path.join(dir, "folder", "locked", "2.xlsx"));
  await fs.copyFile(fixture("variant-national-project"), path.join(dir, "folder", "z.xlsx"));
  for (const d of [path.join(dir, "folder")]) await fs.chmod(d, 0o755);
  for (const f of ["a.xlsx", "-x.xlsx", "folder/1.xlsx", "folder/z.xlsx"]) await fs.chmod(path.join(dir, f), 0o644);
  await fs.chmod(path.join(dir, "folder", "locked"), 0o000);
}, 120_000);

afterAll(async () => {
  await fs.chmod(path.join(dir, "folder", "locked"), 0o755);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(OUT, { recursive: true, force: true });
});

function jixiao(args: string[], options: SpawnSyncOptions = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8", cwd: dir, ...options });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}

test("exit codes: 0 no error-level finding, 1 some, 2 a file unreadable", () => {
  expect(jixiao(["check", fixture("seed003-report")]).code).toBe(0);
  expect(jixiao(["check", fixture("seed001-department")]).code).toBe(1);
  expect(jixiao(["check", fixture("seed001-department"), path.join(dir, "nope.xlsx")]).code).toBe(2);
});

test("argument errors are Chinese, exit 2; `--` ends the options so a file may start with -", () => {
  for (const args of [["check", "-x.xlsx"], ["check", "--json=yes", "a.xlsx"], ["check", "a.xlsx", "--profile"], ["new", "project", "-o"], ["new", "project", "x", "y"]]) {
    const r = jixiao(args);
    expect({ args, code: r.code }).toEqual({ args, code: 2 });
    expect(r.err).toMatch(/^jixiao (check|new)：/);
    expect(r.err).not.toMatch(/Unknown|Option|argument|Unexpected/);
  }
  expect(jixiao(["check", "-x.xlsx"]).err).toContain("请写在 -- 之后");
  const ok = jixiao(["check", "--", "-x.xlsx"]);
  expect(ok.code).toBe(1);
  expect(ok.out.split("\n")[0]).toBe("■ -x.xlsx");
});

test("an unreadable subfolder is one line; the files before and after it are checked", () => {
  // root reads any folder: the run is made as the unprivileged user "nobody" when the tests run as root.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = jixiao(["check", "folder"], asNobody);
  const lines = r.out.split("\n").filter((l) => /^(■|✗|-|共检查)/.test(l));
  expect(lines).toEqual([
    "■ folder/1.xlsx",
    "✗ folder/locked：无法检查——没有打开这个文件夹的权限，其中的文件没有检查。",
    "■ folder/z.xlsx",
    "共检查 3 个文件、2 张表：错误 4 个，警告 4 个；1 个文件无法读取。",
  ]);
  expect(r.code).toBe(2);
});

test("`npm run jixiao` resolves relative paths against the folder the user ran it in (INIT_CWD)", () => {
  const env = { ...process.env, INIT_CWD: dir, npm_lifecycle_event: "jixiao" };
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "jixiao.js"), "check", "a.xlsx", "--json"], { cwd: ROOT, env, encoding: "utf8" });
  expect(r.status).toBe(1);
  const report = JSON.parse(String(r.stdout)) as { files: { file: string; error: string | null }[] };
  expect(report.files).toEqual([expect.objectContaining({ file: "a.xlsx", error: null })]);
}, 120_000);

test("`jixiao --help` and argument errors load neither ExcelJS nor SheetJS", () => {
  const probe = `
    const { main } = require(${JSON.stringify(MAIN)});
    const quiet = { out: () => {}, err: () => {} };
    Promise.all([main(["--help"], quiet), main(["check", "--nope"], quiet), main(["new", "--help"], quiet)]).then((codes) => {
      const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](exceljs|@e965)/.test(k));
      process.stdout.write(JSON.stringify({ codes, loaded }));
    });`;
  const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  expect(JSON.parse(String(r.stdout))).toEqual({ codes: [0, 2, 0], loaded: [] });
});
