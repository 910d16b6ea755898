import { book, calc, err, ev } from "./helpers";

describe("text functions", () => {
  test.each([
    ['=LEN("预算执行率")', 5],
    ["=LEN(12.50)", 4],
    ["=LEN(Z1)", 0],
    ['=TRIM("  a   b  ")', "a b"],
    ['=TRIM("　全角　")', "　全角　"],
    ['=LEFT("绩效自评表")', "绩"],
    ['=LEFT("绩效自评表",2)', "绩效"],
    ['=LEFT("ab",5)', "ab"],
    ['=RIGHT("绩效自评表",3)', "自评表"],
    ['=RIGHT("abc",0)', ""],
    ['=MID("绩效自评表",3,2)', "自评"],
    ['=MID("abc",5,2)', ""],
    ['=FIND("自评","绩效自评表")', 3],
    ['=FIND("B","abcB")', 4],
    ['=FIND("a","banana",3)', 4],
    ['=FIND("","abc")', 1],
    ['=SEARCH("B","abcB")', 2],
    ['=SEARCH("c?d","abcxd")', 3],
    ['=SEARCH("*评","绩效自评表")', 1],
    ['=SUBSTITUTE("100%完成","%","")', "100完成"],
    ['=SUBSTITUTE("a-b-c","-","+",2)', "a-b+c"],
    ['=SUBSTITUTE("a-b-c","-","+",5)', "a-b-c"],
    ['=SUBSTITUTE("abc","","x")', "abc"],
    ['=SUBSTITUTE("≥95%","≥","")', "95%"],
    ['=VALUE("95%")', 0.95],
    ['=VALUE(" 1,234 ")', 1234],
    ['=VALUE("2024-01-31")', 45322],
    ["=VALUE(Z1)", 0],
    ['=CONCATENATE("总分",":",95.5)', "总分:95.5"],
    ['=LOWER("ABC")', "abc"],
    ['=UPPER("abc")', "ABC"],
    ['=REPT("★",3)', "★★★"],
    ['=EXACT("a","A")', false],
    ['=EXACT("得分","得分")', true],
  ])("%s → %p", (f, want) => {
    expect(calc(f)).toBe(want);
  });

  test.each([
    ['=FIND("x","abc")', "#VALUE!"],
    ['=FIND("a","abc",0)', "#VALUE!"],
    ['=SEARCH("a","abc",9)', "#VALUE!"],
    ['=MID("abc",0,1)', "#VALUE!"],
    ['=LEFT("abc",-1)', "#VALUE!"],
    ['=VALUE("abc")', "#VALUE!"],
    ['=VALUE("")', "#VALUE!"],
    ["=VALUE(TRUE)", "#VALUE!"],
    ["=LEN(1/0)", "#DIV/0!"],
    ['=SUBSTITUTE("a","a","b",0)', "#VALUE!"],
  ])("%s → %s", (f, code) => {
    expect(calc(f)).toEqual(err(code));
  });

  test("CONCAT takes ranges", () => {
    const rc = book({ S: { A1: "a", A2: 1, A3: null, A4: true } });
    expect(ev(rc, "=CONCAT(A1:A4)")).toBe("a1TRUE");
  });
});

describe("TEXT", () => {
  test.each([
    ['=TEXT(0.97425,"0.00%")', "97.43%"],
    ['=TEXT(0.5,"0%")', "50%"],
    ['=TEXT(0.12345,"0.0%")', "12.3%"],
    ['=TEXT(3.14159,"0.00")', "3.14"],
    ['=TEXT(2.5,"0")', "3"],
    ['=TEXT(-2.5,"0")', "-3"],
    ['=TEXT(1234567.891,"#,##0.00")', "1,234,567.89"],
    ['=TEXT(7,"000")', "007"],
    ['=TEXT(0.5,"#.##")', ".5"],
    ['=TEXT(1.5,"0.0#")', "1.5"],
    ['=TEXT(1.456,"0.0#")', "1.46"],
    ['=TEXT(95,"0分")', "95分"],
    ['=TEXT(95,"0\\"分\\"")', "95分"],
    ['=TEXT(-5,"0;(0)")', "(5)"],
    ['=TEXT("0.25","0%")', "25%"],
    ['=TEXT("abc","0.00")', "abc"],
    ['=TEXT(TRUE,"0")', "TRUE"],
    ['=TEXT(1/3,"General")', "0.333333333333333"],
  ])("%s → %p", (f, want) => {
    expect(calc(f.replace(/\\"/g, '""'))).toBe(want);
  });
});
