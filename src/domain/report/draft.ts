// draftReport: the self-evaluation report (自评报告) drafted from the forms of one sheet and their evaluations.
// The outline follows the kind: a project (10号 附件1), a 部门整体 form (scored, by goal, or the report tables),
// or a multi-project sheet (one section per project). A targets table has no report. Deterministic: the same
// evaluations give the same draft.
import type { Evaluation, Form, Goal } from "../model";
import { isBlank } from "../text";
import type { Block, DraftResult, DraftVerdict, ReportDraft, Runs } from "./model";
import { NO_REPORT } from "./phrases";
import {
  conclusionBlocks,
  deviationBlocks,
  fundsBlocks,
  heading,
  indicatorRows,
  indicatorTable,
  level1Blocks,
  paragraph,
  problemBlocks,
  profileOf,
  said,
  yearOf,
  type TableCounter,
} from "./parts";
import { fill, formatNumber, formatPercent, formText, join, merge, placeholder, plain, text, word } from "./runs";
import { verdictOf, type FormVerdict } from "./verdict";

/** At most this many findings are listed at the top; the rest are counted. */
const NOTICE_ITEMS = 30;

export function draftReport(evaluations: readonly Evaluation[]): DraftResult {
  const forms = evaluations.filter((e) => e.form.kind !== "targets");
  if (forms.length === 0) {
    const targets = evaluations.find((e) => e.form.kind === "targets");
    if (targets) return { ok: false, error: { reason: "targets", message: NO_REPORT.targets.replace("{sheet}", () => targets.form.sheet) } };
    return { ok: false, error: { reason: "no-form", message: NO_REPORT.noForm } };
  }
  const sheet = forms[0].form.sheet;
  const verdicts = forms.map(verdictOf);
  const counter: TableCounter = { next: 1 };
  const single = forms.length === 1 && forms[0].form.kind !== "multi-project";
  const kind = single ? forms[0].form.kind : "multi-project";
  const { title, subtitle } = single ? titleOf(forms[0].form) : multiTitle(forms.map((e) => e.form));
  const blocks: Block[] = [...noticeBlocks(forms, verdicts, !single)];
  if (single) {
    const ev = forms[0];
    if (ev.form.kind === "project") blocks.push(...projectOutline(ev, verdicts[0], counter));
    else blocks.push(...departmentOutline(ev, verdicts[0], counter));
  } else blocks.push(...multiOutline(forms, verdicts, counter));
  const verdict: DraftVerdict = {
    empty: verdicts.every((v) => v.empty),
    complete: verdicts.every((v) => v.complete),
    ready: verdicts.every((v) => v.ready),
    missing: verdicts.reduce((s, v) => s + v.missing.length, 0),
    errors: verdicts.reduce((s, v) => s + v.errors.length, 0),
  };
  return { ok: true, draft: { kind, sheet, title, subtitle, blocks, verdict, fileStem: fileStem(plain(title)) } };
}

// ---------- title ----------

function nameRuns(s: string | undefined | null): Runs {
  return s && !isBlank(s) ? [formText(s)] : [placeholder(word("phName"))];
}

function titleOf(f: Form): { title: Runs; subtitle: Runs[] } {
  const key = f.kind === "project" ? "titleProject" : f.kind === "department-goals" ? "titleDepartmentGoals" : "titleDepartment";
  const name = f.name || f.fields?.name?.value || f.unit;
  const title = fill(key, { name: nameRuns(name) });
  const subtitle: Runs[] = [yearLine(f)];
  const supervisor = f.fields?.supervisor?.value;
  const implementer = f.fields?.implementer?.value;
  if (f.kind === "project" && (supervisor || implementer))
    subtitle.push(fill("subtitleUnits", { supervisor: nameRuns(supervisor), implementer: nameRuns(implementer) }));
  else if (f.kind !== "project" && f.unit && f.unit !== name) subtitle.push(fill("subtitleUnit", { unit: formText(f.unit) }));
  return { title, subtitle };
}

function yearLine(f: Form): Runs {
  const y = yearOf(f);
  return y ? fill("subtitleYear", { year: y }) : fill("subtitleNoYear", { year: [placeholder(word("phYear"))] });
}

function multiTitle(forms: Form[]): { title: Runs; subtitle: Runs[] } {
  const f = forms[0];
  const unit = forms.map((x) => x.unit).find((u) => u && !isBlank(u));
  const multi = forms.every((x) => x.kind === "multi-project");
  const title = fill(multi ? "titleMulti" : "titleForms", { name: nameRuns(multi ? unit : f.fields?.name?.value || unit || f.name) });
  return { title, subtitle: [yearLine(forms.find((x) => yearOf(x)) ?? f)] };
}

