/** @jest-environment jsdom */
// The pane remembers the insert options (issue #14 item 4): per workbook (its document settings, through the Host)
// and per user (localStorage, where the host has it), so forms inserted one after another keep them. The year
// defaults to last year: self-evaluations are done in the following spring.
import "./setup";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { Gallery } from "../../src/taskpane/Gallery";
import { parseStored, SETTING_KEY, STORAGE_KEY } from "../../src/taskpane/insert-prefs";
import { FakeHost } from "./fake-host";
import { renderIn } from "./render";

const THIS_YEAR = new Date().getFullYear();

beforeEach(() => localStorage.clear());

async function openGallery(user: ReturnType<typeof userEvent.setup>, host: FakeHost) {
  const view = render(<App host={host} />);
  await waitFor(() => expect(host.called("refresh").length).toBeGreaterThan(0));
  await user.click(screen.getByRole("tab", { name: "插入" }));
  await screen.findByTestId("gallery");
  await waitFor(() => expect(host.called("readSetting")).toHaveLength(1));
  await user.click(screen.getByRole("button", { name: "更改选项" }));
  return view;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function fill(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  await user.clear(field(label));
  await user.type(field(label), value);
}

/** What the officer chooses for the first form of the workbook. */
async function chooseEverything(user: ReturnType<typeof userEvent.setup>) {
  await fill(user, "年度", "2024");
  await fill(user, "单位名称", "某区第一中学");
  await fill(user, "主管部门", "某区教育局");
  await fill(user, "项目名称", "校舍维修改造");
  await fill(user, "每个二级指标的行数", "3");
  await user.click(screen.getByLabelText("财预〔2021〕101号"));
  await user.click(screen.getByLabelText("当前选中位置"));
}

const CHOSEN = {
  year: 2024,
  unit: "某区第一中学",
  department: "某区教育局",
  project: "校舍维修改造",
  rows: 3,
  taxonomy: 2021,
};

test("forms inserted one after another in a workbook keep the options, also after it is reopened", async () => {
  const user = userEvent.setup();
  const book = new FakeHost();
  const { unmount } = render(<App host={book} />);
  await user.click(screen.getByRole("tab", { name: "插入" }));
  await screen.findByTestId("gallery");
  await user.click(screen.getByRole("button", { name: "更改选项" }));
  await chooseEverything(user);
  await user.click(screen.getByRole("button", { name: "插入项目绩效目标表" }));
  await waitFor(() => expect(book.called("insert")).toHaveLength(1));
  expect(book.called("insert")[0].args).toEqual(["targets", CHOSEN, "selection"]);
  await waitFor(() => expect(book.settings.has(SETTING_KEY)).toBe(true));
  expect(JSON.parse(book.settings.get(SETTING_KEY)!)).toEqual({ ...CHOSEN, where: "selection" });

  // The next form, in the same session: the gallery was closed in between.
  await user.click(screen.getByRole("tab", { name: "插入" }));
  await user.click(await screen.findByRole("button", { name: "插入项目支出绩效自评表" }));
  await waitFor(() => expect(book.called("insert")).toHaveLength(2));
  expect(book.called("insert")[1].args).toEqual(["project", CHOSEN, "selection"]);
  unmount();

  // The workbook is opened again, on another computer (no localStorage of this user).
  localStorage.clear();
  const reopened = new FakeHost();
  reopened.settings = new Map(book.settings);
  await openGallery(user, reopened);
  await waitFor(() => expect(field("单位名称").value).toBe("某区第一中学"));
  expect(field("年度").value).toBe("2024");
  expect(field("主管部门").value).toBe("某区教育局");
  expect(field("项目名称").value).toBe("校舍维修改造");
  expect(field("每个二级指标的行数").value).toBe("3");
  expect(field("财预〔2021〕101号").checked).toBe(true);
  expect(field("当前选中位置").checked).toBe(true);
  await user.click(screen.getByRole("button", { name: "插入部门整体支出绩效自评表" }));
  await waitFor(() => expect(reopened.called("insert")).toHaveLength(1));
  expect(reopened.called("insert")[0].args).toEqual(["department", CHOSEN, "selection"]);
});

test("per user: a new workbook starts with the user's unit, 主管部门, rows, taxonomy and place, not the project", async () => {
  const user = userEvent.setup();
  const first = new FakeHost();
  const { unmount } = render(<App host={first} />);
  await user.click(screen.getByRole("tab", { name: "插入" }));
  await screen.findByTestId("gallery");
  await user.click(screen.getByRole("button", { name: "更改选项" }));
  await chooseEverything(user);
  await user.click(screen.getByRole("button", { name: "插入项目支出绩效自评表" }));
  await waitFor(() => expect(localStorage.getItem(STORAGE_KEY)).not.toBeNull());
  unmount();

  const other = new FakeHost();
  await openGallery(user, other);
  expect(field("单位名称").value).toBe("某区第一中学");
  expect(field("主管部门").value).toBe("某区教育局");
  expect(field("项目名称").value).toBe(""); // another workbook is another project
  expect(field("每个二级指标的行数").value).toBe("3");
  expect(field("财预〔2021〕101号").checked).toBe(true);
  expect(field("当前选中位置").checked).toBe(true);
  expect(field("年度").value).toBe("2024"); // chosen this calendar year
});

test("the year defaults to last year; a year the user chose in an earlier calendar year is not carried over", async () => {
  const user = userEvent.setup();
  const first = await openGallery(user, new FakeHost());
  expect(field("年度").value).toBe(String(THIS_YEAR - 1));
  expect(screen.getByTestId("options-summary")).toHaveTextContent(`${THIS_YEAR - 1}年度`);
  first.unmount();

  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ year: THIS_YEAR - 3, unit: "某区财政局", rows: 4, savedIn: THIS_YEAR - 2 }),
  );
  await openGallery(user, new FakeHost());
  expect(field("年度").value).toBe(String(THIS_YEAR - 1));
  expect(field("单位名称").value).toBe("某区财政局");
  expect(field("每个二级指标的行数").value).toBe("4");
});

