// A reviewer's folder as the file system can make it: other formats, Office lock files, links inside and outside
// the folder, a link loop, FIFOs. Workbooks are read, everything else is listed as skipped with why, and nothing
// is opened that could hang or never end.
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCheck } from "../../src/cli/check";
import type { JsonReport } from "../../src/cli/report-json";
import { GOOD, GOOD_FIXTURE } from "./corpus";

let dir: string;
let rel: string;

async function check(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck(args, { out: (l) => out.push(...l.split("\n")), err: (l) => err.push(l) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-folder-"));
  rel = path.relative(process.cwd(), dir);
  await fs.copyFile(GOOD_FIXTURE, path.join(dir, "a-good.xlsx"));
  await fs.mkdir(path.join(dir, "sub"));
  await fs.copyFile(GOOD_FIXTURE, path.join(dir, "sub", "b-good.xlsx"));
  await fs.writeFile(path.join(dir, "notes.csv"), "项目,预算\n");
  await fs.writeFile(path.join(dir, "scan.pdf"), "%PDF-1.4\n%%EOF\n");
  await fs.writeFile(path.join(dir, "~$a-good.xlsx"), Buffer.alloc(165));
  await fs.symlink("/dev/zero", path.join(dir, "zero.xlsx"));
  await fs.symlink(GOOD_FIXTURE, path.join(dir, "outside.xlsx"));
  await fs.symlink(path.join(dir, "a-good.xlsx"), path.join(dir, "inside.xlsx"));
  await fs.symlink(dir, path.join(dir, "sub", "loop"));
  execFileSync("mkfifo", [path.join(dir, "b.xlsx")]);
  execFileSync("mkfifo", [path.join(dir, "pipe")]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const at = (...p: string[]): string => path.join(rel, ...p);

test("a relative folder: workbooks read, other files listed as skipped, special files and links out refused", async () => {
  const r = await check([rel]);
  expect(r.code).toBe(2);
  const line = (file: string): string[] => r.out.filter((l) => l.startsWith(`■ ${file}`) || l.startsWith(`✗ ${file}：`) || l.startsWith(`- ${file}：`));
  expect(line(at("a-good.xlsx"))).toEqual([`■ ${at("a-good.xlsx")}`]);
  expect(line(at("sub", "b-good.xlsx"))).toEqual([`■ ${at("sub", "b-good.xlsx")}`]);
  expect(line(at("inside.xlsx"))).toEqual([`■ ${at("inside.xlsx")}`]);
  expect(line(at("notes.csv"))).toEqual([`- ${at("notes.csv")}：不是工作簿格式（.csv 文件），未检查。`]);
  expect(line(at("scan.pdf"))).toEqual([`- ${at("scan.pdf")}：不是工作簿格式（.pdf 文件），未检查。`]);
  expect(line(at("~$a-good.xlsx"))).toEqual([`- ${at("~$a-good.xlsx")}：Office 打开文件时留下的临时文件，未检查。`]);
  expect(line(at("pipe"))).toEqual([`- ${at("pipe")}：这是命名管道（FIFO），不是普通文件，已跳过。`]);
  expect(line(at("b.xlsx"))).toEqual([`✗ ${at("b.xlsx")}：无法检查——这是命名管道（FIFO），不是普通文件，已跳过。`]);
  expect(line(at("zero.xlsx"))).toEqual([`✗ ${at("zero.xlsx")}：无法检查——符号链接指向所检查的文件夹之外，已跳过。`]);
  expect(line(at("outside.xlsx"))).toEqual([`✗ ${at("outside.xlsx")}：无法检查——符号链接指向所检查的文件夹之外，已跳过。`]);
  // the link back to the folder is not followed into itself
  expect(r.out.filter((l) => l.includes("loop"))).toEqual([]);
  expect(r.out.at(-1)).toBe("共检查 6 个文件、3 张表：错误 6 个，警告 6 个；3 个文件无法读取；另有 4 个文件不是工作簿，未检查。");
  expect(r.err.filter((l) => l.startsWith("检查 "))).toHaveLength(3);
});

test("--json lists the skipped files with their reasons", async () => {
  const r = await check([rel, "--json"]);
  const report = JSON.parse(r.out.join("\n")) as JsonReport;
  expect(report.skipped.map((s) => s.file)).toEqual([at("notes.csv"), at("pipe"), at("scan.pdf"), at("~$a-good.xlsx")].sort((a, b) => a.localeCompare(b, "zh-CN")));
  const read = report.files.filter((f) => f.error === null);
  expect(read.map((f) => f.forms[0].name)).toEqual([GOOD.name, GOOD.name, GOOD.name]);
});

test("a file given by name is read whatever its extension, and named for what it is", async () => {
  const r = await check([at("notes.csv"), at("scan.pdf")]);
  expect(r.out[0]).toBe(`✗ ${at("notes.csv")}：无法检查——不是 Excel 工作簿，而是文本文件（如 CSV）。`);
  expect(r.out[1]).toBe(`✗ ${at("scan.pdf")}：无法检查——不是 Excel 工作簿，而是PDF 文件。`);
});

test("a folder with nothing to check says so", async () => {
  const empty = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-empty-"));
  try {
    await fs.writeFile(path.join(empty, "readme.txt"), "");
    const r = await check([empty]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([`- ${path.join(empty, "readme.txt")}：不是工作簿格式（.txt 文件），未检查。`]);
    expect(r.err.join("\n")).toContain("没有找到要检查的工作簿");
  } finally {
    await fs.rm(empty, { recursive: true, force: true });
  }
});