/** A file name from the title: no path or reserved characters, at most 80 characters. */
export function fileStem(title: string): string {
  // eslint-disable-next-line no-control-regex
  const s = title.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\\/:*?"<>|【】]/g, "").trim();
  return (s || "自评报告").slice(0, 80);
}

// ---------- the verdict at the top ----------

function noticeBlocks(forms: readonly Evaluation[], verdicts: FormVerdict[], named: boolean): Block[] {
  const where = fill("whereSheet", { sheet: formText(forms[0].form.sheet) });
  const items = (pick: (v: FormVerdict) => Evaluation["findings"]): Runs[] =>
    forms.flatMap((ev, k) =>
      pick(verdicts[k]).map((f) =>
        merge([
          ...(named ? fill("noticeItemProject", { project: [formText(ev.form.name || ev.form.sheet)] }) : []),
          ...fill("noticeItem", { cell: f.cell ? fill("noticeItemCell", { cell: f.cell }) : "", message: [formText(f.message)] }),
        ]),
      ),
    );
  const capped = (list: Runs[]): Runs[] =>
    list.length > NOTICE_ITEMS ? [...list.slice(0, NOTICE_ITEMS), fill("noticeMore", { count: String(list.length - NOTICE_ITEMS) })] : list;
  const out: Block[] = [];
  if (verdicts.every((v) => v.empty)) out.push({ type: "notice", tone: "empty", runs: fill("noticeEmpty", { where }), items: [] });
  else if (verdicts.some((v) => !v.complete))
    out.push({ type: "notice", tone: "incomplete", runs: fill("noticeIncomplete", { where }), items: capped(items((v) => [...v.missing, ...v.errors])) });
  else if (verdicts.some((v) => !v.ready))
    out.push({ type: "notice", tone: "errors", runs: fill("noticeErrors", { where }), items: capped(items((v) => v.errors)) });
  return out;
}

// ---------- goals ----------

function overallGoalBlocks(goals: Goal[]): Block[] {
  const out: Block[] = [];
  if (goals.length === 0) return [paragraph([placeholder(word("phGoalAbsent"))])];
  const g = goals[0];
  const goalText = goals.map((x) => x.text).filter((t) => !isBlank(t)).join("\n");
  out.push(paragraph(fill("goalText", { text: goalText ? [formText(goalText)] : [placeholder(word("phGoalText"))] })));
  const actual = said(g?.actualText);
  out.push(paragraph(fill("goalActual", { text: actual ? [formText(actual)] : [placeholder(word("phGoalActual"))] })));
  return out;
}

// ---------- project (10号 附件1) ----------

function projectOutline(ev: Evaluation, verdict: FormVerdict, counter: TableCounter): Block[] {
  const f = ev.form;
  const rows = indicatorRows(ev);
  const out: Block[] = [
    heading(1, fill("h1Basic")),
    heading(2, fill("h2Overview")),
    paragraph([placeholder(word("phProjectOverview"))]),
    heading(2, fill("h2Funds")),
    ...fundsBlocks(ev, "full", counter),
    paragraph([placeholder(word("phFundsUse"))]),
    heading(1, fill("h1Goals")),
    heading(2, fill("h2OverallGoal")),
    ...overallGoalBlocks(f.goals),
    heading(2, fill("h2Indicators")),
  ];
  if (rows.length) {
    out.push(...level1Blocks(ev, rows, 3));
    out.push(indicatorTable(ev, rows, fill("indicatorTableAll"), counter, true));
  } else out.push(paragraph(fill("noIndicators")));
  out.push(heading(1, fill("h1Deviation")), ...deviationBlocks(ev, { quoteShared: false }));
  out.push(heading(1, fill("h1Conclusion")), ...conclusionBlocks(ev, verdict, "subjectProject"));
  out.push(heading(1, fill("h1Problems")), ...problemBlocks(ev));
  return out;
}

// ---------- 部门整体: scored, by goal, report tables ----------

