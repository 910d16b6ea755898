// Issue #14 item 3: the reviewer's summary workbook, re-read with ExcelJS and rendered in LibreOffice. Expectations
// from the issue (sheets, columns, 可接收 only when ready, 暂计, 退回修改 first, links, --force) and docs/rules.md#scoring and #ready-to-send (the
// totals and grades of the small forms below are worked out by hand from the scoring rules).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Form, Indicator } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";
import { evaluateForm } from "../../src/domain/evaluate";
import { withTargetChanges } from "../../src/domain/checks/target-changes";
import {
  cellText,
  fileLink,
  OutputExistsError,
  summaryWorkbook,
  writeSummaryFile,
  type SummaryFile,
} from "../../src/xlsx/summary-workbook";
import { pdfText, toPdf } from "../helpers/libreoffice";

const nf = (value: number | null, cell: string) => ({ value, raw: value == null ? "" : String(value), cell });

function indicator(id: string, name: string, target: string, actual: string, weight: number, row: number, extra: Partial<Indicator> = {}): Indicator {
  return {
    id,
    level1: "产出指标",
    level2: "数量指标",
    name,
    target,
    actual,
    weight,
    enteredScore: null,
    reason: "",
    cells: { row, name: `D${row}`, target: `E${row}`, actual: `F${row}`, weight: `G${row}`, score: `H${row}`, reason: `I${row}` },
    ...extra,
  };
}

function project(name: string, unit: string, budget: number, spent: number, inds: Indicator[]): Form {
  return emptyForm("project", "项目支出绩效自评表", name, {
    scored: true,
    unit,
    funds: { moneyUnit: "万元", initialBudget: null, budget: nf(budget, "E6"), spent: nf(spent, "F6"), weight: nf(10, "G6"), enteredRate: null, enteredScore: null, sums: [] },
    indicators: inds,
  });
}

// Ready: 执行率 95/100 = 95% → 9.5 of 10; "≥90%" met by 95% → 90 of 90; total 99.5, grade 优 (docs/rules.md#scoring).
const READY = project("社区养老服务补助", "某区民政局", 100, 95, [indicator("i1", "服务满意达标率", "≥90%", "95%", 90, 13)]);
// Provisional: 执行率 100% → 10; "≥1200人次" met → 40; the qualitative row has no score (score-missing):
// 暂计 50, grade 待完成, 退回修改.
const PROVISIONAL = project("基层干部培训", "某县委党校", 50, 50, [
  indicator("i1", "培训人次", "≥1200人次", "1300人次", 40, 13),
  indicator("i2", "干部理论水平", "显著提高", "达成年度指标", 50, 14, { level1: "效益指标", level2: "社会效益指标" }),
]);
// Complete and scored, but a target was lowered after approval: target-changed, an error.
const LOWERED = project("人大会议", "某区人大常委会", 20, 20, [indicator("i1", "会议次数", "≥5次", "6次", 90, 13)]);
const APPROVED = emptyForm("targets", "Sheet1", "人大会议", { indicators: [indicator("a1", "会议次数", "≥6次", "", 0, 21)] });
// A targets table in 元: 预算数 200000 元 → 20 万元 in the summary.
const TABLE = emptyForm("targets", "Sheet1", "人大会议", {
  funds: { moneyUnit: "元", initialBudget: null, budget: nf(200000, "C4"), spent: nf(null, "D4"), weight: null, enteredRate: null, enteredScore: null, sums: [] },
  indicators: [indicator("t1", "会议次数", "≥6次", "", 0, 21, { weight: null })],
});

