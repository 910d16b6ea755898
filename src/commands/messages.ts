// What the ribbon commands tell the user, in Chinese with an English line. Pure functions: no Office.js.
import type { FormKind, TotalResult } from "../domain/model";
import { KIND_NAMES, SEVERITY_NAMES } from "../domain/names";
import { totalText } from "../domain/progress";
import { lineText } from "../sheet/safe-text";

/** How much of a text from the workbook (a sheet name, a message quoting a cell) a dialog line shows. */
const DIALOG_TEXT = 300;

export type MessageTone = "ok" | "warning" | "error";

export interface CommandMessage {
  tone: MessageTone;
  title: string;
  /** Chinese text, one paragraph per entry. */
  lines: string[];
  /** The same in English. */
  linesEn: string[];
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  first?: { sheet: string; cell: string; message: string };
  /** Why nothing could be checked (e.g. no form on the sheet), when the excel layer says so. */
  problem?: string;
  /** Every form is complete and has no error: the only state reported as passed (docs/rules.md#ready-to-send). */
  ready: boolean;
  /** The forms not complete yet, with their provisional totals (null on an unscored form). */
  unfinished?: { name: string; total: TotalResult | null }[];
}

/** Sheet names with spaces or punctuation are quoted the way Excel writes them: '1 月'!B3. */
export function cellRef(sheet: string, cell: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** "「培训项目」暂计 62.5 分（尚有 2 项、20 分未评分）" for each form not complete yet. */
function unfinishedLines(r: CheckSummary): string[] {
  return (r.unfinished ?? []).map((u) => {
    const what = u.total ? totalText(u.total) : "表格尚未填完";
    return u.name ? `「${lineText(u.name, 80)}」${what}` : what;
  });
}

export function checkMessage(r: CheckSummary): CommandMessage {
  const title = "检查本表 / Check Sheet";
  if (r.problem && r.errors === 0 && r.warnings === 0) {
    return {
      tone: "warning",
      title,
      lines: [`没有检查：${lineText(r.problem, DIALOG_TEXT)}`],
      linesEn: ["Nothing was checked: no form could be read on this sheet."],
    };
  }
  const open = unfinishedLines(r);
  if (r.errors === 0 && r.warnings === 0) {
    // No finding is not enough: a form is ready to send only when it is also complete.
    if (r.ready) {
      return {
        tone: "ok",
        title,
        lines: ["检查通过：本表没有发现问题，可以发送。"],
        linesEn: ["No problems found on this sheet: ready to send."],
      };
    }
    return {
      tone: "warning",
      title,
      lines: ["本表尚未填完，还不能发送。", ...open],
      linesEn: ["The form is not finished yet, so it is not ready to send; its total is provisional."],
    };
  }
  const en = (n: number, severity: "error" | "warning") => `${n} ${SEVERITY_NAMES[severity].en.toLowerCase()}(s)`;
  const lines = [`发现 ${r.errors} 个${SEVERITY_NAMES.error.zh}、${r.warnings} 个${SEVERITY_NAMES.warning.zh}。`];
  const linesEn = [`Found ${en(r.errors, "error")} and ${en(r.warnings, "warning")}.`];
  if (r.first) {
    const at = cellRef(lineText(r.first.sheet, 40), r.first.cell);
    const message = lineText(r.first.message, DIALOG_TEXT);
    lines.push(`第一处 ${at}：${message}`, "已选中该单元格。打开“任务窗格”可逐条查看全部问题。");
    linesEn.push(`First: ${at} (${message})`, "That cell is selected. Open the Task Pane to review every finding.");
  }
  if (open.length) {
    lines.push(...open);
    linesEn.push("The form is not finished yet: its total is provisional.");
  }
  return { tone: r.errors > 0 ? "error" : "warning", title, lines, linesEn };
}

/** Why an action failed, for the user. Office errors carry a code; our own errors carry a Chinese message. */
export function errorMessage(err: unknown, action: string, actionEn: string): CommandMessage {
  const e = err as { message?: unknown; code?: unknown } | null | undefined;
  const detail = typeof e?.message === "string" && e.message.trim() ? e.message.trim() : String(err);
  const code = typeof e?.code === "string" ? e.code : undefined;
  const lines = [`${action}没有完成，工作表未作改动。`, `原因：${detail}`];
  const linesEn = [`${actionEn} did not complete; the sheet was left as it was.`, `Reason: ${detail}`];
  if (code === "AccessDenied" || code === "InvalidOperationInCellEditMode") {
    lines.push("请先结束单元格编辑（按 Enter 或 Esc），再试一次。");
    linesEn.push("Finish editing the cell (press Enter or Esc) and try again.");
  } else if (code) {
    lines.push(`Office 错误代码：${code}`);
    linesEn.push(`Office error code: ${code}`);
  }
  return { tone: "error", title: "绩效自评助手 / Self-Evaluation", lines, linesEn };
}

export function insertAction(kind: FormKind): { zh: string; en: string } {
  const label = KIND_NAMES[kind]; // the one table of names, as the 插入 menu shows them
  return { zh: `插入${label.zh}`, en: `Inserting the ${label.en}` };
}

/** The dialog page reads its text from the query string (see dialog.ts). */
export function toQuery(m: CommandMessage): string {
  const q = new URLSearchParams();
  q.set("tone", m.tone);
  q.set("title", m.title);
  for (const l of m.lines) q.append("zh", l);
  for (const l of m.linesEn) q.append("en", l);
  return q.toString();
}

export function fromQuery(search: string): CommandMessage {
  const q = new URLSearchParams(search);
  const tone = q.get("tone");
  return {
    tone: tone === "ok" || tone === "warning" ? tone : "error",
    title: q.get("title") ?? "绩效自评助手",
    lines: q.getAll("zh"),
    linesEn: q.getAll("en"),
  };
}
