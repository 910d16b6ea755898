// `jixiao check` behaviour: unreadable files, exit codes, folders and progress, --json shape, --profile, help.
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { fixture, run, runJson } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-check-"));
  await fs.writeFile(path.join(dir, "empty.xlsx"), "");
  await fs.writeFile(path.join(dir, "notes.xlsx"), "这不是工作簿，只是文字。");
  await fs.writeFile(path.join(dir, "damaged.xlsx"), Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]));
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await fs.writeFile(path.join(dir, "locked.xlsx"), Buffer.concat([ole, Buffer.alloc(64), Buffer.from("EncryptionInfo", "utf16le")]));
  await fs.writeFile(path.join(dir, "old.xls"), Buffer.concat([ole, Buffer.alloc(512)]));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("会议").getCell("A1").value = "会议纪要";
  await wb.xlsx.writeFile(path.join(dir, "minutes.xlsx"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test.each([
  ["empty.xlsx", "空的"],
  ["notes.xlsx", "不是 Excel 工作簿"],
  ["damaged.xlsx", "损坏"],
  ["locked.xlsx", "加密"],
  ["old.xls", ".xls"],
  ["minutes.xlsx", "没有找到绩效自评表"],
  ["missing.xlsx", "不存在"],
])("%s: one line saying why, exit 2", async (name, why) => {
  const r = await run(["check", path.join(dir, name)]);
  expect(r.code).toBe(2);
  const lines = r.out.split("\n").filter((l) => l.includes(name));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(why);
});

test("an unreadable file does not stop the run; exit 2 wins over 1", async () => {
  const r = await runJson(["check", path.join(dir, "damaged.xlsx"), fixture("seed001-department")]);
  expect(r.code).toBe(2);
  expect(r.json.files).toHaveLength(2);
  expect(r.json.files[0]).toMatchObject({ error: expect.stringContaining("损坏"), forms: [] });
  expect(r.json.files[1].error).toBeNull();
  expect(r.json.files[1].forms[0].findings.length).toBeGreaterThan(0);
});

test("exit 0 without error findings, 1 with some", async () => {
  expect((await run(["check", fixture("seed003-report")])).code).toBe(0);
  expect((await run(["check", fixture("seed001-department")])).code).toBe(1);
});

test("a folder: every workbook under it, a progress line per file on stderr", async () => {
  const r = await run(["check", path.dirname(fixture("seed000-department-goals"))]);
  const progress = r.err.split("\n").filter((l) => l.startsWith("检查 "));
  expect(progress.length).toBeGreaterThanOrEqual(9);
  expect(progress[0]).toMatch(/^检查 1\/\d+：/);
  expect(r.out).toContain("seed004-targets.xlsx");
  expect(r.out).toMatch(/共检查 \d+ 个文件/);
});

test("the default report in Chinese: kind and name, 执行率, 总分 entered and computed, 等级, findings with cells", async () => {
  const r = await run(["check", fixture("seed001-department")]);
  expect(r.out).toContain("部门整体支出绩效自评表：衡阳县人大常委会办公室");
  expect(r.out).toContain("执行率 97.42%");
  expect(r.out).toMatch(/总分 填写 94，计算 [\d.]+；等级 优（填写 优秀）/);
  const lines = r.out.split("\n").filter((l) => /^\s+(错误|警告|提示)\s/.test(l));
  expect(lines.length).toBeGreaterThan(0);
  const rank = lines.map((l) => ["错误", "警告", "提示"].indexOf(l.trim().slice(0, 2)));
  expect(rank).toEqual([...rank].sort((a, b) => a - b));
  expect(lines.some((l) => /错误\s+B45\s+指标“总体工作完成率”/.test(l))).toBe(true);
});

test("--json prints exactly the agreed shape", async () => {
  const { json } = await runJson(["check", fixture("variant-national-project")]);
  expect(Object.keys(json)).toEqual(["files", "skipped"]);
  const file = json.files[0];
  expect(Object.keys(file)).toEqual(["file", "error", "forms"]);
  const form = file.forms[0];
  expect(Object.keys(form).slice(0, 7)).toEqual(["sheet", "kind", "name", "funds", "indicators", "total", "findings"]);
  expect(form).toMatchObject({ sheet: "项目自评", kind: "project", name: "社区养老服务补助" });
  expect(form.funds).toEqual({ budget: 43.2, spent: 37.24, rate: expect.closeTo(0.862, 3), weight: 10, score: 8.62, enteredRate: expect.closeTo(0.862, 6), enteredScore: 9 });
  expect(form.indicators[0]).toEqual({ cell: "D13", level1: "产出指标", level2: "数量指标", name: "服务老人人次", target: "≥1200人次", actual: "1350人次", weight: 20, enteredScore: 20, score: 20, status: "met" });
  expect(Object.keys(form.total!)).toEqual(["entered", "computed", "grade", "complete", "unscored", "unscoredWeight"]);
  expect(typeof form.ready).toBe("boolean");
  expect(form.total!.entered).toBe(95);
  for (const f of form.findings) {
    expect(Object.keys(f).slice(0, 5)).toEqual(["code", "severity", "cell", "indicator", "message"]);
    expect(["error", "warning", "info"]).toContain(f.severity);
  }
  // funds-level findings name what they are about
  const rate = form.findings.find((f) => f.code === "deviation-reason-missing" && f.indicator === "预算执行率");
  expect(rate?.cell).toBe("F11"); // 86.2% under the 90% threshold, no reason written: it goes in 实际完成情况 (docs/rules.md#ready-to-send)
});

test("--profile: a known profile is used, an unknown one is refused", async () => {
  const ok = await run(["check", fixture("seed003-report"), "--profile", "provincial-80"]);
  expect(ok.code).toBe(0);
  const bad = await run(["check", fixture("seed003-report"), "--profile", "nowhere"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("nowhere");
});

test("help, version, unknown command and option, nothing to check", async () => {
  const help = await run(["--help"]);
  expect(help.code).toBe(0);
  expect(help.out).toContain("jixiao check");
  const v = await run(["--version"]);
  expect(v.out).toMatch(/^\d+\.\d+\.\d+$/);
  expect((await run(["frobnicate"])).code).toBe(2);
  expect((await run(["check", "--nope"])).code).toBe(2);
  expect((await run(["check"])).code).toBe(2);
});
