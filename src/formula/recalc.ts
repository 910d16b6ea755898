// Recalculator: a workbook of values and formulas that recomputes formulas in dependency order.
import { parseCached } from "./cache";
import { evaluateFormula } from "./evaluateFormula";
import { references } from "./refs";
import { Ast, ERR, FormulaContext, FValue, isError, SheetRect } from "./types";

export interface CellChange {
  sheet: string;
  row: number;
  col: number;
  value: FValue;
}

export interface RecalcOptions {
  /** Cells on a circular reference: "error" (default) shows #REF!, "keep" keeps their last value. */
  onCycle?: "error" | "keep";
}

interface Cell {
  sheet: string;
  row: number;
  col: number;
  value: FValue;
  formula?: string;
  ast?: Ast | null;
}

const COLS = 16384;

export function sameValue(a: FValue, b: FValue): boolean {
  if (isError(a) || isError(b)) return isError(a) && isError(b) && a.error === b.error;
  return a === b;
}

interface Step {
  cells: Cell[];
  cyclic: boolean;
}

export class Recalculator {
  private readonly sheets = new Map<string, Map<number, Cell>>();
  private readonly names = new Map<string, SheetRect>();
  private order: Step[] | null = null;
  /** Keys ("Sheet!row,col") of the cells found on a circular reference by the last recalc(). */
  cycles: string[] = [];

  constructor(private readonly options: RecalcOptions = {}) {}

  private readonly exact = new Map<string, Map<number, Cell>>();
  private readonly used = new Map<string, { rows: number; cols: number }>();

  /** The cells of a sheet; names match case-insensitively, as in Excel. */
  private sheetMap(sheet: string, create: boolean): Map<number, Cell> | undefined {
    let m = this.exact.get(sheet);
    if (m) return m;
    const key = sheet.toLowerCase();
    m = this.sheets.get(key);
    if (!m && create) this.sheets.set(key, (m = new Map()));
    if (m) this.exact.set(sheet, m);
    return m;
  }

  /** Sets a value, a formula (string with "="), or clears the formula (formula: null). */
  setCell(sheet: string, row: number, col: number, cell: { value?: FValue; formula?: string | null }): void {
    const m = this.sheetMap(sheet, true) as Map<number, Cell>;
    const k = row * COLS + col;
    const old = m.get(k);
    const hadFormula = old?.formula !== undefined;
    const formula = cell.formula === null ? undefined : (cell.formula ?? (cell.value === undefined ? old?.formula : undefined));
    const value = cell.value !== undefined ? cell.value : (old?.value ?? null);
    const key = sheet.toLowerCase();
    const used = this.used.get(key) ?? { rows: 0, cols: 0 };
    this.used.set(key, { rows: Math.max(used.rows, row + 1), cols: Math.max(used.cols, col + 1) });
    if (formula === undefined && value === null) m.delete(k);
    else m.set(k, { sheet, row, col, value, formula, ast: formula === old?.formula ? old?.ast : undefined });
    if (hadFormula || formula !== undefined) this.order = null;
  }

  setValue(sheet: string, row: number, col: number, value: FValue): void {
    this.setCell(sheet, row, col, { value, formula: null });
  }

  setFormula(sheet: string, row: number, col: number, formula: string): void {
    this.setCell(sheet, row, col, { formula });
  }

  /** Defines (or with null removes) a workbook-level name. Names are case-insensitive. */
  setName(name: string, rect: SheetRect | null): void {
    if (rect) this.names.set(name.toUpperCase(), { ...rect });
    else this.names.delete(name.toUpperCase());
    this.order = null;
  }

  resolveName = (name: string): SheetRect | null => this.names.get(name.toUpperCase()) ?? null;

  get(sheet: string, row: number, col: number): FValue {
    return this.sheetMap(sheet, false)?.get(row * COLS + col)?.value ?? null;
  }

  getFormula(sheet: string, row: number, col: number): string | undefined {
    return this.sheetMap(sheet, false)?.get(row * COLS + col)?.formula;
  }

  /** Rows and columns ever set on a sheet (what whole-column references read). */
  usedRange = (sheet: string): { rows: number; cols: number } => this.used.get(sheet.toLowerCase()) ?? { rows: 0, cols: 0 };