function departmentOutline(ev: Evaluation, verdict: FormVerdict, counter: TableCounter): Block[] {
  const f = ev.form;
  const rows = indicatorRows(ev);
  const out: Block[] = [
    heading(1, fill("h1DeptBasic")),
    heading(2, fill("h2DeptDuties")),
    paragraph([placeholder(word("phDeptDuties"))]),
    heading(2, fill("h2DeptOrg")),
    paragraph([placeholder(word("phDeptOrg"))]),
    heading(1, fill("h1DeptFunds")),
    ...fundsBlocks(ev, f.funds?.initialBudget ? "full" : "plain", counter),
    heading(1, fill("h1DeptGoals")),
  ];
  const byGoal = f.kind === "department-goals" && f.goals.length > 0;
  if (byGoal) {
    f.goals.forEach((g, k) => {
      const own = rows.filter((r) => r.indicator.goal === g.index);
      out.push(heading(2, fill("h2Goal", { n: chineseOrdinal(k + 1), index: String(g.index) })));
      out.push(paragraph(fill("goalBlockText", { text: isBlank(g.text) ? [placeholder(word("phGoalText"))] : [formText(g.text)] })));
      if (said(g.actualText)) out.push(paragraph(fill("goalActual", { text: formText(g.actualText ?? "") })));
      if (own.length) {
        out.push(...level1Blocks(ev, own, 3));
        out.push(indicatorTable(ev, own, fill("indicatorTableGoal", { index: String(g.index) }), counter, false));
      } else out.push(paragraph(fill("noIndicators")));
    });
    const loose = rows.filter((r) => !f.goals.some((g) => g.index === r.indicator.goal));
    if (loose.length) {
      out.push(heading(2, fill("h2DeptIndicators")));
      out.push(...level1Blocks(ev, loose, 3), indicatorTable(ev, loose, fill("indicatorTableAll"), counter, false));
    }
  } else {
    out.push(heading(2, fill("h2DeptOverallGoal")), ...overallGoalBlocks(f.goals));
    out.push(heading(2, fill("h2DeptIndicators")));
    if (rows.length) {
      out.push(...level1Blocks(ev, rows, 3));
      out.push(indicatorTable(ev, rows, fill("indicatorTableAll"), counter, true));
    } else out.push(paragraph(fill("noIndicators")));
  }
  out.push(heading(1, fill("h1DeptDeviation")), ...deviationBlocks(ev, { quoteShared: true }));
  out.push(heading(1, fill("h1DeptConclusion")), ...conclusionBlocks(ev, verdict, "subjectDept"));
  out.push(paragraph(fill("resultUse", { text: [placeholder(word("phResultUse"))] })));
  return out;
}

// ---------- several forms on one sheet: a multi-project sheet, or stacked forms ----------

