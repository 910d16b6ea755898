// The self-evaluation report (自评报告) as data: a title, a notice when the form is not ready, and a flat list of
// blocks (headings, paragraphs, tables). The renderers in src/document turn it into .docx and clipboard HTML; the
// pane can show it. Text is kept as runs (Inline) that say where it came from, so that a renderer can treat text
// read from a file with care (escape it, cap it) and make the placeholders stand out.
import type { FormKind } from "../model";

/** Where a run of text came from. */
export type InlineRole =
  /** Our own wording (the phrasing templates) or a number we formatted from the form. */
  | "text"
  /** Text read from the form as written (names, targets, actuals, reasons, goals): escape and cap it. */
  | "form"
  /** 【请补充：…】: something the form does not hold, for the officer to write. */
  | "placeholder"
  /** A word to stress (the verdict at the top, a missing reason). */
  | "strong";

export interface Inline {
  text: string;
  role: InlineRole;
}

export type Runs = Inline[];

export interface TableColumn {
  header: string;
  /** Share of the table width, in percent; the columns of a table add up to 100. */
  width: number;
  align: "left" | "center";
}

export type Block =
  | { type: "heading"; level: 1 | 2 | 3; runs: Runs }
  | { type: "paragraph"; runs: Runs }
  /** The verdict at the top: what is missing or wrong in the form, one item per line. */
  | { type: "notice"; tone: "empty" | "incomplete" | "errors"; runs: Runs; items: Runs[] }
  | {
      type: "table";
      caption: Runs;
      columns: TableColumn[];
      rows: Runs[][];
      /** Columns whose equal neighbouring cells are shown merged, as the form shows its 一级/二级 cells. */
      mergeDown?: number[];
      note?: Runs;
    };

/** What the verdict says about the form(s) the report is drafted from (docs/rules.md#ready-to-send). */
export interface DraftVerdict {
  /** No indicator with a target (and an actual) yet: form-empty. */
  empty: boolean;
  /** Every required field, target, actual, weight and score is there. */
  complete: boolean;
  /** Complete and without error: the form may be sent. */
  ready: boolean;
  /** Error findings, first those that make the form incomplete. */
  missing: number;
  errors: number;
}

export interface ReportDraft {
  /** The form kind the outline follows (multi-project for a sheet of several projects). */
  kind: FormKind;
  sheet: string;
  title: Runs;
  /** （2021年度） and the unit, under the title. */
  subtitle: Runs[];
  blocks: Block[];
  verdict: DraftVerdict;
  /** A file name without extension, built from the title ("某项目支出绩效自评报告"). */
  fileStem: string;
}

/** Why no report can be drafted. */
export interface NoReport {
  reason: "targets" | "no-form";
  /** Chinese, for the user. */
  message: string;
}

export type DraftResult = { ok: true; draft: ReportDraft } | { ok: false; error: NoReport };
