// target-changed (docs/rules.md#findings, an error): the self-evaluation must carry exactly the indicators and targets approved
// in the 绩效目标表. Pure: a self-evaluation Form and the targets-table Form it answers to → what changed (a target
// lowered, raised or otherwise changed; an approved indicator dropped; an indicator added), as findings. The CLI
// pairs forms with tables (cli/pairing.ts); the pane calls the same function when the workbook holds the table
// the form was made from.
//
// Targets are compared as parsed values — comparator, number and unit after normalising, so "≥95%" equals
// "95%以上" and "10万元" equals "100000元" — and as text only when neither can be read as a number.

import type { Evaluation, Finding, Form, Indicator, ParsedValue } from "../model";
import { SEVERITY, text } from "../messages";
import { canonicalLevel2 } from "../taxonomy";
import { compact, isBlank } from "../text";
import { parseTarget } from "../value";
import { multiProjectSlots } from "../from-targets";

export type ChangeKind = "lowered" | "raised" | "changed" | "dropped" | "added";

export interface TargetChange {
  kind: ChangeKind;
  /** The indicator's name (三级; the 二级 where it has none). */
  name: string;
  level2: string;
  /** The approved target as written in the targets table (null for an added indicator). */
  approved: string | null;
  /** The target in the self-evaluation (null for a dropped indicator). */
  now: string | null;
  /** Where the officer fixes it: the indicator's target cell; for a dropped one, the name cell of a row of the same
   *  二级 (else the first row), where it is to be written back. */
  cell?: string;
  indicatorId?: string;
}

/** How two targets compare: equal, the number lowered or raised (same comparator and unit), or changed. */
export type Comparison = "equal" | "lowered" | "raised" | "changed";

type Ctx = { name?: string; level1?: string; level2?: string; unit?: string; nature?: string };

const ctxOf = (ind: Pick<Indicator, "name" | "level1" | "level2" | "unit" | "nature">): Ctx => ({
  name: ind.name,
  level1: ind.level1,
  level2: ind.level2,
  unit: ind.unit,
  nature: ind.nature,
});

/** A text as compared when it is not a number: width-folded, without spaces and a final full stop. */
const textKey = (s: string): string => compact(s).replace(/[。．.]+$/, "");

/** The number in a comparable unit: money in 万元, the rest in its normalised unit. */
function measure(v: Extract<ParsedValue, { kind: "number" }>): [number, string] {
  return v.wan !== undefined ? [v.wan, "万元"] : [v.value, v.unit];
}

/** Compares an approved target with the one written now (each read with its own row's context). */
export function compareTarget(approved: string, approvedCtx: Ctx, now: string, nowCtx: Ctx): Comparison {
  const a = parseTarget(approved, approvedCtx);
  const b = parseTarget(now, nowCtx);
  if (a.kind === "number" && b.kind === "number") {
    const [va, ua] = measure(a);
    const [vb, ub] = measure(b);
    if (a.op !== b.op || ua !== ub) return "changed";
    if (Math.abs(va - vb) <= 1e-9 * Math.max(1, Math.abs(va), Math.abs(vb))) return "equal";
    return vb < va ? "lowered" : "raised";
  }
  return textKey(approved) === textKey(now) ? "equal" : "changed";
}

// ---------- which indicator is which ----------

interface Row {
  ind: Indicator;
  name: string; // as shown
  target: string;
  key: string; // name, compacted
  l2: string; // canonical 二级 (or compacted as written)
  cell?: string; // target cell
  nameCell?: string;
}

const l2Of = (s: string): string => canonicalLevel2(s) ?? compact(s);
const nameKey = (s: string): string => compact(s).replace(/[。．.]+$/, "");

function rowOf(ind: Indicator, name = ind.name, target = ind.target): Row {
  const tidy = (x: string): string => x.replace(/[\s\u3000]+/g, " ").trim();
  const shown = tidy(name) || tidy(ind.level2);
  return {
    ind,
    name: shown,
    target,
    key: nameKey(name),
    l2: l2Of(ind.level2),
    cell: ind.cells.target ?? ind.cells.name ?? ind.cells.actual,
    nameCell: ind.cells.name ?? ind.cells.target,
  };
}

/** Rows that are indicators: a name or a target written (template rows with only 一级/二级 are not). */
const isIndicator = (ind: Indicator): boolean => !isBlank(ind.name) || !isBlank(ind.target);

/**
 * A multi-project form keeps one cell per 二级 ("名称：指标值；名称：指标值", as seed 002 writes several): the cell is
 * split into the approved indicators it names. A cell that names none of them stands for the one approved indicator
 * of its 二级 when there is exactly one; what cannot be placed is an added indicator.
 */
