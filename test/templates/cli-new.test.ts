// `jixiao new`: writes the form, Chinese messages, exit codes, never overwrites without --force.
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNew } from "../../src/cli/new";
import { cellValue } from "./read-back";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}
const dir = mkdtempSync(join(tmpdir(), "jx-new-"));

test("writes the form with the options and says so in Chinese", async () => {
  const file = join(dir, "dept.xlsx");
  const t = io();
  const code = await runNew(["department-goals", "-o", file, "--year", "2023", "--unit", "某区人大办", "--rows", "1", "--taxonomy", "2021"], t.io);
  expect(code).toBe(0);
  expect(t.out.join("")).toContain("已生成");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(cellValue(wb.worksheets[0], "A1")).toBe("2023年度部门整体绩效自评表");
  expect(wb.definedNames.model.some((d) => d.name === "JX1_FUNDS_RATE")).toBe(true);
});

test("refuses to overwrite an existing file unless --force", async () => {
  const file = join(dir, "exists.xlsx");
  writeFileSync(file, "keep me");
  const t = io();
  expect(await runNew(["project", "-o", file], t.io)).toBe(1);
  expect(t.err.join("")).toContain("已存在");
  expect(await runNew(["project", "-o", file, "--force"], io().io)).toBe(0);
});

test.each([
  [["nope", "-o", "x.xlsx"], "没有「nope」"],
  [["project"], "-o"],
  [["project", "-o", "x.csv"], ".xlsx"],
  [["project", "-o", "x.xlsx", "--rows", "0"], "--rows"],
  [["project", "-o", "x.xlsx", "--taxonomy", "2019"], "--taxonomy"],
  [["project", "-o", "x.xlsx", "--year", "abc"], "--year"],
  [["project", "-o", "x.xlsx", "--bogus"], "不认识"],
])("bad arguments %j → exit 2 with a Chinese message", async (args, words) => {
  const t = io();
  expect(await runNew(args as string[], t.io)).toBe(2);
  expect(t.err[0]).toContain(words);
  expect(existsSync("x.xlsx")).toBe(false);
});

test("--help prints the kinds", async () => {
  const t = io();
  expect(await runNew(["--help"], t.io)).toBe(0);
  expect(t.out.join("\n")).toContain("multi-project");
});

test("a folder that does not exist is an error, not a crash", async () => {
  const t = io();
  expect(await runNew(["report", "-o", join(dir, "no", "such", "a.xlsx")], t.io)).toBe(1);
  expect(t.err[0]).toContain("文件夹不存在");
});
