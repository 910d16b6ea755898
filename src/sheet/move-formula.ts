// Moving a formula to another cell, with the formula lexer deciding what is a reference (never a regular
// expression over the text): strings, function names, defined names that look like addresses
// ("JX_LIST_L1_2021", "LOG10(") and references to other sheets are left as written.
//
// Two ways a formula moves, as in Excel:
// - "move": the whole form was cut and pasted elsewhere on its sheet; every reference on the sheet moves with
//   it, "$" or not (a form placed at the selection keeps pointing at its own cells).
// - "copy": the formula was copied or filled down to another cell; relative references move, "$" parts stay
//   (what a shared formula or a range fill does).
import { tokenize, type Token } from "../formula/lexer";
import { colIndex, colLetters, MAX_COLS, MAX_ROWS } from "../formula/a1";
import { formatRange, parseRange } from "./address";

export type MoveMode = "move" | "copy";

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

/** One part of a reference, moved; null when it falls off the grid. */
function moved(index: number, abs: boolean, by: number, mode: MoveMode, max: number): number | null {
  const to = mode === "copy" && abs ? index : index + by;
  return to < 0 || to >= max ? null : to;
}

/** "B5" / "$B$5" moved; "#REF!" when it leaves the grid. */
function moveCell(text: string, dr: number, dc: number, mode: MoveMode): string | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const col = colIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  const c = moved(col, m[1] === "$", dc, mode, MAX_COLS);
  const r = moved(row, m[3] === "$", dr, mode, MAX_ROWS);
  if (c === null || r === null) return "#REF!";
  return `${m[1]}${colLetters(c)}${m[3]}${r + 1}`;
}

function moveColumn(text: string, dc: number, mode: MoveMode): string | null {
  const m = COLUMN.exec(text);
  if (!m) return null;
  const col = colIndex(m[2]);
  if (col < 0 || col >= MAX_COLS) return null;
  const c = moved(col, m[1] === "$", dc, mode, MAX_COLS);
  return c === null ? "#REF!" : `${m[1]}${colLetters(c)}`;
}

function moveRow(text: string, dr: number, mode: MoveMode): string | null {
  const m = ROW.exec(text);
  if (!m) return null;
  const r = moved(Number(m[2]) - 1, m[1] === "$", dr, mode, MAX_ROWS);
  return r === null ? "#REF!" : `${m[1]}${r + 1}`;
}

/** Whether the token is qualified by a sheet ("Sheet2!A1", "'My sheet'!A1"): such references stay. */
function onOtherSheet(toks: Token[], i: number): boolean {
  return i >= 2 && toks[i - 1].t === "!" && (toks[i - 2].t === "sheet" || toks[i - 2].t === "ident");
}

type RefKind = "cell" | "column" | "row";

/**
 * Rewrites every reference of `formula` on its own sheet: `edit` gets each cell reference ("B5", "$B$5"), each corner
 * of a column range ("B" of "B:C") and of a row range ("3" of "3:5"), and returns its new text (null: unchanged).
 * Strings, names, functions and references to other sheets are never offered. A formula the lexer cannot read is
 * returned unchanged.
 */
export function editReferences(
  formula: string,
  edit: (text: string, kind: RefKind) => string | null,
  opts: { otherSheets?: boolean } = {},
): string {
  const refs = referencesOf(formula, !!opts.otherSheets);
  if (!refs.length) return formula;
  const parts: string[] = [];
  let last = 0;
  for (const ref of refs) {
    const text = edit(ref.v, ref.kind);
    if (text === null || text === ref.v) continue;
    parts.push(formula.slice(last, ref.pos), text);
    last = ref.pos + ref.v.length;
  }
  if (!parts.length) return formula;
  parts.push(formula.slice(last));
  return parts.join("");
}

interface Ref {
  pos: number;
  v: string;
  kind: RefKind;
}

