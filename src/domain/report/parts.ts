// The parts every outline shares: funds, the indicators by 一级 with their table, deviations, conclusion. Each
// returns blocks built from one form's Evaluation and the phrasing templates; nothing is stated that the form
// does not hold, and what it does not hold is a placeholder.
import type { Evaluation, Form, IndicatorResult, NumField, ParsedValue, Status, SumGroup } from "../model";
import { gradeFor, gradeLabel, parseGrade } from "../grade";
import { openPart } from "../progress";
import { getProfile, type Profile } from "../profiles";
import { canonicalLevel1 } from "../taxonomy";
import { compact, isBlank, isEmptyReason } from "../text";
import type { Block, Runs, TableColumn } from "./model";
import type { PhraseKey } from "./phrases";
import { fill, formatNumber, formatPercent, formText, join, placeholder, plain, strong, text, word } from "./runs";
import type { FormVerdict } from "./verdict";

/** Numbers the tables of one report ("表1", "表2", …). */
export interface TableCounter {
  next: number;
}

export const profileOf = (ev: Evaluation): Profile => getProfile(ev.profile);

export const paragraph = (runs: Runs): Block => ({ type: "paragraph", runs });
export const heading = (level: 1 | 2 | 3, runs: Runs): Block => ({ type: "heading", level, runs });

/** A form text when it says something, else null ("无", "/", blanks say nothing). */
export function said(s: string | null | undefined): string | null {
  return s == null || isEmptyReason(s) ? null : s;
}

// ---------- funds ----------

function amount(f: Form, value: number): Runs {
  return fill("amount", { value: formatNumber(value), unit: f.funds?.moneyUnit ?? "万元" });
}

/** An amount field: its value, or a placeholder when the form has the field but it is blank. */
function amountOrPlaceholder(f: Form, field: NumField, label: string, value: number | null = field.value): Runs {
  return value != null ? amount(f, value) : [placeholder(fill("phAmount", { label }))];
}

/** The funds sentences: budget, spending, rate (and its score on scored forms), the parts that add up. */
export function fundsBlocks(ev: Evaluation, style: "full" | "plain", counter: TableCounter): Block[] {
  const f = ev.form;
  const funds = f.funds;
  const r = ev.funds;
  if (!funds || !r) return [paragraph([placeholder(fill("phAmount", { label: "预算数和执行数" }))])];
  const profile = profileOf(ev);
  const clauses: Runs[] = [];
  if (style === "full" && funds.initialBudget)
    clauses.push(fill("fundsInitial", { amount: amountOrPlaceholder(f, funds.initialBudget, "年初预算数") }));
  const budgetLabel = style === "full" ? "全年预算数" : "预算数";
  const spentLabel = style === "full" ? "全年执行数" : "执行数";
  clauses.push(fill(style === "full" ? "fundsBudget" : "fundsBudgetPlain", { amount: amountOrPlaceholder(f, funds.budget, budgetLabel, r.budget) }));
  clauses.push(fill(style === "full" ? "fundsSpent" : "fundsSpentPlain", { amount: amountOrPlaceholder(f, funds.spent, spentLabel, r.spent) }));
  clauses.push(r.rate != null ? fill("fundsRate", { rate: formatPercent(r.rate) }) : fill("fundsRateUnknown"));
  if (r.weight != null) {
    const score = r.enteredScore ?? r.score;
    if (score != null) clauses.push(fill("fundsScore", { weight: r.weight, score }));
  }
  const year = yearOf(f);
  const sentence: Runs = [...(year ? fill("fundsYear", { year }) : []), ...join(clauses, "，"), text("。")];
  if (r.rate != null && r.enteredRate != null && Math.abs(r.rate - r.enteredRate) > 0.0001 + 1e-9)
    sentence.push(...fill("fundsRateEntered", { entered: formatPercent(r.enteredRate) }));
  if (r.rate != null && r.rate < profile.executionThreshold - 1e-9)
    sentence.push(...fill("fundsLow", { threshold: formatPercent(profile.executionThreshold) }));
  const blocks: Block[] = [paragraph(sentence)];
  blocks.push(...sumBlocks(f, funds.sums, counter));
  return blocks;
}

