// The few Office.js helpers the pane needs (the only pane code, with bootstrap.tsx and index.tsx,
// that touches the Office global). No @microsoft/office-js-helpers: it is archived.
import type { OfficeThemeColors } from "./theme";

export type OfficeStatus = "ready" | "missing" | "not-excel" | "too-old";

export const OFFICE_TIMEOUT_MS = 10_000;
export const REQUIRED_SET = { name: "ExcelApi", version: "1.14" } as const;

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/** Waits for Office.onReady; "missing" when Office.js did not load (blocked CDN) or never got ready. */
export async function waitForOffice(timeoutMs = OFFICE_TIMEOUT_MS): Promise<OfficeStatus> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") return "missing";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (!info) return "missing";
    if (info.host !== office.HostType.Excel) return "not-excel";
    return office.context.requirements.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version) ? "ready" : "too-old";
  } catch {
    return "missing";
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** The Office theme's colours, when Office exposes them (not in every host). */
export function officeThemeColors(): OfficeThemeColors | null {
  try {
    const t = officeGlobal()?.context?.officeTheme;
    if (!t) return null;
    return {
      bodyBackgroundColor: t.bodyBackgroundColor,
      bodyForegroundColor: t.bodyForegroundColor,
      controlBackgroundColor: t.controlBackgroundColor,
      controlForegroundColor: t.controlForegroundColor,
      isDarkTheme: typeof t.isDarkTheme === "boolean" ? t.isDarkTheme : undefined,
    };
  } catch {
    return null;
  }
}

/** Office's platform ("OfficeOnline", "PC", "Mac", "iOS", …), where Office says; null outside Office. */
export function officePlatform(): string | null {
  try {
    const ctx = officeGlobal()?.context as { platform?: unknown; diagnostics?: { platform?: unknown } } | undefined;
    const p = ctx?.platform ?? ctx?.diagnostics?.platform;
    return typeof p === "string" ? p : null;
  } catch {
    return null;
  }
}
