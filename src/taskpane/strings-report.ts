// The report view's strings (检查 → 生成自评报告), zh-CN and en-US.
// Kept apart from i18n.ts so that they travel with their part, loaded on demand, not with the overview (the pane's
// initial JavaScript has a budget: bench pane-js-gzip).
import { useLocale, type Locale } from "./i18n";

export interface ReportStrings {
  reportBack: string;
  reportDraft: string;
  reportCopy: string;
  reportCopied: string;
  reportCopyFailed: string;
  reportDownload: string;
  reportDownloading: string;
  reportDownloaded: (name: string) => string;
  reportDownloadFailed: (message: string) => string;
  reportDocxMissing: string;
  reportNoDownload: string;
  reportDesktopDownload: string;
  reportPlaceholders: (n: number) => string;
  reportScroll: string;
}

const zh: ReportStrings = {
  reportBack: "返回检查结果",
  reportDraft: "自评报告草稿",
  reportCopy: "复制报告",
  reportCopied: "报告已复制（保留标题和表格），可以粘贴到 Word 或 WPS 文字中。",
  reportCopyFailed: "无法写入剪贴板（这个 Excel 不允许任务窗格复制）。请在下方草稿中选中全部文字，按 Ctrl+C 复制。",
  reportDownload: "下载 Word 文档（.docx）",
  reportDownloading: "正在生成 Word 文档…",
  reportDownloaded: (name) => `已生成“${name}”。如果没有看到保存提示，请改用“复制报告”。`,
  reportDownloadFailed: (m) => `Word 文档没有生成：${m}。可以改用“复制报告”，粘贴到 Word 或 WPS 文字中保存。`,
  reportDocxMissing: "生成 Word 文档的程序没有加载成功，可能是网络中断了",
  reportNoDownload: "Mac 版和 iPad 版 Excel 的任务窗格不能下载文件。请点“复制报告”，粘贴到 Word 或 WPS 文字中后另存为 .docx；也可以在网页版 Excel 中打开本工作簿下载。",
  reportDesktopDownload: "桌面版 Excel 可能不允许从任务窗格下载文件。如果点击后没有出现保存提示，请改用“复制报告”，粘贴到 Word 或 WPS 文字中保存。",
  reportPlaceholders: (n) => `草稿中有 ${n} 处【请补充】，请在 Word 或 WPS 文字中补写。`,
  reportScroll: "表格较宽，可左右滚动",
};

const en: ReportStrings = {
  reportBack: "Back to the results",
  reportDraft: "Draft report",
  reportCopy: "Copy the report",
  reportCopied: "Copied with its headings and tables: paste it into Word or WPS Writer.",
  reportCopyFailed: "This Excel does not let the pane use the clipboard. Select the draft below and press Ctrl+C.",
  reportDownload: "Download as Word (.docx)",
  reportDownloading: "Making the Word document…",
  reportDownloaded: (name) => `Made "${name}". If no download appears, use Copy the report instead.`,
  reportDownloadFailed: (m) => `The Word document was not made: ${m}. Copy the report and paste it into Word or WPS Writer instead.`,
  reportDocxMissing: "the Word writer could not be loaded; the network may be down",
  reportNoDownload: "Excel for Mac and iPad cannot download files from a task pane. Copy the report and paste it into Word or WPS Writer, or open this workbook in Excel on the web to download it.",
  reportDesktopDownload: "Desktop Excel may block downloads from a task pane. If no download appears, copy the report and paste it into Word or WPS Writer.",
  reportPlaceholders: (n) => `The draft has ${n} placeholder(s) to fill in.`,
  reportScroll: "Wide table: scroll sideways",
};

const TABLES: Record<Locale, ReportStrings> = { "zh-CN": zh, "en-US": en };

export function useReportStrings(): ReportStrings {
  return TABLES[useLocale()] ?? zh;
}
