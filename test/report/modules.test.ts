// The pane loads the HTML renderer with the draft and the .docx writer only on demand, as its own chunk: so the
// `docx` package must be reachable from src/document/docx.ts alone, never from the draft or the HTML renderer.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const SRC = join(__dirname, "..", "..", "src");
const IMPORT = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const f of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    try {
      if (statSync(f).isFile()) return f;
    } catch {
      // try the next
    }
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Every package a module pulls in, through its local imports. */
function packagesOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of specifiers(file)) {
      const local = resolveLocal(file, spec);
      if (local) visit(local);
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

test.each(["document/html.ts", "domain/report/index.ts", "domain/report/draft.ts", "document/safe.ts", "document/style.ts"])(
  "src/%s does not pull in docx (or Node)",
  (entry) => {
    const pkgs = [...packagesOf(join(SRC, entry))];
    expect(pkgs.filter((p) => p === "docx" || p.startsWith("docx/") || p.startsWith("node:"))).toEqual([]);
  },
);

test("src/document/docx.ts is the one module of src/ that imports docx", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(SRC);
  const importers = files.filter((f) => specifiers(f).some((s) => s === "docx" || s.startsWith("docx/"))).map((f) => f.slice(SRC.length + 1));
  expect(importers).toEqual(["document/docx.ts"]);
  expect(packagesOf(join(SRC, "document", "docx.ts"))).toContain("docx");
});

test("src/document/files.ts (MIME type, file name) does not pull in docx either", () => {
  expect([...packagesOf(join(SRC, "document", "files.ts"))]).toEqual([]);
});
