// Starts the pane: waits for Office.js (says so in Chinese if it never loads: a blocked CDN), checks
// ExcelApi 1.14 (explains when Excel is too old), follows the Office theme, and renders the pane over the
// real Host. The only place, with index.tsx and office.ts, that touches the Office/Excel globals.
import type { Root } from "react-dom/client";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/host";
import type { Host } from "../sheet/host-contract";
import { App, type StartAt } from "./App";
import { BootMessage } from "./BootMessage";
import type { Locale } from "./i18n";
import { OFFICE_TIMEOUT_MS, officePlatform, officeThemeColors, waitForOffice } from "./office";
import { themeFor } from "./theme";

const LOCALE_KEY = "jixiao.locale";

declare global {
  interface Window {
    /** Set as soon as the bundle runs, so the inline watchdog in taskpane.html stays quiet. */
    __jxBooted?: boolean;
  }
}

function savedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === "en-US" ? "en-US" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

function saveLocale(l: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, l);
  } catch {
    // storage may be off in a locked-down browser: the switch still works for this session
  }
}

/** The step the pane opens at: the ribbon's 插入 → 从绩效目标表生成 loads taskpane.html?start=from-targets. */
export function startAt(search: string = typeof location === "undefined" ? "" : location.search): StartAt {
  try {
    return new URLSearchParams(search).get("start") === "from-targets" ? "from-targets" : "overview";
  } catch {
    return "overview";
  }
}

export interface BootOptions {
  timeoutMs?: number;
  /** The host to use (the preview passes one over the fake workbook); default createExcelHost(). */
  makeHost?: () => Host;
}

export async function boot(container: HTMLElement | null, options: BootOptions = {}): Promise<Root | null> {
  if (!container) return null;
  window.__jxBooted = true;
  const root = createRoot(container);
  root.render(<BootMessage problem="loading" />);
  const status = await waitForOffice(options.timeoutMs ?? OFFICE_TIMEOUT_MS);
  if (status !== "ready") {
    root.render(<BootMessage problem={status} />);
    return root;
  }
  const theme = themeFor(officeThemeColors());
  try {
    const host = (options.makeHost ?? createExcelHost)();
    root.render(
      <App
        host={host}
        theme={theme}
        locale={savedLocale()}
        onLocaleChange={saveLocale}
        start={startAt()}
        platform={officePlatform()}
      />,
    );
  } catch (e) {
    root.render(<BootMessage problem="failed" detail={e instanceof Error ? e.message : String(e)} theme={theme} />);
  }
  return root;
}