test("the workbook's options win over the user's; what the officer already typed is never replaced", async () => {
  const user = userEvent.setup();
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ unit: "用户的单位", rows: 5, savedIn: THIS_YEAR }));
  const book = new FakeHost();
  book.settings.set(SETTING_KEY, JSON.stringify({ unit: "本工作簿的单位", year: 2023 }));
  const view = await openGallery(user, book);
  await waitFor(() => expect(field("单位名称").value).toBe("本工作簿的单位"));
  expect(field("年度").value).toBe("2023");
  expect(field("每个二级指标的行数").value).toBe("5");
  view.unmount();

  // A slow workbook: the officer types before its settings arrive.
  let answer: (v: string) => void = () => undefined;
  const slow = new FakeHost();
  slow.readSetting = (key: string) => {
    slow.calls.push({ method: "readSetting", args: [key] });
    return new Promise<string>((resolve) => (answer = resolve));
  };
  await openGallery(user, slow);
  await fill(user, "单位名称", "刚输入的单位");
  await act(async () => answer(JSON.stringify({ unit: "本工作簿的单位" })));
  expect(field("单位名称").value).toBe("刚输入的单位");
});

test("a host without localStorage, or whose settings fail, still inserts; the workbook still remembers", async () => {
  const user = userEvent.setup();
  const storage = Object.getOwnPropertyDescriptor(window, "localStorage")!;
  let view: ReturnType<typeof render> | null = null;
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    },
  });
  try {
    const book = new FakeHost();
    view = await openGallery(user, book);
    await fill(user, "单位名称", "某区财政局");
    await user.click(screen.getByRole("button", { name: "插入项目支出绩效自评表" }));
    await waitFor(() => expect(book.called("insert")).toHaveLength(1));
    await waitFor(() => expect(parseStored(book.settings.get(SETTING_KEY))).toMatchObject({ unit: "某区财政局" }));
    expect(screen.getByTestId("status")).toHaveTextContent("已插入");
  } finally {
    Object.defineProperty(window, "localStorage", storage);
  }

  view?.unmount();
  const broken = new FakeHost();
  broken.failSettings = "设置不可用";
  const onInserted = jest.fn();
  const onError = jest.fn();
  renderIn(<Gallery host={broken} defaultYear={2025} onInserted={onInserted} onError={onError} />);
  await user.click(screen.getByRole("button", { name: "插入项目支出绩效自评表" }));
  await waitFor(() => expect(onInserted).toHaveBeenCalled());
  expect(onError).not.toHaveBeenCalled();
  expect(broken.called("insert")[0].args[1]).toEqual({ year: 2025, rows: 2, taxonomy: 2020 });
});

test("stored values are checked field by field: bad ones are dropped, never shown or sent", async () => {
  expect(parseStored("{{ not json")).toEqual({});
  expect(parseStored("[1,2]")).toEqual({});
  expect(parseStored(null)).toEqual({});
  expect(parseStored("x".repeat(20_000))).toEqual({});
  expect(
    parseStored(
      JSON.stringify({
        year: "2024",
        unit: " 某区财政局 ",
        department: 7,
        project: "p".repeat(500),
        rows: 99,
        taxonomy: 2019,
        where: "elsewhere",
      }),
    ),
  ).toEqual({ unit: "某区财政局" });
  expect(parseStored(JSON.stringify({ year: 2024, rows: 10, taxonomy: 2021, where: "selection" }))).toEqual({
    year: 2024,
    rows: 10,
    taxonomy: 2021,
    where: "selection",
  });

  const user = userEvent.setup();
  const book = new FakeHost();
  book.settings.set(SETTING_KEY, JSON.stringify({ year: 1066, rows: 0, unit: "某区财政局", taxonomy: "2021" }));
  await openGallery(user, book);
  await waitFor(() => expect(field("单位名称").value).toBe("某区财政局"));
  expect(field("年度").value).toBe(String(THIS_YEAR - 1));
  expect(field("每个二级指标的行数").value).toBe("2");
  expect(field("财预〔2020〕10号").checked).toBe(true);
});
