#!/usr/bin/env node
// `npm run jixiao -- <args>`: runs the CLI from a checkout, compiling it first (tsc -p tsconfig.cli.json) when
// build/cli is missing or older than the sources it is built from. npm runs scripts from the project folder; the
// CLI runs from the folder the user typed the command in (npm's INIT_CWD), so `npm run jixiao -- check 收回的表/`
// and `-o 表.xlsx` mean the user's folder.
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "build", "cli", "cli", "main.js");

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.tsx?$/.test(e.name)) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = ["domain", "sheet", "xlsx", "document", "cli"].map((d) => newest(path.join(root, "src", d)));
const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
if (built === 0 || Math.max(...sources) > built) {
  process.stderr.write("jixiao：正在编译命令行程序（tsc -p tsconfig.cli.json）…\n");
  const tsc = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "tsc.cmd" : "tsc");
  const r = spawnSync(tsc, ["-p", "tsconfig.cli.json"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (!fs.existsSync(entry)) {
    process.stderr.write("jixiao：编译失败。\n");
    process.exit(2);
  }
  if (r.status !== 0) process.stderr.write("jixiao：编译时有类型错误，已按生成的代码继续运行。\n");
  fs.utimesSync(entry, new Date(), new Date());
}
if (process.env.npm_lifecycle_event === "jixiao" && process.env.INIT_CWD) {
  try {
    process.chdir(process.env.INIT_CWD);
  } catch {
    process.stderr.write(`jixiao：无法进入运行命令时所在的文件夹（${process.env.INIT_CWD}），相对路径将按项目文件夹解析。\n`);
  }
}
require(path.join(root, "bin", "jixiao.js"));
