// The layers of src/ are enforced by the linter (eslint.config.mjs): an import pointing up or sideways, a package a
// pure layer must not use, and an import cycle each fail `npm test`. Linted as virtual files (stdin) at real paths,
// so the resolver judges the imports by where they land; in a child process, because the config is an ES module.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

async function problems(filePath: string, text: string): Promise<string[]> {
  const r = spawnSync(join(root, "node_modules", ".bin", "eslint"), ["--stdin", "--stdin-filename", filePath, "--format", "json"], {
    cwd: root,
    input: text,
    encoding: "utf8",
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null }[] }[];
  return result.messages.map((m) => `${m.ruleId}`);
}

describe("layer rules", () => {
  it("rejects domain importing the sheet layer", async () => {
    expect(await problems("src/domain/probe.ts", 'import { buildPlan } from "../sheet/render";\nexport const p = buildPlan;\n')).toContain(
      "import-x/no-restricted-paths",
    );
  });
  it("rejects sheet importing excel (Office.js) and cli importing the pane", async () => {
    expect(await problems("src/sheet/render/probe.ts", 'import { createExcelHost } from "../../excel/host";\nexport const p = createExcelHost;\n')).toContain(
      "import-x/no-restricted-paths",
    );
    expect(await problems("src/cli/probe.ts", 'import { App } from "../taskpane/App";\nexport const p = App;\n')).toContain("import-x/no-restricted-paths");
  });
  it("rejects node and ExcelJS in the pure layers", async () => {
    expect(await problems("src/domain/probe.ts", 'import * as fs from "node:fs";\nexport const p = fs;\n')).toContain("no-restricted-imports");
    expect(await problems("src/sheet/probe.ts", 'import ExcelJS from "exceljs";\nexport const p = ExcelJS;\n')).toContain("no-restricted-imports");
  });
  it("accepts imports that point down", async () => {
    expect(await problems("src/cli/probe.ts", 'import { buildPlan } from "../sheet/render";\nexport const p = buildPlan;\n')).toEqual([]);
  });
  it("rejects an import cycle", async () => {
    // cells.ts imports text.ts; text.ts importing cells.ts closes the circle.
    expect(await problems("src/sheet/read/text.ts", 'import { numAt } from "./cells";\nexport const p = numAt;\n')).toContain("import-x/no-cycle");
  });
});
