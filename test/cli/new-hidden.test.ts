// `jixiao new` keeps its lists and metadata on very hidden sheets, as the add-in does: Excel's 取消隐藏 does not
// offer them, so a unit cannot edit JX_META to point the checker at another sheet.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNew } from "../../src/cli/new";
import { unzip } from "../hostile/corpus";

test("JX_LISTS and JX_META are written very hidden; the form's own sheet is visible", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jx-new-hidden-"));
  try {
    const file = join(dir, "表.xlsx");
    expect(await runNew(["project", "-o", file], { out: () => undefined, err: () => undefined })).toBe(0);
    const workbook = (await unzip(readFileSync(file))).get("xl/workbook.xml")!.toString("utf8");
    const states = [...workbook.matchAll(/<sheet\s([^>]*)\/>/g)].map((m) => [/name="([^"]+)"/.exec(m[1])?.[1], /state="(\w+)"/.exec(m[1])?.[1] ?? "visible"]);
    expect(states).toEqual([
      ["项目支出绩效自评表", "visible"],
      ["JX_LISTS", "veryHidden"],
      ["JX_META", "veryHidden"],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
