// 检查本表 from the ribbon over a real (fake) workbook: a freshly inserted blank form is never "检查通过" or
// "可以发送"; its dialog names the form-empty problem and says the total is not scored yet (docs/rules.md#ready-to-send).
import { checkMessage } from "../../src/commands/messages";
import { checkActiveSheet, insertFromRibbon, setActionsHost } from "../../src/excel/actions";
import { createExcelHost } from "../../src/excel/host";
import { createFakeExcel } from "../../src/fake-excel";

test("a blank form just inserted from the ribbon is not ready: the dialog says why, never 可以发送", async () => {
  const fake = createFakeExcel({ sheets: ["Sheet1"] });
  const undo = fake.install();
  const host = createExcelHost();
  setActionsHost(host);
  try {
    await insertFromRibbon("project");
    await host.idle();
    const summary = await checkActiveSheet();
    expect(summary.ready).toBe(false);
    expect(summary.unfinished).toHaveLength(1);
    const m = checkMessage(summary);
    expect(m.tone).not.toBe("ok");
    expect(m.lines.join("\n")).not.toMatch(/检查通过|可以发送。/);
    expect(m.lines.join("\n")).toMatch(/尚未评分（|暂计 /);
    expect(summary.errors).toBeGreaterThan(0);
    expect(m.lines[0]).toMatch(/^发现 \d+ 个错误/);
    await host.dispose();
  } finally {
    setActionsHost(null);
    undo();
  }
});
