// docs/rules.md is the reference comments cite: every anchor cited in the code exists, every finding code is in its
// table with the severity the engine gives it, and the profile table says what the profiles hold.
import fs from "node:fs";
import path from "node:path";
import { SEVERITY } from "../../src/domain/messages";
import { PROFILES } from "../../src/domain/profiles";

const ROOT = path.join(__dirname, "..", "..");
const RULES = fs.readFileSync(path.join(ROOT, "docs", "rules.md"), "utf8");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const anchors = RULES.split("\n")
  .filter((l) => /^#{2,4} /.test(l))
  .map((l) => slug(l.replace(/^#+ /, "")));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.(ts|tsx|md)$/.test(e.name) ? [p] : [];
  });
}

/** The rows of the table under a heading: first cell → the other cells. */
function table(heading: string): Map<string, string[]> {
  const start = RULES.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = RULES.indexOf("\n## ", start + 1);
  const rows = RULES.slice(start, end < 0 ? undefined : end)
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("|---"))
    .map((l) =>
      l
        .slice(1, -1)
        .split(" | ")
        .map((c) => c.trim()),
    );
  return new Map(rows.slice(1).map((r) => [r[0].replace(/`/g, ""), r.slice(1)]));
}

test("headings are unique anchors, and every anchor of docs/rules.md that the repository cites exists", () => {
  expect(new Set(anchors).size).toBe(anchors.length);
  for (const a of ["the-forms", "funds", "when-a-reason-is-required", "value-grammar", "scoring", "profiles", "findings", "ready-to-send", "provisional-totals"])
    expect(anchors).toContain(a);
  const files = [
    ...filesUnder(path.join(ROOT, "src")),
    ...filesUnder(path.join(ROOT, "test")),
    path.join(ROOT, "README.md"),
  ];
  for (const f of [...files, path.join(ROOT, "docs", "rules.md")]) {
    const text = fs.readFileSync(f, "utf8");
    const own = f.endsWith(path.join("docs", "rules.md"));
    const cited = [...text.matchAll(own ? /rules\.md#([\w-]+)|\]\(#([\w-]+)\)/g : /rules\.md#([\w-]+)/g)].map(
      (m) => m[1] ?? m[2],
    );
    for (const a of cited)
      expect({ file: path.relative(ROOT, f), anchor: a, exists: anchors.includes(a) }).toEqual({
        file: path.relative(ROOT, f),
        anchor: a,
        exists: true,
      });
  }
});

test("the findings table lists every code the engine has, with the severity it gives by default", () => {
  const rows = table("Findings");
  expect([...rows.keys()].sort()).toEqual(Object.keys(SEVERITY).sort());
  for (const [code, severity] of Object.entries(SEVERITY))
    expect({ code, severity: rows.get(code)?.[0] }).toEqual({ code, severity });
  for (const [code, cells] of rows) {
    expect({ code, means: cells[1].length > 10 }).toEqual({ code, means: true });
    expect({ code, pointsAt: cells[2].length > 3 }).toEqual({ code, pointsAt: true });
  }
});

test("the profiles table holds the profiles' own parameters", () => {
  const rows = table("Profiles");
  const ids = Object.keys(PROFILES);
  const header = RULES.slice(RULES.indexOf("\n## Profiles\n"))
    .split("\n")
    .find((l) => l.startsWith("| parameter"))!;
  const columns = header
    .split(" | ")
    .slice(2)
    .map((c) => c.replace(/[`|]/g, "").trim());
  expect(columns.sort()).toEqual([...ids].sort());
  const column = (id: string) =>
    header
      .split(" | ")
      .slice(2)
      .findIndex((c) => c.replace(/[`|]/g, "").trim() === id) + 1;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  for (const id of ids) {
    const p = PROFILES[id];
    const cell = (row: string) => rows.get(row)?.[column(id)];
    expect(cell("over-achievement trigger")).toBe(pct(p.overTrigger));
    expect(cell("execution threshold")).toBe(pct(p.executionThreshold));
    expect(cell("grade bands")).toBe(
      p.gradeBands
        .slice(0, 3)
        .map((b) => b.min)
        .join(" / "),
    );
    expect(cell("execution cap")).toBe(p.executionCap ? "yes" : "no");
    expect(cell("reverse rule")).toBe(p.reverseFormula === "ratio" ? "A/B × w" : "(2 − B/A) × w");
    expect(cell("rounding")).toBe(String(p.rounding));
    expect(cell("score tolerance")).toBe(String(p.scoreTolerance));
  }
});
