// The fake's calculation engine: src/formula's Recalculator over every cell of the fake workbook, so formula
// cells show the values Excel would.

import { isError, Recalculator, type FValue } from "../formula";
import { type BookState, colOf, type FormulaEngine, rowOf, type Scalar } from "./state";

function toScalar(v: FValue): Scalar {
  if (v === null) return "";
  if (isError(v)) return v.error;
  return v;
}

export function formulaEngine(): FormulaEngine {
  return {
    recalc(book: BookState): void {
      let any = false;
      for (const s of book.sheets) for (const c of s.cells.values()) if (c.formula) any = true;
      if (!any) return;
      const rc = new Recalculator();
      for (const s of book.sheets) {
        for (const [k, c] of s.cells) {
          if (c.formula) rc.setCell(s.name, rowOf(k), colOf(k), { formula: c.formula, value: c.value === "" ? null : c.value });
          else if (c.value !== "") rc.setValue(s.name, rowOf(k), colOf(k), c.value);
        }
      }
      rc.resolveName = (name) => {
        const d = book.names.get(name.toUpperCase());
        if (!d) return null;
        try {
          const { sheet, rect } = book.resolveAddress(d.formula.replace(/^=/, ""));
          return { sheet: sheet.name, ...rect };
        } catch {
          return null;
        }
      };
      rc.recalc();
      for (const s of book.sheets) {
        for (const [k, c] of s.cells) if (c.formula) c.value = toScalar(rc.get(s.name, rowOf(k), colOf(k)));
      }
    },
  };
}
