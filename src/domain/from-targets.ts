// From the approved 绩效目标表 to the self-evaluation form that will be filled in after the year (docs/rules.md#form-targets,
// issue #14 item 1). Pure: a targets-table Form (read by sheet/read from any layout the reader understands) → the Form(s)
// a template is filled with, the template options, and a note per indicator row for the 助手提示 column. The caller
// makes the WritePlan with sheet/render's buildPlan(kind, options, fill) — the pane and the CLI alike.
//
// What is carried: 项目名称, 单位 (主管部门 / 实施单位), 年度, 年初预算数 (the table's 预算数 is the approved budget; 元 →
// 万元), 年度总体目标 (预期目标 = the table's 绩效目标), and every indicator with its 一级/二级, name, target (its
// 指标性质 sign and 计量单位 folded into the target text when the table keeps them in columns of their own) and weight.
// Nothing the table does not say is invented: 全年预算数 stays blank for the officer (the adjusted budget), and so
// does anything else the table lacks; the engine reports those as field-missing. The one default is the weights,
// and only when the table has none at all: the national 一级 weights split evenly (see defaultWeights).

import { emptyForm } from "./form";
import type { Form, FormFields, FormKind, Indicator, NumField, TextField } from "./model";
import type { TemplateOptions } from "./templates/options";
import { templateFor } from "./templates";
import type { ListSection, Section } from "./templates/types";
import { canonicalLevel1, canonicalLevel2, parseLevel1Cell, place } from "./taxonomy";
import { compact, isBlank } from "./text";
import { normaliseUnit, toWan } from "./units";
import { COMPARATOR_PREFIX_WORDS, COMPARATOR_SUFFIX_WORDS } from "./vocabulary";
import { parseTarget } from "./value";

/** The kinds of self-evaluation a targets table can become. */
export type DraftKind = "project" | "department" | "multi-project";
export const DRAFT_KINDS: readonly DraftKind[] = ["project", "department", "multi-project"];

/** The national 一级 weights (docs/rules.md#weights) used when a targets table has none; 执行率 keeps its 10 on the form. Under
 *  财预〔2021〕101号 成本指标 is a 一级 of its own and shares the 产出 50. */
export const DEFAULT_LEVEL1_WEIGHTS: Readonly<Record<"产出" | "效益" | "满意度", number>> = { 产出: 50, 效益: 30, 满意度: 10 };

/** What 助手提示 says on a row whose weight was given by default. */
export const DEFAULT_WEIGHT_NOTE = "按默认分值分配，请核对";

export interface DraftOptions {
  /** The kind of self-evaluation (default project). */
  kind?: DraftKind;
  /** The targets table's file name, remembered in Form.source (the pane leaves it out: same workbook). */
  file?: string;
}

/** A note for the 助手提示 cell of one indicator row of a drafted form. */
export interface RowNote {
  /** The drafted form's indicator id; the plan's meta.indicatorRows gives its sheet row. */
  indicatorId: string;
  note: string;
}

/** One form to make: call buildPlan(kind, options, fill) for it. */
export interface Draft {
  kind: DraftKind;
  options: TemplateOptions;
  /** The Form to fill the template with (project, department), or one per row (multi-project). */
  fill: Form | Form[];
  notes: RowNote[];
  /** What the officer must know (in Chinese): indicators a multi-project row has no column for, a year not given. */
  warnings: string[];
  /** The targets table(s) it came from. */
  targets: Form[];
}

// ---------- text from the file ----------

// Characters no worksheet cell can hold (XML 1.0): C0 controls but tab, newline and carriage return; U+FFFE/FFFF;
// unpaired surrogates. A targets table from elsewhere may carry them; a form made from it must still open.
// A well-formed surrogate pair is matched first and kept (no lookbehind: the pane may run in older WebKit).
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/g;
const dropIllegal = (ch: string): string => (ch.length === 2 ? ch : "");
const CELL_MAX = 32767;

/** Text copied from the targets table: without characters a cell cannot hold, at most a cell's length. */
export function carryText(s: string | null | undefined): string {
  if (s == null) return "";
  const t = String(s).replace(ILLEGAL, dropIllegal);
  if (t.length <= CELL_MAX) return t;
  const end = CELL_MAX - 1;
  const cut = t.charCodeAt(end - 1) >= 0xd800 && t.charCodeAt(end - 1) <= 0xdbff ? end - 1 : end;
  return `${t.slice(0, cut)}…`;
}

// ---------- targets ----------

const SIGN: Record<string, string> = { ">=": "≥", "<=": "≤", ">": "＞", "<": "＜", "=": "＝" };
const SIGN_WORDS = new Map<string, string>([...COMPARATOR_PREFIX_WORDS, ...COMPARATOR_SUFFIX_WORDS]);

