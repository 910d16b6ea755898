import { book, calc, err, ev } from "./helpers";

describe("IF, IFERROR, IFNA", () => {
  test("IF picks a branch; a missing false branch is FALSE, an empty one 0", () => {
    expect(calc('=IF(1>0,"yes","no")')).toBe("yes");
    expect(calc('=IF(0,"yes","no")')).toBe("no");
    expect(calc("=IF(FALSE,1)")).toBe(false);
    expect(calc("=IF(FALSE,1,)")).toBe(0);
    expect(calc('=IF("true",1,2)')).toBe(1);
    expect(calc('=IF("maybe",1,2)')).toEqual(err("#VALUE!"));
    expect(calc("=IF(1/0,1,2)")).toEqual(err("#DIV/0!"));
  });

  test("IF does not evaluate the branch it does not take", () => {
    expect(calc("=IF(TRUE,1,1/0)")).toBe(1);
    expect(calc("=IF(FALSE,NOSUCH(),2)")).toBe(2);
  });

  test("IFERROR catches #DIV/0! and every other error, passes values through", () => {
    expect(calc('=IFERROR(1/0,"除零")')).toBe("除零");
    expect(calc("=IFERROR(#N/A,0)")).toBe(0);
    expect(calc("=IFERROR(5,0)")).toBe(5);
    expect(calc('=IFERROR("",0)')).toBe("");
  });

  test("IFNA catches only #N/A", () => {
    expect(calc("=IFNA(#N/A,1)")).toBe(1);
    expect(calc("=IFNA(1/0,1)")).toEqual(err("#DIV/0!"));
  });
});

describe("AND, OR, NOT", () => {
  const rc = book({ S: { A1: true, A2: "text", A3: null, A4: 0 } });
  test("basic truth tables", () => {
    expect(calc("=AND(TRUE,1)")).toBe(true);
    expect(calc("=AND(TRUE,0)")).toBe(false);
    expect(calc("=OR(FALSE,0)")).toBe(false);
    expect(calc("=OR(FALSE,2)")).toBe(true);
    expect(calc("=NOT(0)")).toBe(true);
    expect(calc('=NOT("x")')).toEqual(err("#VALUE!"));
  });
  test("ranges ignore text and blanks; nothing logical is #VALUE!", () => {
    expect(ev(rc, "=AND(A1:A3)")).toBe(true);
    expect(ev(rc, "=AND(A1:A4)")).toBe(false);
    expect(ev(rc, "=OR(A2:A3)")).toEqual(err("#VALUE!"));
    expect(calc('=AND("x")')).toEqual(err("#VALUE!"));
    expect(calc("=OR(1/0,TRUE)")).toEqual(err("#DIV/0!"));
  });
});

describe("information functions", () => {
  const rc = book({ S: { A1: 5, A2: "5", A3: null, A4: "", A5: true, A6: { f: "=1/0" } } });
  rc.recalc();
  test.each([
    ["=ISNUMBER(A1)", true],
    ["=ISNUMBER(A2)", false],
    ["=ISTEXT(A2)", true],
    ["=ISTEXT(A3)", false],
    ["=ISBLANK(A3)", true],
    ["=ISBLANK(A4)", false],
    ["=ISBLANK(Z99)", true],
    ["=ISLOGICAL(A5)", true],
    ["=ISERROR(A6)", true],
    ["=ISERROR(A1)", false],
    ["=ISERR(#N/A)", false],
    ["=ISNA(#N/A)", true],
    ["=ISNONTEXT(A3)", true],
    ["=N(A5)", 1],
    ["=N(A2)", 0],
    ["=N(A1)", 5],
    ["=T(A2)", "5"],
    ["=T(A1)", ""],
  ])("%s → %p", (f, want) => {
    expect(ev(rc, f)).toEqual(want);
  });
  test("N and T pass errors on; NA() is #N/A", () => {
    expect(ev(rc, "=N(A6)")).toEqual(err("#DIV/0!"));
    expect(calc("=NA()")).toEqual(err("#N/A"));
  });
});
