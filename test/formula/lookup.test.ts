import { book, err, ev } from "./helpers";

// A grade table: lower bounds ascending in A, grades in B; descending bounds in D.
const rc = book({
  S: {
    A1: 0, A2: 60, A3: 80, A4: 90, B1: "差", B2: "中", B3: "良", B4: "优",
    D1: 90, D2: 80, D3: 60, D4: 0,
    F1: "Apple", F2: "Banana", F3: "cherry", G1: 1, H1: 2, I1: 3,
  },
});

describe("INDEX", () => {
  test.each([
    ["=INDEX(B1:B4,2)", "中"],
    ["=INDEX(A1:B4,3,2)", "良"],
    ["=INDEX(G1:I1,3)", 3],
    ["=INDEX(G1:I1,1,2)", 2],
    ["=SUM(INDEX(A1:B4,0,1))", 230],
    ["=SUM(INDEX(A1:B4,4,0))", 90],
    ["=INDEX({10,20;30,40},2,1)", 30],
  ])("%s → %p", (f, want) => {
    expect(ev(rc, f)).toBe(want);
  });
  test("out of range is #REF!, negative #VALUE!", () => {
    expect(ev(rc, "=INDEX(B1:B4,5)")).toEqual(err("#REF!"));
    expect(ev(rc, "=INDEX(A1:B4,1,3)")).toEqual(err("#REF!"));
    expect(ev(rc, "=INDEX(B1:B4,-1)")).toEqual(err("#VALUE!"));
  });
  test("INDEX returns a reference that ISBLANK can test", () => {
    expect(ev(rc, "=ISBLANK(INDEX(C1:C4,2))")).toBe(true);
  });
});

describe("MATCH", () => {
  test.each([
    ['=MATCH("banana",F1:F3,0)', 2],
    ['=MATCH("c*",F1:F3,0)', 3],
    ["=MATCH(80,A1:A4,0)", 3],
    ["=MATCH(85,A1:A4)", 3],
    ["=MATCH(85,A1:A4,1)", 3],
    ["=MATCH(100,A1:A4,1)", 4],
    ["=MATCH(85,D1:D4,-1)", 1],
    ["=MATCH(60,D1:D4,-1)", 3],
    ["=MATCH(2,G1:I1,0)", 2],
    ["=INDEX(B1:B4,MATCH(92.5,A1:A4,1))", "优"],
  ])("%s → %p", (f, want) => {
    expect(ev(rc, f)).toBe(want);
  });
  test("no match is #N/A, including type mismatch and 2-D ranges", () => {
    expect(ev(rc, '=MATCH("80",A1:A4,0)')).toEqual(err("#N/A"));
    expect(ev(rc, "=MATCH(-1,A1:A4,1)")).toEqual(err("#N/A"));
    expect(ev(rc, "=MATCH(95,D1:D4,-1)")).toEqual(err("#N/A"));
    expect(ev(rc, "=MATCH(1,A1:B4,0)")).toEqual(err("#N/A"));
    expect(ev(rc, "=IFERROR(MATCH(\"x\",F1:F3,0),0)")).toBe(0);
  });
});

describe("CHOOSE, ROWS, COLUMNS, ROW, COLUMN", () => {
  test("CHOOSE evaluates only the chosen value", () => {
    expect(ev(rc, '=CHOOSE(2,"a","b",1/0)')).toBe("b");
    expect(ev(rc, "=SUM(CHOOSE(1,A1:A4,D1:D4))")).toBe(230);
    expect(ev(rc, '=CHOOSE(4,"a","b","c")')).toEqual(err("#VALUE!"));
    expect(ev(rc, '=CHOOSE(0,"a")')).toEqual(err("#VALUE!"));
  });
  test("sizes and positions", () => {
    expect(ev(rc, "=ROWS(A1:B4)")).toBe(4);
    expect(ev(rc, "=COLUMNS(A1:B4)")).toBe(2);
    expect(ev(rc, "=ROW(C7)")).toBe(7);
    expect(ev(rc, "=COLUMN(C7)")).toBe(3);
    expect(ev(rc, "=ROW()", "S", "E12")).toBe(12);
  });
});

describe("VLOOKUP, HLOOKUP, LOOKUP", () => {
  test.each([
    ["=VLOOKUP(85,A1:B4,2)", "良"],
    ["=VLOOKUP(85,A1:B4,2,TRUE)", "良"],
    ["=VLOOKUP(90,A1:B4,2,FALSE)", "优"],
    ['=HLOOKUP(2,G1:I1,1,0)', 2],
    ['=LOOKUP(72,A1:A4,B1:B4)', "中"],
    ['=LOOKUP(95,{0,60,80,90},{"差","中","良","优"})', "优"],
    ["=LOOKUP(65,A1:B4)", "中"],
  ])("%s → %p", (f, want) => {
    expect(ev(rc, f)).toBe(want);
  });
  test("errors", () => {
    expect(ev(rc, "=VLOOKUP(85,A1:B4,2,FALSE)")).toEqual(err("#N/A"));
    expect(ev(rc, "=VLOOKUP(85,A1:B4,3)")).toEqual(err("#REF!"));
    expect(ev(rc, "=VLOOKUP(85,A1:B4,0)")).toEqual(err("#VALUE!"));
    expect(ev(rc, "=LOOKUP(-5,A1:A4,B1:B4)")).toEqual(err("#N/A"));
  });
});
