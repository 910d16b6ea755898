import { displayText, FValue, recalcAll, Recalculator, references } from "../../src/formula";
import { book, err, ev, rect } from "./helpers";

describe("Recalculator", () => {
  test("a chain written in reverse order computes in dependency order", () => {
    const rc = book({ S: { A4: { f: "=A3*2" }, A3: { f: "=A2+1" }, A2: { f: "=A1+1" }, A1: 1 } });
    rc.recalc();
    expect(rc.get("S", 3, 0)).toBe(6);
    rc.setValue("S", 0, 0, 10);
    const changed = rc.recalc();
    expect(rc.get("S", 3, 0)).toBe(24);
    expect(changed.map((c) => `${c.row},${c.value}`)).toEqual(["1,11", "2,12", "3,24"]);
    expect(rc.recalc()).toEqual([]);
  });

  test("a long chain does not overflow the stack", () => {
    const rc = new Recalculator();
    rc.setValue("S", 0, 0, 0);
    for (let r = 1; r < 20000; r++) rc.setFormula("S", r, 0, `=A${r}+1`);
    rc.recalc();
    expect(rc.get("S", 19999, 0)).toBe(19999);
  });

  test("a cycle shows #REF! and leaves other cells computed; breaking it recovers", () => {
    const rc = book({ S: { A1: { f: "=B1+1" }, B1: { f: "=A1+1" }, C1: { f: "=C1" }, D1: 5, E1: { f: "=D1*2" }, F1: { f: "=A1" } } });
    rc.recalc();
    expect(rc.get("S", 0, 0)).toEqual(err("#REF!"));
    expect(rc.get("S", 0, 2)).toEqual(err("#REF!"));
    expect(rc.get("S", 0, 4)).toBe(10);
    expect(rc.get("S", 0, 5)).toEqual(err("#REF!"));
    expect(rc.cycles.sort()).toEqual(["S!0,0", "S!0,1", "S!0,2"]);
    rc.setValue("S", 0, 1, 7);
    rc.recalc();
    expect(rc.get("S", 0, 0)).toBe(8);
    expect(rc.get("S", 0, 5)).toBe(8);
    expect(rc.cycles).toEqual(["S!0,2"]);
  });

  test("onCycle: keep leaves the last values", () => {
    const rc = new Recalculator({ onCycle: "keep" });
    rc.setCell("S", 0, 0, { formula: "=B1", value: 3 });
    rc.setCell("S", 0, 1, { formula: "=A1", value: 4 });
    expect(rc.recalc()).toEqual([]);
    expect(rc.get("S", 0, 0)).toBe(3);
  });

  test("cross-sheet references with quoted CJK sheet names, case-insensitive", () => {
    const rc = book({
      "项目 支出": { D14: 80, D15: 20 },
      汇总: { A1: { f: "=SUM('项目 支出'!D14:D15)" }, A2: { f: "=汇总!A1/2" }, A3: { f: "='项目 支出'!d14+sheet3!A1" } },
      Sheet3: { A1: 1 },
    });
    rc.recalc();
    expect(rc.get("汇总", 0, 0)).toBe(100);
    expect(rc.get("汇总", 1, 0)).toBe(50);
    expect(rc.get("汇总", 2, 0)).toBe(81);
    rc.setValue("项目 支出", 14, 3, 30);
    expect(rc.recalc().map((c) => c.value)).toEqual([110, 55]);
  });

  test("defined names resolve to cells and ranges and order the recalculation", () => {
    const rc = book(
      { S: { B1: 90, B2: 85, C1: { f: "=SUM(JX1_SCORES)" }, C2: { f: '=IF(JX1_TOTAL>=90,"优","良")' } } },
      { JX1_SCORES: "S!B1:B2", JX1_TOTAL: "S!C1" },
    );
    rc.recalc();
    expect(rc.get("S", 0, 2)).toBe(175);
    expect(rc.get("S", 1, 2)).toBe("优");
    expect(ev(rc, "=jx1_total")).toBe(175);
    rc.setName("JX1_TOTAL", null);
    rc.recalc();
    expect(rc.get("S", 1, 2)).toEqual(err("#NAME?"));
  });

  test("typing a value over a formula replaces it; a bad formula shows #NAME?", () => {
    const rc = book({ S: { A1: 1, A2: { f: "=A1+1" }, A3: { f: "=SUM(A1:A2" } } });
    rc.recalc();
    expect(rc.get("S", 2, 0)).toEqual(err("#NAME?"));
    rc.setValue("S", 1, 0, 5);
    rc.setValue("S", 0, 0, 100);
    rc.recalc();
    expect(rc.getFormula("S", 1, 0)).toBeUndefined();
    expect(rc.get("S", 1, 0)).toBe(5);
  });

  test("formulas see values computed earlier in the same pass, also through ranges", () => {
    const rc = book({ S: { A1: { f: "=SUM(B1:B3)" }, B1: { f: "=C1*2" }, B3: { f: "=B1+1" }, C1: 2 } });
    rc.recalc();
    expect(rc.get("S", 0, 0)).toBe(9);
  });
});

describe("recalcAll over a Map", () => {
  test("computes in place and returns the changed keys", () => {
    const cells = new Map<string, { formula?: string; value: FValue }>([
      ["表!0,1", { formula: "=表!A1*2", value: null }],
      ["表!0,0", { value: 4 }],
      ["表!0,2", { formula: "=B1+TOTAL", value: 0 }],
      ["表!1,0", { value: 1 }],
    ]);
    const changed = recalcAll(cells, { TOTAL: rect("表!A2") });
    expect(cells.get("表!0,1")?.value).toBe(8);
    expect(cells.get("表!0,2")?.value).toBe(9);
    expect(changed.sort()).toEqual(["表!0,1", "表!0,2"]);
  });
});

describe("references", () => {
  test("lists refs on the formula's sheet, other sheets and names", () => {
    const refs = references("=SUM(A1:B2,'其他 表'!$C$3)+X+COUNT(Y)", "S", (n) => (n === "X" ? rect("T!A5") : null));
    expect(refs).toEqual([
      { sheet: "S", r0: 0, c0: 0, r1: 1, c1: 1 },
      { sheet: "其他 表", r0: 2, c0: 2, r1: 2, c1: 2 },
      { sheet: "T", r0: 4, c0: 0, r1: 4, c1: 0 },
    ]);
  });
  test("dynamic ranges are covered by the box around their references", () => {
    expect(references("=SUM(A1:INDEX(C1:C9,2))", "S")).toContainEqual({ sheet: "S", r0: 0, c0: 0, r1: 8, c1: 2 });
  });
});

describe("displayText", () => {
  test.each<[FValue, string]>([
    [true, "TRUE"],
    [false, "FALSE"],
    [null, ""],
    [{ error: "#DIV/0!" }, "#DIV/0!"],
    [0.1 + 0.2, "0.3"],
    [1 / 3, "0.333333333333333"],
    [-1.5, "-1.5"],
    [1e-7, "0.0000001"],
    [123456789012345680000, "1.23456789012346E+20"],
    [1e-12, "1E-12"],
    ["文本", "文本"],
  ])("%p → %s", (v, want) => {
    expect(displayText(v)).toBe(want);
  });
});
