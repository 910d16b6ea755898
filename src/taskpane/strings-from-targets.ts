// The from-targets step's strings (插入 → 从绩效目标表生成), zh-CN and en-US.
// Kept apart from i18n.ts so that they travel with their part, loaded on demand, not with the overview (the pane's
// initial JavaScript has a budget: bench pane-js-gzip).
import { useLocale, type Locale } from "./i18n";

export interface FromTargetsStrings {
  fromTargetsBack: string;
  fromTargetsReading: string;
  fromTargetsNone: string;
  fromTargetsTables: string;
  fromTargetsTable: (name: string, sheet: string, indicators: number) => string;
  fromTargetsCode: (code: string) => string;
  fromTargetsKind: string;
  fromTargetsMulti: string;
  fromTargetsMake: string;
  fromTargetsMaking: string;
  fromTargetsPick: string;
  fromTargetsDone: (n: number, kind: string, sheets: string) => string;
  fromTargetsCheck: string;
  fromTargetsWeights: (name: string, n: number) => string;
  fromTargetsBlank: string;
  fromTargetsReload: string;
}

const zh: FromTargetsStrings = {
  fromTargetsBack: "返回模板列表",
  fromTargetsReading: "正在查找本工作簿中的绩效目标表…",
  fromTargetsNone: "本工作簿的可见工作表中没有找到绩效目标表。可以先插入一张“项目绩效目标表”并填好，或把财政局批复的绩效目标表复制到本工作簿中，再点“重新查找”。",
  fromTargetsTables: "本工作簿中的绩效目标表",
  fromTargetsTable: (name, sheet, n) => `${name}（工作表“${sheet}”，${n} 项指标）`,
  fromTargetsCode: (code) => `项目编码 ${code}`,
  fromTargetsKind: "生成哪种自评表",
  fromTargetsMulti: "多项目汇总表：所选的每个项目一行。",
  fromTargetsMake: "生成自评表",
  fromTargetsMaking: "正在生成…",
  fromTargetsPick: "请至少选择一张绩效目标表。",
  fromTargetsDone: (n, kind, sheets) => `已生成 ${n} 张${kind}：${sheets}。`,
  fromTargetsCheck: "请核对",
  fromTargetsWeights: (name, n) => `“${name}”：${n} 项指标的分值按默认分值分配（产出 50 分、效益 30 分、满意度 10 分，平均分到各项指标），请核对；表中“助手提示”列也已标出。`,
  fromTargetsBlank: "全年预算数、全年执行数和实际完成值留空，请填写。",
  fromTargetsReload: "重新查找",
};

const en: FromTargetsStrings = {
  fromTargetsBack: "Back to the templates",
  fromTargetsReading: "Looking for targets tables in this workbook…",
  fromTargetsNone: "No targets table on the visible sheets of this workbook. Insert a project targets table and fill it in, or copy the approved one into this workbook, then click Look again.",
  fromTargetsTables: "Targets tables in this workbook",
  fromTargetsTable: (name, sheet, n) => `${name} (sheet "${sheet}", ${n} indicators)`,
  fromTargetsCode: (code) => `Project code ${code}`,
  fromTargetsKind: "Form to make",
  fromTargetsMulti: "Multi-project summary: one row per chosen project.",
  fromTargetsMake: "Make the form",
  fromTargetsMaking: "Making…",
  fromTargetsPick: "Choose at least one targets table.",
  fromTargetsDone: (n, kind, sheets) => `Made ${n} × ${kind}: ${sheets}.`,
  fromTargetsCheck: "Please check",
  fromTargetsWeights: (name, n) => `"${name}": ${n} indicator weights were given by default (outputs 50, outcomes 30, satisfaction 10, split evenly): check them; the notes column says so too.`,
  fromTargetsBlank: "The full-year budget, spending and actual values are left blank for you to fill in.",
  fromTargetsReload: "Look again",
};

const TABLES: Record<Locale, FromTargetsStrings> = { "zh-CN": zh, "en-US": en };

export function useFromTargetsStrings(): FromTargetsStrings {
  return TABLES[useLocale()] ?? zh;
}
