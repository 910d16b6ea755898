import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { CJK_FONT_FAMILY, isDark, luminance, themeFor } from "../../src/taskpane/theme";

test("no Office theme: Fluent's web light theme with Chinese fonts", () => {
  const t = themeFor(null);
  expect(t.colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
  expect(t.fontFamilyBase).toBe(CJK_FONT_FAMILY);
  expect(t.fontFamilyBase).toContain("Microsoft YaHei");
});

test("a dark Office theme gives the dark theme with Office's background", () => {
  const t = themeFor({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" });
  expect(isDark({ bodyBackgroundColor: "#262626" })).toBe(true);
  expect(t.colorBrandForeground1).toBe(webDarkTheme.colorBrandForeground1);
  expect(t.colorNeutralBackground1).toBe("#262626");
  expect(t.colorNeutralForeground1).toBe("#FFFFFF");
});

test("isDarkTheme from Office wins over the colour guess", () => {
  expect(isDark({ bodyBackgroundColor: "#FFFFFF", isDarkTheme: true })).toBe(true);
  expect(isDark({ bodyBackgroundColor: "#000000", isDarkTheme: false })).toBe(false);
});

test("a colourful light theme keeps Fluent's text colour when Office's lacks contrast", () => {
  const t = themeFor({ bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#D0D0D0" });
  expect(t.colorNeutralBackground1).toBe("#E6E6E6");
  expect(t.colorNeutralForeground1).toBe(webLightTheme.colorNeutralForeground1);
});

test("bad colours are ignored", () => {
  const t = themeFor({ bodyBackgroundColor: "red", bodyForegroundColor: "" });
  expect(t.colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
});

test("luminance of black and white", () => {
  expect(luminance("#000000")).toBe(0);
  expect(luminance("#FFFFFF")).toBeCloseTo(1, 5);
});
