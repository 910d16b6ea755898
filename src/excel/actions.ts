// What the ribbon buttons call (src/commands registers them with Office.actions.associate).

import type { FormKind, Severity, TotalResult } from "../domain/model";
import type { InsertResult } from "../sheet/host-contract";
import { createExcelHost, type ExcelHost } from "./host";
import { parseStored, readUserPrefs, rememberedOptions, SETTING_KEY, type InsertOptions } from "./insert-options";

let shared: ExcelHost | null = null;
const host = (): ExcelHost => (shared ??= createExcelHost());

/** For tests and the preview: use this host instead of a fresh one over the global Excel. */
export function setActionsHost(h: ExcelHost | null): void {
  shared = h;
}

/**
 * The options the pane's 插入 last used (年度, 单位, 主管部门, 项目名称, rows, taxonomy): the workbook's, else the user's,
 * else the defaults (last year). What is remembered cannot stop an insert: an unreadable setting is left out.
 */
export async function ribbonOptions(h: ExcelHost = host(), now: Date = new Date()): Promise<InsertOptions> {
  let raw: string | null = null;
  try {
    raw = await h.readSetting(SETTING_KEY);
  } catch {
    // no settings in this host: the user's and the defaults
  }
  return rememberedOptions(parseStored(raw), readUserPrefs(now), now);
}

/**
 * 插入 → one template kind, with the remembered options; always into a new sheet (whatever the pane's 插入位置
 * says), so nothing on the user's sheets can be touched.
 */
export async function insertFromRibbon(kind: FormKind): Promise<InsertResult> {
  const h = host();
  return h.insert(kind, await ribbonOptions(h), "new-sheet");
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  first?: { sheet: string; cell: string; message: string };
  /** Why nothing was checked (Chinese): no form on the sheet, or it could not be read. */
  problem?: string;
  /** Every form is complete and has no error: the only state reported as passed (docs/rules.md#ready-to-send). */
  ready: boolean;
  /** The forms not complete yet, with their provisional totals (null on an unscored form). */
  unfinished: { name: string; total: TotalResult | null }[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * 检查本表: every check of the engine over the active sheet's forms; selects the cell of the worst problem (errors
 * before warnings; the severities of docs/rules.md#findings).
 */
export async function checkActiveSheet(): Promise<CheckSummary> {
  const h = host();
  // With the targets tables of the workbook: a form made from one of them is compared with it (target-changed).
  const state = await h.check();
  if (state.evaluations.length === 0)
    return { errors: 0, warnings: 0, ready: false, unfinished: [], problem: state.problem ?? `工作表“${state.sheet}”上没有找到绩效自评表。请先插入一张表，或打开含有自评表的工作表。` };
  const findings = state.evaluations.flatMap((e) => e.findings);
  const ready = state.evaluations.every((e) => e.ready);
  const unfinished = state.evaluations
    .filter((e) => !e.complete)
    .map((e) => ({ name: e.form.name || e.form.unit || "", total: e.total }));
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const worst = findings
    .filter((f) => f.severity !== "info" && f.cell)
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])[0];
  if (!worst?.cell) return { errors, warnings, ready, unfinished };
  const sheet = worst.sheet ?? state.sheet;
  await h.select(sheet, worst.cell);
  return { errors, warnings, ready, unfinished, first: { sheet, cell: worst.cell, message: worst.message } };
}
