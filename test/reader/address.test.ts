import { colToLetters, formatA1, formatRange, lettersToCol, parseA1, parseRange, sheetOf } from "../../src/sheet/address";

describe("A1 helpers", () => {
  test("columns round-trip", () => {
    expect(colToLetters(0)).toBe("A");
    expect(colToLetters(25)).toBe("Z");
    expect(colToLetters(26)).toBe("AA");
    expect(colToLetters(701)).toBe("ZZ");
    expect(colToLetters(702)).toBe("AAA");
    for (let c = 0; c < 2000; c += 37) expect(lettersToCol(colToLetters(c))).toBe(c);
    expect(lettersToCol("1")).toBe(-1);
  });
  test("cells", () => {
    expect(parseA1("D14")).toEqual({ row: 13, col: 3 });
    expect(parseA1("$D$14")).toEqual({ row: 13, col: 3 });
    expect(parseA1("'表 1'!AB2")).toEqual({ row: 1, col: 27 });
    expect(parseA1("D0")).toBeNull();
    expect(parseA1("14")).toBeNull();
    expect(formatA1(13, 3)).toBe("D14");
  });
  test("ranges", () => {
    expect(parseRange("$B$10:$I$30")).toEqual({ r0: 9, c0: 1, r1: 29, c1: 8 });
    expect(parseRange("I30:B10")).toEqual({ r0: 9, c0: 1, r1: 29, c1: 8 });
    expect(parseRange("D14")).toEqual({ r0: 13, c0: 3, r1: 13, c1: 3 });
    expect(parseRange("A1:B2:C3")).toBeNull();
    expect(formatRange({ r0: 9, c0: 1, r1: 29, c1: 8 })).toBe("B10:I30");
    expect(formatRange({ r0: 0, c0: 0, r1: 0, c1: 0 })).toBe("A1");
    expect(sheetOf("'It''s'!A1")).toBe("It's");
    expect(sheetOf("A1")).toBeUndefined();
  });
});
