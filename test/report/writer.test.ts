// The .docx opens in LibreOffice Writer and converts to PDF with the Chinese text intact (pdftotext): the seeds'
// numbers, names, headings and placeholders, A4 pages numbered in the footer; one page rendered to PNG and seen
// not to be blank. The PDFs and the PNG stay in test-output/report/ for people to look at.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { draftToDocx } from "../../src/document/docx";
import { docxToPdf, draftOf, evaluationsOf, pageToPng, pdfInfo, pngInk, readGreyPng } from "./helpers";
import { SCRIPT, hostileEvaluation } from "./hostile";

const OUT = join(__dirname, "..", "..", "test-output", "report");
const SEEDS = ["seed000-department-goals", "seed001-department", "seed002-multi-project", "seed003-report", "variant-national-project"];

jest.setTimeout(180_000);

function pdfText(pdf: string, page?: number): Promise<string> {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return new Promise((resolve, reject) =>
    execFile("pdftotext", [...range, pdf, "-"], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(String(stdout)))),
  );
}
/** Text without any whitespace: Writer justifies Chinese lines, and pdftotext then puts spaces between glyphs. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

const pdfs = new Map<string, string>();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const files: string[] = [];
  for (const name of SEEDS) {
    const file = join(OUT, `${name}.docx`);
    writeFileSync(file, await draftToDocx(draftOf(await evaluationsOf(name))));
    files.push(file);
  }
  const hostile = join(OUT, "hostile.docx");
  writeFileSync(hostile, await draftToDocx(draftOf([await hostileEvaluation()])));
  files.push(hostile);
  const out = await docxToPdf(files, OUT);
  [...SEEDS, "hostile"].forEach((n, k) => pdfs.set(n, out[k]));
});

test.each([
  ["seed001-department", ["衡阳县人大常委会办公室部门整体支出绩效自评报告", "（2020年度）", "一、部门基本情况", "【请补充：部门主要职能】", "年初预算数933.5万元", "预算执行率为97.42%", "总体工作完成率", "群众法治满意度", "总分为94分，自评等级为“优秀”", "表1"]],
  ["seed003-report", ["忻州市人民代表大会常务委员会办公室部门整体支出绩效自评报告", "总分为98.25分", "金额合计", "1325.75", "专项调研"]],
  ["seed002-multi-project", ["部门预算项目绩效自评报告", "（十）人大代表学习培训", "预算执行率为52.29%", "因疫情影响，无法大规模开展代表学习培训", "向未能参训的代表发放学习读本。"]],
  ["seed000-department-goals", ["武汉市蔡甸区人民代表大会常务委员会办公室部门整体绩效自评报告", "（六）年度目标6", "代表小组开展活动次数", "103次", "本表不设分值和等级"]],
  ["variant-national-project", ["社区养老服务补助项目支出绩效自评报告", "一、基本情况", "（一）项目概况", "部分服务点人员不足，已补充招聘", "五、存在的问题及下一步改进措施"]],
])("%s: the PDF holds the report's Chinese text", async (name, expected) => {
  const text = squeeze(await pdfText(pdfs.get(name)!));
  for (const e of expected) expect([name, text.includes(squeeze(e))]).toEqual([name, true]);
  expect(text).not.toContain("\ufffd");
});

test("A4 pages, numbered “— N —” in the footer", async () => {
  const pdf = pdfs.get("seed001-department")!;
  const info = await pdfInfo(pdf);
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  for (const p of [1, 2, pages]) expect(squeeze(await pdfText(pdf, p))).toContain(`—${p}—`);
});

test("page 1 rendered to PNG is not blank", async () => {
  const png = await pageToPng(pdfs.get("seed001-department")!, 1);
  const { width, height } = readGreyPng(png);
  // A4 at 40 dpi: 331 × 468 px
  expect([width, height]).toEqual([331, 468]);
  const ink = pngInk(png);
  expect(ink).toBeGreaterThan(0.01);
  expect(ink).toBeLessThan(0.5);
});

test("the hostile form's report opens too, its markup shown as text", async () => {
  const text = await pdfText(pdfs.get("hostile")!);
  expect(squeeze(text)).toContain(squeeze(`养老${SCRIPT}`));
  expect(squeeze(text)).toContain("字从略）");
});