/** The comparator a 指标性质 / 计算符号 / 指标方向 cell states (docs/rules.md#comparators): a sign, a comparator word, 正向 (≥) or
 *  反向 (≤); null for 定量, 定性 and anything else. */
export function natureComparator(nature: string | undefined): string | null {
  const n = compact(nature ?? "").replace(/（.*）|\(.*\)/g, "");
  if (!n) return null;
  const sign = /^(>=|=>|≥|≧|<=|=<|≤|≦|>|<|==|=)$/.exec(n)?.[1];
  if (sign) return { "=>": ">=", "≥": ">=", "≧": ">=", "=<": "<=", "≤": "<=", "≦": "<=", "==": "=" }[sign] ?? sign;
  const word = SIGN_WORDS.get(n);
  if (word) return word;
  if (n === "正向" || n === "正向指标") return ">=";
  if (n === "反向" || n === "反向指标") return "<=";
  return null;
}

/**
 * The target as the self-evaluation writes it: the table's text, with the sign of a separate 指标性质 column and the
 * unit of a separate 计量单位 column added when the text itself has none ("30" | "≥" | "万元" → "≥30万元"). The
 * self-evaluation forms have no such columns, so they would otherwise be lost.
 */
export function targetText(ind: Pick<Indicator, "target" | "nature" | "unit" | "name" | "level1" | "level2">): string {
  const raw = carryText(ind.target).trim();
  const unit = carryText(ind.unit).trim();
  const op = natureComparator(ind.nature);
  if (raw === "" || (op === null && unit === "")) return raw;
  const alone = parseTarget(raw, { name: ind.name, level1: ind.level1, level2: ind.level2 });
  if (alone.kind !== "number") return raw;
  let out = raw;
  if (alone.inferred && op) out = `${SIGN[op]}${out}`;
  if (alone.unit === "" && unit !== "") out = `${out}${normaliseUnit(unit) || unit}`;
  return out;
}

// ---------- weights ----------

type Group = keyof typeof DEFAULT_LEVEL1_WEIGHTS;

/** The default-weight group of an indicator: its 一级 (inferred from the 二级 when blank); 成本 shares 产出's. */
function groupOf(ind: Pick<Indicator, "level1" | "level2">): Group | null {
  const p = place(ind.level1, ind.level2);
  const l1 = p.level1 ?? canonicalLevel1(ind.level1) ?? p.expected[0] ?? null;
  switch (l1) {
    case "产出指标":
    case "成本指标":
      return "产出";
    case "效益指标":
      return "效益";
    case "满意度指标":
      return "满意度";
    default:
      return null;
  }
}

const toHalf = (x: number): number => Math.round(x * 2) / 2;

/** `total` split over `n` rows: each rounded to 0.5, the remainder on the last (never below 0). */
export function splitWeight(total: number, n: number): number[] {
  if (n <= 0) return [];
  let each = toHalf(total / n);
  if (each * (n - 1) > total) each = Math.floor((total / n) * 2) / 2;
  const out = Array.from({ length: n }, () => each);
  out[n - 1] = Math.round((total - each * (n - 1)) * 100) / 100;
  return out;
}

/**
 * Weights for a table that has none: 产出 50 (with 成本 under 101号), 效益 30, 满意度 10, each split evenly over the
 * indicators of its 一级. An indicator whose 一级 cannot be told gets none (it is then field-missing).
 */
export function defaultWeights(inds: Pick<Indicator, "id" | "level1" | "level2">[]): Map<string, number> {
  const groups = new Map<Group, string[]>();
  for (const ind of inds) {
    const g = groupOf(ind);
    if (!g) continue;
    const list = groups.get(g) ?? [];
    list.push(ind.id);
    groups.set(g, list);
  }
  const out = new Map<string, number>();
  for (const [g, ids] of groups) splitWeight(DEFAULT_LEVEL1_WEIGHTS[g], ids.length).forEach((w, i) => out.set(ids[i], w));
  return out;
}

// ---------- the drafted form ----------

/** Rows of the targets table that are indicators: a name or a target written (template rows with only 一级/二级
 *  filled in are not). */
function indicatorRows(t: Form): Indicator[] {
  return t.indicators.filter((i) => !isBlank(i.name) || !isBlank(i.target));
}

/** True when any row uses 成本指标 as a 一级 (财预〔2021〕101号), or a 二级 only that taxonomy has. */
function uses2021(inds: Indicator[]): boolean {
  return inds.some((i) => {
    if (canonicalLevel1(i.level1) === "成本指标") return true;
    const l2 = canonicalLevel2(i.level2);
    return l2 === "经济成本指标" || l2 === "社会成本指标" || l2 === "生态环境成本指标";
  });
}

