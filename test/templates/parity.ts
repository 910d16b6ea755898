// What the sheet's derived cells must show for a form, by the engine (evaluateForm) and the rules the formulas
// mirror (docs/rules.md): shared by the LibreOffice parity test (recalc.test.ts) and the fuzz (parity-fuzz.test.ts).
// Per row: the rule's score in the hidden 按规则得分 column (numbers and percentages only: a qualitative row has none,
// the officer scores it), whether a 偏差原因 is needed and whether it is missing, and the visible 得分 (hers, else the
// rule's). Per form: 执行率 and its score, 总分 (the visible 得分 cells, scaled when 不适用 rows are left out), the 等级
// cell (progress, 待完成 or the grade), the funds checks, whether a low 执行率 is unexplained.
import { evaluateForm } from "../../src/domain/evaluate";
import { gradeFor } from "../../src/domain/grade";
import type { Evaluation, Form } from "../../src/domain/model";
import { getProfile, NATIONAL_PROFILE, type Profile } from "../../src/domain/profiles";
import { isError, parseCellAddress, Recalculator, type FValue } from "../../src/formula";
import type { WritePlan } from "../../src/sheet/plan";
import { planFormulaCells } from "../../src/sheet/render/runs";
import { near, type Read } from "./read-back";

const round2 = (x: number) => Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;
const num = (x: number) => String(Math.round(x * 100) / 100);

/** The plan's cells (and its lists, on a lists sheet under their defined names) recalculated by src/formula. */
export function recalcPlan(plan: WritePlan): { rc: Recalculator; get: (addr: string) => Read } {
  const rc = new Recalculator();
  const sh = plan.sheetName;
  for (const c of plan.cells) {
    if (c.formula || c.value == null || c.value === "") continue;
    const p = parseCellAddress(c.addr)!;
    rc.setValue(sh, p.row, p.col, c.value);
  }
  for (const f of planFormulaCells(plan)) rc.setCell(sh, f.row, f.col, { formula: f.formula, value: null });
  plan.lists.forEach((l, i) => {
    l.values.forEach((v, k) => v !== "" && rc.setValue("JX_LISTS", k, i, v));
    rc.setName(l.name, { sheet: "JX_LISTS", r0: 0, c0: i, r1: Math.max(0, l.values.length - 1), c1: i });
  });
  rc.recalc();
  const get = (a: string): Read => {
    const p = parseCellAddress(a.replace(/:.*$/, ""))!;
    const v: FValue = rc.get(sh, p.row, p.col);
    return v === null || v === "" ? null : isError(v) ? v.error : (v as Read);
  };
  return { rc, get };
}

/** The 等级 cell's text for an evaluation: progress while under 100 points, 待完成 until complete, else the grade. */
export function expectedGradeCell(ev: Evaluation, visibleTotal: number | null, profile: Profile = NATIONAL_PROFILE): string | null {
  const t = ev.total;
  if (!t) return null;
  if (t.weightEntered < 100 - 0.01) return `分值合计 ${num(t.weightEntered)}/100`;
  if (!t.complete || visibleTotal == null) return "待完成";
  return gradeFor(visibleTotal, profile);
}