  /** Forget the cached calculation order (call after changing what an overridden resolveName returns). */
  invalidate(): void {
    this.order = null;
  }

  /** A FormulaContext over this workbook for a formula on `sheet`. */
  context(sheet: string): FormulaContext {
    return { sheet, getValue: (s, r, c) => this.get(s, r, c), resolveName: this.resolveName, usedRange: this.usedRange };
  }

  private formulaCells(): Cell[] {
    const out: Cell[] = [];
    for (const m of this.sheets.values()) for (const c of m.values()) if (c.formula !== undefined) out.push(c);
    return out;
  }

  private astOf(c: Cell): Ast | null {
    if (c.ast === undefined) {
      try {
        c.ast = parseCached(c.formula as string);
      } catch {
        c.ast = null;
      }
    }
    return c.ast;
  }

  /** Strongly connected components of the dependency graph, dependencies first (iterative Tarjan). */
  private buildOrder(): Step[] {
    const cells = this.formulaCells();
    const bySheet = new Map<string, Cell[]>();
    for (const c of cells) {
      const k = c.sheet.toLowerCase();
      const list = bySheet.get(k);
      if (list) list.push(c);
      else bySheet.set(k, [c]);
    }
    const deps = new Map<Cell, Cell[]>();
    for (const c of cells) {
      const ast = this.astOf(c);
      const out: Cell[] = [];
      for (const r of ast ? references(ast, c.sheet, this.resolveName) : []) {
        const list = bySheet.get(r.sheet.toLowerCase()) ?? [];
        const area = (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
        if (area <= list.length) {
          const m = this.sheetMap(r.sheet, false);
          for (let i = r.r0; i <= r.r1; i++)
            for (let j = r.c0; j <= r.c1; j++) {
              const d = m?.get(i * COLS + j);
              if (d?.formula !== undefined) out.push(d);
            }
        } else {
          for (const d of list) if (d.row >= r.r0 && d.row <= r.r1 && d.col >= r.c0 && d.col <= r.c1) out.push(d);
        }
      }
      deps.set(c, out);
    }
    return tarjan(cells, deps).map((scc) => ({
      cells: scc,
      cyclic: scc.length > 1 || (deps.get(scc[0]) ?? []).includes(scc[0]),
    }));
  }

  /** Recomputes every formula in dependency order; returns the formula cells whose value changed. */
  recalc(): CellChange[] {
    this.order ??= this.buildOrder();
    const changed: CellChange[] = [];
    this.cycles = [];
    for (const { cells, cyclic } of this.order) {
      for (const c of cells) {
        let v: FValue;
        if (cyclic) {
          this.cycles.push(`${c.sheet}!${c.row},${c.col}`);
          if (this.options.onCycle === "keep") continue;
          v = ERR.REF;
        } else {
          const ast = this.astOf(c);
          v = ast ? evaluateFormula(ast, this.context(c.sheet), { row: c.row, col: c.col }) : ERR.NAME;
        }
        if (!sameValue(v, c.value)) {
          c.value = v;
          changed.push({ sheet: c.sheet, row: c.row, col: c.col, value: v });
        }
      }
    }
    return changed;
  }
}

function tarjan(nodes: Cell[], deps: Map<Cell, Cell[]>): Cell[][] {
  const index = new Map<Cell, number>();
  const low = new Map<Cell, number>();
  const onStack = new Set<Cell>();
  const stack: Cell[] = [];
  const out: Cell[][] = [];
  let next = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<[Cell, number]> = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i === 0 && !index.has(v)) {
        index.set(v, next);
        low.set(v, next++);
        stack.push(v);
        onStack.add(v);
      }
      const ds = deps.get(v) ?? [];
      if (i < ds.length) {
        frame[1]++;
        const w = ds[i];
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent) as number, low.get(v) as number));
      }
      if (low.get(v) === index.get(v)) {
        const scc: Cell[] = [];
        let w: Cell;
        do {
          w = stack.pop() as Cell;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        out.push(scc);
      }
    }
  }
  return out;
}
