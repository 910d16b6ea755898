// Fast path of live recompute for forms the add-in inserted: when every changed cell is a value cell of an
// indicator (三级/目标/完成值/分值/得分/偏差原因), the forms read last time keep their structure and only their
// values are read again from the new grid (with the reader's own cell readers), instead of detecting the whole
// layout again. Anything else (labels, new rows, funds, goals, other layouts) takes the full read.

import type { Form, Indicator, ReadIssue } from "../../domain/model";
import { parseA1 } from "../address";
import type { Grid, Rect } from "../grid";
import { SheetView } from "./view";
import { numAt, rowNumAt } from "./cells";

const KEYS = ["name", "target", "actual", "weight", "score", "reason"] as const;

type Pos = { row: number; col: number } | null;

export interface FormCache {
  sheetId: string;
  forms: Form[];
  valueCells: Set<number>;
  /** Parsed positions of each indicator's value cells, by indicator id. */
  pos: Map<string, Record<(typeof KEYS)[number], Pos>>;
}

const key = (r: number, c: number): number => r * 16384 + c;

/** Only our own templates, whose layouts the reader knows by names; nothing it had to guess. */
export function cacheable(forms: Form[]): boolean {
  return (
    forms.length > 0 &&
    forms.every((f) => f.template && !f.template.id.startsWith("adopted") && f.kind !== "multi-project" && f.indicators.every((i) => i.adjustedTarget === undefined))
  );
}

export function makeCache(sheetId: string, forms: Form[]): FormCache | null {
  if (!cacheable(forms)) return null;
  const valueCells = new Set<number>();
  const pos: FormCache["pos"] = new Map();
  for (const f of forms)
    for (const i of f.indicators) {
      const p = {} as Record<(typeof KEYS)[number], Pos>;
      for (const k of KEYS) {
        const at = i.cells[k] ? parseA1(i.cells[k] as string) : null;
        p[k] = at;
        if (at) valueCells.add(key(at.row, at.col));
      }
      pos.set(`${f.sheet}|${f.anchor}|${i.id}`, p);
    }
  return { sheetId, forms, valueCells, pos };
}

/** True when every changed cell is a value cell of a cached indicator. */
export function canPatch(cache: FormCache, changed: Rect[]): boolean {
  let n = 0;
  for (const r of changed) {
    n += (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
    if (n > 20000) return false;
    for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) if (!cache.valueCells.has(key(row, c))) return false;
  }
  return changed.length > 0;
}

/** The cached forms with every indicator value (and 总分/等级) read again from `grid`; null → do a full read. */
export function patchForms(grid: Grid, cache: FormCache): Form[] | null {
  const view = new SheetView(grid);
  const out: Form[] = [];
  for (const f of cache.forms) {
    const refreshed = new Set<string>();
    const issues: ReadIssue[] = [];
    const indicators: Indicator[] = [];
    for (const ind of f.indicators) {
      const p0 = cache.pos.get(`${f.sheet}|${f.anchor}|${ind.id}`);
      const at = (k: (typeof KEYS)[number]): Pos => (p0 ? p0[k] : ind.cells[k] ? parseA1(ind.cells[k] as string) : null);
      const text = (k: (typeof KEYS)[number], old: string): string => {
        const p = at(k);
        return p ? view.text(p.row, p.col) : old;
      };
      const num = (k: "weight" | "score", what: string, old: number | null): number | null => {
        const p = at(k);
        if (!p) return old;
        refreshed.add(ind.cells[k] as string);
        const own = view.own(p.row, p.col);
        // the reader's own shortcut (numAt): a plain number in an unmerged cell is its value
        if (own && typeof own.value === "number" && !(own.numFmt ?? "").includes("%") && !view.mergeAt(p.row, p.col)) return own.value;
        return view.text(p.row, p.col) === "" ? null : rowNumAt(view, p.row, p.col, what, issues).value;
      };
      const n = at("name");
      const name = n && view.isCovered(n.row, n.col) ? ind.name : text("name", ind.name);
      const next: Indicator = {
        ...ind,
        name,
        target: text("target", ind.target),
        actual: text("actual", ind.actual),
        reason: text("reason", ind.reason),
        weight: num("weight", "分值", ind.weight),
        enteredScore: num("score", "得分", ind.enteredScore),
      };
      if (!next.name && !next.target && !next.actual && next.weight === null && next.enteredScore === null) return null;
      indicators.push(next);
    }
    let enteredTotal = f.enteredTotal;
    const t = enteredTotal?.cell ? parseA1(enteredTotal.cell) : null;
    if (enteredTotal && t && /^[\d.\s%-]*$/.test(enteredTotal.raw)) {
      refreshed.add(enteredTotal.cell as string);
      enteredTotal = numAt(view, t.row, t.col, "总分", issues);
    }
    let enteredGrade = f.enteredGrade;
    const g = enteredGrade?.cell ? parseA1(enteredGrade.cell) : null;
    // (short: a grade, or what the 等级 formula shows while the form is not done: "分值合计 40/100", 待完成)
    if (enteredGrade && g && enteredGrade.value.length <= 20) enteredGrade = { ...enteredGrade, value: view.text(g.row, g.col) };
    const kept = f.readIssues.filter((i) => !i.cell || !refreshed.has(i.cell));
    out.push({ ...f, indicators, enteredTotal, enteredGrade, readIssues: [...kept, ...issues] });
  }
  return out;
}
