// The whole flow in a real browser (headless Chromium) on the built preview: insert the national project form,
// type a target and an actual that misses it, watch 得分 and 总分 update and the reason cell light up, write a
// reason and watch the flag clear, run 检查本表, choose a finding and see its cell selected.
import type { Page } from "playwright-core";
import {
  buildPreview,
  inkRatio,
  launch,
  PREVIEW_DIR,
  serve,
  shot,
  waitAttr,
  waitFocused,
  waitText,
  type Browser,
} from "./harness";

jest.setTimeout(120_000);

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  buildPreview();
  server = await serve(PREVIEW_DIR);
  browser = await launch();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pane = () => page.locator('[data-testid="pane-frame"]');
const cell = (addr: string) => page.locator(`td[data-addr="${addr}"]`);

/** First cell of a defined name of the inserted form ("IND_TARGET" → "E13"). */
async function cellOf(suffix: string): Promise<string> {
  const names = await page.evaluate(() => window.__jxPreview!.fake.snapshotAll().names as Record<string, string>);
  const key = Object.keys(names).find((n) => new RegExp(`^JX\\d+_${suffix}$`, "i").test(n));
  if (!key) throw new Error(`no name *_${suffix} in ${Object.keys(names).join(", ")}`);
  const ref = names[key].split("!").pop()!.replace(/\$/g, "");
  return ref.split(":")[0];
}

async function typeInto(addr: string, text: string): Promise<void> {
  await cell(addr).dblclick();
  const editor = page.getByLabel(`编辑 ${addr}`);
  await editor.fill(text);
  await editor.press("Enter");
}

test("the pane renders (not blank) beside the workbook, labelled 预览", async () => {
  await page.goto(server.url);
  await pane().getByRole("heading", { name: "绩效自评助手" }).waitFor();
  await pane().getByText("当前工作表没有找到自评表。").waitFor();
  await page.getByText("预览", { exact: true }).waitFor();
  await shot(page, "01-open");
  expect(await inkRatio(page, '[data-testid="pane-frame"]')).toBeGreaterThan(0.01);
  expect(browser.errors).toEqual([]);
});

test("tabs move with the arrow keys (Tabster, real browser)", async () => {
  await pane().getByRole("tab", { name: "概览" }).focus();
  await page.keyboard.press("ArrowRight");
  await waitFocused(pane().getByRole("tab", { name: "插入" }));
  await page.keyboard.press("Enter");
  await pane().getByTestId("gallery").waitFor();
});

test("inserts the national project form into a new sheet", async () => {
  await pane().getByRole("button", { name: "插入项目支出绩效自评表" }).click();
  await page.locator(".pv-tab-on", { hasText: "项目支出绩效自评表" }).waitFor();
  await cell("A1").filter({ hasText: "项目支出绩效自评表" }).waitFor();
  await pane().getByTestId("form-card").waitFor();
  await shot(page, "02-inserted");
});

test("a missed target updates 得分 and 总分 and flags the reason cell; a reason clears it", async () => {
  const [name, target, actual, weight, score, reason, total] = await Promise.all(
    ["IND_NAME", "IND_TARGET", "IND_ACTUAL", "IND_WEIGHT", "IND_SCORE", "IND_REASON", "TOTAL"].map(cellOf),
  );
  await typeInto(name, "培训人次");
  await typeInto(target, "≥100人次");
  await typeInto(weight, "10");
  await typeInto(actual, "80人次");

  await waitText(cell(score), /^8(\.0+)?$/);
  await cell(total).scrollIntoViewIfNeeded();
  await waitText(cell(total), /^8(\.0+)?$/);
  await waitAttr(cell(reason), "data-flagged", "true");
  await waitText(pane().getByTestId("overview-total"), /8/);
  await shot(page, "03-missed");

  await typeInto(reason, "受疫情影响改为线上培训，参训人次减少；下年度提前安排。");
  await waitAttr(cell(reason), "data-flagged", null);
  await waitText(cell(reason), /受疫情影响/);
  await shot(page, "04-reason");
});

test("检查本表 lists findings; 定位 selects the finding's cell in the workbook", async () => {
  await pane().getByRole("button", { name: "检查本表" }).click();
  await pane().getByTestId("findings").waitFor();
  const located = pane()
    .locator('[data-testid="finding"]')
    .filter({ has: page.getByRole("button", { name: /^定位到 / }) });
  await located.first().waitFor();
  const target = located.nth(Math.min(1, (await located.count()) - 1));
  const addr = await target.getAttribute("data-cell");
  expect(addr).toMatch(/^[A-Z]+\d+$/);
  await target.getByRole("button", { name: `定位到 ${addr}` }).click();
  await waitText(page.getByTestId("address"), addr!);
  await waitAttr(cell(addr!), "aria-selected", "true");
  await waitAttr(target, "aria-current", "true");
  await shot(page, "05-located");
  expect(await inkRatio(page, '[data-testid="pane-frame"]')).toBeGreaterThan(0.01);
  expect(browser.errors).toEqual([]);
});
