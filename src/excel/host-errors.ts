// What the officer is told when the live loop fails: what did not happen, why (the Office error in words), and
// what to do, in Chinese with an English line for the pane's English switch. Pure: no Office.js calls.

import type { LiveError } from "../sheet/host-contract";

/** Which part of the live loop failed: a recompute (after a change, an insert, a sheet switch) or listening. */
export type LiveStage = "recompute" | "listen";

interface Reason {
  zh: string;
  en: string;
  /** Advice that replaces the stage's own, when the cause asks for something else first. */
  doZh?: string;
  doEn?: string;
}

/** The Office error code of a failure (OfficeExtension.Error and the fake carry one), if any. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" && code ? code : undefined;
}

/** Why it failed, in words, from the Office error code (ExcelApi error codes) or the error's own text. */
export function reasonOf(error: unknown): Reason {
  const code = codeOf(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return {
        zh: "Excel 正在编辑单元格",
        en: "Excel is in cell-edit mode",
        doZh: "请先结束单元格编辑（按 Enter 或 Esc），再点击“检查本表”。",
        doEn: "Finish editing the cell (press Enter or Esc), then click Check this sheet.",
      };
    case "ItemNotFound":
      return {
        zh: "找不到要读取的工作表或名称（可能刚被删除或改名）",
        en: "a sheet or name it needs is gone (deleted or renamed)",
      };
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return {
        zh: "工作表的内容超出了 Excel 一次读写的上限",
        en: "the sheet holds more than Excel can read or write at once",
      };
    case "AccessDenied":
    case "InsufficientPermissions":
      return {
        zh: "工作簿为只读或受保护，加载项不能写入",
        en: "the workbook is read-only or protected",
        doZh: "请取消保护或另存一份可编辑的副本，再点击“检查本表”。",
        doEn: "Unprotect the workbook or save an editable copy, then click Check this sheet.",
      };
    case "Conflict":
      return { zh: "其他人正在同时修改这张表", en: "someone else is changing the sheet at the same time" };
    case undefined:
      break;
    default:
      return { zh: `Excel 报告了错误（${code}）`, en: `Excel reported an error (${code})` };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { zh: `加载项内部错误（${text}）`, en: `internal error of the add-in (${text})` };
}

/** The message for a failure of `stage`, from the error that caused it. */
export function liveError(stage: LiveStage, error: unknown): LiveError {
  const why = reasonOf(error);
  if (stage === "listen") {
    return {
      message: `无法跟随工作表的修改自动计算：${why.zh}。${why.doZh ?? "修改后请点击“检查本表”；关闭并重新打开任务窗格可再次开启自动计算。"}`,
      messageEn: `Cannot follow changes to the sheet: ${why.en}. ${why.doEn ?? "After a change click Check this sheet; reopen the task pane to try again."}`,
    };
  }
  return {
    message: `自动计算没有完成：${why.zh}。${why.doZh ?? "请检查工作表后再试，或点击“检查本表”。"}`,
    messageEn: `The automatic recalculation did not finish: ${why.en}. ${why.doEn ?? "Check the sheet and try again, or click Check this sheet."}`,
  };
}
