// Moving formulas with the lexer: what is a reference moves, everything else stays exactly as written.
import { anchorColumns, shiftFormula, shiftRef } from "../../src/sheet/move-formula";

describe("shiftFormula, move (a form cut and pasted elsewhere)", () => {
  it("moves relative, absolute and mixed references alike", () => {
    expect(shiftFormula("=A1+$B$2+C$3+$D4", 2, 1)).toBe("=B3+$C$4+D$5+$E6");
  });
  it("moves both corners of a range", () => {
    expect(shiftFormula("=SUM(B10:I30)", 5, 0)).toBe("=SUM(B15:I35)");
  });
  it("leaves strings holding addresses alone", () => {
    expect(shiftFormula('=IF(A1="A1","B2 C3",A2)', 1, 1)).toBe('=IF(B2="A1","B2 C3",B3)');
  });
  it("leaves names that look like references alone", () => {
    expect(shiftFormula("=SUM(JX_LIST_L1_2021)+LOG10(A1)+JX1_FUNDS", 1, 0)).toBe("=SUM(JX_LIST_L1_2021)+LOG10(A2)+JX1_FUNDS");
    // a function whose name is an address ("LOG10") is not a reference either
    expect(shiftFormula("=ATAN2(A1,B1)", 0, 1)).toBe("=ATAN2(B1,C1)");
  });
  it("leaves references to other sheets alone, quoted or not, range corners included", () => {
    expect(shiftFormula("='My sheet'!A1+Sheet2!B2:C3+A1", 1, 0)).toBe("='My sheet'!A1+Sheet2!B2:C3+A2");
    expect(shiftFormula("='It''s'!A1:B2+B2", 0, 1)).toBe("='It''s'!A1:B2+C2");
  });
  it("moves row and column ranges", () => {
    expect(shiftFormula("=SUM(3:5)+SUM(B:C)", 2, 1)).toBe("=SUM(5:7)+SUM(C:D)");
  });
  it("gives #REF! when a reference leaves the grid", () => {
    expect(shiftFormula("=A1+B2", -1, 0)).toBe("=#REF!+B1");
  });
  it("keeps spaces, case of functions and unreadable formulas as they were", () => {
    expect(shiftFormula("=sum( A1 , B1 )", 1, 0)).toBe("=sum( A2 , B2 )");
    expect(shiftFormula('=IF(A1,"unterminated', 1, 0)).toBe('=IF(A1,"unterminated');
    expect(shiftFormula("plain text A1", 1, 0)).toBe("plain text A1");
  });
});

describe("shiftFormula, copy (filled down, or a shared formula)", () => {
  it("moves only the relative parts", () => {
    expect(shiftFormula("=A1+$B$2+C$3+$D4", 2, 1, "copy")).toBe("=B3+$B$2+D$3+$D6");
  });
  it("keeps an absolute column while the row follows", () => {
    expect(shiftFormula("=$H13=1", 3, 2, "copy")).toBe("=$H16=1");
  });
});

describe("shiftRef", () => {
  it("moves a cell and a range", () => {
    expect(shiftRef("B5", 1, 2)).toBe("D6");
    expect(shiftRef("B5:C9", 10, 0)).toBe("B15:C19");
  });
});

describe("anchorColumns (conditional formats keep their columns)", () => {
  it("anchors every column on the sheet, never strings, names or other sheets", () => {
    expect(anchorColumns('=AND(ISNUMBER(H13),H13<>"H13",JX_LIST_A1=1,Sheet2!B2=1,$G13>0,H$2>0)')).toBe(
      '=AND(ISNUMBER($H13),$H13<>"H13",JX_LIST_A1=1,Sheet2!B2=1,$G13>0,$H$2>0)',
    );
  });
});
