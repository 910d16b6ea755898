// One name for each thing the user sees: the form kinds and the severities, in Chinese and English. The pane, the
// ribbon's dialogs, the CLI and the templates all take their wording from here.
import type { FormKind, Severity } from "./model";

export interface KindName {
  /** The form's official title, as the 插入 menu, the pane and the CLI name it. */
  zh: string;
  en: string;
}

export const KIND_NAMES: Record<FormKind, KindName> = {
  project: { zh: "项目支出绩效自评表", en: "Project expenditure self-evaluation form" },
  department: { zh: "部门整体支出绩效自评表", en: "Department overall expenditure self-evaluation form" },
  "department-goals": { zh: "部门整体绩效自评表（按年度目标）", en: "Department self-evaluation form by annual goals" },
  "multi-project": { zh: "部门预算项目绩效自评表（多项目汇总）", en: "Multi-project self-evaluation summary" },
  report: { zh: "整体支出绩效自评报告表", en: "Overall expenditure self-evaluation report tables" },
  targets: { zh: "项目绩效目标表", en: "Project performance targets table" },
};

export const SEVERITY_NAMES: Record<Severity, KindName> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Note" },
};

/** The Chinese name of a kind (the title most messages use). */
export const kindName = (kind: FormKind): string => KIND_NAMES[kind].zh;
