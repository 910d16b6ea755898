// Test helpers: a small workbook from A1-keyed literals, and one-line evaluation.
import { displayText, evaluateFormula, FValue, parseCellAddress, Recalculator, SheetRect } from "../../src/formula";

export type SheetData = Record<string, FValue | { f: string }>;

/** Builds a Recalculator from { Sheet: { A1: value | { f: "=..." } } } and optional names ("Sheet!A1:B2"). */
export function book(sheets: Record<string, SheetData>, names: Record<string, string> = {}): Recalculator {
  const rc = new Recalculator();
  for (const [sheet, cells] of Object.entries(sheets)) {
    for (const [a1, v] of Object.entries(cells)) {
      const at = parseCellAddress(a1);
      if (!at) throw new Error(`bad address ${a1}`);
      if (v !== null && typeof v === "object" && "f" in v) rc.setFormula(sheet, at.row, at.col, v.f);
      else rc.setValue(sheet, at.row, at.col, v);
    }
  }
  for (const [name, ref] of Object.entries(names)) rc.setName(name, rect(ref));
  return rc;
}

/** "Sheet!A1:B2" → SheetRect. */
export function rect(ref: string): SheetRect {
  const bang = ref.lastIndexOf("!");
  const [a, b = a] = ref.slice(bang + 1).split(":");
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  if (!p || !q) throw new Error(`bad ref ${ref}`);
  return { sheet: ref.slice(0, bang), r0: p.row, c0: p.col, r1: q.row, c1: q.col };
}

/** Evaluates a formula on `sheet` of the book as if it sat in cell `at` (default Z100). */
export function ev(rc: Recalculator, formula: string, sheet = "S", at = "Z100"): FValue {
  const p = parseCellAddress(at);
  if (!p) throw new Error(`bad address ${at}`);
  return evaluateFormula(formula, rc.context(sheet), { row: p.row, col: p.col });
}

/** The text the cell would show. */
export function show(rc: Recalculator, formula: string, sheet = "S", at = "Z100"): string {
  return displayText(ev(rc, formula, sheet, at));
}

/** Evaluates on an empty workbook. */
export function calc(formula: string): FValue {
  return ev(new Recalculator(), formula);
}

export function err(code: string): { error: string } {
  return { error: code };
}
