/** @jest-environment jsdom */
// An Office without Office.actions (older builds): loading the function file must not throw, and every
// ExecuteFunction of the manifest is still found, as a global function of its name.
import { all, readManifest } from "./manifest-xml";

jest.mock("../../src/excel/actions", () => ({ insertFromRibbon: jest.fn(), checkActiveSheet: jest.fn() }));

test("without Office.actions every command is a global function", async () => {
  (globalThis as Record<string, unknown>).Office = { onReady: jest.fn(() => new Promise(() => undefined)) };
  try {
    await jest.isolateModulesAsync(async () => {
      await import("../../src/commands/commands");
    });
    const names = all(readManifest().doc, "FunctionName").map((n) => n.textContent?.trim() ?? "");
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(typeof (globalThis as Record<string, unknown>)[n]).toBe("function");
  } finally {
    delete (globalThis as Record<string, unknown>).Office;
  }
});
