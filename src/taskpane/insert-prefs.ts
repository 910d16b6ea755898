// The options a form is inserted with (插入 → 选项), remembered so that forms inserted one after another keep them:
// - per workbook, in its document settings (Host.readSetting / writeSetting, saved with the file): everything;
// - per user, in the browser's localStorage (where the host has one): everything but the project's name, which
//   belongs to one workbook — carried into the next workbook it would name the wrong project. The year is taken
//   from there only within the calendar year it was saved in.
// Without either, the year is last year: self-evaluations are done in the following spring.
// How they are stored and checked is shared with the ribbon's 插入 (excel/insert-options.ts); here: the fields as
// typed (a half-typed year is kept) and the pane's session of them.
import { useCallback, useRef, useState } from "react";
import {
  DEFAULT_ROWS,
  lastYear,
  parseStored,
  readUserPrefs,
  ROWS,
  SETTING_KEY,
  STORAGE_KEY,
  toStored,
  writeUserPrefs,
  YEARS,
  type InsertOptions,
  type Stored,
  type Where,
} from "../excel/insert-options";
import type { Host } from "../sheet/host-contract";

export { lastYear, parseStored, SETTING_KEY, STORAGE_KEY, type InsertOptions, type Where };

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

export function defaultPrefs(year: number): InsertPrefs {
  return {
    year: String(year),
    unit: "",
    department: "",
    project: "",
    rows: String(DEFAULT_ROWS),
    taxonomy: 2020,
    where: "new-sheet",
  };
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
    rows: numberIn(p.rows, DEFAULT_ROWS, ...ROWS),
    taxonomy: p.taxonomy,
  };
  if (p.unit.trim()) options.unit = p.unit.trim();
  if (p.department.trim()) options.department = p.department.trim();
  if (p.project.trim()) options.project = p.project.trim();
  return options;
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
