import { FormulaSyntaxError, parseFormula } from "../../src/formula";

describe("parseFormula", () => {
  test("precedence: * over +, ^ over *, unary minus over ^, % after unary", () => {
    expect(parseFormula("=1+2*3")).toEqual({
      type: "binary", op: "+", left: { type: "num", value: 1 },
      right: { type: "binary", op: "*", left: { type: "num", value: 2 }, right: { type: "num", value: 3 } },
    });
    expect(parseFormula("=-2^2")).toMatchObject({ type: "binary", op: "^", left: { type: "unary", op: "-" } });
    expect(parseFormula("=2^3^2")).toMatchObject({ type: "binary", op: "^", left: { type: "binary", op: "^" } });
    expect(parseFormula("=1&2=\"12\"")).toMatchObject({ type: "binary", op: "=", left: { type: "binary", op: "&" } });
    expect(parseFormula("=50%")).toEqual({ type: "percent", arg: { type: "num", value: 50 } });
  });

  test("strings with doubled quotes, booleans, errors, numbers", () => {
    expect(parseFormula('="say ""hi"""')).toEqual({ type: "str", value: 'say "hi"' });
    expect(parseFormula("=true")).toEqual({ type: "bool", value: true });
    expect(parseFormula("=#N/A")).toEqual({ type: "err", error: "#N/A" });
    expect(parseFormula("=1.5E-3")).toEqual({ type: "num", value: 0.0015 });
    expect(parseFormula("=.5")).toEqual({ type: "num", value: 0.5 });
  });

  test("references: relative, absolute, ranges normalised, sheets quoted and CJK", () => {
    expect(parseFormula("=$B$3")).toEqual({ type: "ref", sheet: undefined, r0: 2, c0: 1, r1: 2, c1: 1, abs: [true, true, true, true] });
    expect(parseFormula("=C5:A1")).toMatchObject({ type: "ref", r0: 0, c0: 0, r1: 4, c1: 2 });
    expect(parseFormula("=Sheet1!A1:B2")).toMatchObject({ type: "ref", sheet: "Sheet1", r0: 0, c0: 0, r1: 1, c1: 1 });
    expect(parseFormula("='项目 支出''表'!$D$14")).toMatchObject({ type: "ref", sheet: "项目 支出'表", r0: 13, c0: 3 });
    expect(parseFormula("=汇总!A1")).toMatchObject({ type: "ref", sheet: "汇总" });
    expect(parseFormula("=XFD1048576")).toMatchObject({ type: "ref", r0: 1048575, c0: 16383 });
    expect(parseFormula("=Sheet1!$C:A")).toMatchObject({ type: "ref", sheet: "Sheet1", r0: 0, c0: 0, r1: 1048575, c1: 2 });
    expect(parseFormula("=3:2")).toMatchObject({ type: "ref", r0: 1, c0: 0, r1: 2, c1: 16383 });
  });

  test("names, including ones that look like cells but are not", () => {
    expect(parseFormula("=JX1_KEY")).toEqual({ type: "name", name: "JX1_KEY" });
    expect(parseFormula("=XFE1")).toEqual({ type: "name", name: "XFE1" });
    expect(parseFormula("=总分")).toEqual({ type: "name", name: "总分" });
    expect(parseFormula("=Sheet1!Total")).toEqual({ type: "name", name: "Total", sheet: "Sheet1" });
  });

  test("function calls with empty and missing arguments, _xlfn prefix, array constants", () => {
    expect(parseFormula("=if(A1,,2)")).toMatchObject({ type: "call", name: "IF", args: [{ type: "ref" }, { type: "empty" }, { type: "num" }] });
    expect(parseFormula("=NA()")).toEqual({ type: "call", name: "NA", args: [] });
    expect(parseFormula("=_xlfn.CONCAT(1)")).toMatchObject({ name: "CONCAT" });
    expect(parseFormula("={1,-2;\"a\",TRUE}")).toEqual({
      type: "array",
      rows: [[{ type: "num", value: 1 }, { type: "num", value: -2 }], [{ type: "str", value: "a" }, { type: "bool", value: true }]],
    });
    expect(parseFormula("= SUM( A1 , 2 )")).toMatchObject({ type: "call", name: "SUM" });
  });

  test.each(["1+2", "=", "=1+", "=(1", "=\"abc", "=SUM(1", "=1 2", "=A1:", "={1,2;3}", "=$A$1$", "=#FOO!", "='x'"])(
    "rejects %s with FormulaSyntaxError",
    (f) => {
      expect(() => parseFormula(f)).toThrow(FormulaSyntaxError);
    },
  );
});