/** The parts that add up to a total: sentences, or one table when several groups share long part labels
 *  (seed 003's 资金使用情况 by 职能). Blank and zero parts are left out of sentences. */
function sumBlocks(f: Form, sums: SumGroup[], counter: TableCounter): Block[] {
  const out: Block[] = [];
  const key = (g: SumGroup) => g.parts.map((p) => compact(p.label)).join("|");
  const tabled = new Set<SumGroup>();
  for (const g of sums) {
    if (tabled.has(g) || g.parts.length < 2) continue;
    const same = sums.filter((h) => key(h) === key(g));
    if (same.length >= 2 && g.parts.some((p) => compact(p.label).length > 12)) {
      for (const h of same) tabled.add(h);
      out.push(sumTable(f, same, counter));
    }
  }
  for (const g of sums) {
    if (tabled.has(g)) continue;
    const parts = g.parts.filter((p) => p.value != null && p.value !== 0);
    if (!parts.length || g.total.value == null) continue;
    // One part that is the whole total says nothing the total does not.
    if (parts.length === 1 && Math.abs((parts[0].value ?? 0) - g.total.value) < 0.005) continue;
    const partRuns = join(parts.map((p) => fill("fundsPart", { label: formText(p.label), amount: amount(f, p.value ?? 0) })), word("nameSeparator"));
    const same = compact(g.label) === compact(g.total.label);
    out.push(
      paragraph(
        same
          ? fill("fundsGroupSame", { totalLabel: formText(g.total.label), total: amount(f, g.total.value), parts: partRuns })
          : fill("fundsGroup", { group: formText(g.label), totalLabel: formText(g.total.label), total: amount(f, g.total.value), parts: partRuns }),
      ),
    );
  }
  return out;
}

function sumTable(f: Form, groups: SumGroup[], counter: TableCounter): Block {
  const unit = f.funds?.moneyUnit ?? "万元";
  const n = groups.length;
  const first = Math.max(30, 100 - n * 15);
  const rest = (100 - first) / n;
  const columns: TableColumn[] = [
    { header: word("fundsTableItem"), width: first, align: "left" },
    ...groups.map((g) => ({ header: plain([formText(g.label)]), width: rest, align: "center" as const })),
  ];
  const cell = (v: number | null): Runs => [text(v == null ? word("empty") : formatNumber(v))];
  const rows: Runs[][] = groups[0].parts.map((p, i) => [[formText(p.label)], ...groups.map((g) => cell(g.parts[i]?.value ?? null))]);
  rows.push([[formText(groups[0].total.label)], ...groups.map((g) => cell(g.total.value))]);
  return { type: "table", caption: fill("indicatorTableCaption", { n: counter.next++, caption: fill("fundsTableCaption", { unit }) }), columns, rows };
}

export function yearOf(f: Form): string | null {
  if (f.year) return String(f.year);
  const y = f.fields?.year?.value;
  const m = y ? /(\d{4})/.exec(y) : null;
  return m ? m[1] : null;
}

// ---------- indicators ----------

/** The rows that are indicators: a template row with nothing but its 一级/二级 is not
 *  (docs/rules.md#indicator-rows). */
export function indicatorRows(ev: Evaluation): IndicatorResult[] {
  return ev.indicators.filter((r) => {
    const i = r.indicator;
    return !(isBlank(i.name) && isBlank(i.target) && isBlank(i.actual) && i.weight == null && i.enteredScore == null);
  });
}

/** The 三级 name as written, or the 二级 where the form has no 三级 (multi-project rows). */
export function nameOf(r: IndicatorResult): string {
  const i = r.indicator;
  return !isBlank(i.name) ? i.name : !isBlank(i.level2) ? i.level2 : i.level1;
}