let dir: string;
let files: SummaryFile[];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jx-summary-"));
  const evaluated = (f: Form) => ({ form: f, evaluation: evaluateForm(f) });
  const lowered = evaluated(LOWERED);
  files = [
    { file: path.join(dir, "收回", "b 社区养老.xlsx"), error: null, forms: [evaluated(READY)] },
    { file: path.join(dir, "收回", "a 培训.xlsx"), error: null, forms: [evaluated(PROVISIONAL)] },
    { file: path.join(dir, "收回", "c 人大#会议!A1.xlsx"), error: null, forms: [{ ...lowered, evaluation: withTargetChanges(lowered.evaluation, APPROVED) }] },
    { file: path.join(dir, "收回", "d 坏文件.xlsx"), error: "文件已损坏，无法打开（zip）。", forms: [] },
    { file: path.join(dir, "目标", "e 目标表.xlsx"), error: null, forms: [evaluated(TABLE)] },
  ];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the forms behind the rows are what the rules say (preconditions)", () => {
  const ready = evaluateForm(READY);
  expect(ready.ready).toBe(true);
  expect(ready.total).toMatchObject({ computed: 99.5, grade: "优", complete: true });
  const prov = evaluateForm(PROVISIONAL);
  expect(prov.ready).toBe(false);
  expect(prov.total).toMatchObject({ computed: 50, complete: false, grade: null });
  expect(evaluateForm(LOWERED).ready).toBe(true); // ready on its own …
  expect(files[2].forms[0].evaluation.ready).toBe(false); // … not once the approved target is compared
});

async function written(): Promise<ExcelJS.Workbook> {
  const out = path.join(dir, "汇总.xlsx");
  rmSync(out, { force: true });
  await writeSummaryFile(files, out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, row: number): unknown[] => {
  const out: unknown[] = [];
  ws.getRow(row).eachCell({ includeEmpty: true }, (c, col) => (out[col - 1] = c.value));
  return out;
};
const texts = (ws: ExcelJS.Worksheet, col: number): string[] => {
  const out: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, col).value;
    out.push(v && typeof v === "object" && "text" in v ? String(v.text) : v == null ? "" : String(v));
  }
  return out;
};

describe("汇总", () => {
  test("one row per form and per unreadable file, the issue's columns, frozen header, filters", async () => {
    const ws = (await written()).getWorksheet("汇总")!;
    expect(values(ws, 1)).toEqual([
      "文件", "工作表", "表样", "单位", "项目", "全年预算数（万元）", "全年执行数（万元）", "执行率", "总分（填写）", "总分（计算）", "等级", "错误", "警告", "状态", "说明",
    ]);
    expect(ws.rowCount).toBe(6);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:O6");
  });

  test("退回修改 first; 可接收 only for the ready form; the targets table in 万元", async () => {
    const ws = (await written()).getWorksheet("汇总")!;
    const status = texts(ws, 14);
    expect(status).toEqual(["退回修改", "退回修改", "退回修改", "可接收", "可接收"]);
    const byProject = new Map(texts(ws, 5).map((p, i) => [p, i + 2]));
    const ready = byProject.get("社区养老服务补助")!;
    expect(ws.getCell(ready, 14).value).toBe("可接收");
    expect(ws.getCell(ready, 6).value).toBe(100);
    expect(ws.getCell(ready, 7).value).toBe(95);
    expect(ws.getCell(ready, 8).value).toBeCloseTo(0.95, 9);
    expect(ws.getCell(ready, 10).value).toBe(99.5);
    expect(ws.getCell(ready, 11).value).toBe("优");
    expect(ws.getCell(ready, 12).value).toBe(0);
    expect(ws.getCell(ready, 4).value).toBe("某区民政局");
    expect(ws.getCell(ready, 3).value).toBe("项目支出绩效自评表");
    // The targets table (a form of its own kind) is complete: its 200000 元 shows as 20 万元.
    const tableRow = texts(ws, 3).indexOf("项目绩效目标表") + 2;
    expect(ws.getCell(tableRow, 6).value).toBe(20);
  });

  test("number formats: 万元 with two decimals, 执行率 in %, a provisional total shown as 暂计 and its grade 待完成", async () => {
    const ws = (await written()).getWorksheet("汇总")!;
    const byProject = new Map(texts(ws, 5).map((p, i) => [p, i + 2]));
    const ready = byProject.get("社区养老服务补助")!;
    expect(ws.getCell(ready, 6).numFmt).toBe("#,##0.00");
    expect(ws.getCell(ready, 7).numFmt).toBe("#,##0.00");
    expect(ws.getCell(ready, 8).numFmt).toBe("0.00%");
    expect(ws.getCell(ready, 10).numFmt).toBe("0.00");
    const prov = byProject.get("基层干部培训")!;
    expect(ws.getCell(prov, 10).value).toBe(50);
    expect(ws.getCell(prov, 10).numFmt).toContain("暂计");
    expect(ws.getCell(prov, 11).value).toBe("待完成");
    expect(ws.getCell(prov, 14).value).toBe("退回修改");
    expect(String(ws.getCell(prov, 15).value)).toContain("尚有 1 项、50 分未评分");
  });

  test("an unreadable file is listed with why", async () => {
    const ws = (await written()).getWorksheet("汇总")!;
    const row = texts(ws, 1).findIndex((f) => f.includes("坏文件")) + 2;
    expect(ws.getCell(row, 14).value).toBe("退回修改");
    expect(ws.getCell(row, 15).value).toBe("无法读取：文件已损坏，无法打开（zip）。");
  });

  test("each file cell links to the file, relative to the summary, with # and ! encoded", async () => {
    const ws = (await written()).getWorksheet("汇总")!;
    const links = new Map<string, string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, 1).value as ExcelJS.CellHyperlinkValue;
      links.set(v.text, v.hyperlink);
    }
    expect(links.get("收回/b 社区养老.xlsx")).toBe("./收回/b%20社区养老.xlsx");
    expect(links.get("收回/c 人大#会议!A1.xlsx")).toBe("./收回/c%20人大%23会议%21A1.xlsx");
    expect(links.get("目标/e 目标表.xlsx")).toBe("./目标/e%20目标表.xlsx");
  });
});

