// Text stays text: every string a plan writes lands in Excel as that same string, even those Excel would parse
// as a formula, number, time, date or boolean when written through `values`/`formulas`.
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";
import { literal } from "../../src/excel/write-plan";
import { uniqueSheetName } from "../../src/excel/workbook-parts";
import { writeSummary } from "../../src/excel/summary";
import { rig } from "./helpers";

const TRICKY = ["=SUM(A1)", "+86", "-5", "@home", "'quoted", "1,234", "(100)", "¥100", "95%", "1:1", "2021/1/1", "2021年1月1日", "TRUE", "1e5", ".5", "#N/A", "Jan-21"];

describe("literal", () => {
  test("quotes what Excel would convert and leaves plain text alone", () => {
    for (const t of TRICKY) expect(literal(t)).toBe(`'${t}`);
    for (const t of ["产出指标", "≥95%", "按时完成", "万元", "TRUE 与否"]) expect(literal(t)).toBe(t);
    expect(literal(12)).toBe(12);
    expect(literal("")).toBe("");
    expect(literal(null)).toBeNull();
  });

  test("every tricky string written by insert reads back as the same text", async () => {
    const { fake, undo } = rig();
    try {
      const plan = buildPlan("project", {});
      const rows = plan.size.rows;
      TRICKY.forEach((t, i) => plan.cells.push({ addr: `A${rows + 2 + i}`, value: t }));
      const out = await insertPlan(plan, "new-sheet");
      const cells = fake.snapshot(out.sheet).cells;
      TRICKY.forEach((t, i) => {
        const cell = cells[`A${rows + 2 + i}`];
        expect(cell.formula).toBeUndefined();
        expect(cell.value).toBe(t);
      });
    } finally {
      undo();
    }
  });
});

describe("sheet names and other text the add-in writes", () => {
  test("uniqueSheetName keeps to Excel's rules", () => {
    expect(uniqueSheetName("'报表'", [])).toBe("报表");
    expect(uniqueSheetName("History", [])).toBe("绩效自评表");
    expect(uniqueSheetName("a[b]:c", [])).toBe("a b  c");
    expect(uniqueSheetName("表", ["表", "表 (2)"])).toBe("表 (3)");
    expect(uniqueSheetName("长".repeat(40), []).length).toBe(31);
  });

  test("the 检查结果 sheet and the meta row keep '=…' and numbers as text", async () => {
    const { fake, undo } = rig(["=1"]);
    try {
      const name = await writeSummary("检查结果", [["单元格", "说明"], ["=SUM(A1)", "0012"]]);
      const cells = fake.snapshot(name).cells;
      expect(cells.A3).toEqual(expect.objectContaining({ value: "=SUM(A1)" }));
      expect(cells.A3.formula).toBeUndefined();
      expect(cells.B3.value).toBe("0012");
      await fake.select("=1", "A1");
      const out = await insertPlan(buildPlan("targets", {}), "selection");
      expect(out.refused).toBeUndefined();
      const meta = fake.snapshot("JX_META").cells;
      expect(meta.A1.value).toBe("=1");
      expect(meta.A1.formula).toBeUndefined();
    } finally {
      undo();
    }
  });
});
