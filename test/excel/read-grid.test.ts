// Reading a sheet the way real Excel answers: RangeAreas addresses carry (quoted) sheet names, and `formulas`
// returns quote-prefixed text without its quote (office-js#6687), which must not be taken for a formula.
import { areasOf, queueGridRead } from "../../src/excel/read-grid";
import { createFakeExcel } from "../../src/fake-excel";

describe("read-grid", () => {
  test("areasOf reads every address form Excel writes", () => {
    expect(areasOf("Sheet1!A1:B2, Sheet1!D1:D4")).toEqual([
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 0, c0: 3, r1: 3, c1: 3 },
    ]);
    expect(areasOf("'预算, 2021 (2)'!$A$1:$H$1,'预算, 2021 (2)'!C3")).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 7 },
      { r0: 2, c0: 2, r1: 2, c1: 2 },
    ]);
    expect(areasOf("项目支出绩效自评表!A1:H1")).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 7 }]);
    expect(areasOf("'It''s'!B2:C3")).toEqual([{ r0: 1, c0: 1, r1: 2, c1: 2 }]);
  });

  test("merges on a sheet whose name holds a comma are read, and quoted '=text' is text", async () => {
    const fake = createFakeExcel({ sheets: ["预算, 2021"] });
    const undo = fake.install();
    try {
      fake.merge("预算, 2021", "A1:C1");
      fake.merge("预算, 2021", "B3:B5");
      fake.setCells("预算, 2021", "A2", [["'=SUM(1,2)", "=1+1"]]);
      const out = await Excel.run(async (context) => {
        const read = queueGridRead(context, "预算, 2021", false);
        await context.sync();
        return read.finish();
      });
      expect(out.grid.merges).toEqual(
        expect.arrayContaining([
          { r0: 0, c0: 0, r1: 0, c1: 2 },
          { r0: 2, c0: 1, r1: 4, c1: 1 },
        ]),
      );
      expect(out.grid.merges).toHaveLength(2);
      const at = (r: number, c: number) => out.grid.cells.find((x) => x.row === r && x.col === c);
      expect(at(1, 0)).toEqual({ row: 1, col: 0, value: "=SUM(1,2)" });
      expect(at(1, 1)?.formula).toBe("=1+1");
    } finally {
      undo();
    }
  });
});
