// Accumulates a WritePlan while the sections of a template are laid out top to bottom. Formulas are kept with their
// tokens and the row context they were written in, and resolved once every field has its cell. A formula the same
// down a column (every helper column, the 得分 column of a blank table) is kept as one run (PlanRun).
import { colToLetters, lettersToCol } from "../address";
import type { CellStyle, PlanCell, PlanConditionalFormat, PlanRun, PlanValidation, WritePlan } from "../plan";
import type { CellDef, StyleKey } from "../../domain/templates/types";
import { HELPER_COLUMN } from "../meta";
import { FLAG_STYLE, STYLES } from "./styles";
import { anchorColumns } from "../move-formula";
import { HELPER_CELL_HEADERS } from "../../domain/templates/helpers";

/** Where a formula was written: the row, and the columns of the table it belongs to. */
export interface Ctx {
  row?: number;
  cols?: Record<string, string>; // column key → letter
  g1?: [number, number]; // rows of the current 一级 group
  first?: number; // the table's first body row
}

const TOKEN = /\{([*A-Za-z][\w.:*-]*)\}/g;

/** "D7" → "$D$7", "B12:I40" → "$B$12:$I$40": a field referenced from a formula stays put when the formula is filled. */
const absolute = (ref: string): string =>
  ref
    .split(":")
    .map((a) => a.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");

export class PlanBuilder {
  row = 1;
  private cells = new Map<string, PlanCell>();
  private pending: { addr: string; formula: string; ctx: Ctx }[] = [];
  private pendingRuns: { col: string; r0: number; r1: number; formula: string; ctx: Ctx }[] = [];
  private cfs: { ref: string; formula: string; ctx: Ctx; style: "error" | "warning"; meaning: string }[] = [];
  readonly merges: string[] = [];
  readonly fields: Record<string, string> = {};
  readonly validations: PlanValidation[] = [];
  readonly rowHeights: Record<number, number> = {};
  readonly indicatorRows: Record<string, number> = {};
  readonly formRows: number[] = [];
  /** Where a printed page may start, by preference (print.ts): 3 a section or 一级 group, 2 a 二级 group, 1 a row. */
  readonly breakAt = new Map<number, number>();
  /** Each indicator table's header row and last row, in order. */
  readonly tables: { head: number; last: number }[] = [];
  /** The smallest font size written. */
  minFont = 10;

  /** Marks where a printed page may start (the better preference wins). */
  breakable(row: number, pref: number): void {
    if ((this.breakAt.get(row) ?? 0) < pref) this.breakAt.set(row, pref);
  }
  private helpers = new Map<string, string>();
  private nextHelper = HELPER_COLUMN;
  private maxCol = 0;

  /** The hidden column of a helper key (allocated on first use, shared by every block). */
  helper(key: string): string {
    let c = this.helpers.get(key);
    if (!c) {
      c = colToLetters(this.nextHelper++);
      this.helpers.set(key, c);
    }
    return c;
  }

  /** Helper key → column letter, for the plan's meta. */
  helperColumns(): Record<string, string> {
    return Object.fromEntries(this.helpers);
  }

  /** Resolve "@key" columns to helper columns. */
  col(letter: string): string {
    return letter.startsWith("@") ? this.helper(letter.slice(1)) : letter;
  }

  private seen(addr: string): void {
    const match = /^([A-Z]+)(\d+)$/.exec(addr);
    if (match && lettersToCol(match[1]) < HELPER_COLUMN) this.maxCol = Math.max(this.maxCol, lettersToCol(match[1]));
  }

  put(addr: string, cell: Omit<PlanCell, "addr">, ctx: Ctx = {}): void {
    this.seen(addr);
    const { formula, ...rest } = cell;
    this.cells.set(addr, { addr, ...rest });
    if (formula) this.pending.push({ addr, formula, ctx });
  }

  /** A formula filled down `col` from r0 to r1; tokens resolve as for row r0. Cells keep any style they have. */
  run(col: string, firstRow: number, lastRow: number, formula: string, ctx: Ctx): void {
    this.seen(`${col}${firstRow}`);
    this.pendingRuns.push({ col, r0: firstRow, r1: lastRow, formula, ctx: { ...ctx, row: firstRow } });
  }

  /** Lay out one template cell at `row`: merge, style, value or formula, field name. */
  cell(def: CellDef, row: number, value: string | number | null | undefined, ctx: Ctx = {}, texts: Record<string, string> = {}): string {
    const firstCol = this.col(def.col);
    const addr = `${firstCol}${row}`;
    const style = styleOf(def.style);
    const down = def.down ?? 1;
    const lastCol = def.to ? this.col(def.to) : firstCol;
    if (lastCol !== firstCol || down > 1) {
      this.merges.push(`${addr}:${lastCol}${row + down - 1}`);
      // Borders on every cell of a merge, so the whole box is outlined in every engine.
      for (let rowIndex = row; rowIndex < row + down; rowIndex++)
        for (let col = lettersToCol(firstCol); col <= lettersToCol(lastCol); col++) {
          const address = `${colToLetters(col)}${rowIndex}`;
          if (address !== addr) this.put(address, { style: { border: style.border } });
        }
    }
    const text = def.text !== undefined ? expand(def.text, texts) : undefined;
    if (def.formula) this.put(addr, { formula: def.formula, style, ...(text !== undefined ? { value: text } : {}) }, { ...ctx, row });
    else this.put(addr, { value: value ?? text ?? def.value ?? null, style });
    if (def.field) this.field(def.field, addr);
    return addr;
  }

  /** Register a field (a cell, merged cells by their top-left, or a column range of a table body). */
  field(key: string, ref: string): void {
    this.fields[key] = ref;
  }

  flag(ref: string, formula: string, ctx: Ctx, style: "error" | "warning", meaning: string): void {
    this.cfs.push({ ref, formula, ctx, style, meaning });
  }

  validate(ref: string, listName: string, allowOther: boolean, prompt?: string): void {
    this.validations.push(prompt ? { ref, listName, allowOther, prompt } : { ref, listName, allowOther });
  }

  resolve(formula: string, ctx: Ctx): string {
    return formula.replace(TOKEN, (_m, tok: string) => this.token(tok, ctx));
  }

  private token(tok: string, ctx: Ctx): string {
    const i = tok.indexOf(":");
    if (i > 0) {
      const kind = tok.slice(0, i);
      const key = tok.slice(i + 1);
      if (kind === "h") return `${this.helper(key)}${ctx.row ?? fail(tok)}`;
      if (kind === "up") return `${this.helper(key)}${(ctx.row ?? fail(tok)) - 1}`;
      // A table without a 一级, 二级 or 分值 column reads it as blank.
      if (ctx.cols && !ctx.cols[key] && (key === "level1" || key === "level2" || key === "weight")) return '""';
      const col = ctx.cols?.[key] ?? fail(tok);
      if (kind === "r") return `${col}${ctx.row ?? fail(tok)}`;
      if (kind === "g1") return ctx.g1 ? `$${col}$${ctx.g1[0]}:$${col}$${ctx.g1[1]}` : fail(tok);
      if (kind === "t") return `$${col}$${ctx.first ?? fail(tok)}:${col}${ctx.row ?? fail(tok)}`;
      return fail(tok);
    }
    if (tok.startsWith("*")) {
      const [prefix, col] = splitLast(tok.slice(1));
      const pattern = new RegExp(`^${prefix.replace(/\./g, "\\.")}\\d*\\.${col}$`);
      const refs = Object.keys(this.fields)
        .filter((k) => pattern.test(k))
        .map((k) => absolute(this.fields[k]));
      return refs.length ? refs.join(",") : fail(tok);
    }
    return absolute(this.fields[tok] ?? fail(tok));
  }

  /** A header above the first cell of each one-cell helper column that has none (HELPER_CELL_HEADERS). */
  private headSingleHelpers(): void {
    for (const [key, col] of this.helpers) {
      const header = HELPER_CELL_HEADERS[key];
      if (!header) continue;
      const rows = [...this.cells.keys()].filter((a) => a.replace(/\d+$/, "") === col).map((a) => Number(a.slice(col.length)));
      const top = Math.min(...rows);
      if (Number.isFinite(top) && top > 1 && !this.cells.has(`${col}${top - 1}`)) this.cells.set(`${col}${top - 1}`, { addr: `${col}${top - 1}`, value: header, style: { numFmt: "@" } });
    }
  }

  /** The finished plan parts (formulas, runs and conditional formats resolved). */
  finish(): Pick<WritePlan, "cells" | "conditionalFormats" | "size" | "runs"> & { hiddenColumns: string[] } {
    for (const pending of this.pending) {
      const cell = this.cells.get(pending.addr);
      if (cell) cell.formula = this.resolve(pending.formula, pending.ctx);
    }
    const runs: PlanRun[] = this.pendingRuns.map((r) => ({ col: r.col, r0: r.r0, r1: r.r1, formula: this.resolve(r.formula, r.ctx) }));
    const conditionalFormats: PlanConditionalFormat[] = this.cfs.map((flag) => ({
      ref: flag.ref,
      formula: anchorColumns(this.resolve(flag.formula, flag.ctx)),
      style: { ...FLAG_STYLE[flag.style] },
      meaning: flag.meaning,
    }));
    this.headSingleHelpers();
    const hiddenColumns = [...new Set(this.helpers.values())].sort((a, b) => lettersToCol(a) - lettersToCol(b));
    return {
      cells: [...this.cells.values()],
      runs,
      conditionalFormats,
      size: { rows: this.row - 1, cols: this.maxCol + 1 },
      hiddenColumns,
    };
  }
}

export function styleOf(key: StyleKey): CellStyle {
  return { ...STYLES[key] };
}

function expand(text: string, texts: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in texts ? texts[k] : m));
}

function splitLast(text: string): [string, string] {
  const i = text.lastIndexOf(".");
  return [text.slice(0, i), text.slice(i + 1)];
}

function fail(tok: string): never {
  throw new Error(`template token {${tok}} has no cell`);
}
