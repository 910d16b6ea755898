/** @jest-environment jsdom */
// The ribbon's function file: every ExecuteFunction in manifest.xml is registered at the top level of
// commands.ts, each command always completes its event, and errors reach the user in a dialog.
import { all, readManifest } from "./manifest-xml";
import { fromQuery, type CommandMessage } from "../../src/commands/messages";

jest.mock("../../src/excel/actions", () => ({ insertFromRibbon: jest.fn(), checkActiveSheet: jest.fn() }));

type Handler = (arg: unknown) => void;
interface FakeDialog {
  url: string;
  options: Office.DialogOptions;
  handlers: Map<string, Handler>;
  close: jest.Mock;
}
interface Actions {
  insertFromRibbon: jest.Mock;
  checkActiveSheet: jest.Mock;
}
type CommandsModule = typeof import("../../src/commands/commands");

const associated = new Map<string, (event?: unknown) => Promise<void>>();
const dialogs: FakeDialog[] = [];
let dialogFails = false;
let associatedBeforeReady = 0;
let readyCalled = false;
/** How the fake user answers a dialog: press OK at once (default), or leave it open. */
let userPressesOk = true;

const fakeOffice = {
  onReady: jest.fn(() => {
    readyCalled = true;
    associatedBeforeReady = associated.size;
    return new Promise(() => undefined); // Office never becomes ready in this test: registration must not wait.
  }),
  actions: { associate: jest.fn((name: string, fn: (e?: unknown) => Promise<void>) => associated.set(name, fn)) },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  context: {
    ui: {
      displayDialogAsync: jest.fn((url: string, options: Office.DialogOptions, cb: (r: unknown) => void) => {
        if (dialogFails) {
          cb({ status: "failed", error: { message: "12007" } });
          return;
        }
        const d: FakeDialog = { url, options, handlers: new Map(), close: jest.fn() };
        dialogs.push(d);
        cb({
          status: "succeeded",
          value: { addEventHandler: (type: string, h: Handler) => d.handlers.set(type, h), close: d.close },
        });
        if (userPressesOk) setTimeout(() => d.handlers.get("dialogMessageReceived")?.({ message: "close" }), 0);
      }),
    },
  },
};

let commands: CommandsModule;
let actions: Actions;
beforeAll(() => {
  (globalThis as unknown as { Office: unknown }).Office = fakeOffice;
  commands = jest.requireActual<CommandsModule>("../../src/commands/commands");
  actions = jest.requireMock<Actions>("../../src/excel/actions");
});
beforeEach(() => {
  dialogs.length = 0;
  dialogFails = false;
  userPressesOk = true;
  actions.insertFromRibbon.mockReset();
  actions.checkActiveSheet.mockReset();
});

const event = () => ({ completed: jest.fn() });
const shown = (d: FakeDialog): CommandMessage => fromQuery(new URL(d.url).search);

test("every ExecuteFunction in manifest.xml is registered, at the top level, and nothing else", () => {
  const { doc } = readManifest();
  const names = all(doc, "FunctionName").map((f) => f.textContent ?? "");
  expect(names).toHaveLength(7);
  expect([...associated.keys()].sort()).toEqual([...names].sort());
  expect(readyCalled).toBe(true);
  expect(associatedBeforeReady).toBe(0); // onReady is called first, but associate does not wait for it
  expect(fakeOffice.actions.associate).toHaveBeenCalledTimes(7);
});

test("each 插入 item inserts its own template kind, completes, and shows no dialog on success", async () => {
  actions.insertFromRibbon.mockResolvedValue({ sheet: "项目自评", address: "A1:J40" });
  for (const [name, kind] of Object.entries(commands.INSERT_COMMANDS)) {
    const e = event();
    await associated.get(name)?.(e);
    expect(actions.insertFromRibbon).toHaveBeenLastCalledWith(kind);
    expect(e.completed).toHaveBeenCalledTimes(1);
  }
  expect(new Set(Object.values(commands.INSERT_COMMANDS)).size).toBe(6);
  expect(dialogs).toHaveLength(0);
});

