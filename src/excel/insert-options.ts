// The options a form is inserted with (年度, 单位, 主管部门, 项目名称, rows, taxonomy, where), as they are remembered:
// - per workbook, in its document settings (key SETTING_KEY, JSON, saved with the file): everything;
// - per user, in the browser's localStorage (where the host has one): everything but the project's name, which
//   belongs to one workbook; the year only within the calendar year it was saved in.
// Shared by the pane (taskpane/insert-prefs.ts, which keeps the fields as typed) and the ribbon's 插入 (actions.ts),
// so forms inserted one after another keep their options whichever way they were inserted. Stored values are checked
// field by field: a hand-edited or older value can never break an insert. No Office.js here.
import type { TemplateOptions } from "../domain/templates/options";

export const SETTING_KEY = "jixiao.insert";
export const STORAGE_KEY = "jixiao.insert";

export type Where = "new-sheet" | "selection";

/** What a template is made with (TemplateOptions, the 主管部门 among them). */
export type InsertOptions = TemplateOptions;

export const MAX_TEXT = 200;
export const YEARS = [1990, 2100] as const;
export const ROWS = [1, 10] as const;
export const DEFAULT_ROWS = 2;

/** The year being evaluated by default: last year (self-evaluations are done in the following spring). */
export function lastYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

export interface Stored {
  year?: number;
  unit?: string;
  department?: string;
  project?: string;
  rows?: number;
  taxonomy?: 2020 | 2021;
  where?: Where;
  /** The calendar year it was saved in (per user only). */
  savedIn?: number;
}

/** What was used for an insert, as it is stored. */
export function toStored(o: InsertOptions, where: Where): Stored {
  return {
    year: o.year,
    unit: o.unit ?? "",
    department: o.department ?? "",
    project: o.project ?? "",
    rows: o.rows,
    taxonomy: o.taxonomy,
    where,
  };
}

const whole = (v: unknown, [min, max]: readonly [number, number]) =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
const text = (v: unknown) => (typeof v === "string" && v.length <= MAX_TEXT ? v.trim() : undefined);

/** The valid fields of a stored value (JSON text); nothing when it is missing or cannot be read. */
export function parseStored(json: string | null | undefined): Stored {
  if (!json || json.length > 10_000) return {};
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return {};
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  const o = v as Record<string, unknown>;
  const out: Stored = {};
  const year = whole(o.year, YEARS);
  if (year !== undefined) out.year = year;
  for (const k of ["unit", "department", "project"] as const) {
    const t = text(o[k]);
    if (t !== undefined) out[k] = t;
  }
  const rows = whole(o.rows, ROWS);
  if (rows !== undefined) out.rows = rows;
  if (o.taxonomy === 2020 || o.taxonomy === 2021) out.taxonomy = o.taxonomy;
  if (o.where === "new-sheet" || o.where === "selection") out.where = o.where;
  const savedIn = whole(o.savedIn, [1990, 9999]);
  if (savedIn !== undefined) out.savedIn = savedIn;
  return out;
}

/** The browser's localStorage, or null where the host has none or refuses it (a locked-down webview). */
function storage(): Storage | null {
  try {
    const s = (globalThis as { localStorage?: Storage }).localStorage;
    return s && typeof s.getItem === "function" ? s : null;
  } catch {
    return null;
  }
}

/** The user's remembered options (no project; the year only from the same calendar year). */
export function readUserPrefs(now: Date = new Date()): Stored {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return {};
  }
  const s = parseStored(raw);
  delete s.project;
  if (s.savedIn !== now.getFullYear()) delete s.year;
  return s;
}

export function writeUserPrefs(s: Stored, now: Date = new Date()): void {
  const { project: _project, ...rest } = s;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify({ ...rest, savedIn: now.getFullYear() }));
  } catch {
    // storage full or switched off: the workbook still remembers
  }
}

/**
 * The options to insert with, from what is remembered: the workbook's over the user's, the year defaulting to last
 * year, two rows per 二级 and 财预〔2020〕10号 when nothing says otherwise. Empty names are left out.
 */
export function rememberedOptions(workbook: Stored, user: Stored, now: Date = new Date()): InsertOptions {
  const s: Stored = { ...user, ...workbook };
  const options: InsertOptions = {
    year: s.year ?? lastYear(now),
    rows: s.rows ?? DEFAULT_ROWS,
    taxonomy: s.taxonomy ?? 2020,
  };
  if (s.unit) options.unit = s.unit;
  if (s.department) options.department = s.department;
  if (s.project) options.project = s.project;
  return options;
}
