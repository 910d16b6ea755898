/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import { act } from "react";
import { boot } from "../../src/taskpane/bootstrap";
import { officeThemeColors, waitForOffice } from "../../src/taskpane/office";
import { evaluation, FakeHost, sheetState } from "./fake-host";

type G = { Office?: unknown };
const g = globalThis as unknown as G;

function fakeOffice(opts: { host?: string; supported?: boolean; never?: boolean; theme?: object } = {}) {
  g.Office = {
    HostType: { Excel: "Excel" },
    onReady: () =>
      opts.never ? new Promise(() => {}) : Promise.resolve({ host: opts.host ?? "Excel", platform: "PC" }),
    context: {
      requirements: {
        isSetSupported: (name: string, v: string) => name === "ExcelApi" && (opts.supported ?? true) && v === "1.14",
      },
      officeTheme: opts.theme,
    },
  };
}

afterEach(() => {
  delete g.Office;
  document.body.innerHTML = "";
});

test("waitForOffice: missing Office.js, never ready, not Excel, too old, ready", async () => {
  expect(await waitForOffice(50)).toBe("missing");
  fakeOffice({ never: true });
  expect(await waitForOffice(50)).toBe("missing");
  fakeOffice({ host: "Word" });
  expect(await waitForOffice(50)).toBe("not-excel");
  fakeOffice({ supported: false });
  expect(await waitForOffice(50)).toBe("too-old");
  fakeOffice();
  expect(await waitForOffice(50)).toBe("ready");
});

test("officeThemeColors reads the Office theme when there is one", () => {
  expect(officeThemeColors()).toBeNull();
  fakeOffice({ theme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", isDarkTheme: true } });
  expect(officeThemeColors()).toMatchObject({ bodyBackgroundColor: "#262626", isDarkTheme: true });
});

async function bootInto(makeHost?: () => FakeHost, timeoutMs = 50) {
  const el = document.createElement("div");
  document.body.appendChild(el);
  await act(async () => {
    await boot(el, { timeoutMs, makeHost });
  });
  return el;
}

test("boot without Office.js says so in Chinese", async () => {
  await bootInto();
  expect(screen.getByTestId("boot-problem")).toHaveTextContent("无法加载 Office.js");
  expect(screen.getByRole("alert")).toBeInTheDocument();
});

test("boot on an old Excel explains that ExcelApi 1.14 is needed", async () => {
  fakeOffice({ supported: false });
  await bootInto();
  expect(screen.getByTestId("boot-problem")).toHaveTextContent("此版本的 Excel 无法运行绩效自评助手");
  expect(screen.getByTestId("boot-problem")).toHaveTextContent("ExcelApi 1.14");
});

test("boot in Excel renders the pane over the host", async () => {
  fakeOffice();
  const host = new FakeHost(sheetState([evaluation([])]));
  await bootInto(() => host);
  await waitFor(() => expect(screen.getByTestId("form-card")).toBeInTheDocument());
  expect(window.__jxBooted).toBe(true);
  expect(host.called("refresh").length).toBeGreaterThan(0);
});

test("a host that cannot start is reported, not a blank pane", async () => {
  fakeOffice();
  await bootInto(() => {
    throw new Error("Excel 未响应");
  });
  expect(screen.getByTestId("boot-problem")).toHaveTextContent("Excel 未响应");
});
