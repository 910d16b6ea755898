// What the pane shows before it can run: loading, Office.js missing, not in Excel, Excel too old.
import { FluentProvider, type Theme } from "@fluentui/react-components";
import { themeFor } from "./theme";
import { Notice } from "./ui";
import { STRINGS } from "./i18n";

export type BootProblem = "loading" | "missing" | "not-excel" | "too-old" | "failed";

export function BootMessage({
  problem,
  detail,
  theme = themeFor(null),
}: {
  problem: BootProblem;
  detail?: string;
  theme?: Theme;
}) {
  const zh = STRINGS["zh-CN"];
  const en = STRINGS["en-US"];
  if (problem === "loading")
    return (
      <FluentProvider theme={theme} lang="zh-CN" style={{ padding: 16 }}>
        <p role="status" style={{ margin: 0 }}>
          {zh.loading}
        </p>
      </FluentProvider>
    );
  const [title, hint, titleEn, hintEn] =
    problem === "missing"
      ? [zh.officeMissing, zh.officeMissingHint, en.officeMissing, en.officeMissingHint]
      : problem === "too-old"
        ? [zh.excelTooOld, zh.excelTooOldHint, en.excelTooOld, en.excelTooOldHint]
        : problem === "not-excel"
          ? [zh.notExcel, zh.notExcelHint, en.notExcel, en.notExcelHint]
          : [zh.startFailed, detail ?? "", en.startFailed, detail ?? ""];
  return (
    <FluentProvider theme={theme} lang="zh-CN" style={{ padding: 12 }}>
      <Notice intent={problem === "failed" ? "error" : "warning"} role="alert" data-testid="boot-problem" title={title}>
        <p style={{ margin: "4px 0" }}>{hint}</p>
        <p lang="en" style={{ margin: "4px 0", opacity: 0.8 }}>
          {titleEn} {hintEn}
        </p>
      </Notice>
    </FluentProvider>
  );
}
