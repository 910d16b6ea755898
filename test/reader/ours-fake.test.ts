// Our blank forms inserted into the fake workbook (which behaves like Office.js) and read back by the pane's host:
// every kind is found (not "当前工作表没有找到自评表"), and a blank form reports form-empty alone (issue #10 item 5).
import { FORM_KINDS } from "../../src/domain/model";
import { rig } from "../excel/helpers";

test.each(FORM_KINDS)("a blank %s form inserted in a new sheet is read back with form-empty alone", async (kind) => {
  const { host, undo } = rig();
  try {
    await host.insert(kind, {}, "new-sheet");
    const state = await host.refresh();
    expect(state.evaluations).toHaveLength(1);
    const ev = state.evaluations[0];
    expect(ev.form.kind).toBe(kind);
    expect(ev.form.readIssues).toEqual([]);
    expect(ev.findings.map((f) => f.code)).toEqual(["form-empty"]);
  } finally {
    undo();
  }
});
