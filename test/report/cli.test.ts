// `jixiao report`: writes the Word document (exit 0), never overwrites without --force, and says in Chinese why it
// could not (exit 2): an unreadable file, no form, a targets table, an existing output, a sheet to choose.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildSeed001 } from "../fixtures/xlsx/seed001";
import { buildWorkbook } from "../fixtures/xlsx/generate";
import { VARIANTS } from "../fixtures/xlsx/variants";
import { fixture, unzipText } from "./helpers";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "jx-report-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The text of the document's runs, joined (a title is several runs: the name, then the template's words). */
const docText = (file: string): string =>
  [...(unzipText(readFileSync(file)).get("word/document.xml") ?? "").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

const isDocx = (file: string) => {
  const parts = unzipText(readFileSync(file));
  return parts.has("word/document.xml") && parts.get("[Content_Types].xml")!.includes("wordprocessingml");
};

test("writes the report of seed 001 and says what is still wrong on the form", async () => {
  const out = join(dir, "自评报告.docx");
  const r = await run(["report", fixture("seed001-department"), "-o", out]);
  expect(r.code).toBe(0);
  expect(isDocx(out)).toBe(true);
  expect(docText(out)).toContain("衡阳县人大常委会办公室部门整体支出绩效自评报告");
  expect(r.out).toContain(`已生成自评报告：${out}`);
  expect(r.out).toMatch(/自评表还有 \d+ 个错误/);
  expect(r.out).toMatch(/报告中有 \d+ 处【请补充：…】需要手工填写/);
  expect(r.err).toBe("");
  // nothing left behind but the report
  expect(readdirSync(dir)).toEqual(["自评报告.docx"]);
});

test("does not overwrite an existing file without --force, and does with it", async () => {
  const out = join(dir, "r.docx");
  writeFileSync(out, "mine");
  const refused = await run(["report", fixture("seed003-report"), "-o", out]);
  expect(refused.code).toBe(2);
  expect(refused.err).toContain("已存在，未覆盖；要覆盖请加 --force");
  expect(readFileSync(out, "utf8")).toBe("mine");
  const forced = await run(["report", fixture("seed003-report"), "-o", out, "--force"]);
  expect(forced.code).toBe(0);
  expect(isDocx(out)).toBe(true);
  expect(forced.out).not.toContain("注意"); // seed 003 is ready to send
});

test("a targets table has no report: exit 2, a Chinese message, nothing written", async () => {
  const out = join(dir, "t.docx");
  const r = await run(["report", fixture("seed004-targets"), "-o", out]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("绩效目标表");
  expect(r.err).toContain("不是自评表");
  expect(existsSync(out)).toBe(false);
});

test("an unreadable file, a missing file, a workbook without a form: exit 2 with the reason", async () => {
  const bad = join(dir, "坏.xlsx");
  writeFileSync(bad, "not a workbook at all");
  const r1 = await run(["report", bad, "-o", join(dir, "a.docx")]);
  expect(r1.code).toBe(2);
  expect(r1.err).toContain("不是 Excel 工作簿");
  const r2 = await run(["report", join(dir, "没有.xlsx"), "-o", join(dir, "b.docx")]);
  expect(r2.code).toBe(2);
  expect(r2.err).toContain("文件不存在");
  const empty = join(dir, "空.xlsx");
  await buildWorkbook((wb) => wb.addWorksheet("Sheet1").getCell("A1").value = "备忘").xlsx.writeFile(empty);
  const r3 = await run(["report", empty, "-o", join(dir, "c.docx")]);
  expect(r3.code).toBe(2);
  expect(r3.err).toContain("没有找到可以起草报告的绩效自评表");
  expect(existsSync(join(dir, "a.docx")) || existsSync(join(dir, "b.docx")) || existsSync(join(dir, "c.docx"))).toBe(false);
});

describe("a workbook with two forms", () => {
  let book: string;
  beforeEach(async () => {
    book = join(dir, "两张表.xlsx");
    await buildWorkbook((wb) => {
      buildSeed001(wb);
      VARIANTS["variant-national-project"](wb);
    }).xlsx.writeFile(book);
  });
  test("asks which sheet, naming both", async () => {
    const r = await run(["report", book, "-o", join(dir, "r.docx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("请用 --sheet 指定一张");
    expect(r.err).toContain("「Sheet1」");
    expect(r.err).toContain("「项目自评」");
  });
  test("--sheet picks one", async () => {
    const out = join(dir, "r.docx");
    const r = await run(["report", book, "--sheet", "项目自评", "-o", out]);
    expect(r.code).toBe(0);
    expect(docText(out)).toContain("社区养老服务补助项目支出绩效自评报告");
  });
  test("an unknown sheet lists the sheets there are", async () => {
    const r = await run(["report", book, "--sheet", "第三张", "-o", join(dir, "r.docx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有名为「第三张」的工作表");
    expect(r.err).toContain("「项目自评」");
  });
});

test("without -o the report goes next to the form, named after it", async () => {
  const form = join(dir, "社区养老.xlsx");
  copyFileSync(fixture("variant-national-project"), form);
  const r = await run(["report", form]);
  expect(r.code).toBe(0);
  expect(statSync(join(dir, "社区养老_自评报告.docx")).size).toBeGreaterThan(5000);
});

test("arguments: Chinese messages for an unknown option, a missing value, two files, a wrong extension", async () => {
  const unknown = await run(["report", fixture("seed001-department"), "--bogus"]);
  expect([unknown.code, unknown.err]).toEqual([2, "jixiao report：不认识的选项 --bogus。用 jixiao report --help 查看用法。"]);
  const missing = await run(["report", fixture("seed001-department"), "-o"]);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain("后面需要写值");
  const two = await run(["report", fixture("seed001-department"), fixture("seed003-report")]);
  expect(two.code).toBe(2);
  expect(two.err).toContain("一次只能给出一个自评表文件");
  const pdf = await run(["report", fixture("seed001-department"), "-o", join(dir, "r.pdf")]);
  expect(pdf.code).toBe(2);
  expect(pdf.err).toContain("应以 .docx 结尾");
  const folder = await run(["report", fixture("seed001-department"), "-o", join(dir, "nowhere", "r.docx")]);
  expect(folder.code).toBe(2);
  expect(folder.err).toContain("文件夹不存在");
  const help = await run(["report", "--help"]);
  expect(help.code).toBe(0);
  expect(help.out).toContain("用法：jixiao report");
  expect((await run(["--help"])).out).toContain("jixiao report <自评表.xlsx>");
});

test("a file name that starts with '-' can be given after --", async () => {
  const form = join(dir, "-表.xlsx");
  copyFileSync(fixture("seed003-report"), form);
  const out = join(dir, "r.docx");
  const r = await run(["report", "-o", out, "--", form]);
  expect(r.code).toBe(0);
  expect(isDocx(out)).toBe(true);
});

test("a sheet name from the file is shown with its bidi and control characters escaped", async () => {
  const book = join(dir, "x.xlsx");
  await buildWorkbook((wb) => {
    VARIANTS["variant-national-project"](wb);
    wb.worksheets[0].name = "表\u202e2J"; // a bidi override (XML keeps it; it would drop an ESC)
  }).xlsx.writeFile(book);
  const r = await run(["report", book, "--sheet", "nope", "-o", join(dir, "r.docx")]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("「表\\u{202e}2J」");
  expect(r.err).not.toContain("\u202e");
});
