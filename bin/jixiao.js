#!/usr/bin/env node
// The `jixiao` command: runs the compiled CLI (npm run build:cli compiles src/ to build/cli).
const path = require("node:path");

const entry = path.join(__dirname, "..", "build", "cli", "cli", "main.js");
let cli;
try {
  cli = require(entry);
} catch (e) {
  process.stderr.write(`jixiao：找不到编译后的命令行程序（${entry}），请先运行 npm run build:cli。\n${e.message}\n`);
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`jixiao：出错了——${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
