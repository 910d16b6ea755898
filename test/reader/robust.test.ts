// Damaged copies of the unseen layouts: random cells overwritten with junk, random merges added. The reader must
// never fail a whole sheet (that would show as 无法读取工作表) and every issue it reports must name a cell in Chinese.
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { Grid, GridCell } from "../../src/sheet/grid";
import { makeGrid } from "../../src/sheet/grid";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { readForms } from "../../src/sheet/read";
import { evaluateForm } from "../../src/domain/evaluate";
import { UNSEEN } from "./unseen-layouts";

const JUNK: (string | number | boolean | null)[] = [
  "", "#DIV/0!", "#REF!", "**", "XX", "%", "≥**人次", "不适用", "—", "1,2,3", "１２０", "95％", "=SUM(A1)", "+1", "-",
  "总分", "合计", "评价等级", "项目名称", "三级指标", "分值", "预算数", "执行率", "注：", "年度目标1：", true, 0, -1, 1e12, 0.955, null,
];

const grids: Grid[] = [];
beforeAll(async () => {
  for (const build of Object.values(UNSEEN)) {
    const wb = new ExcelJS.Workbook();
    build(wb);
    grids.push(...(await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()))));
  }
});

function damage(g: Grid, edits: [number, number, number][], merges: [number, number, number, number][]): Grid {
  const byKey = new Map<string, GridCell>(g.cells.map((x) => [`${x.row},${x.col}`, x]));
  for (const [r, c, j] of edits) {
    const row = r % (g.rows + 2);
    const col = c % (g.cols + 2);
    const v = JUNK[j % JUNK.length];
    if (v === null) byKey.delete(`${row},${col}`);
    else byKey.set(`${row},${col}`, { row, col, value: v });
  }
  const extra = merges.map(([r, c, h, w]) => ({ r0: r % g.rows, c0: c % g.cols, r1: (r % g.rows) + (h % 12), c1: (c % g.cols) + (w % 4) }));
  return makeGrid(g.sheet, [...byKey.values()], { merges: [...g.merges, ...extra], names: g.names, meta: g.meta });
}

test("damaged forms read without a sheet-level failure, and every issue is Chinese on a cell", () => {
  expect(grids.length).toBe(Object.keys(UNSEEN).length);
  fc.assert(
    fc.property(
      fc.nat(grids.length - 1),
      fc.array(fc.tuple(fc.nat(60), fc.nat(20), fc.nat(100)), { maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(60), fc.nat(20), fc.nat(20), fc.nat(8)), { maxLength: 3 }),
      (i, edits, merges) => {
        const forms = readForms(damage(grids[i], edits, merges));
        for (const f of forms) {
          for (const issue of f.readIssues) {
            expect(issue.message).not.toMatch(/^无法读取工作表/);
            expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
            expect(issue.cell).toMatch(/^[A-Z]+\d+$/);
          }
          expect(() => evaluateForm(f)).not.toThrow();
        }
      },
    ),
    { numRuns: 600, seed: 20261122 },
  );
});
