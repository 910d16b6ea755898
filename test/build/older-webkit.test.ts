// Excel for Mac runs the pane in the system's WebKit, which on older macOS has no regular-expression lookbehind:
// one such pattern anywhere in the pane's code is a syntax error that stops the whole pane. Code that reaches the
// pane (everything but the Node-only CLI and file readers) must not use it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const SRC = join(__dirname, "..", "..", "src");
const NODE_ONLY = ["cli", "xlsx"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return NODE_ONLY.includes(relative(SRC, p)) ? [] : files(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

test("no lookbehind in code the pane loads", () => {
  const found = files(SRC).filter((f) => /\(\?<[=!]/.test(readFileSync(f, "utf8"))).map((f) => relative(SRC, f));
  expect(found).toEqual([]);
});
