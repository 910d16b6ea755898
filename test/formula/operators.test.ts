import { book, calc, err, ev, show } from "./helpers";

describe("operators and precedence", () => {
  test.each([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=2*3^2", 18],
    ["=-2^2", 4],
    ["=0-2^2", -4],
    ["=2^3^2", 64],
    ["=2^-1", 0.5],
    ["=10-4-3", 3],
    ["=12/3/2", 2],
    ["=50%*4", 2],
    ["=-50%", -0.5],
    ["=200%%", 0.02],
    ["=1+2&3", "33"],
    ["=1+1=2", true],
    ["=2*3>5", true],
    ["=--\"3\"", 3],
    ["=+\"a\"", "a"],
  ])("%s → %p", (f, want) => {
    expect(calc(f)).toEqual(want);
  });

  test("floating point compares at 15 digits like Excel", () => {
    expect(calc("=0.1+0.2=0.3")).toBe(true);
    expect(calc("=0.1+0.2")).toBeCloseTo(0.3, 15);
  });
});

describe("coercions", () => {
  const rc = book({ S: { A1: null, A2: "12", A3: true, A4: "abc", A5: "", A6: " 1,234.5 ", A7: "50%", A8: 7 } });

  test("blank is 0 in arithmetic and empty text in concatenation", () => {
    expect(ev(rc, "=A1+1")).toBe(1);
    expect(ev(rc, '=A1&"x"')).toBe("x");
    expect(ev(rc, "=A1")).toBe(0);
    expect(ev(rc, '=A1=""')).toBe(true);
    expect(ev(rc, "=A1=0")).toBe(true);
    expect(ev(rc, "=A1=FALSE")).toBe(true);
  });

  test("numeric text becomes a number in arithmetic, other text is #VALUE!", () => {
    expect(ev(rc, "=A2*2")).toBe(24);
    expect(ev(rc, "=A6+0")).toBe(1234.5);
    expect(ev(rc, "=A7*2")).toBe(1);
    expect(ev(rc, "=A4+1")).toEqual(err("#VALUE!"));
    expect(ev(rc, "=A5+1")).toEqual(err("#VALUE!"));
  });

  test("TRUE is 1 in arithmetic and TRUE in text", () => {
    expect(ev(rc, "=A3+1")).toBe(2);
    expect(ev(rc, '=A3&""')).toBe("TRUE");
    expect(ev(rc, '=1.50&"元"')).toBe("1.5元");
  });

  test("comparisons: text is case-insensitive, numbers < text < booleans, no text-number coercion", () => {
    expect(calc('="ABC"="abc"')).toBe(true);
    expect(calc('="不适用"="不适用"')).toBe(true);
    expect(calc('="a"<"B"')).toBe(true);
    expect(calc('=1<"0"')).toBe(true);
    expect(calc('="z"<TRUE')).toBe(true);
    expect(ev(rc, "=A2=12")).toBe(false);
    expect(calc('="a"<>"b"')).toBe(true);
    expect(calc("=TRUE>FALSE")).toBe(true);
  });
});

describe("errors", () => {
  test("division by zero, including by a blank cell", () => {
    expect(calc("=1/0")).toEqual(err("#DIV/0!"));
    expect(calc("=1/Z1")).toEqual(err("#DIV/0!"));
  });

  test("errors propagate through operators, left one first", () => {
    expect(calc("=1/0+#N/A")).toEqual(err("#DIV/0!"));
    expect(calc('=#N/A&"x"')).toEqual(err("#N/A"));
    expect(calc("=(1/0)>1")).toEqual(err("#DIV/0!"));
    expect(calc("=-#REF!")).toEqual(err("#REF!"));
  });

  test("#NUM! for overflow and impossible powers", () => {
    expect(calc("=10^400")).toEqual(err("#NUM!"));
    expect(calc("=(-8)^(1/3)")).toEqual(err("#NUM!"));
    expect(calc("=0^0")).toEqual(err("#NUM!"));
  });

  test("unknown functions and names are #NAME?, syntax errors too", () => {
    expect(calc("=NOSUCH(1)")).toEqual(err("#NAME?"));
    expect(calc("=undefined_name+1")).toEqual(err("#NAME?"));
    expect(calc("=1+")).toEqual(err("#NAME?"));
  });

  test("wrong argument counts are #VALUE!", () => {
    expect(calc("=ROUND()")).toEqual(err("#VALUE!"));
    expect(calc("=NOT(1,2)")).toEqual(err("#VALUE!"));
  });
});

describe("implicit intersection outside array formulas", () => {
  const rc = book({ S: { A1: 1, A2: 2, A3: 3, B1: 10, C1: 20 } });

  test("a column range takes the formula's row; a row range its column", () => {
    expect(ev(rc, "=A1:A3*2", "S", "D2")).toBe(4);
    expect(ev(rc, "=A1:A3", "S", "E3")).toBe(3);
    expect(ev(rc, "=A1:C1+0", "S", "C7")).toBe(20);
  });

  test("no intersection is #VALUE!", () => {
    expect(ev(rc, "=A1:A3*2", "S", "D9")).toEqual(err("#VALUE!"));
    expect(ev(rc, "=A1:B3+0", "S", "D2")).toEqual(err("#VALUE!"));
  });

  test("ranges built with : and INDEX", () => {
    expect(show(rc, "=SUM(A1:INDEX(A1:A3,2))")).toBe("3");
    expect(show(rc, "=SUM(Sheet2!A1:S!A2)")).toBe("#REF!");
  });
});

describe("whole-column and whole-row references", () => {
  const rc = book({ S: { A1: 1, A2: 2, A5: 3, B2: 10, C2: "x" }, T: { B1: 7, B9: 8 } });

  test("parse with sheets and $", () => {
    expect(ev(rc, "=SUM(A:A)")).toBe(6);
    expect(ev(rc, "=SUM($A:$B)")).toBe(16);
    expect(ev(rc, "=SUM(2:2)")).toBe(12);
    expect(ev(rc, "=SUM($1:$2)")).toBe(13);
    expect(ev(rc, "=SUM(T!B:B)")).toBe(15);
    expect(ev(rc, "=COUNTIF(2:2,\"x\")")).toBe(1);
    expect(ev(rc, "=ROWS(A:A)")).toBe(1048576);
  });

  test("implicit intersection and dependency ordering", () => {
    expect(ev(rc, "=A:A*2", "S", "D5")).toBe(6);
    const b = book({ S: { A1: 1, A2: { f: "=A1+1" }, B1: { f: "=SUM(A:A)" } } });
    b.recalc();
    expect(b.get("S", 0, 1)).toBe(3);
  });
});