describe("问题清单 and 退回意见", () => {
  test("one row per finding with file, sheet, cell, indicator, severity and message", async () => {
    const ws = (await written()).getWorksheet("问题清单")!;
    expect(values(ws, 1)).toEqual(["文件", "工作表", "单元格", "指标", "严重程度", "问题", "代码"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const total = files.reduce((s, f) => s + (f.error ? 1 : f.forms.reduce((k, x) => k + x.evaluation.findings.length, 0)), 0);
    expect(ws.rowCount).toBe(total + 1);
    const changed = texts(ws, 7).indexOf("target-changed") + 2;
    expect(changed).toBeGreaterThan(1);
    expect(ws.getCell(changed, 3).value).toBe("E13");
    expect(ws.getCell(changed, 4).value).toBe("会议次数");
    expect(ws.getCell(changed, 5).value).toBe("错误");
    expect(String(ws.getCell(changed, 6).value)).toContain("≥6次");
    expect(String(ws.getCell(changed, 6).value)).toContain("≥5次");
    expect((ws.getCell(changed, 1).value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("./收回/c%20人大%23会议%21A1.xlsx");
    const missing = texts(ws, 7).indexOf("score-missing") + 2;
    expect(ws.getCell(missing, 3).value).toBe("H14");
    expect(texts(ws, 6).some((m) => m.startsWith("文件无法读取：文件已损坏"))).toBe(true);
  });

  test("a paragraph per file that must go back, naming each error and its cell; none for the ready file", async () => {
    const ws = (await written()).getWorksheet("退回意见")!;
    expect(values(ws, 1)).toEqual(["文件", "单位", "退回意见"]);
    const names = texts(ws, 1);
    expect(names).toEqual(["收回/a 培训.xlsx", "收回/c 人大#会议!A1.xlsx", "收回/d 坏文件.xlsx"]);
    const [prov, lowered, broken] = texts(ws, 3);
    expect(prov).toMatch(/^《a 培训\.xlsx》经审核，以下问题需修改后重新报送：/);
    expect(prov).toContain("H14 单元格：");
    expect(prov).toContain("干部理论水平");
    expect(prov.endsWith("请逐项修改后重新报送。")).toBe(true);
    expect(lowered).toContain("E13 单元格：");
    expect(lowered).toContain("≥6次");
    expect(broken).toContain("无法读取");
    expect(broken).toContain("文件已损坏");
    expect(ws.getCell(3, 2).value).toBe("某区人大常委会");
  });
});

describe("hostile text and existing output", () => {
  test("characters a cell cannot hold are replaced, long texts cut to 32,767, and the file still opens", async () => {
    const evil = project(`坏\u0001名\u001b[2J${"长".repeat(40000)}`, "单位\u0000", 1, 1, [indicator("i1", "x\u0008", "≥1", "1", 90, 13)]);
    const out = path.join(dir, "evil.xlsx");
    await writeSummaryFile([{ file: path.join(dir, "=HYPERLINK(1).xlsx"), error: null, forms: [{ form: evil, evaluation: evaluateForm(evil) }] }], out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("汇总")!;
    const name = String(ws.getCell(2, 5).value);
    expect(name.length).toBeLessThanOrEqual(32767);
    expect(name.startsWith("坏\ufffd名\ufffd[2J")).toBe(true);
    expect(ws.getCell(2, 4).value).toBe("单位\ufffd");
    const link = ws.getCell(2, 1).value as ExcelJS.CellHyperlinkValue;
    expect(link.text).toBe("=HYPERLINK(1).xlsx");
    expect(link.hyperlink).toBe("./=HYPERLINK(1).xlsx");
    expect(ws.getCell(2, 1).formula).toBeUndefined();
    expect(cellText("a\u0002b")).toBe("a\ufffdb");
  });

  test("links never become another kind of link", () => {
    const base = path.join(dir, "out");
    expect(fileLink(path.join(base, "http:evil.com"), base)).toBe("./http:evil.com");
    expect(fileLink(path.join(base, "a?b%c.xlsx"), base)).toBe("./a%3Fb%25c.xlsx");
    expect(fileLink(path.join(dir, "上一级.xlsx"), base)).toBe("../上一级.xlsx");
    expect(fileLink(path.join(base, "x\u0001y.xlsx"), base)).toBe("./xy.xlsx");
    expect(fileLink(path.join(base, "😀\ud800.xlsx"), base)).toBe("./😀.xlsx");
  });

  test("existing output is never overwritten without force", async () => {
    const out = path.join(dir, "已有.xlsx");
    writeFileSync(out, "keep me");
    await expect(writeSummaryFile(files, out)).rejects.toBeInstanceOf(OutputExistsError);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    await writeSummaryFile(files, out, { force: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单", "退回意见"]);
  });

  test("an empty list still gives the three sheets with their headers", () => {
    const wb = summaryWorkbook([], { dir });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单", "退回意见"]);
    expect(wb.getWorksheet("汇总")!.getCell("N1").value).toBe("状态");
  });
});

test("LibreOffice opens the summary and shows its Chinese text", async () => {
  const out = path.join(dir, "lo", "汇总.xlsx");
  rmSync(path.dirname(out), { recursive: true, force: true });
  mkdirSync(path.dirname(out), { recursive: true });
  await writeSummaryFile(files, out);
  const [pdf] = await toPdf([out], path.join(dir, "lo", "pdf"));
  expect(existsSync(pdf)).toBe(true);
  const t = (await pdfText(pdf)).replace(/\s+/g, "");
  for (const word of ["状态", "退回修改", "可接收", "社区养老服务补助", "待完成", "暂计50.00", "问题", "退回意见", "请逐项修改后重新报送"]) expect(t).toContain(word);
}, 180_000);