const STATUS_WORD: Record<Status, PhraseKey> = {
  met: "statusMet",
  exceeded: "statusExceeded",
  partial: "statusPartial",
  missed: "statusMissed",
  "not-applicable": "statusNotApplicable",
  missing: "statusMissing",
  unknown: "statusUnknown",
};
const STATUS_ORDER: Status[] = ["met", "exceeded", "partial", "missed", "not-applicable", "missing", "unknown"];

export function statusCounts(rows: IndicatorResult[]): Runs {
  const parts: Runs[] = [];
  for (const s of STATUS_ORDER) {
    const n = rows.filter((r) => r.status === s).length;
    if (n) parts.push(fill("statusCount", { status: word(STATUS_WORD[s]), count: String(n) }));
  }
  return join(parts, "，");
}

/** The score the form shows for an indicator: the officer's, else the rule's. */
export function shownScore(r: IndicatorResult): number | null {
  return r.indicator.enteredScore ?? r.score;
}

interface Level1Group {
  name: string;
  rows: IndicatorResult[];
}

export function byLevel1(rows: IndicatorResult[]): Level1Group[] {
  const groups = new Map<string, Level1Group>();
  for (const r of rows) {
    const raw = r.indicator.level1;
    const name = canonicalLevel1(raw) ?? (isBlank(raw) ? "其他指标" : raw.trim());
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, rows: [] }));
    g.rows.push(r);
  }
  return [...groups.values()];
}

function valueRuns(s: string): Runs {
  return isBlank(s) ? [strong("（未填写）")] : [formText(s)];
}

/** One sentence per 二级: each indicator's target and actual as written. */
function level2Lines(rows: IndicatorResult[]): Block[] {
  const order: string[] = [];
  const by = new Map<string, IndicatorResult[]>();
  for (const r of rows) {
    const k = r.indicator.level2.trim();
    if (!by.has(k)) {
      by.set(k, []);
      order.push(k);
    }
    by.get(k)!.push(r);
  }
  return order.map((level2) => {
    const items = by.get(level2)!.map((r) => {
      const i = r.indicator;
      const noName = isBlank(i.name) || compact(i.name) === compact(i.level2);
      return noName
        ? fill("indicatorItemNoName", { target: valueRuns(i.adjustedTarget || i.target), actual: valueRuns(i.actual) })
        : fill("indicatorItem", { name: formText(i.name), target: valueRuns(i.adjustedTarget || i.target), actual: valueRuns(i.actual) });
    });
    const label = isBlank(level2) ? [text(word("colLevel3"))] : [formText(level2)];
    return paragraph(fill("level2Line", { level2: label, items: join(items, word("listSeparator")) }));
  });
}

/** The indicators by 一级: a numbered heading per 一级, its count and scores, the lines per 二级. */
export function level1Blocks(ev: Evaluation, rows: IndicatorResult[], headingLevel: 2 | 3): Block[] {
  const out: Block[] = [];
  const scored = ev.form.scored;
  byLevel1(rows).forEach((g, k) => {
    out.push(heading(headingLevel, fill("h3Level1", { n: String(k + 1), level1: formText(g.name) })));
    let weights: Runs = [];
    if (scored) {
      const declared = g.rows.find((r) => r.indicator.level1Weight != null)?.indicator.level1Weight ?? null;
      const sumW = g.rows.reduce((s, r) => s + (r.indicator.weight ?? 0), 0);
      const weight = declared ?? (g.rows.some((r) => r.indicator.weight != null) ? sumW : null);
      const active = g.rows.filter((r) => r.status !== "not-applicable");
      const allScored = active.every((r) => shownScore(r) != null);
      const score = active.reduce((s, r) => s + (shownScore(r) ?? 0), 0);
      if (weight != null && allScored) weights = fill("level1Weights", { weight, score });
      else if (weight != null)
        weights = [...fill("level1Weights", { weight, score }), strong(`（尚有${active.filter((r) => shownScore(r) == null).length}项未评分）`)];
    }
    out.push(paragraph(fill("level1Summary", { level1: formText(g.name), count: String(g.rows.length), weights, statuses: statusCounts(g.rows) })));
    out.push(...level2Lines(g.rows));
  });
  return out;
}

