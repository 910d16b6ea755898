// Conditional formats of a sheet evaluated for the preview grid: which cells light up, with what colours.
// Uses src/formula (MIT, ours) — no GPL spreadsheet engine.
import { shiftFormula } from "../sheet/move-formula";
import { evaluateFormula, isError, type FValue, type SheetRect } from "../formula";
import { formatA1, parseRange } from "../sheet/address";

export interface Flag {
  fill?: string;
  color?: string;
  bold?: boolean;
}

type GetValue = (sheet: string, r: number, c: number) => string | number | boolean | null;

const MAX_CELLS = 5000;

function truthy(v: FValue): boolean {
  if (v === null || isError(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return v.toUpperCase() === "TRUE";
}

export function evaluateFlags(
  sheet: string,
  formats: { ref: string; formula: string; format: Record<string, unknown> }[],
  getValue: GetValue,
  names: Record<string, SheetRect>,
): Record<string, Flag> {
  const out: Record<string, Flag> = {};
  const ctx = {
    sheet,
    getValue: (s: string, r: number, c: number): FValue => getValue(s, r, c),
    resolveName: (n: string) => names[n.toUpperCase()] ?? null,
    usedRange: () => ({ rows: 2000, cols: 200 }),
  };
  let budget = MAX_CELLS;
  for (const cf of formats) {
    const rect = parseRange(cf.ref.replace(/\$/g, ""));
    if (!rect) continue;
    const flag: Flag = {
      fill: typeof cf.format["fill.color"] === "string" ? (cf.format["fill.color"] as string) : undefined,
      color: typeof cf.format["font.color"] === "string" ? (cf.format["font.color"] as string) : undefined,
      bold: cf.format["font.bold"] === true ? true : undefined,
    };
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (--budget < 0) return out;
        const addr = formatA1(r, c);
        if (out[addr]) continue; // the first rule that applies wins, as in Excel (stopIfTrue aside)
        const f = shiftFormula(cf.formula, r - rect.r0, c - rect.c0, "copy");
        let v: FValue = null;
        try {
          v = evaluateFormula(f, ctx, { row: r, col: c });
        } catch {
          v = null;
        }
        if (truthy(v)) out[addr] = flag;
      }
    }
  }
  return out;
}