/** Every derived cell of a plan against the engine; returns the disagreements (empty when all agree). */
export function compareWithEngine(plan: WritePlan, forms: Form[], get: (addr: string) => Read, profileId = "national"): string[] {
  const profile = getProfile(profileId);
  const f = plan.fields;
  const h = plan.meta?.helpers ?? {};
  const bad: string[] = [];
  const check = (addr: string | undefined, expected: unknown, what: string) => {
    if (!addr) return;
    const got = get(addr);
    if (!near(got, expected)) bad.push(`${what} at ${addr}: sheet ${JSON.stringify(got)}, engine ${JSON.stringify(expected)}`);
  };
  const evs = forms.map((form) => evaluateForm(form, profile));
  if (plan.template.kind === "multi-project") {
    const col = (r: string) => r.replace(/\d+.*$/, "");
    plan.meta!.formRows!.forEach((row, i) => {
      const ev = evs[i];
      check(`${col(f["proj.rate"])}${row}`, ev.funds?.rate ?? null, `${ev.form.name} 执行率`);
      const explainMissing = ev.findings.some((x) => x.code === "deviation-reason-missing");
      check(`${col(f["proj.flag"])}${row}`, explainMissing ? 1 : 0, `${ev.form.name} 问题未说明`);
    });
    return bad;
  }
  const ev = evs[0];
  const form = ev.form;
  check(f["funds.rate"], ev.funds?.rate ?? null, "执行率");
  check(f["funds.score"], ev.funds?.score ?? null, "执行率得分");
  const fundsScore = plan.template.kind === "report" ? null : (ev.funds?.score ?? null);
  // 总分: the visible 得分 cells (hers, else the rule's), scaled by 100 / (100 − the 不适用 weights).
  const shown: number[] = [];
  let naWeight = 0;
  let consistent = true;
  for (const r of ev.indicators) {
    const row = plan.meta?.indicatorRows?.[r.id];
    if (!row) {
      bad.push(`${r.id} has no row`);
      continue;
    }
    const at = (k: string) => (h[k] ? `${h[k]}${row}` : undefined);
    const name = `${r.id} ${r.indicator.name} [${r.indicator.target} | ${r.indicator.actual}]`;
    const ruled = !r.tier && !["missing", "not-applicable", "unknown"].includes(r.status);
    const rule = ruled && form.scored ? r.score : null;
    if (h.rule) check(at("rule"), rule, `${name} 规则得分`);
    check(at("deviation"), r.needsReason ? 2 : r.reasonRequired ? 1 : 0, `${name} 偏差说明`);
    const visible = r.indicator.enteredScore ?? rule;
    if (f["ind.score"] || h.rule) {
      const scoreCol = Object.entries(f).find(([k]) => /^ind\d*\.score$/.test(k) && rowIn(f[k], row))?.[1];
      if (scoreCol) check(`${scoreCol.replace(/\d+.*$/, "")}${row}`, visible, `${name} 得分`);
    }
    if (visible != null) shown.push(visible);
    if (r.status === "not-applicable" && !(r.indicator.name.trim() === "" && !r.indicator.target.trim() && !r.indicator.actual.trim())) naWeight += r.indicator.weight ?? 0;
    // The engine counts the rule's score, or hers on a qualitative row (brought into its band), never a 不适用 row's.
    if (visible != null && (r.score == null || Math.abs(visible - r.score) > 0.001)) consistent = false;
    if (visible == null && r.score != null) consistent = false;
  }
  if (ev.total && f["total"]) {
    const anything = shown.length > 0 || fundsScore != null;
    const factor = naWeight > 0 && naWeight < 100 ? 100 / (100 - naWeight) : 1;
    const total = anything ? round2(((fundsScore ?? 0) + shown.reduce((s, x) => s + x, 0)) * factor) : null;
    check(f["total"], total, "总分");
    // Where every score shown is the engine's, the sheet's total is the engine's computed total.
    if (consistent && total != null && ev.total.computed != null && Math.abs(total - ev.total.computed) > 0.011)
      bad.push(`总分 ${total} ≠ engine computed ${ev.total.computed} although every score agrees`);
    // A form built without funds still gets the template's 执行率 分值 (10) in its sheet: its weights differ.
    if (form.funds || !f["funds.weight"]) check(f["grade"], expectedGradeCell(ev, total, profile), "等级");
  }
  const mismatch = (label: string) => ev.findings.some((x) => x.code === "funds-sum-mismatch" && x.message.startsWith(label));
  const groups: [string, string][] = [
    ["funds.check.income", "按收入性质分"],
    ["funds.check.expense", "按支出性质分"],
    ["funds.check.basic", "基本支出"],
  ];
  for (const [key, label] of groups) if (f[key] && get(f[key]) !== null) check(f[key], mismatch(label) ? "不符" : "相符", `${label} 核对`);
  if (f["funds.check"] && get(f["funds.check"]) !== null) {
    const any = ev.findings.some((x) => x.code === "funds-sum-mismatch");
    check(f["funds.check"], any ? "不符" : "相符", "资金来源核对");
  }
  if (f["flag.funds.rate"]) {
    const low = ev.findings.some((x) => x.code === "deviation-reason-missing" && !x.indicatorId);
    check(f["flag.funds.rate"], low, "执行率低未说明");
  }
  if (f["plan.check"] && get(f["plan.check"]) !== null) {
    const badPlan = ev.findings.some((x) => x.code === "spending-plan-invalid");
    check(f["plan.check"], badPlan ? "应逐期递增且12月底为100%" : "合规", "资金支出计划");
  }
  return bad;
}

function rowIn(range: string, row: number): boolean {
  const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
  return !!m && row >= Number(m[1]) && row <= Number(m[2]);
}

export { evaluateForm, near };
