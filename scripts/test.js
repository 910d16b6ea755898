#!/usr/bin/env node
// `npm test`: typecheck, lint, then every jest test; ends with one line "N passed, N failed".
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;

function step(label, cmd, args) {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  return r.status === 0;
}

// Steps counted as tests of their own: a type error or lint error fails the run.
for (const [label, cmd, args] of [
  ["typecheck", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]],
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
]) {
  if (step(label, cmd, args)) passed++;
  else failed++;
}

// Jest writes its JSON result to a file; we count its tests.
const out = path.join(root, "test-output", "jest.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
step("jest", bin("jest"), ["--ci", "--json", `--outputFile=${out}`, ...process.argv.slice(2)]);
if (fs.existsSync(out)) {
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  const skipped = r.numPendingTests + r.numTodoTests;
  if (skipped > 0) {
    console.error(`${skipped} tests were skipped: a skipped test proves nothing; counted as failed.`);
    failed += skipped;
  }
  if (r.numTotalTests === 0) {
    console.error("jest ran no test");
    failed++;
  }
} else {
  console.error("jest did not write its results");
  failed++;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
