// The BUILT add-in pane (webpack.config.js, production) in headless Chromium at 320 px, the narrowest task pane:
// with a stub office.js over the fake workbook it opens on the overview; with the CDN blocked or an old Excel it
// says so in Chinese instead of staying blank.
import {
  buildPane,
  buildPreview,
  inkRatio,
  launch,
  officeStub,
  PANE_DIR,
  routeOfficeJs,
  serve,
  shot,
  waitText,
  type Browser,
} from "./harness";

jest.setTimeout(120_000);

let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  buildPreview(); // for office-stub.js
  buildPane();
  server = await serve(PANE_DIR);
  browser = await launch({ width: 320, height: 720 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("opens on the overview of the active form at 320 px, nothing cut off", async () => {
  const { page } = browser;
  await routeOfficeJs(page, officeStub());
  await page.goto(`${server.url}taskpane.html`);
  await page.getByTestId("form-card").waitFor();
  await waitText(page.getByTestId("overview-rate"), "92.08%");
  await waitText(page.getByTestId("overview-errors"), /^[1-9]\d*$/);
  await shot(page, "10-pane-320");
  expect(await inkRatio(page, "#container")).toBeGreaterThan(0.02);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(browser.errors).toEqual([]);
});

test("the findings and the gallery fit at 320 px too; English is one click away", async () => {
  const { page } = browser;
  await page.getByRole("tab", { name: "检查" }).click();
  await page.getByTestId("finding").first().waitFor();
  await shot(page, "11-pane-320-findings");
  await page.getByRole("tab", { name: "插入" }).click();
  await page.getByTestId("template-project").waitFor();
  await shot(page, "12-pane-320-gallery");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole("button", { name: /^English/ }).click();
  await page.getByRole("tab", { name: "Overview" }).click();
  await page.getByRole("button", { name: "Check this sheet" }).waitFor();
  await shot(page, "13-pane-320-english");
});

test("follows a dark Office theme", async () => {
  const { context } = browser;
  const page = await context.newPage();
  await routeOfficeJs(
    page,
    officeStub(
      'window.Office.context.officeTheme = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#FFFFFF", isDarkTheme: true };',
    ),
  );
  await page.goto(`${server.url}taskpane.html`);
  await page.getByTestId("form-card").waitFor();
  const bg = await page.getByTestId("pane").evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
  expect(bg).toBe("rgb(38, 38, 38)");
  await shot(page, "14-pane-dark");
  await page.close();
});

test("a blocked Office.js CDN gets a Chinese explanation, not a blank pane", async () => {
  const page = await browser.context.newPage();
  await routeOfficeJs(page, null);
  await page.goto(`${server.url}taskpane.html`);
  await page.getByTestId("boot-problem").waitFor();
  await waitText(page.getByTestId("boot-problem"), /无法加载 Office\.js/);
  await shot(page, "15-pane-blocked");
  expect(await inkRatio(page, "#container")).toBeGreaterThan(0.01);
  await page.close();
});

test("an Excel without ExcelApi 1.14 is told so in Chinese", async () => {
  const page = await browser.context.newPage();
  await routeOfficeJs(
    page,
    `window.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      context: { requirements: { isSetSupported: (n, v) => n === "ExcelApi" && Number(String(v).split(".")[1]) <= 7 } } };`, // Excel 2016: up to ExcelApi 1.7
  );
  await page.goto(`${server.url}taskpane.html`);
  await waitText(page.getByTestId("boot-problem"), /此版本的 Excel 无法运行绩效自评助手/);
  await shot(page, "16-pane-old-excel");
  await page.close();
});
