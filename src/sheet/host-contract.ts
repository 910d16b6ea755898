// The contract between the task pane (taskpane/) and a workbook: the pane calls these, excel/ implements them
// over Office.js (and, in tests and the preview, over the fake workbook). Pure types, kept in sheet/ so that the
// implementation below the pane and the pane itself both point down to it.

import type { Evaluation, Form, FormKind } from "../domain/model";
import type { TemplateOptions } from "../domain/templates/options";

export type { TemplateOptions };

export interface SheetState {
  sheet: string; // active worksheet name
  /** A form the add-in made or has bound: its evaluation. */
  evaluations: Evaluation[];
  /** The reader found a form the add-in did not make: the pane offers to bind it. */
  adoptable: boolean;
  bound: boolean;
  /** Why nothing could be read (Chinese), when so. */
  problem?: string;
  /** What 检查本表 compared with the approved targets tables of the workbook (set once it has looked). */
  targets?: TargetsComparison;
}

/** The comparison of the sheet's forms with the 绩效目标表 they were made from (issue #14 item 2). */
export interface TargetsComparison {
  /** Each form paired with a targets table of this workbook: the target-changed findings are among its findings. */
  compared: { form: string; table: string; sheet: string; by: "source" | "code" | "name" }[];
  /** Forms that could not be paired because several tables fit (Chinese): not compared. */
  notes: string[];
}

/** The 绩效目标表 of the workbook, for 插入 → 从绩效目标表生成. */
export interface TargetsTables {
  /** Every targets table the reader found on the visible sheets, in sheet order. */
  tables: Form[];
  /** Sheets that were not looked at, and why (Chinese): a sheet too large to read. */
  skipped: string[];
}

/** What a form made from an approved targets table is filled with (domain/from-targets: a Draft's fill and notes). */
export interface InsertFill {
  /** The Form the template is filled with (project, department), or one Form per row (multi-project). */
  form: Form | Form[];
  /** Notes for the 助手提示 column, by the filled form's indicator id ("按默认分值分配，请核对"): written marked ℹ, kept
   *  by the live loop beside its own notes until the officer deletes them. */
  notes?: { indicatorId: string; note: string }[];
}

/**
 * A failure of the live loop: the recompute that follows a change, an insert or a sheet switch, or listening for
 * changes at all. Nothing was computed; the pane shows it until the next recompute succeeds.
 */
export interface LiveError {
  /** What did not happen, why, and what to do (Chinese). */
  message: string;
  messageEn: string;
}

export interface InsertResult {
  sheet: string;
  address: string; // A1 range written
  /** Set when nothing was written: the target area holds something (the pane asks, e.g. offers a new sheet). */
  refused?: "not-empty";
  /** Why it was refused (Chinese), for the question the pane shows. */
  message?: string;
}

export interface Host {
  /**
   * Insert a template: into a new sheet, or at the selection when that area is empty. With `fill`, the template is
   * filled from a Form (a form made from a targets table) and, on a sheet of its own, named after its project.
   */
  insert(kind: FormKind, options: TemplateOptions, where: "new-sheet" | "selection", fill?: InsertFill): Promise<InsertResult>;
  /** Read the active sheet, evaluate every form on it. */
  refresh(): Promise<SheetState>;
  /**
   * 检查本表: reads the targets tables of the workbook afresh, then the active sheet; a form whose table is in the
   * workbook gains its target-changed findings (and keeps them in the live recomputes that follow).
   */
  check(): Promise<SheetState>;
  /** The 绩效目标表 on every visible sheet of the workbook (bounded: very large sheets are skipped and listed). */
  readTargets(): Promise<TargetsTables>;
  /** Bind a form the add-in did not make (adds names and metadata only). */
  adopt(): Promise<SheetState>;
  /** Select a cell on a sheet (定位). */
  select(sheet: string, cell: string): Promise<void>;
  /** Put a 检查结果 summary into the workbook as its own sheet. */
  writeSummarySheet(title: string, rows: string[][]): Promise<string>;
  /**
   * `listener` is called after every recompute (typing, paste, co-author change, sheet switch); `onError` when one
   * of them, or listening for changes, failed. Returns unsubscribe.
   */
  subscribe(listener: (state: SheetState) => void, onError?: (error: LiveError) => void): () => void;
  /** The rule profile in use. */
  profile: string;
  setProfile(name: string): Promise<void>;
  /** A value the add-in keeps in this workbook (its document settings, saved with the file); null when there is
   *  none. Keys start with "jixiao."; the pane keeps JSON text there (e.g. the insert options). */
  readSetting(key: string): Promise<string | null>;
  /** Keeps a value in this workbook's document settings (saved with the file; writes no cell). */
  writeSetting(key: string, value: string): Promise<void>;
}
