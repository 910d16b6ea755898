// jixiao: the command line. `jixiao new …` makes a blank form (src/cli/new.ts), `jixiao check …` checks filled ones,
// `jixiao report …` drafts the self-evaluation report from a filled one (src/cli/report.ts).

import * as fs from "node:fs";
import * as path from "node:path";
import { runCheck, CHECK_USAGE } from "./check";
import { runNew } from "./new";
import { runReport } from "./report";
import { processIo, type Io } from "./io";
import { terminalText } from "../sheet/safe-text";

const USAGE = [
  "jixiao —— 预算绩效自评表助手（命令行）",
  "",
  "用法：",
  "  jixiao new …                       生成空白绩效自评表（jixiao new --help 查看参数）",
  "  jixiao check <文件或文件夹>...      检查填好的自评表",
  "  jixiao report <自评表.xlsx> -o <自评报告.docx>  根据自评表起草自评报告（jixiao report --help 查看参数）",
  "  jixiao --version                   显示版本",
  "  jixiao --help                      显示本说明",
  "",
  CHECK_USAGE,
].join("\n");

function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, "package.json");
    if (fs.existsSync(p)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(p, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "jixiao-ziping" && pkg.version) return pkg.version;
      } catch {
        // keep looking
      }
    }
    dir = path.dirname(dir);
  }
  return "0.0.0";
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "check":
      return runCheck(rest, io);
    case "new":
      return runNew(rest, io);
    case "report":
      return runReport(rest, io);
    case "--version":
    case "-v":
    case "version":
      io.out(version());
      return 0;
    case undefined:
    case "--help":
    case "-h":
    case "help":
      io.out(USAGE);
      return 0;
    default:
      io.err(`jixiao：不认识的命令「${terminalText(cmd)}」。`);
      io.err(USAGE);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`jixiao：出错了——${terminalText(e instanceof Error ? e.message : String(e), 300)}\n`);
      process.exitCode = 2;
    },
  );
}
