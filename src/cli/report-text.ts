// The default, human report in Chinese: per file and form, kind and name, 执行率, 总分 entered and computed, 等级,
// then the findings sorted by severity, each with its cell and message.
//
// Everything that came from a file — its name, sheet names, form names, the cell texts quoted in messages — goes
// through terminalText: control, escape and bidi characters and line breaks are shown as visible escapes and long
// texts are cut, so a file can neither forge a line of this report ("没有发现问题。", a summary) nor drive the
// terminal. Numbers that are not finite (NaN, Infinity from a damaged cell) are shown as "—", never as figures.

import type { Severity } from "../domain/model";
import type { CheckedForm, FileResult, Skipped } from "./results";
import { kindName, SEVERITY_NAMES } from "../domain/names";
import { openPart } from "../domain/progress";
import { terminalText } from "../sheet/safe-text";
import { sortFindings } from "./report-json";

/** Longest file, sheet or form name shown; longest message. */
const NAME_MAX = 120;
const MESSAGE_MAX = 400;

const SEVERITY_LABEL = (s: Severity): string => SEVERITY_NAMES[s].zh;

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

function pct(x: number | null | undefined): string {
  return finite(x) ? `${(Math.round(x * 10000) / 100).toString()}%` : "—";
}

function num(x: number | null | undefined): string {
  return finite(x) ? String(Math.round(x * 100) / 100) : "—";
}

const name = (s: string): string => terminalText(s, NAME_MAX);

function formLines({ form, evaluation: ev }: CheckedForm): string[] {
  const lines: string[] = [];
  const where = form.projectRow !== undefined ? `第 ${form.projectRow} 行 ` : "";
  lines.push(`  [${name(form.sheet)}] ${kindName(form.kind)}：${where}${form.name ? name(form.name) : "（未写名称）"}`);
  if (ev.funds && ev.funds.spent == null && ev.funds.enteredRate == null && ev.funds.budget != null) {
    lines.push(`    预算数 ${num(ev.funds.budget)} ${terminalText(form.funds?.moneyUnit ?? "万元", 20)}`);
  } else if (ev.funds && (ev.funds.budget != null || ev.funds.spent != null)) {
    const parts = [`执行率 ${pct(ev.funds.rate)}`];
    if (ev.funds.enteredRate != null) parts.push(`（填写 ${pct(ev.funds.enteredRate)}）`);
    if (ev.funds.score != null || ev.funds.enteredScore != null) {
      parts.push(`；执行率得分 ${num(ev.funds.score)}${ev.funds.enteredScore != null ? `（填写 ${num(ev.funds.enteredScore)}）` : ""}`);
    }
    lines.push(`    ${parts.join("")}`);
  }
  if (ev.total) {
    const t = ev.total;
    const eg = t.enteredGrade ? `（填写 ${terminalText(t.enteredGrade, 20)}）` : "";
    const grade = t.grade && finite(t.computed) ? `；等级 ${t.grade}` : "";
    if (t.complete) lines.push(`    总分 填写 ${num(t.entered)}，计算 ${num(t.computed)}${grade}${eg}`);
    // Until the form is complete its total is provisional, and no grade is given as if final.
    else lines.push(`    总分 暂计 ${num(t.computed)}（${openPart(t)}），填写 ${num(t.entered)}；等级 待完成${eg}`);
  }
  const fs = sortFindings(ev.findings);
  if (fs.length === 0) {
    lines.push(ev.ready ? "    没有发现问题，可以提交。" : "    没有发现问题，但表格尚未填完。");
    return lines;
  }
  const count = (s: Severity): number => fs.filter((f) => f.severity === s).length;
  lines.push(`    发现 ${fs.length} 个问题：错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}`);
  for (const f of fs) {
    const cell = f.cell ? terminalText(f.cell, 16) : "—";
    lines.push(`      ${SEVERITY_LABEL(f.severity)}  ${cell.padEnd(5)} ${terminalText(f.message, MESSAGE_MAX)}`);
  }
  return lines;
}

export function textReport(r: FileResult): string[] {
  if (r.error) return [`✗ ${terminalText(r.file, 300)}：无法检查——${terminalText(r.error, MESSAGE_MAX)}`];
  return [`■ ${terminalText(r.file, 300)}`, ...r.forms.flatMap(formLines), ""];
}

export function skippedLine(e: { file: string; skip: string }): string {
  return `- ${terminalText(e.file, 300)}：${terminalText(e.skip, MESSAGE_MAX)}`;
}

export function summaryLine(results: FileResult[], skipped: Skipped[] = []): string {
  const forms = results.flatMap((r) => r.forms);
  const findings = forms.flatMap((f) => f.evaluation.findings);
  const bad = results.filter((r) => r.error).length;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const skip = skipped.length ? `；另有 ${skipped.length} 个文件不是工作簿，未检查` : "";
  return `共检查 ${results.length} 个文件、${forms.length} 张表：错误 ${errors} 个，警告 ${warnings} 个${bad ? `；${bad} 个文件无法读取` : ""}${skip}。`;
}
