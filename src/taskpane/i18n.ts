// The pane's strings: zh-CN (default) and en-US. Components read them through useStrings().
import { createContext, useContext } from "react";
import { FORM_KINDS, type FormKind, type Grade, type Severity, type TotalResult } from "../domain/model";
import { KIND_NAMES, SEVERITY_NAMES } from "../domain/names";
import { totalText } from "../domain/progress";

export type Locale = "zh-CN" | "en-US";

export interface Strings {
  appTitle: string;
  languageSwitch: string;
  loading: string;
  loadingPart: string;
  partFailed: string;
  partFailedHint: string;
  retry: string;
  officeMissing: string;
  officeMissingHint: string;
  excelTooOld: string;
  excelTooOldHint: string;
  startFailed: string;
  notExcel: string;
  notExcelHint: string;
  tabs: { overview: string; insert: string; check: string; rules: string };
  kinds: Record<FormKind, string>;
  kindDescriptions: Record<FormKind, string>;
  severities: Record<Severity, string>;
  grades: Record<Grade, string>;
  // overview
  noForm: string;
  noFormHint: string;
  goInsert: string;
  sheet: string;
  unit: string;
  year: string;
  rate: string;
  total: string;
  /** A total that is not final yet: "暂计 62.5 分（尚有 2 项、20 分未评分）", "… 分值合计 30/100 …". */
  provisional: (t: TotalResult) => string;
  verdicts: { ready: string; incomplete: string; errors: string };
  errors: string;
  warnings: string;
  profileInUse: string;
  runCheck: string;
  checking: string;
  // adopt / problems
  adoptTitle: string;
  adoptBody: string;
  adopt: string;
  // insert
  options: string;
  optionsSummary: (year: string, rows: string, taxonomy: string, where: string) => string;
  change: string;
  colon: string;
  optYear: string;
  optUnit: string;
  optDepartment: string;
  optProject: string;
  optRows: string;
  optRowsHint: string;
  optTaxonomy: string;
  taxonomy2020: string;
  taxonomy2021: string;
  optWhere: string;
  whereNewSheet: string;
  whereSelection: string;
  insert: string;
  insertNamed: (kind: string) => string;
  inserted: (sheet: string, address: string) => string;
  confirmTitle: string;
  confirmBody: string;
  confirmNewSheet: string;
  cancel: string;
  dismiss: string;
  // findings
  allPassed: string;
  allPassedHint: string;
  notReady: string;
  notReadyHint: string;
  notChecked: string;
  locate: string;
  locateAt: (cell: string) => string;
  noCell: string;
  summary: string;
  summaryHint: string;
  writeSheet: string;
  copyText: string;
  copied: string;
  sheetWritten: (name: string) => string;
  summaryTitle: string;
  summaryColumns: [string, string, string, string, string];
  summaryNoFindings: string;
  summaryNotReady: string;
  /** 检查本表 compared the form with its approved targets table. */
  targetsCompared: (table: string, sheet: string) => string;
  // report (自评报告)
  report: string;
  reportHint: string;
  reportMake: string;
  // from targets (从绩效目标表生成)
  fromTargets: string;
  fromTargetsDesc: string;
  fromTargetsOpen: string;
  // rules
  profile: string;
  profileChanges: string;
  profileSameAsNational: string;
  failed: (message: string) => string;
}

const GRADES_EN: Record<Grade, string> = { 优: "Excellent", 良: "Good", 中: "Fair", 差: "Poor" };
const num = (x: number): string => String(Math.round(x * 100) / 100);

/** The English of domain/progress.ts's totalText. */
function provisionalEn(t: TotalResult): string {
  const open: string[] = [];
  if (t.unscored > 0) open.push(`${t.unscored} indicator(s), ${num(t.unscoredWeight)} points not scored yet`);
  if (t.weightEntered < 100 - 0.01) open.push(`weights entered ${num(t.weightEntered)}/100`);
  const rest = open.length ? open.join("; ") : "the form is not finished";
  if (t.complete && t.computed != null) return `Total ${num(t.computed)}${t.grade ? ` (${GRADES_EN[t.grade]})` : ""}`;
  if (t.computed == null) return `Not scored yet (${rest})`;
  return `Provisional ${num(t.computed)} (${rest})`;
}