/** The table of indicators: target, actual, 分值, 得分 (scored forms) and 完成情况; the 执行率 row and 总分 row
 *  on scored forms. Columns the form does not have (三级 on a multi-project row) are left out. */
export function indicatorTable(ev: Evaluation, rows: IndicatorResult[], caption: Runs, counter: TableCounter, withTotals: boolean): Block {
  const scored = ev.form.scored;
  const withLevel3 = rows.some((r) => !isBlank(r.indicator.name) && compact(r.indicator.name) !== compact(r.indicator.level2));
  const cols: [PhraseKey, number, "left" | "center"][] = [
    ["colLevel1", 9, "center"],
    ["colLevel2", 10, "center"],
    ...(withLevel3 ? ([["colLevel3", 22, "left"]] as [PhraseKey, number, "left"][]) : []),
    ["colTarget", 15, "left"],
    ["colActual", 15, "left"],
    ...(scored ? ([["colWeight", 8, "center"], ["colScore", 8, "center"]] as [PhraseKey, number, "center"][]) : []),
    ["colStatus", 11, "center"],
  ];
  const total = cols.reduce((s, c) => s + c[1], 0);
  const columns: TableColumn[] = cols.map(([k, w, align]) => ({ header: word(k), width: Math.round((w / total) * 1000) / 10, align }));
  const dash = (): Runs => [text(word("empty"))];
  const num = (v: number | null): Runs => (v == null ? dash() : [text(formatNumber(v))]);
  const out: Runs[][] = [];
  const r0 = ev.funds;
  if (scored && withTotals && r0 && r0.weight != null) {
    out.push([
      [text(word("rowExecution"))],
      dash(),
      ...(withLevel3 ? [dash()] : []),
      dash(),
      r0.rate != null ? [text(formatPercent(r0.rate))] : dash(),
      num(r0.weight),
      num(r0.enteredScore ?? r0.score),
      dash(),
    ]);
  }
  for (const r of rows) {
    const i = r.indicator;
    const row: Runs[] = [
      [formText(canonicalLevel1(i.level1) ?? i.level1)],
      [formText(i.level2)],
      ...(withLevel3 ? [isBlank(i.name) || compact(i.name) === compact(i.level2) ? dash() : [formText(i.name)]] : []),
      valueRuns(i.adjustedTarget || i.target),
      valueRuns(i.actual),
    ];
    if (scored) row.push(num(i.weight), num(shownScore(r)));
    row.push([text(word(STATUS_WORD[r.status]))]);
    out.push(row);
  }
  if (scored && withTotals && ev.total) {
    const weights = ev.form.weightTotal?.value ?? rows.reduce((s, r) => s + (r.indicator.weight ?? 0), 0) + (r0?.weight ?? 0);
    const shown = ev.total.entered ?? ev.total.computed;
    out.push([[text(word("rowTotal"))], [], ...(withLevel3 ? [[]] : []), [], [], num(weights), num(shown), []]);
  }
  const block: Block = { type: "table", caption: fill("indicatorTableCaption", { n: String(counter.next++), caption }), columns, rows: out, mergeDown: [0, 1] };
  const differs = ev.findings.filter((f) => f.code === "score-differs-from-rule" && rows.some((r) => r.id === f.indicatorId));
  if (scored && differs.length)
    block.note = fill("tableNoteScores", {
      count: String(differs.length),
      names: join(differs.map((f) => [formText(f.indicator ?? "")]), word("nameSeparator")),
    });
  return block;
}

// ---------- deviations ----------