function expandPair(ind: Indicator, approvedHere: Row[]): Row[] {
  // The reader may have taken the cell's leading text as the name ("名称：" | "≥90%"): the cell is both together.
  const named = !isBlank(ind.name) && l2Of(ind.name) !== l2Of(ind.level2);
  const cell = named ? `${ind.name}${ind.target}` : ind.target;
  if (isBlank(cell)) return [];
  const parts = cell
    .split(/[；;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const names = approvedHere.map((a) => a.key).filter((k) => k !== "").sort((x, y) => y.length - x.length);
  return parts.map((part) => {
    const p = compact(part);
    const hit = names.find((n) => p.startsWith(n));
    if (hit) {
      const approved = approvedHere.find((a) => a.key === hit)!;
      return { ...rowOf(ind, approved.name, p.slice(hit.length).replace(/^[：:，,、]+/, "")), key: hit, l2: approved.l2 };
    }
    if (approvedHere.length === 1 && parts.length === 1) {
      return { ...rowOf(ind, approvedHere[0].name, part), key: approvedHere[0].key, l2: approvedHere[0].l2 };
    }
    return { ...rowOf(ind, part, part), l2: l2Of(ind.level2) };
  });
}

/** What changed between the approved targets table and the self-evaluation form. */
export function compareTargets(form: Form, approved: Form): TargetChange[] {
  const approvedRows = approved.indicators.filter(isIndicator).map((i) => rowOf(i));
  let formRows: Row[];
  let compared = approvedRows;
  if (form.kind === "multi-project") {
    // The 二级 pairs the layout has (10号: no 成本, 可持续影响; 101号: its own) and those the form shows are compared —
    // a pair left blank too (the reader gives no indicator for it). The draft says which it could not carry.
    const pairs = form.indicators.filter((i) => !isBlank(i.level2));
    const present = new Set(pairs.map((i) => l2Of(i.level2)));
    const taxonomy = [...present, ...approvedRows.map((a) => a.l2)].some((l2) => /^(经济|社会|生态环境)成本指标$/.test(l2)) ? 2021 : 2020;
    const slots = multiProjectSlots(taxonomy);
    compared = approvedRows.filter((a) => present.has(a.l2) || slots.some((sl) => a.l2.includes(sl.hint)));
    formRows = pairs.flatMap((i) => expandPair(i, compared.filter((a) => a.l2 === l2Of(i.level2))));
  } else {
    formRows = form.indicators.filter(isIndicator).map((i) => rowOf(i));
  }

  const pairs = new Map<Row, Row>(); // approved → form
  const used = new Set<Row>();
  const pair = (match: (a: Row, b: Row) => boolean): void => {
    for (const a of compared) {
      if (pairs.has(a)) continue;
      const b = formRows.find((x) => !used.has(x) && match(a, x));
      if (b) {
        pairs.set(a, b);
        used.add(b);
      }
    }
  };
  pair((a, b) => a.key !== "" && a.key === b.key && a.l2 === b.l2);
  pair((a, b) => a.key !== "" && a.key === b.key);
  pair((a, b) => a.key === "" && b.key === "" && a.l2 === b.l2);

  const out: TargetChange[] = [];
  for (const a of compared) {
    const b = pairs.get(a);
    if (!b) {
      const near = formRows.find((x) => x.l2 === a.l2) ?? formRows[0];
      const cell = near?.nameCell ?? near?.cell ?? form.anchor;
      out.push({ kind: "dropped", name: a.name, level2: a.ind.level2.trim(), approved: a.target.trim(), now: null, ...(cell ? { cell } : {}) });
      continue;
    }
    // A blank target is field-missing already (checks/completeness): nothing to compare yet.
    if (isBlank(b.target)) continue;
    const c = compareTarget(a.target, ctxOf(a.ind), b.target, ctxOf(b.ind));
    if (c === "equal") continue;
    out.push({
      kind: c,
      name: b.name,
      level2: b.ind.level2.trim(),
      approved: a.target.trim(),
      now: b.target.trim(),
      ...(b.cell ? { cell: b.cell } : {}),
      indicatorId: b.ind.id,
    });
  }
  for (const b of formRows) {
    if (used.has(b)) continue;
    const cell = b.cell ?? b.nameCell;
    out.push({ kind: "added", name: b.name, level2: b.ind.level2.trim(), approved: null, now: b.target.trim(), ...(cell ? { cell } : {}), indicatorId: b.ind.id });
  }
  return out;
}

// ---------- the table a form came from ----------

const codeKey = (s: string | undefined): string => compact(s ?? "").toUpperCase();

/**
 * The targets table a form remembers it was made from (Form.source), among tables of one workbook — the pane's case:
 * the table sits beside the form. By sheet, then 项目编码 (else 项目名称); null when none or several fit.
 */
export function sourceTable(form: Form, tables: Form[]): Form | null {
  const src = form.source;
  if (!src) return null;
  let fit = tables.filter((t) => t.kind === "targets" && (!src.sheet || t.sheet === src.sheet));
  if (src.code) fit = fit.filter((t) => codeKey(t.code) === codeKey(src.code));
  if (fit.length > 1 && src.name) fit = fit.filter((t) => nameKey(t.name) === nameKey(src.name ?? ""));
  else if (!src.code && src.name) fit = fit.filter((t) => nameKey(t.name) === nameKey(src.name ?? ""));
  return fit.length === 1 ? fit[0] : null;
}

// ---------- findings ----------

/** The target-changed findings of a form against the targets table it answers to. */
export function targetChangeFindings(form: Form, approved: Form): Finding[] {
  const tableName = approved.name.trim() || approved.sheet;
  return compareTargets(form, approved).map((c) => {
    const t = text(`target-changed-${c.kind}`, {
      name: c.name,
      level2: c.level2 || "—",
      approved: c.approved ?? "",
      now: c.now ?? "",
      table: tableName,
    });
    const f: Finding = { code: "target-changed", severity: SEVERITY["target-changed"], sheet: form.sheet, indicator: c.name || null, ...t };
    if (c.cell) f.cell = c.cell;
    if (c.indicatorId) f.indicatorId = c.indicatorId;
    return f;
  });
}

/** An evaluation with more findings: a form with an error among them is no longer ready to send (docs/rules.md#ready-to-send). */
export function withFindings(ev: Evaluation, extra: Finding[]): Evaluation {
  if (extra.length === 0) return ev;
  return { ...ev, findings: [...ev.findings, ...extra], ready: ev.ready && !extra.some((f) => f.severity === "error") };
}

/** The evaluation of a form with its target-changed findings against the approved table. */
export function withTargetChanges(ev: Evaluation, approved: Form): Evaluation {
  return withFindings(ev, targetChangeFindings(ev.form, approved));
}
