// Fluent theme that follows the Office theme (Office.context.officeTheme): light or dark by the body
// background, with the body colours taken over so the pane blends into Excel. Pure: takes plain colours.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

const HEX = /^#?([0-9a-f]{6})$/i;

function normal(c: string | undefined): string | null {
  const m = c ? HEX.exec(c.trim()) : null;
  return m ? `#${m[1].toUpperCase()}` : null;
}

/** Relative luminance (0 black … 1 white) of "#RRGGBB". */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

export function isDark(colors: OfficeThemeColors | null | undefined): boolean {
  if (!colors) return false;
  if (typeof colors.isDarkTheme === "boolean") return colors.isDarkTheme;
  const bg = normal(colors.bodyBackgroundColor);
  return bg ? luminance(bg) < 0.25 : false;
}

/** Fluent's Segoe UI stack, with the Chinese UI fonts of Windows, Mac and Linux before the generic family. */
export const CJK_FONT_FAMILY =
  "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', system-ui, sans-serif";

export function themeFor(colors: OfficeThemeColors | null | undefined): Theme {
  const base = isDark(colors) ? webDarkTheme : webLightTheme;
  const theme: Theme = { ...base, fontFamilyBase: CJK_FONT_FAMILY };
  if (!colors) return theme;
  const bg = normal(colors.bodyBackgroundColor);
  const fg = normal(colors.bodyForegroundColor);
  if (bg) {
    theme.colorNeutralBackground1 = bg;
    theme.colorNeutralBackground2 = bg;
  }
  // Keep Fluent's own text colour unless Office's has enough contrast on the background.
  if (fg && bg && Math.abs(luminance(fg) - luminance(bg)) > 0.5) theme.colorNeutralForeground1 = fg;
  return theme;
}