function multiOutline(forms: readonly Evaluation[], verdicts: FormVerdict[], counter: TableCounter): Block[] {
  const multi = forms.every((e) => e.form.kind === "multi-project");
  const sheet = forms[0].form.sheet;
  const profile = profileOf(forms[0]);
  const threshold = formatPercent(profile.executionThreshold);
  const unit = forms[0].form.funds?.moneyUnit ?? "万元";
  const out: Block[] = [
    paragraph(fill(multi ? "multiIntro" : "formsIntro", { sheet: formText(sheet), count: String(forms.length) })),
    heading(1, fill("h1MultiBasic")),
    paragraph([placeholder(word("phMultiOverview"))]),
  ];
  // Totals over the projects whose budget and spending are both written.
  const both = forms.filter((e) => e.funds?.budget != null && e.funds.spent != null);
  if (both.length) {
    const budget = both.reduce((s, e) => s + (e.funds?.budget ?? 0), 0);
    const spent = both.reduce((s, e) => s + (e.funds?.spent ?? 0), 0);
    out.push(
      paragraph(
        fill("multiFunds", {
          budget: fill("amount", { value: formatNumber(budget), unit }),
          spent: fill("amount", { value: formatNumber(spent), unit }),
          rate: budget > 0 ? formatPercent(spent / budget) : word("empty"),
        }),
      ),
    );
    out.push({
      type: "table",
      caption: fill("indicatorTableCaption", { n: String(counter.next++), caption: fill("multiFundsTable", { unit }) }),
      columns: [
        { header: word("colProject"), width: 46, align: "left" },
        { header: plain(fill("colBudget", { unit })), width: 18, align: "center" },
        { header: plain(fill("colSpent", { unit })), width: 18, align: "center" },
        { header: word("colRate"), width: 18, align: "center" },
      ],
      rows: forms.map((e) => [
        [formText(e.form.name)],
        [text(e.funds?.budget != null ? formatNumber(e.funds.budget) : word("empty"))],
        [text(e.funds?.spent != null ? formatNumber(e.funds.spent) : word("empty"))],
        [text(e.funds?.rate != null ? formatPercent(e.funds.rate) : word("empty"))],
      ]),
    });
  }
  out.push(heading(1, fill("h1MultiProjects")));
  forms.forEach((ev, k) => out.push(...formSection(ev, verdicts[k], k, counter)));

  out.push(heading(1, fill("h1MultiProblems")));
  const problems = forms.filter((e) => said(e.form.sharedReason?.value));
  if (problems.length)
    for (const e of problems) {
      const improvement = said(e.form.improvement?.value);
      out.push(
        paragraph([
          ...fill("multiProblemItem", { name: formText(e.form.name), text: formText(e.form.sharedReason?.value ?? "") }),
          ...(improvement ? [text("　"), ...fill(multi ? "improvementMulti" : "improvementText", { text: formText(improvement) })] : []),
        ]),
      );
    }
  else out.push(paragraph(fill("multiNoProblems")));
  out.push(paragraph(fill("improvementNext", { text: [placeholder(word("phImprovement"))] })));
  out.push(paragraph(fill("resultUse", { text: [placeholder(word("phResultUse"))] })));

  out.push(heading(1, fill("h1MultiConclusion")));
  const low = forms.filter((e) => e.funds?.rate != null && e.funds.rate < profile.executionThreshold - 1e-9);
  const noRate = forms.filter((e) => e.funds?.rate == null);
  if (low.length)
    out.push(
      paragraph(
        fill("multiLowRates", {
          threshold,
          items: join(low.map((e) => fill("multiLowRateItem", { name: formText(e.form.name), rate: formatPercent(e.funds?.rate ?? 0) })), word("nameSeparator")),
        }),
      ),
    );
  if (noRate.length) out.push(paragraph(fill("multiRatesUnknown", { names: join(noRate.map((e) => [formText(e.form.name)]), word("nameSeparator")) })));
  if (low.length + noRate.length < forms.length) out.push(paragraph(fill(low.length || noRate.length ? "multiRatesOk" : "multiAllRatesOk", { threshold })));
  const unexplained = forms.filter((e) => e.findings.some((f) => f.code === "deviation-reason-missing" || f.code === "over-target-unexplained"));
  if (unexplained.length)
    out.push(paragraph(fill("multiReasonsMissing", { names: join(unexplained.map((e) => [formText(e.form.name)]), word("nameSeparator")) })));
  out.push(paragraph(fill("conclusionOverall", { text: [placeholder(word("phConclusionText"))] })));
  return out;
}

/** One project's (or one form's) section: funds, goal and indicators, deviations, conclusion. */
function formSection(ev: Evaluation, verdict: FormVerdict, k: number, counter: TableCounter): Block[] {
  const f = ev.form;
  const rows = indicatorRows(ev);
  const out: Block[] = [
    heading(2, fill("h2Project", { n: chineseOrdinal(k + 1), name: nameRuns(f.name) })),
    heading(3, fill("h3ProjectFunds")),
    ...fundsBlocks(ev, f.funds?.initialBudget ? "full" : "plain", counter),
    heading(3, fill("h3ProjectGoals")),
    ...overallGoalBlocks(f.goals),
  ];
  if (rows.length) out.push(indicatorTable(ev, rows, fill("indicatorTableProject", { name: formText(f.name) }), counter, true));
  else out.push(paragraph(fill("noIndicators")));
  out.push(heading(3, fill("h3ProjectDeviation")), ...deviationBlocks(ev, { quoteShared: true, multi: f.kind === "multi-project" }));
  out.push(heading(3, fill("h3ProjectConclusion")), ...conclusionBlocks(ev, verdict, "subjectProject", false));
  return out;
}

/** How many 【请补充：…】 the officer has to fill in. */
export function placeholderCount(d: ReportDraft): number {
  const count = (runs: Runs) => runs.filter((r) => r.role === "placeholder").length;
  let n = count(d.title) + d.subtitle.reduce((s, r) => s + count(r), 0);
  for (const b of d.blocks) {
    if (b.type === "table") n += count(b.caption) + b.rows.reduce((s, row) => s + row.reduce((t, c) => t + count(c), 0), 0);
    else n += count(b.runs) + (b.type === "notice" ? b.items.reduce((s, i) => s + count(i), 0) : 0);
  }
  return n;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 and more as digits. */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  return String(n);
}