/** The year the table is for: Form.year, else the digits of its 年度 field. */
function yearOf(t: Form): number | undefined {
  if (t.year && Number.isInteger(t.year)) return t.year;
  const m = /(19|20|21)\d{2}/.exec(t.fields?.year?.value ?? "");
  return m ? Number(m[0]) : undefined;
}

const text = (value: string | undefined): TextField => ({ value: carryText(value ?? "") });
const blankNum = (): NumField => ({ value: null, raw: "" });

/** The approved budget in 万元: the table's 预算数 (元 in seed 004) converted; null when it has none. */
export function approvedBudgetWan(t: Form): number | null {
  const v = t.funds?.budget.value ?? null;
  if (v == null || !Number.isFinite(v)) return null;
  const wan = toWan(v, t.funds?.moneyUnit ?? "万元");
  return wan == null ? null : Number(wan.toPrecision(12));
}

interface Carried {
  form: Form;
  notes: RowNote[];
}

/** A targets Form → the self-evaluation Form of `kind` (project or department) to fill a template with. */
function carry(t: Form, kind: FormKind, file: string | undefined): Carried {
  const rows = indicatorRows(t);
  const anyWeight = rows.some((i) => i.weight != null);
  const defaults = anyWeight ? null : defaultWeights(rows);
  const notes: RowNote[] = [];
  const indicators: Indicator[] = rows.map((src, k) => {
    const id = `i${k + 1}`;
    const level1 = parseLevel1Cell(carryText(src.level1)).name || carryText(src.level1).trim();
    const weight = anyWeight ? src.weight : (defaults?.get(src.id) ?? null);
    if (defaults?.has(src.id)) notes.push({ indicatorId: id, note: DEFAULT_WEIGHT_NOTE });
    return {
      id,
      level1,
      level2: carryText(src.level2).trim(),
      name: carryText(src.name).trim(),
      target: targetText(src),
      actual: "",
      weight,
      enteredScore: null,
      reason: "",
      cells: {},
    };
  });
  // Department forms write each 一级's weight into its cell ("产出指标（50分）"): the table's own, else the sum of the
  // weights under it once every one of them is known.
  for (const ind of indicators) {
    const declared = rows.find((r) => parseLevel1Cell(r.level1).name === ind.level1 && r.level1Weight != null)?.level1Weight;
    const same = indicators.filter((x) => x.level1 === ind.level1);
    const sum = same.every((x) => x.weight != null) ? same.reduce((s, x) => s + (x.weight ?? 0), 0) : null;
    ind.level1Weight = declared ?? (sum == null ? null : Math.round(sum * 100) / 100);
  }

  const unit = carryText(t.unit ?? "").trim();
  const supervisor = carryText(t.fields?.supervisor?.value || unit).trim();
  const implementer = carryText(t.fields?.implementer?.value || unit).trim();
  const year = yearOf(t);
  const projectName = carryText(t.fields?.name?.value || t.name).trim();
  // A department form's 名称 is the unit's own; a project's is the project's.
  const name = kind === "department" ? unit : projectName;
  const fields: FormFields = { name: text(name), supervisor: text(supervisor), implementer: text(implementer) };
  if (year) fields.year = text(String(year));
  const initial = approvedBudgetWan(t);
  const goalText = carryText(t.goals.map((g) => g.text.trim()).filter(Boolean).join("\n"));
  const source: NonNullable<Form["source"]> = { sheet: t.sheet };
  if (file) source.file = file;
  if (t.code) source.code = carryText(t.code).trim();
  if (projectName) source.name = projectName;
  const form: Form = emptyForm(kind, t.sheet, name, {
    fields,
    source,
    ...(unit ? { unit } : {}),
    ...(year ? { year } : {}),
    ...(t.code ? { code: carryText(t.code).trim() } : {}),
    funds: {
      moneyUnit: "万元",
      initialBudget: initial == null ? null : { value: initial, raw: String(initial) },
      budget: blankNum(),
      spent: blankNum(),
      weight: null,
      enteredRate: null,
      enteredScore: null,
      sums: [],
    },
    goals: goalText ? [{ index: 1, text: goalText }] : [],
    indicators,
    scored: true,
  });
  return { form, notes };
}

// ---------- multi-project ----------

interface Slot {
  hint: string; // the template's 二级 hint ("数量", "经济效益", "满意度")
}

