// Text stays text: every string a plan writes lands in Excel as that same string, even those Excel would parse
// as a formula, number, time, date or boolean when written through `values`/`formulas`.
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";
import { literal } from "../../src/excel/write-plan";
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
