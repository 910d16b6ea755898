// The bounds on the work one file can cause, and the error that says a file went past one. A real 绩效 workbook
// is a few hundred KB with a few thousand cells; the limits sit far above that and far below what would hurt the
// batch (the goal: every file answered within 10 s, the whole run under 1 GB).

export interface Limits {
  /** Size of the file on disk. Bigger files are refused before anything but their first bytes is read. */
  fileBytes: number;
  /** Entries in a zip package (xlsx, xlsm, ods). */
  zipEntries: number;
  /** Compressed size of one part that is read. */
  partCompressedBytes: number;
  /** Bytes one part really inflates to, counted while inflating (zip headers can lie). */
  partBytes: number;
  /** Bytes all the parts read inflate to, together. */
  totalBytes: number;
  /** Worksheets in a workbook. */
  sheets: number;
  /** Cells (and row records) in the whole workbook. */
  cells: number;
  /** Merged areas in the whole workbook. */
  merges: number;
  /** Cells covered by merged areas after they are clipped to the filled part of their sheet. */
  mergedCells: number;
  /** Characters of text a file's results may hold (every string the report could print, added up). */
  outputChars: number;
  /** Longest string kept in the results; longer ones are cut and marked. */
  textChars: number;
  /** Time one file may take, from opening to its results, in milliseconds. */
  timeMs: number;
  /** Heap of the worker that reads a file, in MB (V8's old generation; the young one is capped at 1/8 of it). */
  heapMb: number;
}

export const DEFAULT_LIMITS: Limits = {
  fileBytes: 256 * 1024 * 1024,
  zipEntries: 5000,
  partCompressedBytes: 48 * 1024 * 1024,
  partBytes: 48 * 1024 * 1024,
  totalBytes: 96 * 1024 * 1024,
  sheets: 500,
  cells: 300_000,
  merges: 5000,
  mergedCells: 250_000,
  outputChars: 8_000_000,
  textChars: 4000,
  timeMs: 8000,
  heapMb: 512,
};

/** A file went past a limit or is built in a way no spreadsheet program writes: it is skipped, the batch goes on. */
export class LimitError extends Error {
  constructor(
    /** What went past which limit, in Chinese, without the leading "文件过大或结构异常：". */
    readonly detail: string,
  ) {
    super(`文件过大或结构异常：${detail}，已跳过。`);
    this.name = "LimitError";
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}
