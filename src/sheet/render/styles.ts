// Template style keys → plan cell styles. One place for the look of every form.
import type { CellStyle } from "../plan";
import type { StyleKey } from "../../domain/templates/types";

const DERIVED = "#F2F2F2";
const HEADER = "#E7E6E6";

const base: CellStyle = { size: 10, valign: "middle", wrap: true, border: true };

export const STYLES: Record<StyleKey, CellStyle> = {
  title: { size: 16, bold: true, align: "center", valign: "middle", wrap: true },
  subtitle: { size: 11, align: "center", valign: "middle" },
  caption: { size: 10, align: "left", valign: "middle", wrap: true },
  captionRight: { size: 10, align: "right", valign: "middle" },
  label: { ...base, bold: true, align: "center" },
  labelLeft: { ...base, bold: true, align: "left" },
  header: { ...base, bold: true, align: "center", fill: HEADER },
  text: { ...base, align: "center", numFmt: "@", locked: false },
  textLeft: { ...base, align: "left", valign: "top", numFmt: "@", locked: false },
  textCell: { ...base, align: "left", numFmt: "@", locked: false },
  amount: { ...base, align: "right", numFmt: "#,##0.00", locked: false },
  percentInput: { ...base, align: "center", numFmt: "0.00%", locked: false },
  weight: { ...base, align: "center", numFmt: "0.##", locked: false },
  score: { ...base, align: "center", numFmt: "0.00", locked: false },
  derivedAmount: { ...base, align: "right", numFmt: "#,##0.00", fill: DERIVED },
  derivedPercent: { ...base, align: "center", numFmt: "0.00%", fill: DERIVED },
  derivedScore: { ...base, align: "center", numFmt: "0.00", fill: DERIVED },
  derivedText: { ...base, align: "center", fill: DERIVED },
  footerField: { size: 10, align: "left", valign: "middle", wrap: true, numFmt: "@", locked: false },
  note: { size: 9, align: "left", valign: "top", wrap: true },
};

/** Flag colours for conditional formats. */
export const FLAG_STYLE = {
  error: { fill: "#FFC7CE", color: "#9C0006" },
  warning: { fill: "#FFEB9C", color: "#9C5700" },
};
