import { book, err, ev } from "./helpers";

// A column of 评分 values and one of statuses, as a form would hold them.
const rc = book({
  S: {
    A1: 95, A2: 90, A3: 89.5, A4: "92", A5: null, A6: "", A7: "不适用", A8: "Apple", A9: "apricot", A10: true,
    B1: "达成", B2: "未达成", B3: "达成", B4: "达成", B5: "不适用", B6: "达成", B7: "不适用", B8: "x", B9: "x", B10: "x",
    C1: 10, C2: 20, C3: 30, C4: 40, C5: 50, C6: 60, C7: 70, C8: 80, C9: 90, C10: 100,
  },
});

describe("COUNTIF criteria", () => {
  test.each([
    ['=COUNTIF(A1:A10,">=90")', 2],
    ['=COUNTIF(A1:A10,">89")', 3],
    ['=COUNTIF(A1:A10,"<90")', 1],
    ["=COUNTIF(A1:A10,90)", 1],
    ['=COUNTIF(A1:A10,"92")', 1],
    ['=COUNTIF(A1:A10,"=92")', 1],
    ['=COUNTIF(A1:A10,"<>")', 9], // a "" result is not blank for "<>", as in Excel
    ['=COUNTIF(A1:A10,"")', 2],
    ['=COUNTIF(A1:A10,"=")', 1],
    ['=COUNTIF(A1:A10,"不适用")', 1],
    ['=COUNTIF(A1:A10,"<>不适用")', 9],
    ['=COUNTIF(A1:A10,"a*")', 2],
    ['=COUNTIF(A1:A10,"APPL?")', 1],
    ['=COUNTIF(A1:A10,"*p*")', 2],
    ['=COUNTIF(A1:A10,"?")', 0],
    ["=COUNTIF(A1:A10,TRUE)", 1],
    ['=COUNTIF(A1:A10,"TRUE")', 1],
    ['=COUNTIF(A1:A10,">b")', 1],
    ['=COUNTIF(B1:B10,"达成")', 4],
    ['=COUNTIF(B1:B10,"*达成")', 5],
  ])("%s → %p", (f, want) => {
    expect(ev(rc, f)).toBe(want);
  });

  test("wildcard escapes with ~", () => {
    const b = book({ S: { A1: "a*b", A2: "axb", A3: "a?b" } });
    expect(ev(b, '=COUNTIF(A1:A3,"a~*b")')).toBe(1);
    expect(ev(b, '=COUNTIF(A1:A3,"a*b")')).toBe(3);
    expect(ev(b, '=COUNTIF(A1:A3,"a~?b")')).toBe(1);
  });

  test("criteria from a cell, and errors in the range are not counted", () => {
    const b = book({ S: { A1: { f: "=1/0" }, A2: 5, A3: 5, B1: ">4" } });
    b.recalc();
    expect(ev(b, "=COUNTIF(A1:A3,B1)")).toBe(2);
    expect(ev(b, '=COUNTIF(A1:A3,"#DIV/0!")')).toBe(1);
    expect(ev(b, "=COUNTIF(B1:B5,C1)")).toBe(0); // an empty criterion cell means 0, not blank
    b.setValue("S", 4, 1, 0);
    expect(ev(b, "=COUNTIF(B1:B5,C1)")).toBe(1);
  });
});

describe("SUMIF, SUMIFS, COUNTIFS, AVERAGEIF", () => {
  test("SUMIF with and without a sum range", () => {
    expect(ev(rc, '=SUMIF(B1:B10,"达成",C1:C10)')).toBe(10 + 30 + 40 + 60);
    expect(ev(rc, '=SUMIF(A1:A10,">=90")')).toBe(185);
    expect(ev(rc, '=SUMIF(B1:B10,"x",C1)')).toBe(270);
  });
  test("COUNTIFS/SUMIFS need every pair to match; mismatched shapes are #VALUE!", () => {
    expect(ev(rc, '=COUNTIFS(B1:B10,"达成",C1:C10,">30")')).toBe(2);
    expect(ev(rc, '=SUMIFS(C1:C10,B1:B10,"x",C1:C10,"<>90")')).toBe(180);
    expect(ev(rc, '=COUNTIFS(B1:B10,"达成",C1:C9,">30")')).toEqual(err("#VALUE!"));
    expect(ev(rc, '=AVERAGEIF(B1:B10,"不适用",C1:C10)')).toBe(60);
    expect(ev(rc, '=AVERAGEIF(B1:B10,"none",C1:C10)')).toEqual(err("#DIV/0!"));
  });
});
