#!/usr/bin/env node
// `npm run bench`: compiles bench/*.bench.ts and runs each benchmark (and bench/*.bench.js) in its own process.
// Every benchmark prints lines "bench <name>: <value> <unit>".
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const only = process.argv[2]; // optional filter: part of a benchmark file name
const tsc = spawnSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.bench.json"], {
  cwd: root,
  stdio: "inherit",
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const files = [
  ...fs
    .readdirSync(path.join(root, "bench"))
    .filter((f) => f.endsWith(".bench.ts"))
    .map((f) => path.join(root, "build", "bench", "bench", f.replace(/\.ts$/, ".js"))),
  ...fs
    .readdirSync(path.join(root, "bench"))
    .filter((f) => f.endsWith(".bench.js"))
    .map((f) => path.join(root, "bench", f)),
].filter((f) => !only || path.basename(f).includes(only));

let failed = 0;
for (const file of files.sort()) {
  const r = spawnSync(process.execPath, ["--expose-gc", file], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`bench ${path.basename(file)} failed (exit ${r.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
