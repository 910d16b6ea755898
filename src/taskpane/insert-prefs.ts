// The options a form is inserted with (插入 → 选项), remembered so that forms inserted one after another keep them:
// - per workbook, in its document settings (Host.readSetting / writeSetting, saved with the file): everything;
// - per user, in the browser's localStorage (where the host has one): everything but the project's name, which
//   belongs to one workbook — carried into the next workbook it would name the wrong project. The year is taken
//   from there only within the calendar year it was saved in.
// Without either, the year is last year: self-evaluations are done in the following spring.
// Stored values are checked field by field: a hand-edited or older value can never break the pane.
import { useCallback, useRef, useState } from "react";
import type { Host, TemplateOptions } from "../sheet/host-contract";

export const SETTING_KEY = "jixiao.insert";
export const STORAGE_KEY = "jixiao.insert";

export type Where = "new-sheet" | "selection";

/** The options as the fields hold them (the year and rows as typed, so a half-typed number is kept). */
export interface InsertPrefs {
  year: string;
  unit: string;
  /** 主管部门 */
  department: string;
  project: string;
  rows: string;
  taxonomy: 2020 | 2021;
  where: Where;
}

/** What the template is made with: TemplateOptions and the 主管部门 (sent as `department`). */
export type InsertOptions = TemplateOptions & { department?: string };

const MAX_TEXT = 200;
const YEARS = [1990, 2100] as const;
const ROWS = [1, 10] as const;

export function lastYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

export function defaultPrefs(year: number): InsertPrefs {
  return { year: String(year), unit: "", department: "", project: "", rows: "2", taxonomy: 2020, where: "new-sheet" };
}

/** A typed whole number clamped to [min, max]; the fallback when the field is empty or not a number. */
export function numberIn(text: string, fallback: number, min: number, max: number): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The options a form is made with, from what the fields hold. */
export function toOptions(p: InsertPrefs, fallbackYear: number): InsertOptions {
  const options: InsertOptions = {
    year: numberIn(p.year, fallbackYear, ...YEARS),
    rows: numberIn(p.rows, 2, ...ROWS),
    taxonomy: p.taxonomy,
  };
  if (p.unit.trim()) options.unit = p.unit.trim();
  if (p.department.trim()) options.department = p.department.trim();
  if (p.project.trim()) options.project = p.project.trim();
  return options;
}

interface Stored {
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

/** `base` with the fields `s` holds. */
export function applyStored(base: InsertPrefs, s: Stored): InsertPrefs {
  return {
    year: s.year !== undefined ? String(s.year) : base.year,
    unit: s.unit ?? base.unit,
    department: s.department ?? base.department,
    project: s.project ?? base.project,
    rows: s.rows !== undefined ? String(s.rows) : base.rows,
    taxonomy: s.taxonomy ?? base.taxonomy,
    where: s.where ?? base.where,
  };
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

export interface InsertPrefsState {
  prefs: InsertPrefs;
  /** Changes fields (the officer typed); from then on a late workbook value does not override them. */
  change: (patch: Partial<InsertPrefs>) => void;
  /** Reads the workbook's remembered options once (the gallery calls it when it opens). */
  load: () => void;
  /** After an insert: the workbook and the user remember what was used. */
  remember: (used: InsertOptions, where: Where) => Promise<void>;
}

/**
 * The insert options for this pane's session: they outlive the gallery (which is loaded on demand and unmounted
 * on another tab). Start: defaults ← the user's; once the gallery opens: ← the workbook's, unless already edited.
 */
export function useInsertPrefs(host: Host, defaultYear: number): InsertPrefsState {
  const [prefs, setPrefs] = useState<InsertPrefs>(() => applyStored(defaultPrefs(defaultYear), readUserPrefs()));
  const touched = useRef(false);
  const loading = useRef(false);

  const change = useCallback((patch: Partial<InsertPrefs>) => {
    touched.current = true;
    setPrefs((p) => ({ ...p, ...patch }));
  }, []);

  const load = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    host
      .readSetting(SETTING_KEY)
      .then((raw) => {
        const s = parseStored(raw);
        if (!touched.current && Object.keys(s).length) setPrefs((p) => applyStored(p, s));
      })
      .catch(() => undefined); // nothing remembered in this workbook: the defaults and the user's stay
  }, [host]);

  const remember = useCallback(
    async (used: InsertOptions, where: Where) => {
      const s = toStored(used, where);
      writeUserPrefs(s);
      try {
        await host.writeSetting(SETTING_KEY, JSON.stringify(s));
      } catch {
        // the form is in; only the memory of its options is lost
      }
    },
    [host],
  );

  return { prefs, change, load, remember };
}
