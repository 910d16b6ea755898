// Lays out an indicator table: header row, one body row per 三级 indicator grouped (merged) by 一级 and
// 二级, the hidden helper columns that score each row, names, lists and flags.
import type { Indicator } from "../../domain/model";
import type { TemplateOptions } from "../../domain/templates/options";
import { level1KeyOf, taxonomyFor, type Level1Def } from "../../domain/templates/categories";
import { helperColumns, LEVEL1_HELPERS, SCORE_DEFAULT } from "../../domain/templates/helpers";
import type { IndColumnKey, IndicatorSection } from "../../domain/templates/types";
import type { Ctx, PlanBuilder } from "./builder";

interface BodyRow {
  level1: string; // as shown in the 一级 cell
  level2: string;
  ind?: Indicator;
}

/** The rows of a block: a Form's indicators when filling, else the taxonomy's 一级/二级 × rows. */
export function bodyRows(sec: IndicatorSection, opts: TemplateOptions, fill: Indicator[] | null): BodyRow[] {
  const tax = taxonomyFor(opts.taxonomy).filter((l1) => !sec.level1 || sec.level1.includes(l1.key));
  if (fill) {
    const nameOf = (i: Indicator) => i.level1 || (tax.find((l) => l.key === level1KeyOf(i.level1, i.level2))?.name ?? "");
    const rows = fill.map((ind) => ({ level1: level1Label(sec, nameOf(ind), ind.level1Weight), level2: ind.level2, ind }));
    return rows.length ? rows : [{ level1: "", level2: "" }];
  }
  const per = Math.max(1, Math.min(20, Math.floor(opts.rows ?? sec.rowsPer ?? 2)));
  if (sec.freeRows) return Array.from({ length: sec.freeRows * per }, () => ({ level1: "", level2: "" }));
  const out: BodyRow[] = [];
  for (const level1 of tax)
    for (const level2 of level1.level2.filter((x) => !sec.level2Codes || sec.level2Codes.includes(x.code)))
      for (let i = 0; i < per; i++)
        out.push({ level1: level1Label(sec, level1.name, weightOf(sec, level1)), level2: sec.shortLevel2 ? level2.short : level2.name });
  return out;
}

const weightOf = (sec: IndicatorSection, l1: Level1Def): number | null => (sec.level1Weights ? l1.weight : null);

function level1Label(sec: IndicatorSection, name: string, weight: number | null | undefined): string {
  if (!sec.level1Weights || weight == null || !name) return name;
  return `${name}（${weight}分）`;
}

/** Indicators of a Form that belong in this block. */
export function blockIndicators(sec: IndicatorSection, inds: Indicator[], goal?: number): Indicator[] {
  return inds.filter(
    (i) => (goal === undefined || i.goal === goal) && (!sec.level1 || sec.level1.includes(level1KeyOf(i.level1, i.level2))),
  );
}

const MEANING = {
  reason: "偏差原因未填写：该指标未达成目标、部分达成或远超目标，请写明原因和改进措施",
  over: "得分超过分值",
  rule: "填写的得分与按规则计算的得分相差超过0.1",
  band: "定性指标的得分不在所写档次的分数范围内（达成80%–100%，部分达成60%–80%，未达成60%以下）",
  level1: "三级指标分值之和与一级指标所标分值不一致",
  target: "指标值不规范：缺少数值、方向或单位可疑（如成本用“≥”、次数用“%”）",
};

/** The band check of a qualitative score (score.ts tierBand, inBand): 达成 [0.8w, w], 部分达成 [0.6w, 0.8w),
 *  未达成 [0, 0.6w). */
const OUT_OF_BAND =
  '=AND(ISNUMBER({r:score}),ISNUMBER({r:weight}),OR(AND({h:mode}="达成",OR({r:score}<ROUND(0.8*{r:weight},2)-0.000000001,{r:score}>{r:weight}+0.000000001)),' +
  'AND({h:mode}="部分达成",OR({r:score}<ROUND(0.6*{r:weight},2)-0.000000001,{r:score}>=ROUND(0.8*{r:weight},2)-0.000000001)),' +
  'AND({h:mode}="未达成",OR({r:score}<-0.000000001,{r:score}>=ROUND(0.6*{r:weight},2)-0.000000001))))';