/** The 二级 pairs (年度指标内容 | 完成情况) the multi-project template has, read from its definition. */
export function multiProjectSlots(taxonomy: 2020 | 2021): Slot[] {
  const def = templateFor("multi-project", { taxonomy });
  const list = findList(def.sections);
  if (!list) return [];
  return list.columns
    .filter((c) => c.key.endsWith(".target") && c.from?.[0] === "#ind")
    .map((c) => ({ hint: c.from![1] }));
}

function findList(sections: Section[]): ListSection | undefined {
  for (const s of sections) if (s.kind === "list" && s.fillFrom === "forms") return s;
  return undefined;
}

/** One 二级 pair's text: each indicator as "名称：指标值", joined with "；" as seed 002 writes several in one cell. */
export function pairText(inds: Pick<Indicator, "name" | "target">[]): string {
  return inds.map((i) => (isBlank(i.name) ? i.target : isBlank(i.target) ? i.name : `${i.name}：${i.target}`)).join("；");
}

/** The multi-project row of one project: an indicator per 二级 pair the template has; the rest listed. */
function toMultiRow(f: Form, slots: Slot[]): { form: Form; dropped: Indicator[] } {
  const bySlot = new Map<string, Indicator[]>();
  const dropped: Indicator[] = [];
  for (const ind of f.indicators) {
    const l2 = canonicalLevel2(ind.level2) ?? compact(ind.level2);
    const slot = slots.find((s) => l2.includes(s.hint));
    if (!slot) {
      dropped.push(ind);
      continue;
    }
    const list = bySlot.get(slot.hint) ?? [];
    list.push(ind);
    bySlot.set(slot.hint, list);
  }
  const indicators: Indicator[] = [];
  for (const slot of slots) {
    const inds = bySlot.get(slot.hint);
    if (!inds) continue;
    const l2 = canonicalLevel2(inds[0].level2) ?? inds[0].level2;
    indicators.push({
      id: `i${indicators.length + 1}`,
      level1: inds[0].level1,
      level2: l2,
      name: l2,
      target: carryText(pairText(inds)),
      actual: "",
      weight: null,
      enteredScore: null,
      reason: "",
      cells: {},
    });
  }
  const form: Form = { ...f, kind: "multi-project", scored: false, indicators };
  return { form, dropped };
}

// ---------- entry points ----------

/** The template options a drafted form is made with: the year the table is for and its taxonomy. */
function optionsFor(targets: Form[]): TemplateOptions {
  const opts: TemplateOptions = { taxonomy: uses2021(targets.flatMap(indicatorRows)) ? 2021 : 2020 };
  const year = targets.map(yearOf).find((y) => y !== undefined);
  if (year) opts.year = year;
  return opts;
}

function yearWarning(targets: Form[]): string[] {
  return targets.some((t) => yearOf(t) === undefined) ? ["绩效目标表没有写明年度：自评表的年度按默认（上一年）填写，请核对。"] : [];
}

/**
 * The self-evaluation drafts for the targets tables given: one per table for project and department forms, one
 * multi-project form with a row per table. Each Draft is turned into a WritePlan by buildPlan(kind, options, fill).
 */
export function draftsFromTargets(targets: Form[], opts: DraftOptions = {}): Draft[] {
  const kind = opts.kind ?? "project";
  const tables = targets.filter((t) => t.kind === "targets");
  if (kind === "multi-project") {
    if (tables.length === 0) return [];
    const options = optionsFor(tables);
    const slots = multiProjectSlots(options.taxonomy === 2021 ? 2021 : 2020);
    const warnings = yearWarning(tables);
    const fill: Form[] = [];
    for (const t of tables) {
      const { form } = carry(t, "project", opts.file);
      const row = toMultiRow(form, slots);
      fill.push(row.form);
      if (row.dropped.length) {
        const names = row.dropped.map((d) => `“${d.name || d.level2}”（${d.level2 || "未写二级指标"}）`).join("、");
        warnings.push(`项目“${form.name}”的指标 ${names} 在多项目汇总表中没有对应的栏目，未带入；如需保留，请改用单项目自评表。`);
      }
    }
    return [{ kind, options, fill, notes: [], warnings, targets: tables }];
  }
  return tables.map((t) => {
    const { form, notes } = carry(t, kind, opts.file);
    const options = optionsFor([t]);
    const warnings = yearWarning([t]);
    if (form.indicators.length === 0) warnings.push(`绩效目标表“${t.name || t.sheet}”没有绩效指标，自评表的指标表留空。`);
    return { kind, options, fill: form, notes, warnings, targets: [t] };
  });
}

/** One targets table → its project (or department) self-evaluation draft. */
export function draftFromTargets(target: Form, opts: DraftOptions = {}): Draft | null {
  return draftsFromTargets([target], opts)[0] ?? null;
}
