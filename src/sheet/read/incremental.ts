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
  for (const form of forms)
    for (const i of form.indicators) {
      const positions = {} as Record<(typeof KEYS)[number], Pos>;
      for (const field of KEYS) {
        const at = i.cells[field] ? parseA1(i.cells[field] as string) : null;
        positions[field] = at;
        if (at) valueCells.add(key(at.row, at.col));
      }
      pos.set(`${form.sheet}|${form.anchor}|${i.id}`, positions);
    }
  return { sheetId, forms, valueCells, pos };
}

/** True when every changed cell is a value cell of a cached indicator. */
export function canPatch(cache: FormCache, changed: Rect[]): boolean {
  let count = 0;
  for (const r of changed) {
    count += (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
    if (count > 20000) return false;
    for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) if (!cache.valueCells.has(key(row, c))) return false;
  }
  return changed.length > 0;
}

/** The cached forms with every indicator value (and 总分/等级) read again from `grid`; null → do a full read. */
export function patchForms(grid: Grid, cache: FormCache): Form[] | null {
  const view = new SheetView(grid);
  const out: Form[] = [];
  for (const form of cache.forms) {
    const refreshed = new Set<string>();
    const issues: ReadIssue[] = [];
    const indicators: Indicator[] = [];
    for (const ind of form.indicators) {
      const stored = cache.pos.get(`${form.sheet}|${form.anchor}|${ind.id}`);
      const at = (k: (typeof KEYS)[number]): Pos => (stored ? stored[k] : ind.cells[k] ? parseA1(ind.cells[k] as string) : null);
      const text = (field: (typeof KEYS)[number], old: string): string => {
        const pos = at(field);
        return pos ? view.text(pos.row, pos.col) : old;
      };
      const num = (field: "weight" | "score", what: string, old: number | null): number | null => {
        const pos = at(field);
        if (!pos) return old;
        refreshed.add(ind.cells[field] as string);
        const own = view.own(pos.row, pos.col);
        // the reader's own shortcut (numAt): a plain number in an unmerged cell is its value
        if (own && typeof own.value === "number" && !(own.numFmt ?? "").includes("%") && !view.mergeAt(pos.row, pos.col)) return own.value;
        return view.text(pos.row, pos.col) === "" ? null : rowNumAt(view, pos.row, pos.col, what, issues).value;
      };
      const nameAt = at("name");
      const name = nameAt && view.isCovered(nameAt.row, nameAt.col) ? ind.name : text("name", ind.name);
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
    let enteredTotal = form.enteredTotal;
    const totalAt = enteredTotal?.cell ? parseA1(enteredTotal.cell) : null;
    if (enteredTotal && totalAt && /^[\d.\s%-]*$/.test(enteredTotal.raw)) {
      refreshed.add(enteredTotal.cell as string);
      enteredTotal = numAt(view, totalAt.row, totalAt.col, "总分", issues);
    }
    let enteredGrade = form.enteredGrade;
    const gradeAt = enteredGrade?.cell ? parseA1(enteredGrade.cell) : null;
    // (short: a grade, or what the 等级 formula shows while the form is not done: "分值合计 40/100", 待完成)
    if (enteredGrade && gradeAt && enteredGrade.value.length <= 20) enteredGrade = { ...enteredGrade, value: view.text(gradeAt.row, gradeAt.col) };
    const kept = form.readIssues.filter((i) => !i.cell || !refreshed.has(i.cell));
    out.push({ ...form, indicators, enteredTotal, enteredGrade, readIssues: [...kept, ...issues] });
  }
  return out;
}
