// Formula shapes the templates use to read targets written as text ("≥95%", "6篇以上", "<full-width space>198万").
import { book, ev } from "./helpers";

const K = `{${Array.from({ length: 40 }, (_, i) => i + 1).join(",")}}`;
const leadLength = (cell: string): string =>
  `=SUMPRODUCT(MIN(${K}+99*ISNUMBER(FIND(MID(${cell},${K},1),"0123456789."))*(${K}<=LEN(${cell}))))-1`;
const fold = (cell: string): string =>
  [["０", "0"], ["９", "9"], ["％", "%"], ["＞", ">"], [">=", "≥"], ["\u3000", ""], [" ", ""]].reduce(
    (acc, [a, b]) => `SUBSTITUTE(${acc},"${a}","${b}")`,
    `TRIM(${cell}&"")`,
  );

describe("template formula patterns", () => {
  test.each([
    ["95%", 2],
    ["6篇以上", 1],
    ["198.5万", 5],
    ["篇", 0],
    ["", 0],
    ["2021年第四季度前", 4],
  ])("length of the leading number of %p is %p", (text, want) => {
    const rc = book({ S: { A1: text } });
    expect(ev(rc, leadLength("A1"))).toBe(want);
  });

  test("folding full-width text and reading the number and unit", () => {
    const rc = book({ S: { A1: "\u3000＞=９０％ ", B1: { f: `=${fold("A1")}` } } });
    rc.recalc();
    expect(rc.get("S", 0, 1)).toBe("≥90%");
    expect(ev(rc, '=VALUE(LEFT(SUBSTITUTE(B1,"≥",""),2))')).toBe(90);
    expect(ev(rc, '=MID(SUBSTITUTE(B1,"≥",""),3,99)')).toBe("%");
  });

  test("words found in a name through an array constant inside SUMPRODUCT", () => {
    const rc = book({ S: { A1: "单位成本控制", B1: "质量指标" } });
    const f = '=IF(SUMPRODUCT(--ISNUMBER(FIND({"成本","费用","投诉"},A1&"|"&B1)))>0,"≤","≥")';
    expect(ev(rc, f)).toBe("≤");
    rc.setValue("S", 0, 0, "培训人数");
    expect(ev(rc, f)).toBe("≥");
  });

  test("a unit looked up in a list on another (hidden) sheet, empty reasons", () => {
    const rc = book({ S: { A1: "万元", A2: "公里", C1: "\u3000无 " }, JX_LISTS: { A1: "%", A2: "万元", A3: "个" } });
    expect(ev(rc, "=ISNUMBER(MATCH(A1,JX_LISTS!$A$1:$A$3,0))")).toBe(true);
    expect(ev(rc, "=ISNUMBER(MATCH(A2,JX_LISTS!$A$1:$A$3,0))")).toBe(false);
    const t = 'SUBSTITUTE(TRIM(C1&""),"\u3000","")';
    expect(ev(rc, `=OR(LEN(${t})=0,${t}="无",${t}="暂无")`)).toBe(true);
  });

  test("a score with IF/ROUND over helper cells, blank when it cannot compute", () => {
    const rc = book({ S: { A1: 95, B1: 80, C1: 20, D1: "" } });
    const rule = (tv: string, bv: string) => `=IF(AND(ISNUMBER(${tv}),ISNUMBER(${bv})),ROUND(IF(${bv}>=${tv},C1,${bv}/${tv}*C1),2),"")`;
    expect(ev(rc, rule("A1", "B1"))).toBe(16.84);
    expect(ev(rc, rule("A1", "D1"))).toBe("");
    expect(ev(rc, '=IF(COUNT(A1,D1)=0,"",ROUND(SUM(A1,D1),2))')).toBe(95);
  });
});