/** Actual ÷ target for two numbers in the same unit, as a percentage ("206%"), or null. */
function ratioOf(target: ParsedValue, actual: ParsedValue): string | null {
  if (target.kind !== "number" || actual.kind !== "number") return null;
  const t = target.wan ?? target.value;
  const a = actual.wan ?? actual.value;
  if (!(t > 0) || target.unit !== actual.unit) return null;
  return formatPercent(a / t);
}

/** The low 执行率 is explained where the engine looks for it: the funds' own cell, the shared 偏差 text, or
 *  实际完成情况. A deviation-reason-missing finding not tied to an indicator row (it is about the funds) means
 *  none of them does. */
function executionReason(ev: Evaluation): string | null {
  const missing = ev.findings.some((f) => f.code === "deviation-reason-missing" && !f.indicatorId);
  if (missing) return null;
  const f = ev.form;
  return said(f.funds?.reason?.value) ?? said(f.sharedReason?.value) ?? said(f.goals[0]?.actualText) ?? null;
}

/** 偏差原因分析及改进措施: each missed, partial or far-exceeded indicator and a low 执行率, with the reason
 *  written on the form or a placeholder; then the shared reason and the 改进措施 as written. A reason that is the
 *  shared text is quoted once, after the items, and the items point to it. */
export function deviationBlocks(ev: Evaluation, opts: { quoteShared: boolean; multi?: boolean }): Block[] {
  const out: Block[] = [];
  const profile = profileOf(ev);
  const threshold = formatPercent(profile.executionThreshold);
  const shared = said(ev.form.sharedReason?.value);
  const sharedKey = opts.multi ? "deviationSharedMulti" : "deviationShared";
  const reasonRuns = (reason: string | null, missing: Runs): Runs => {
    if (reason == null) return missing;
    if (opts.quoteShared && reason === shared) return fill("deviationSeeShared", { label: plain(fill(sharedKey, { text: "" })).replace(/：$/, "") });
    return [formText(reason)];
  };
  let n = 0;
  const r0 = ev.funds;
  if (r0?.rate != null && r0.rate < profile.executionThreshold - 1e-9) {
    n++;
    out.push(
      paragraph([
        ...fill("deviationExecution", { n: String(n), rate: formatPercent(r0.rate), threshold }),
        ...fill("deviationExecutionReason", { reason: reasonRuns(executionReason(ev), [placeholder(word("phReasonExecution"))]) }),
      ]),
    );
  }
  const rows = indicatorRows(ev);
  for (const r of rows) {
    if (!r.reasonRequired) continue;
    n++;
    const i = r.indicator;
    const ratio = r.status === "exceeded" ? ratioOf(r.target, r.actual) : null;
    const status =
      r.status === "missed"
        ? word("deviationMissed")
        : r.status === "partial"
          ? word("deviationPartial")
          : ratio
            ? plain(fill("deviationExceededRatio", { ratio }))
            : word("deviationExceeded");
    const reason = r.needsReason ? null : (said(i.reason) ?? shared);
    out.push(
      paragraph([
        ...fill("deviationIndicator", {
          n: String(n),
          name: formText(nameOf(r)),
          target: valueRuns(i.adjustedTarget || i.target),
          actual: valueRuns(i.actual),
          status,
        }),
        ...fill("deviationReason", { reason: reasonRuns(reason, [placeholder(fill("phReason", { name: nameOf(r) }))]) }),
      ]),
    );
  }
  const missingActual = rows.filter((r) => r.status === "missing");
  const unknown = rows.filter((r) => r.status === "unknown");
  if (rows.length === 0) out.push(paragraph(fill("deviationNoIndicators")));
  else if (n === 0) {
    // Only what is known is claimed: the rate when it could be computed, "all" only when every row was judged.
    const funds = r0?.rate != null ? fill("deviationFundsOk", { threshold }) : [];
    out.push(paragraph(fill(missingActual.length || unknown.length ? "deviationNoneJudged" : "deviationNone", { funds })));
  }
  const names = (list: IndicatorResult[]) => join(list.map((r) => [formText(nameOf(r))]), word("nameSeparator"));
  if (missingActual.length) out.push(paragraph(fill("deviationActualMissing", { names: names(missingActual) })));
  if (unknown.length) out.push(paragraph(fill("deviationUnknown", { names: names(unknown) })));
  if (opts.quoteShared) {
    if (shared) out.push(paragraph(fill(sharedKey, { text: formText(shared) })));
    const improvement = said(ev.form.improvement?.value);
    if (improvement) out.push(paragraph(fill(opts.multi ? "improvementMulti" : "improvementText", { text: formText(improvement) })));
    else if (n > 0) out.push(paragraph(fill("improvementText", { text: [placeholder(word("phImprovement"))] })));
  }
  return out;
}

