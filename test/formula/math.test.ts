import { book, calc, err, ev } from "./helpers";

describe("SUM, MIN, MAX, AVERAGE, COUNT, COUNTA, COUNTBLANK", () => {
  const rc = book({ S: { A1: 1, A2: "2", A3: true, A4: null, A5: 4, A6: "", B1: { f: "=1/0" } } });
  rc.recalc();

  test("ranges count only numbers; direct arguments are coerced", () => {
    expect(ev(rc, "=SUM(A1:A6)")).toBe(5);
    expect(ev(rc, '=SUM(A1:A6,"3",TRUE)')).toBe(9);
    expect(ev(rc, '=SUM("x")')).toEqual(err("#VALUE!"));
    expect(ev(rc, "=SUM(A2)")).toBe(0);
    expect(ev(rc, "=SUM(A1:A6,B1)")).toEqual(err("#DIV/0!"));
  });

  test("MIN/MAX/AVERAGE", () => {
    expect(ev(rc, "=MIN(A1:A6)")).toBe(1);
    expect(ev(rc, "=MAX(A1:A6)")).toBe(4);
    expect(ev(rc, "=MAX(A6)")).toBe(0);
    expect(ev(rc, "=MIN(A1:A6,-3)")).toBe(-3);
    expect(ev(rc, "=AVERAGE(A1:A6)")).toBe(2.5);
    expect(ev(rc, "=AVERAGE(A6)")).toEqual(err("#DIV/0!"));
  });

  test("COUNT, COUNTA, COUNTBLANK", () => {
    expect(ev(rc, "=COUNT(A1:A6)")).toBe(2);
    expect(ev(rc, '=COUNT(A1:A6,"7","x",TRUE)')).toBe(4);
    expect(ev(rc, "=COUNT(A1:B1)")).toBe(1);
    expect(ev(rc, "=COUNTA(A1:A6)")).toBe(5);
    expect(ev(rc, "=COUNTBLANK(A1:A6)")).toBe(2);
  });
});

describe("rounding and scalar math", () => {
  test.each([
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(1.005,2)", 1.01],
    ["=ROUND(-2.5,0)", -3],
    ["=ROUND(1234.5,-2)", 1200],
    ["=ROUND(0.125)", 0],
    ["=ROUND(97.424999,2)", 97.42],
    ["=ROUNDUP(1.21,1)", 1.3],
    ["=ROUNDUP(-1.21,1)", -1.3],
    ["=ROUNDUP(0.1+0.2,1)", 0.3],
    ["=ROUNDDOWN(1.29,1)", 1.2],
    ["=ROUNDDOWN(-1.29,1)", -1.2],
    ["=ROUND(\"3.14159\",2)", 3.14],
    ["=ABS(-3)", 3],
    ["=INT(-1.5)", -2],
    ["=INT(1.9)", 1],
    ["=MOD(-3,2)", 1],
    ["=SQRT(16)", 4],
    ["=POWER(2,10)", 1024],
    ["=TRUNC(-1.99)", -1],
  ])("%s → %p", (f, want) => {
    expect(calc(f)).toBe(want);
  });

  test("errors", () => {
    expect(calc("=ROUND(\"x\",1)")).toEqual(err("#VALUE!"));
    expect(calc("=MOD(1,0)")).toEqual(err("#DIV/0!"));
    expect(calc("=SQRT(-1)")).toEqual(err("#NUM!"));
    expect(calc("=ABS(1/0)")).toEqual(err("#DIV/0!"));
  });
});