test("a failed insert shows why in Chinese, then completes", async () => {
  actions.insertFromRibbon.mockRejectedValue(Object.assign(new Error("工作表名称已存在"), { code: "InvalidArgument" }));
  const e = event();
  await associated.get("insertDepartment")?.(e);
  expect(dialogs).toHaveLength(1);
  const m = shown(dialogs[0]);
  expect(m.tone).toBe("error");
  expect(m.lines[0]).toBe("插入部门整体支出绩效自评表没有完成，工作表未作改动。");
  expect(m.lines).toContain("原因：工作表名称已存在");
  expect(m.linesEn.join(" ")).toMatch(/InvalidArgument/);
  expect(dialogs[0].close).toHaveBeenCalled();
  expect(e.completed).toHaveBeenCalledTimes(1);
});

test("检查本表 reports counts and the first finding in Chinese", async () => {
  actions.checkActiveSheet.mockResolvedValue({
    errors: 3,
    warnings: 1,
    first: { sheet: "项目 自评", cell: "F12", message: "未达到年度指标值，须填写偏差原因分析及改进措施" },
  });
  const e = event();
  await associated.get("checkSheet")?.(e);
  const m = shown(dialogs[0]);
  expect(m.tone).toBe("error");
  expect(m.lines[0]).toBe("发现 3 个错误、1 个警告。");
  expect(m.lines[1]).toBe("第一处 '项目 自评'!F12：未达到年度指标值，须填写偏差原因分析及改进措施");
  expect(m.linesEn[0]).toBe("Found 3 error(s) and 1 warning(s).");
  expect(e.completed).toHaveBeenCalledTimes(1);
});

test("检查本表 on a complete sheet without findings says it can be sent", async () => {
  actions.checkActiveSheet.mockResolvedValue({ errors: 0, warnings: 0, ready: true, unfinished: [] });
  const e = event();
  await associated.get("checkSheet")?.(e);
  expect(shown(dialogs[0])).toMatchObject({ tone: "ok", lines: ["检查通过：本表没有发现问题，可以发送。"] });
  expect(e.completed).toHaveBeenCalledTimes(1);
});

test("only warnings: the tone is a warning", async () => {
  actions.checkActiveSheet.mockResolvedValue({ errors: 0, warnings: 2, first: { sheet: "Sheet1", cell: "B3", message: "x" } });
  await associated.get("checkSheet")?.(event());
  expect(shown(dialogs[0]).tone).toBe("warning");
  expect(shown(dialogs[0]).lines[1]).toBe("第一处 Sheet1!B3：x");
});

test("the command completes even when the dialog cannot open or showing throws", async () => {
  dialogFails = true;
  const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
  actions.checkActiveSheet.mockRejectedValue(new Error("boom"));
  const e = event();
  await associated.get("checkSheet")?.(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(err.mock.calls.join(" ")).toMatch(/检查本表没有完成/);

  const e2 = event();
  await commands.runCommand(e2, { zh: "检查本表", en: "Check" }, async () => ({ tone: "ok", title: "t", lines: [], linesEn: [] }), () =>
    Promise.reject(new Error("dialog crashed")),
  );
  expect(e2.completed).toHaveBeenCalledTimes(1);
  err.mockRestore();
});

test("a dialog left open is closed after the timeout so the command still completes", async () => {
  jest.useFakeTimers();
  try {
    userPressesOk = false;
    const { showMessage } = jest.requireActual<typeof import("../../src/commands/notify")>("../../src/commands/notify");
    let done = false;
    const p = showMessage({ tone: "ok", title: "t", lines: ["a"], linesEn: ["a"] }, 1000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    jest.advanceTimersByTime(1000);
    await p;
    expect(done).toBe(true);
    expect(dialogs[0].close).toHaveBeenCalledTimes(1);
  } finally {
    jest.useRealTimers();
  }
});

test("a dialog closed with its X resolves without a second close", async () => {
  userPressesOk = false;
  const { showMessage } = jest.requireActual<typeof import("../../src/commands/notify")>("../../src/commands/notify");
  const p = showMessage({ tone: "ok", title: "t", lines: ["a"], linesEn: ["a"] });
  dialogs[0].handlers.get("dialogEventReceived")?.({ error: 12006 });
  await p;
  expect(dialogs[0].close).not.toHaveBeenCalled();
  expect(new URL(dialogs[0].url).pathname).toMatch(/\/dialog\.html$/);
});
