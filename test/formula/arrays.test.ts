import { book, err, ev } from "./helpers";

// 指标 rows: 类型 in A, 分值 in B, 得分 in C, 状态 in D.
const rc = book({
  S: {
    A1: "产出", A2: "产出", A3: "效益", A4: "满意度", A5: "产出",
    B1: 10, B2: 20, B3: 30, B4: 10, B5: "不适用",
    C1: 10, C2: 15, C3: null, C4: "8", C5: 5,
    D1: "达成", D2: "未达成", D3: "", D4: "达成", D5: "不适用",
  },
});

describe("SUMPRODUCT with array expressions", () => {
  test.each([
    ['=SUMPRODUCT((A1:A5="产出")*(C1:C5))', 30],
    ['=SUMPRODUCT((A1:A5="产出")*1)', 3],
    ['=SUMPRODUCT(--(A1:A5="产出"),C1:C5)', 30],
    ['=SUMPRODUCT((A1:A5="产出")+0,C1:C5)', 30],
    ['=SUMPRODUCT((A1:A5="产出")*(D1:D5<>"不适用"),C1:C5)', 25],
    ["=SUMPRODUCT(B1:B4,C1:C4)", 10 * 10 + 20 * 15],
    ["=SUMPRODUCT(B1:B5)", 70],
    ["=SUMPRODUCT(ISNUMBER(B1:B5)*1,C1:C5)", 25], // SUMPRODUCT itself skips the text "8"
    ["=SUMPRODUCT(--ISNUMBER(C1:C5))", 3],
    ['=SUMPRODUCT(LEN(A1:A5))', 11],
    ['=SUMPRODUCT(--(TRIM(D1:D5)<>""))', 4],
    ["=SUMPRODUCT(IF(B1:B5>15,1,0))", 3], // text compares greater than any number
    ["=SUMPRODUCT(IFERROR(B1:B5/C1:C5,0))", 1 + 20 / 15 + 10 / 8], // 30/blank and text/5 are errors
    ['=SUMPRODUCT(COUNTIF(D1:D5,D1:D5))', 2 + 1 + 1 + 2 + 1],
    ["=SUMPRODUCT({1,2,3},{4,5,6})", 32],
    ["=SUMPRODUCT((B1:B4>=20)*B1:B4)", 50],
  ])("%s → %p", (f, want) => {
    expect(ev(rc, f) as number).toBeCloseTo(want, 12);
  });

  test("text in a multiplied range is #VALUE!, mismatched shapes are #VALUE!", () => {
    expect(ev(rc, "=SUMPRODUCT((A1:A5=\"产出\")*B1:B5)")).toEqual(err("#VALUE!"));
    expect(ev(rc, "=SUMPRODUCT(ISNUMBER(B1:B5)*B1:B5)")).toEqual(err("#VALUE!"));
    expect(ev(rc, "=SUMPRODUCT(B1:B4,C1:C5)")).toEqual(err("#VALUE!"));
    expect(ev(rc, "=SUMPRODUCT(B1:B4/0)")).toEqual(err("#DIV/0!"));
  });

  test("INDEX's array argument is evaluated elementwise (the non-CSE MATCH trick)", () => {
    expect(ev(rc, '=MATCH(1,INDEX((A1:A5="效益")*(D1:D5=""),0),0)')).toBe(3);
  });

  test("outside SUMPRODUCT an elementwise formula needs `array` (Ctrl+Shift+Enter)", () => {
    expect(ev(rc, "=SUM(B1:B4*2)")).toEqual(err("#VALUE!"));
    expect(ev(rc, "=SUM(B1:B4*2)", "S", "E2")).toBe(40);
  });

  test("broadcasting a row against a column", () => {
    expect(ev(rc, "=SUMPRODUCT({1;2}*{10,20,30})")).toBe(180);
  });
});
