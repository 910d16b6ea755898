// Issue #14 on the command line: `jixiao new … --from 目标表.xlsx`, `jixiao check … --targets …`, `--xlsx 汇总.xlsx`.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readForms } from "../../src/sheet/read";
import { readXlsxFile } from "../../src/xlsx/read";
import { fixture, run, runJson } from "../cli/helpers";
import { SEED004 } from "../fixtures/seed-data";

const TARGETS = fixture("seed004-targets");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jx-wf-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]): string => path.join(dir, ...p);

async function formsIn(file: string) {
  return (await readXlsxFile(file)).flatMap((g) => readForms(g));
}

/** Sets a cell of a written file, as an officer would. */
async function edit(file: string, sheet: string, addr: string, value: string | number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.getCell(addr).value = value;
  await wb.xlsx.writeFile(file);
}

describe("jixiao new --from", () => {
  test("project (the default): one sheet per project of seed 004, named after it", async () => {
    const out = at("自评表.xlsx");
    const r = await run(["new", "project", "--from", TARGETS, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("已从绩效目标表生成 4 张项目支出绩效自评表");
    expect(r.out).toContain("9 项指标；9 项指标的分值按默认分值分配，请核对");
    expect(r.out).toContain("全年预算数、全年执行数和实际完成值留空，请填写");
    const forms = await formsIn(out);
    expect(forms.map((f) => [f.kind, f.sheet, f.name])).toEqual(SEED004.map((s) => ["project", s.name, s.name]));
    // The default weights are said in each form's 助手提示 column too, on the rows of the indicators they concern, as
    // the add-in writes them: right of the form, outside its print area.
    for (const f of forms) expect(f.indicators.length).toBe(9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const s of SEED004) {
      const ws = wb.getWorksheet(s.name)!;
      const header: ExcelJS.Cell[] = [];
      ws.eachRow((row) => row.eachCell((c) => void (c.value === "助手提示" && header.push(c))));
      expect(header).toHaveLength(1);
      const col = Number(header[0].col);
      const notes: number[] = [];
      ws.eachRow((row, n) => {
        const v = row.getCell(col).value;
        if (typeof v === "string" && v.startsWith("ℹ")) {
          expect(v).toBe("ℹ 按默认分值分配，请核对");
          notes.push(n);
        }
      });
      expect(notes).toHaveLength(9);
      const form = forms.find((f) => f.sheet === s.name)!;
      expect(notes).toEqual(form.indicators.map((i) => i.cells.row!).sort((a, b) => a - b));
      const area = String(ws.pageSetup.printArea ?? "");
      const lastPrinted = area.replace(/\$/g, "").split(":")[1]?.replace(/\d+$/, "") ?? "";
      expect(lastPrinted).not.toBe("");
      expect(ws.getColumn(lastPrinted).number).toBeLessThan(col);
    }
    // Without a kind at all, --from makes project forms too.
    const again = await run(["new", "--from", TARGETS, "-o", at("默认.xlsx")]);
    expect(again.code).toBe(0);
    expect((await formsIn(at("默认.xlsx"))).map((f) => f.kind)).toEqual(["project", "project", "project", "project"]);
  });

  test("--kind multi-project: one form with a row per project; what it cannot carry is said", async () => {
    const out = at("汇总表.xlsx");
    const r = await run(["new", "--from", TARGETS, "--kind", "multi-project", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("（4 个项目）");
    expect(r.out).toContain("参加培训人均成本");
    expect(r.out).toContain("未带入");
    const forms = await formsIn(out);
    expect(forms.map((f) => [f.kind, f.name])).toEqual(SEED004.map((s) => ["multi-project", s.name]));
  });

  test("the year and unit given on the command line go into every form (seed 004's fixture has neither)", async () => {
    const out = at("年度.xlsx");
    expect((await run(["new", "project", "--from", TARGETS, "--year", "2021", "--unit", "山海关区人大常委会", "-o", out])).code).toBe(0);
    const forms = await formsIn(out);
    expect(forms.map((f) => f.year)).toEqual([2021, 2021, 2021, 2021]);
    expect(forms.map((f) => f.unit)).toEqual(Array(4).fill("山海关区人大常委会"));
  });

  test("bad input: an unknown sheet, a file without a targets table, a kind that cannot be made, an existing file", async () => {
    const r1 = await run(["new", "--from", TARGETS, "--sheet", "没有这张", "-o", at("x1.xlsx")]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("没有名为“没有这张”的工作表");
    expect(r1.err).toContain("“Sheet1”");
    const r2 = await run(["new", "--from", fixture("variant-national-project"), "-o", at("x2.xlsx")]);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain("没有找到绩效目标表");
    const r3 = await run(["new", "report", "--from", TARGETS, "-o", at("x3.xlsx")]);
    expect(r3.code).toBe(2);
    expect(r3.err).toContain("不能生成「report」");
    const r4 = await run(["new", "project", "--kind", "department", "--from", TARGETS, "-o", at("x4.xlsx")]);
    expect(r4.code).toBe(2);
    for (const f of ["x1", "x2", "x3", "x4"]) expect(existsSync(at(`${f}.xlsx`))).toBe(false);

    const out = at("已有.xlsx");
    writeFileSync(out, "keep");
    const r5 = await run(["new", "--from", TARGETS, "-o", out]);
    expect(r5.code).toBe(1);
    expect(r5.err).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("keep");
    expect((await run(["new", "--from", TARGETS, "-o", out, "--force"])).code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });
});

describe("jixiao check --targets", () => {
  test("a fresh form against its table: no target-changed; a lowered target: target-changed with both values", async () => {
    const out = at("核对.xlsx");
    expect((await run(["new", "--from", TARGETS, "-o", out])).code).toBe(0);
    const clean = await runJson(["check", out, "--targets", TARGETS]);
    const codes = clean.json.files[0].forms.flatMap((f) => f.findings.map((x) => x.code));
    expect(codes).not.toContain("target-changed");

    const form = (await formsIn(out)).find((f) => f.name === "车辆保险费")!;
    const quantity = form.indicators[0]; // 车辆正常使用情况, approved "≥75%"
    await edit(out, "车辆保险费", quantity.cells.target!, "≥60%");
    const changed = await runJson(["check", out, "--targets", TARGETS]);
    const findings = changed.json.files[0].forms.find((f) => f.name === "车辆保险费")!.findings.filter((x) => x.code === "target-changed");
    expect(findings).toEqual([expect.objectContaining({ severity: "error", cell: quantity.cells.target, indicator: "车辆正常使用情况" })]);
    expect(findings[0].message).toContain("≥75%");
    expect(findings[0].message).toContain("≥60%");
    expect(changed.code).toBe(1);
  });

  test("folders of each; two tables for one project are reported as ambiguous and not compared", async () => {
    const forms = at("收回");
    const tables = at("目标");
    mkdirSync(forms, { recursive: true });
    mkdirSync(tables, { recursive: true });
    expect((await run(["new", "--from", TARGETS, "--sheet", "Sheet1", "-o", path.join(forms, "a.xlsx")])).code).toBe(0);
    copyFileSync(TARGETS, path.join(tables, "2021.xlsx"));
    const one = await run(["check", forms, "--targets", tables]);
    expect(one.out).not.toContain("无法确定");
    expect(one.out).not.toContain("没有找到");
    copyFileSync(TARGETS, path.join(tables, "2021副本.xlsx"));
    const two = await run(["check", forms, "--targets", tables]);
    expect(two.out).toContain("有 2 张绩效目标表的项目名称都是“人大会议”");
    expect(two.out).toContain("无法确定");
  });

  test("--targets that hold no targets table is an error", async () => {
    const r = await run(["check", fixture("variant-national-project"), "--targets", fixture("variant-national-project")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有找到绩效目标表");
  });
});

describe("jixiao check --xlsx", () => {
  test("writes the summary; never overwrites without --force; does not check its own earlier output", async () => {
    const folder = at("审核");
    mkdirSync(folder, { recursive: true });
    copyFileSync(fixture("variant-national-project"), path.join(folder, "养老.xlsx"));
    copyFileSync(fixture("seed001-department"), path.join(folder, "部门.xlsx"));
    writeFileSync(path.join(folder, "坏.xlsx"), "not a workbook");
    const out = path.join(folder, "汇总.xlsx");
    const r = await run(["check", folder, "--xlsx", out]);
    expect(r.out).toContain("已写入汇总工作簿");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("汇总")!;
    const files = [2, 3, 4].map((row) => (ws.getCell(row, 1).value as ExcelJS.CellHyperlinkValue).text).sort();
    expect(files).toEqual(["养老.xlsx", "坏.xlsx", "部门.xlsx"].sort());
    expect(ws.rowCount).toBe(4);

    const before = readFileSync(out);
    const again = await run(["check", folder, "--xlsx", out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect(readFileSync(out).equals(before)).toBe(true);

    const forced = await run(["check", folder, "--xlsx", out, "--force"]);
    expect(forced.out).not.toContain("汇总.xlsx：无法检查");
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(out);
    expect(wb2.getWorksheet("汇总")!.rowCount).toBe(4);
  });

  test("--xlsx needs a .xlsx name", async () => {
    const r = await run(["check", fixture("variant-national-project"), "--xlsx", at("汇总.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(".xlsx");
  });
});