export function renderIndicators(builder: PlanBuilder, sec: IndicatorSection, opts: TemplateOptions, rows: BodyRow[], lists: { level1: string; level2: string; tiers: string }): void {
  const head = builder.row;
  const first = head + 1;
  const last = first + rows.length - 1;
  const cols: Record<string, string> = {};
  for (const c of sec.columns) cols[c.key] = c.col;
  if (sec.side) builder.cell({ col: sec.side.col, down: rows.length + 1, text: sec.side.text, style: "label" }, head, null);
  for (const c of sec.columns) builder.cell({ col: c.col, to: c.to, text: c.header, style: "header" }, head, null);

  // The hidden helpers: a header saying what each computes (hidden with it), one formula down the whole table.
  const helpers = helperColumns(sec.mode, sec.reason);
  // A helper's field shares the block's prefix with the visible columns: one key, one thing.
  for (const h of helpers) if (cols[h.key]) throw new Error(`helper column ${h.key} has the name of a visible column`);
  const ctx0: Ctx = { row: first, cols, first };
  for (const helper of helpers) {
    builder.put(`${builder.helper(helper.key)}${head}`, { value: helper.header, style: { numFmt: "@" } });
    builder.run(builder.helper(helper.key), first, last, helper.formula, ctx0);
  }
  if (sec.level1Weights) for (const h of LEVEL1_HELPERS) builder.put(`${builder.helper(h.key)}${head}`, { value: h.header });

  const scoreRun: number[] = [];
  const flushScore = (): void => {
    if (scoreRun.length) builder.run(cols.score, scoreRun[0], scoreRun[scoreRun.length - 1], SCORE_DEFAULT, ctx0);
    scoreRun.length = 0;
  };
  rows.forEach((bodyRow, k) => {
    const row = first + k;
    const newL1 = k === 0 || bodyRow.level1 !== rows[k - 1].level1 || bodyRow.level1 === "";
    const newL2 = newL1 || bodyRow.level2 !== rows[k - 1].level2 || bodyRow.level2 === "";
    let l1End = row;
    while (l1End - first + 1 < rows.length && !startsL1(rows, l1End - first + 1)) l1End++;
    let l2End = row;
    while (l2End - first + 1 < rows.length && !startsL2(rows, l2End - first + 1)) l2End++;
    // a page may start at a group (never at the first body row: the header row stays with it)
    if (k > 0) builder.breakable(row, newL1 ? 3 : newL2 ? 2 : 1);
    const ctx: Ctx = { row, cols, g1: [row, l1End] };
    if (bodyRow.ind) builder.indicatorRows[bodyRow.ind.id] = row;
    for (const column of sec.columns) {
      const key = column.key as IndColumnKey;
      if (key === "level1" || key === "level2") {
        const isNew = key === "level1" ? newL1 : newL2;
        const end = key === "level1" ? l1End : l2End;
        if (!isNew) continue;
        builder.cell({ col: column.col, to: column.to, down: end - row + 1, style: column.style }, row, key === "level1" ? bodyRow.level1 : bodyRow.level2);
        continue;
      }
      const value = bodyRow.ind ? valueOf(bodyRow.ind, key) : null;
      if (key === "score" && sec.mode === "scored" && value === null) {
        // The 得分 cell computes the rule's score until the officer types hers over it.
        builder.cell({ col: column.col, to: column.to, style: column.style }, row, null);
        if (scoreRun.length && scoreRun[scoreRun.length - 1] !== row - 1) flushScore();
        scoreRun.push(row);
      } else builder.cell({ col: column.col, to: column.to, style: column.style }, row, value);
    }
    if (sec.level1Weights && newL1) for (const h of LEVEL1_HELPERS) builder.put(`${builder.helper(h.key)}${row}`, { formula: h.formula }, ctx);
  });
  flushScore();
  builder.row = last + 1;
  builder.tables.push({ head, last });

  // Fields: the body, each column, and the helpers (the totals and a reader may want them).
  const lastCol = sec.columns[sec.columns.length - 1];
  builder.field(sec.block, `${sec.columns[0].col}${first}:${lastCol.to ?? lastCol.col}${last}`);
  for (const c of sec.columns) builder.field(`${sec.block}.${c.key}`, `${c.col}${first}:${c.col}${last}`);
  for (const h of helpers) builder.field(`${sec.block}.${h.key}`, `${builder.helper(h.key)}${first}:${builder.helper(h.key)}${last}`);

  const range = (key: IndColumnKey) => {
    const column = sec.columns.find((x) => x.key === key);
    return column ? `${column.col}${first}:${column.to ?? column.col}${last}` : null;
  };
  const level1Range = range("level1");
  const level2Range = range("level2");
  if (level1Range) builder.validate(level1Range, lists.level1, true, "选择一级指标，或按本地口径填写");
  if (level2Range) builder.validate(level2Range, lists.level2, true, "选择二级指标，或按本地口径填写");
  const actual = range("actual");
  if (actual && sec.mode !== "targets")
    builder.validate(actual, lists.tiers, true, "定量指标填数值（如 96%）；定性指标可选择达成档次，并在得分栏填写得分");
  if (sec.mode === "targets") {
    const targetRange = range("target");
    if (targetRange) builder.flag(targetRange, "={h:check}=1", ctx0, "warning", MEANING.target);
    return;
  }
  const paint = "column" in sec.reason ? range("reason") : actual;
  if (paint) builder.flag(paint, "={h:deviation}=2", ctx0, "error", MEANING.reason);
  const score = range("score");
  if (score && sec.mode === "scored") {
    builder.flag(score, "=AND(ISNUMBER({r:score}),ISNUMBER({r:weight}),{r:score}>{r:weight}+0.0001)", ctx0, "error", MEANING.over);
    builder.flag(score, OUT_OF_BAND, ctx0, "error", MEANING.band);
    builder.flag(score, "=AND(ISNUMBER({r:score}),ISNUMBER({h:rule}),ABS({r:score}-{h:rule})>0.1)", ctx0, "warning", MEANING.rule);
  }
  if (level1Range && sec.level1Weights) builder.flag(level1Range, "={h:level1Check}=1", ctx0, "error", MEANING.level1);
}

function startsL1(rows: BodyRow[], k: number): boolean {
  return rows[k].level1 !== rows[k - 1].level1 || rows[k].level1 === "";
}
function startsL2(rows: BodyRow[], k: number): boolean {
  return startsL1(rows, k) || rows[k].level2 !== rows[k - 1].level2 || rows[k].level2 === "";
}

function valueOf(ind: Indicator, key: IndColumnKey): string | number | null {
  switch (key) {
    case "name":
      return ind.name;
    case "target":
      return ind.target;
    case "actual":
      return ind.actual;
    case "weight":
      return ind.weight;
    case "score":
      return ind.enteredScore;
    case "reason":
      return ind.reason;
    case "description":
      return ind.description ?? null;
    case "basis":
      return ind.basis ?? null;
    default:
      return null;
  }
}
