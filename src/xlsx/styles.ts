// The number format of each cell style (xl/styles.xml: cellXfs → numFmtId → a custom <numFmt> or a built-in format),
// and whether it shows a date: what a cell's `s` attribute leads to (sheet-xml.ts).

import { attr, element, startTag } from "./xml-text";

/**
 * Excel's built-in number formats by id: the ones every locale shares, and for the locale-dependent date ids
 * (27–36, 50–58) the Simplified Chinese ones, which is what Excel shows them as on our users' machines. 5–8 (currency)
 * and the Thai ids are left out: they never hold a date, and their text varies by locale.
 */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * Whether a number in this format is a date (or a time): y, m, d, h, s (or b, the Buddhist year) outside quoted text
 * and [brackets] — the rule the reader has always used (ExcelJS's), so that a cell reads as it did.
 */
export function isDateNumFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

export interface Styles {
  /** Number format of style index s (the cell's `s` attribute); undefined for General or an unknown style. */
  numFmt: (string | undefined)[];
  /** Whether style index s shows a date. */
  date: boolean[];
}

export const NO_STYLES: Styles = { numFmt: [], date: [] };

export function readStyles(xml: string): Styles {
  const custom = new Map<number, string>();
  const fmts = element(xml, "numFmts");
  if (fmts) {
    for (let t = startTag(xml, "numFmt", fmts.inner, fmts.innerEnd); t; t = startTag(xml, "numFmt", t.end, fmts.innerEnd)) {
      const id = parseInt(attr(t.attrs, "numFmtId") ?? "", 10);
      const code = attr(t.attrs, "formatCode");
      // A backslash shows the next character as it is: "0.00\%" shows "0.00%".
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code.replace(/\\(.)/g, "$1"));
    }
  }
  const out: Styles = { numFmt: [], date: [] };
  const xfs = element(xml, "cellXfs");
  if (!xfs) return out;
  for (let t = startTag(xml, "xf", xfs.inner, xfs.innerEnd); t; t = startTag(xml, "xf", t.end, xfs.innerEnd)) {
    const id = parseInt(attr(t.attrs, "numFmtId") ?? "", 10);
    const fmt = id ? custom.get(id) || BUILT_IN[id] : undefined;
    out.numFmt.push(fmt);
    out.date.push(isDateNumFmt(fmt));
  }
  return out;
}