/** The references of a formula on its own sheet, in order. A formula filled down a column is moved once per cell:
 *  its references are found once (a bounded cache by text, like the evaluator's parse cache). */
const REFS_KEPT = 2000;
const refsCache = new Map<string, Ref[]>();

/** With `otherSheets`, references qualified by another sheet are offered too (a shared formula's fill moves them). */
function referencesOf(formula: string, otherSheets: boolean): Ref[] {
  const key = (otherSheets ? "1" : "0") + formula;
  let refs = refsCache.get(key);
  if (!refs) {
    refs = findReferences(formula, otherSheets);
    if (refsCache.size >= REFS_KEPT) refsCache.clear();
    refsCache.set(key, refs);
  }
  return refs;
}

function findReferences(formula: string, otherSheets: boolean): Ref[] {
  if (!formula.startsWith("=")) return [];
  let toks: Token[];
  try {
    toks = tokenize(formula.slice(1), formula, 1);
  } catch {
    return [];
  }
  const refs: Ref[] = [];
  const offer = (tok: Token, kind: RefKind): void => {
    refs.push({ pos: tok.pos, v: tok.v, kind });
  };
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    const next = toks[i + 1];
    const prev = toks[i - 1];
    const rangeAfter = next?.t === "op" && next.v === ":";
    if (!otherSheets && onOtherSheet(toks, i)) {
      // "Sheet2!A1:B2": the second corner belongs to the other sheet as well.
      if (rangeAfter) i += 2;
      continue;
    }
    // A row range "1:3": two numbers around ":".
    if (tok.t === "num" && rangeAfter && toks[i + 2]?.t === "num" && ROW.test(tok.v) && ROW.test(toks[i + 2].v)) {
      offer(tok, "row");
      offer(toks[i + 2], "row");
      i += 2;
      continue;
    }
    if (tok.t !== "ident" || next?.t === "(" || next?.t === "!") continue;
    if (CELL.test(tok.v) && colIndex(CELL.exec(tok.v)![2]) < MAX_COLS) {
      offer(tok, "cell");
      continue;
    }
    // A column range "A:C": letters on both sides of ":".
    const partner = rangeAfter ? toks[i + 2] : prev?.t === "op" && prev.v === ":" ? toks[i - 2] : undefined;
    if (COLUMN.test(tok.v) && partner?.t === "ident" && COLUMN.test(partner.v)) offer(tok, "column");
  }
  return refs.sort((a, b) => a.pos - b.pos);
}

/** Shifts the references of `formula` (with its leading "=") by dr rows and dc columns. */
export function shiftFormula(formula: string, dr: number, dc: number, mode: MoveMode = "move"): string {
  if (dr === 0 && dc === 0) return formula;
  return editReferences(formula, (text, kind) =>
    kind === "cell" ? moveCell(text, dr, dc, mode) : kind === "column" ? moveColumn(text, dc, mode) : moveRow(text, dr, mode),
  );
}

/**
 * A formula filled from its cell to one (dr, dc) away, as Excel fills a shared formula's run: relative parts move, "$"
 * parts stay, and references to other sheets move as well; a reference pushed off the grid becomes #REF!.
 */
export function fillFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return editReferences(
    formula,
    (text, kind) => (kind === "cell" ? moveCell(text, dr, dc, "copy") : kind === "column" ? moveColumn(text, dc, "copy") : moveRow(text, dr, "copy")),
    { otherSheets: true },
  );
}

/** "H13" → "$H13": a conditional format's formula keeps its columns while its rows follow the range. */
export function anchorColumns(formula: string): string {
  return editReferences(formula, (text, kind) => (kind === "cell" && !text.startsWith("$") ? `$${text}` : null));
}

/** "B5" / "B5:C9" moved by (dr, dc). */
export function shiftRef(ref: string, dr: number, dc: number): string {
  const r = parseRange(ref);
  if (!r) return ref;
  return formatRange({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc });
}