// ---------- conclusion ----------

/** 自评结论: the total and grade of a complete scored form; a provisional total, never a grade, otherwise;
 *  the counts by status on an unscored form. */
export function conclusionBlocks(ev: Evaluation, verdict: FormVerdict, subject: "subjectProject" | "subjectDept", overall = true): Block[] {
  const out: Block[] = [];
  const profile = profileOf(ev);
  const t = ev.total;
  const rows = indicatorRows(ev);
  if (ev.form.scored && t) {
    if (verdict.complete && (t.entered ?? t.computed) != null) {
      const shown = (t.entered ?? t.computed) as number;
      const expected = gradeFor(shown, profile);
      const entered = t.enteredGrade;
      const enteredMeans = parseGrade(entered, profile);
      const grade = entered && enteredMeans === expected ? entered : gradeLabel(expected, "long");
      out.push(paragraph(fill("conclusionScored", { subject: word(subject), total: shown, grade: entered && enteredMeans === expected ? [formText(entered)] : grade })));
      const fundsScore = ev.funds?.weight != null ? (ev.funds.enteredScore ?? ev.funds.score) : null;
      const indicatorScore = rows.filter((r) => r.status !== "not-applicable").reduce((s, r) => s + (shownScore(r) ?? 0), 0);
      if (fundsScore != null && Math.abs(fundsScore + indicatorScore - shown) < 0.005)
        out.push(paragraph(fill("conclusionParts", { funds: fundsScore, indicators: indicatorScore })));
      if (t.entered != null && t.computed != null && Math.abs(t.entered - t.computed) > 0.01)
        out.push(paragraph(fill("conclusionTotalDiffers", { entered: t.entered, computed: t.computed })));
      if (entered && enteredMeans !== expected)
        out.push(paragraph(fill("conclusionGradeDiffers", { entered: formText(entered), total: shown, expected: gradeLabel(expected, "long") })));
    } else if (t.computed != null) {
      out.push(paragraph(fill("conclusionProvisional", { total: t.computed, open: openPart(t) })));
    } else out.push(paragraph(fill("conclusionNoTotal", { open: openPart(t) })));
  } else {
    if (!verdict.complete) out.push(paragraph(fill("conclusionIncompleteUnscored")));
    if (rows.length) out.push(paragraph(fill("conclusionUnscored", { count: String(rows.length), statuses: statusCounts(rows) })));
    if (ev.funds?.rate != null) out.push(paragraph(fill("conclusionUnscoredFunds", { rate: formatPercent(ev.funds.rate) })));
  }
  if (overall) out.push(paragraph(fill("conclusionOverall", { text: [placeholder(word("phConclusionText"))] })));
  return out;
}

/** 存在的问题及下一步改进措施 as written on the form, else placeholders; and 结果应用, which no form holds. */
export function problemBlocks(ev: Evaluation): Block[] {
  const problems = said(ev.form.sharedReason?.value);
  const improvement = said(ev.form.improvement?.value);
  return [
    paragraph(fill("problemsText", { text: problems ? [formText(problems)] : [placeholder(word("phProblems"))] })),
    paragraph(fill("improvementNext", { text: improvement ? [formText(improvement)] : [placeholder(word("phImprovement"))] })),
    paragraph(fill("resultUse", { text: [placeholder(word("phResultUse"))] })),
  ];
}
