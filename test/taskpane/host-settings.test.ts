// The Host's document settings (readSetting / writeSetting) as src/excel implements them over Office.js, here
// over the fake workbook: a value is kept in the workbook's settings (saved with the file), writes no cell, and
// a key never written reads as null.
import { createExcelHost } from "../../src/excel/host";
import { createFakeExcel } from "../../src/fake-excel";
import { SETTING_KEY } from "../../src/taskpane/insert-prefs";

test("a setting written through the host is in the workbook and reads back; an unknown one is null", async () => {
  const fake = createFakeExcel({ sheets: ["Sheet1"] });
  const undo = fake.install();
  try {
    const host = createExcelHost();
    expect(await host.readSetting(SETTING_KEY)).toBeNull();
    const before = fake.snapshot("Sheet1").cells;
    const value = JSON.stringify({ year: 2024, unit: "某区财政局", rows: 3 });
    await host.writeSetting(SETTING_KEY, value);
    expect(fake.snapshotAll().settings[SETTING_KEY]).toBe(value);
    expect(await host.readSetting(SETTING_KEY)).toBe(value);
    expect(fake.snapshot("Sheet1").cells).toEqual(before);

    // Another host over the same workbook (the pane opened again) reads it too.
    expect(await createExcelHost().readSetting(SETTING_KEY)).toBe(value);
    expect(await host.readSetting("jixiao.other")).toBeNull();
    await host.dispose();
  } finally {
    undo();
  }
});
