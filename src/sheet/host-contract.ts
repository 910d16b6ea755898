// The contract between the task pane (taskpane/) and a workbook: the pane calls these, excel/ implements them
// over Office.js (and, in tests and the preview, over the fake workbook). Pure types, kept in sheet/ so that the
// implementation below the pane and the pane itself both point down to it.

import type { Evaluation, FormKind } from "../domain/model";
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
  /** Insert a template: into a new sheet, or at the selection when that area is empty. */
  insert(kind: FormKind, options: TemplateOptions, where: "new-sheet" | "selection"): Promise<InsertResult>;
  /** Read the active sheet, evaluate every form on it. */
  refresh(): Promise<SheetState>;
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
