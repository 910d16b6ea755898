// Render a pane part inside the providers it needs.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { LocaleContext, type Locale } from "../../src/taskpane/i18n";

export function renderIn(ui: ReactElement, locale: Locale = "zh-CN") {
  return render(
    <FluentProvider theme={webLightTheme} lang={locale}>
      <LocaleContext.Provider value={locale}>{ui}</LocaleContext.Provider>
    </FluentProvider>,
  );
}