const zh: Strings = {
  appTitle: "绩效自评助手",
  languageSwitch: "English（切换为英文界面）",
  loading: "正在加载绩效自评助手…",
  loadingPart: "正在加载…",
  partFailed: "这部分界面没有加载成功。",
  partFailedHint: "可能是网络中断了。工作簿没有任何改动；网络恢复后点“重试”。",
  retry: "重试",
  officeMissing: "无法加载 Office.js。",
  officeMissingHint:
    "任务窗格需要从微软服务器加载 Office.js。请检查网络连接；如果单位网络屏蔽了 appsforoffice.microsoft.com，请联系信息中心放行，或使用世纪互联版本的加载项。",
  excelTooOld: "此版本的 Excel 无法运行绩效自评助手。",
  excelTooOldHint:
    "需要 Excel 2021、Microsoft 365、网页版 Excel 或 Mac 版 Excel（ExcelApi 1.14）。请升级 Excel，或使用命令行工具 jixiao 检查文件。",
  startFailed: "助手启动失败：",
  notExcel: "请在 Excel 中打开绩效自评助手。",
  notExcelHint:
    "这个任务窗格只能在 Excel 中运行。没有 Excel 时，可以用 npm start 打开预览页，或用命令行工具 jixiao 检查文件。",
  tabs: { overview: "概览", insert: "插入", check: "检查", rules: "规则" },
  kinds: Object.fromEntries(FORM_KINDS.map((k) => [k, KIND_NAMES[k].zh])) as Record<FormKind, string>,
  kindDescriptions: {
    project: "财预〔2020〕10号附件1：一个项目一张表，资金、年度目标、指标与评分。",
    department: "部门整体，按收入和支出性质分列资金，指标有分值和得分，附等级。",
    "department-goals": "按年度目标分块列出指标，不打分，附偏差原因和改进措施。",
    "multi-project": "一行一个项目：预算、执行率、各二级指标的指标内容与完成情况。",
    report: "自评报告附表：资金使用情况按职能汇总，指标含权重、目标值、业绩值。",
    targets: "年初申报：预算数（元）、资金支出计划、绩效目标与指标值确定依据。",
  },
  severities: { error: SEVERITY_NAMES.error.zh, warning: SEVERITY_NAMES.warning.zh, info: SEVERITY_NAMES.info.zh },
  grades: { 优: "优", 良: "良", 中: "中", 差: "差" },
  noForm: "当前工作表没有找到自评表。",
  noFormHint: "可以在“插入”中插入一张空白表，或打开财政局发来的表格。",
  goInsert: "插入自评表",
  sheet: "工作表",
  unit: "单位",
  year: "年度",
  rate: "执行率",
  total: "总分",
  provisional: totalText,
  verdicts: { ready: "可以发送", incomplete: "尚未填完", errors: "需要修改" },
  errors: SEVERITY_NAMES.error.zh,
  warnings: SEVERITY_NAMES.warning.zh,
  profileInUse: "评分规则",
  runCheck: "检查本表",
  checking: "正在检查…",
  adoptTitle: "发现一张不是由助手插入的自评表",
  adoptBody: "绑定后助手会实时计算执行率、得分和总分，并标出缺少的偏差原因。只添加名称和元数据，不改动已填写的内容。",
  adopt: "绑定本表",
  options: "选项",
  optionsSummary: (y, r, t, w) => `${y}年度 · 每组 ${r} 行 · ${t} · ${w}`,
  change: "更改选项",
  colon: "：",
  optYear: "年度",
  optUnit: "单位名称",
  optDepartment: "主管部门",
  optProject: "项目名称",
  optRows: "每个二级指标的行数",
  optRowsHint: "1–10 行，之后可插入行",
  optTaxonomy: "指标体系",
  taxonomy2020: "财预〔2020〕10号",
  taxonomy2021: "财预〔2021〕101号",
  optWhere: "插入位置",
  whereNewSheet: "新工作表",
  whereSelection: "当前选中位置",
  insert: "插入",
  insertNamed: (kind) => `插入${kind}`,
  inserted: (sheet, address) => `已插入到“${sheet}”${address}。`,
  confirmTitle: "没有在所选位置插入",
  confirmBody: "所选位置不能放下这张表（已有内容、合并单元格或超出工作表范围），工作簿没有任何改动。可以插入到新工作表，或先选一块足够大的空白区域再插入。",
  confirmNewSheet: "插入到新工作表",
  cancel: "取消",
  dismiss: "关闭",
  allPassed: "全部通过",
  allPassedHint: "没有发现评审会退回的问题，可以发送了。",
  notReady: "表格尚未填完，还不能发送",
  notReadyHint: "填完并通过检查后才能发送。",
  notChecked: "尚未检查。点击“检查本表”。",
  locate: "定位",
  locateAt: (cell) => `定位到 ${cell}`,
  noCell: "整表",
  summary: "检查结果",
  summaryHint: "发送前，可以把检查结果写入工作簿（单独一张表）或复制为文本。",
  writeSheet: "写入工作表",
  copyText: "复制文本",
  copied: "已复制到剪贴板。",
  sheetWritten: (name) => `检查结果已写入工作表“${name}”。`,
  summaryTitle: "检查结果",
  summaryColumns: ["工作表", "单元格", "严重程度", "指标", "说明"],
  summaryNoFindings: "全部通过，没有发现问题。",
  summaryNotReady: "没有发现问题，但表格尚未填完，还不能发送。",
  targetsCompared: (table, sheet) => `已与工作表“${sheet}”中的绩效目标表“${table}”比对指标值。`,
  report: "自评报告",
  reportHint: "按本表的数字起草自评报告：资金使用、各项指标完成情况、偏差原因和自评结论。表中没有的内容（项目背景、立项依据等）留作【请补充：…】。",
  reportMake: "生成自评报告",
  fromTargets: "从绩效目标表生成",
  fromTargetsDesc: "用已批复的绩效目标表生成自评表：项目名称、单位、年度、年初预算数（元换算为万元）、年度总体目标和全部指标（一级、二级、名称、指标值、分值）都已填好。",
  fromTargetsOpen: "选择绩效目标表",
  profile: "评分规则",
  profileChanges: "与全国规则的不同",
  profileSameAsNational: "按财政部全国规则评分，没有调整。",
  failed: (m) => `操作失败：${m}`,
};

