// Forms the add-in made, written by src/xlsx/write.ts and read back through their names and JX_META.
import { buildPlan } from "../../src/sheet/render";
import { writeXlsxBuffer } from "../../src/xlsx/write";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { readForms } from "../../src/sheet/read";
import { SEED002 } from "../fixtures/seed-data";

test("a blank project template reads back as our project form, with its template id", async () => {
  const grids = await readXlsxBuffer(await writeXlsxBuffer([buildPlan("project", { unit: "某单位", project: "某项目", year: 2024 })]));
  expect(grids.map((g) => g.sheet)).not.toContain("JX_META");
  const forms = grids.flatMap(readForms);
  expect(forms).toHaveLength(1);
  expect(forms[0]).toMatchObject({ kind: "project", name: "某项目", template: { id: "jx.project" } });
  expect(forms[0].funds).not.toBeNull();
});

test("a multi-project sheet filled from seed 002 reads back project by project", async () => {
  const grids = await readXlsxBuffer(await writeXlsxBuffer([buildPlan("multi-project", {}, SEED002)]));
  const forms = grids.flatMap(readForms);
  expect(forms.map((f) => f.name)).toEqual(SEED002.map((f) => f.name));
  const p10 = forms.find((f) => f.name === "人大代表学习培训")!;
  expect(p10.funds?.spent.value).toBe(3.08);
  expect(p10.template?.id).toBe("jx.multi-project");
  expect(p10.sharedReason?.value).toContain("因疫情影响");
});
