// Moving a template to another origin: every A1 reference on the form's own sheet moves with it (as Excel does
// when a block is cut and pasted); references to other sheets, names, strings and function names stay.

import { colToLetters, formatRange, lettersToCol, parseRange } from "../sheet/address";

const REF = /('(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/g;

/** Shifts the A1 references of `formula` by dr rows and dc columns (strings and other sheets untouched). */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  // Split on string literals so "B2" inside quotes is never touched.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (m, sheet: string | undefined, d1: string, col: string, d2: string, row: string, offset: number, all: string) => {
            if (sheet) return m;
            const prev = all[offset - 1];
            if (prev && /[\w.$]/.test(prev)) return m; // part of a name like JX_LIST_L1_2021 or a function
            const c = lettersToCol(col);
            if (c < 0 || c > 16383) return m;
            return `${d1}${colToLetters(c + dc)}${d2}${Number(row) + dr}`;
          }),
    )
    .join("");
}

/** "B5" / "B5:C9" moved by (dr, dc). */
export function shiftRef(ref: string, dr: number, dc: number): string {
  const r = parseRange(ref);
  if (!r) return ref;
  return formatRange({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc });
}