const en: Strings = {
  appTitle: "Performance self-evaluation",
  languageSwitch: "English (switch back to Chinese)",
  loading: "Loading…",
  loadingPart: "Loading…",
  partFailed: "This part of the pane did not load.",
  partFailedHint: "The network may be down. Nothing in the workbook changed; click Retry once it is back.",
  retry: "Retry",
  officeMissing: "Office.js could not be loaded.",
  officeMissingHint:
    "The pane loads Office.js from Microsoft's servers. Check the network; if appsforoffice.microsoft.com is blocked, ask IT to allow it or use the 21Vianet build of the add-in.",
  excelTooOld: "This version of Excel cannot run the add-in.",
  excelTooOldHint:
    "It needs Excel 2021, Microsoft 365, Excel on the web or Excel for Mac (ExcelApi 1.14). Upgrade Excel, or check files with the jixiao command line tool.",
  startFailed: "The add-in failed to start: ",
  notExcel: "Open this add-in in Excel.",
  notExcelHint:
    "The pane runs only inside Excel. Without Excel, use the preview (npm start) or the jixiao command line tool.",
  tabs: { overview: "Overview", insert: "Insert", check: "Check", rules: "Rules" },
  kinds: Object.fromEntries(FORM_KINDS.map((k) => [k, KIND_NAMES[k].en])) as Record<FormKind, string>,
  kindDescriptions: {
    project: "National form (2020 No. 10): one project, funds, goals, indicators and scores.",
    department: "Whole department: funds by income and expense type, scored indicators, grade.",
    "department-goals": "Indicators grouped by annual goal, unscored, with reasons and improvements.",
    "multi-project": "One row per project: budget, execution rate, each indicator and its result.",
    report: "Report tables: spending by function; indicators with weight, target and result.",
    targets: "Before the year: budget (yuan), spending plan, goals and indicator values.",
  },
  severities: { error: SEVERITY_NAMES.error.en, warning: SEVERITY_NAMES.warning.en, info: SEVERITY_NAMES.info.en },
  grades: GRADES_EN,
  noForm: "No self-evaluation form on this sheet.",
  noFormHint: "Insert a blank form under Insert, or open the workbook the finance bureau sent.",
  goInsert: "Insert a form",
  sheet: "Sheet",
  unit: "Unit",
  year: "Year",
  rate: "Execution rate",
  total: "Total",
  provisional: provisionalEn,
  verdicts: { ready: "Ready to send", incomplete: "Not finished", errors: "To correct" },
  errors: `${SEVERITY_NAMES.error.en}s`,
  warnings: `${SEVERITY_NAMES.warning.en}s`,
  profileInUse: "Rules",
  runCheck: "Check this sheet",
  checking: "Checking…",
  adoptTitle: "Found a form the add-in did not insert",
  adoptBody:
    "Bind it to get live rates, scores and totals and flags for missing reasons. Only names and metadata are added.",
  adopt: "Bind this form",
  options: "Options",
  optionsSummary: (y, r, t, w) => `${y} · ${r} rows per group · ${t} · ${w}`,
  change: "Change options",
  colon: ": ",
  optYear: "Year",
  optUnit: "Unit",
  optDepartment: "Supervising department",
  optProject: "Project",
  optRows: "Rows per indicator group",
  optRowsHint: "1–10; rows can be inserted later",
  optTaxonomy: "Indicator taxonomy",
  taxonomy2020: "2020 No. 10",
  taxonomy2021: "2021 No. 101",
  optWhere: "Insert into",
  whereNewSheet: "A new sheet",
  whereSelection: "The selection",
  insert: "Insert",
  insertNamed: (kind) => `Insert ${kind}`,
  inserted: (sheet, address) => `Inserted into "${sheet}" ${address}.`,
  confirmTitle: "Not inserted at the selection",
  confirmBody: "The form does not fit at the selection (cells there hold something, are merged, or run past the sheet's edge); nothing in the workbook was changed. Insert into a new sheet, or select a large enough empty area first.",
  confirmNewSheet: "Use a new sheet",
  cancel: "Cancel",
  dismiss: "Dismiss",
  allPassed: "All checks passed",
  allPassedHint: "Nothing a reviewer would reject. Ready to send.",
  notReady: "The form is not finished: not ready to send",
  notReadyHint: "Send it once it is complete and passes the check.",
  notChecked: "Not checked yet. Click Check this sheet.",
  locate: "Go to",
  locateAt: (cell) => `Go to ${cell}`,
  noCell: "Sheet",
  summary: "Check results",
  summaryHint: "Before sending, put the results into the workbook as a sheet or copy them as text.",
  writeSheet: "Write to a sheet",
  copyText: "Copy text",
  copied: "Copied to the clipboard.",
  sheetWritten: (name) => `Results written to sheet "${name}".`,
  summaryTitle: "Check results",
  summaryColumns: ["Sheet", "Cell", "Severity", "Indicator", "Message"],
  summaryNoFindings: "All checks passed.",
  summaryNotReady: "No problems found, but the form is not finished: not ready to send.",
  targetsCompared: (table, sheet) => `Compared with the targets table "${table}" on sheet "${sheet}".`,
  report: "Self-evaluation report",
  reportHint: "Draft the report from this sheet's figures: funds, each indicator, deviations and the conclusion. What the form does not hold is left as a placeholder to fill in.",
  reportMake: "Draft the report",
  fromTargets: "From a targets table",
  fromTargetsDesc: "Make the self-evaluation form from the approved targets table: project, unit, year, initial budget (yuan to 10k yuan), overall goal and every indicator with its target and weight.",
  fromTargetsOpen: "Choose a targets table",
  profile: "Rule profile",
  profileChanges: "Differences from the national rules",
  profileSameAsNational: "Scored by the national rules, unchanged.",
  failed: (m) => `Failed: ${m}`,
};

export const STRINGS: Record<Locale, Strings> = { "zh-CN": zh, "en-US": en };

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale] ?? zh;
}

export const LocaleContext = createContext<Locale>("zh-CN");

export function useStrings(): Strings {
  return stringsFor(useContext(LocaleContext));
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
