// Command-line arguments through Node's own util.parseArgs, with its English errors said in Chinese. `--` ends the
// options, so a file named "-x.xlsx" is passed as `jixiao check -- -x.xlsx`.

import { parseArgs } from "node:util";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** What the value is, for messages: "评分规则名称". */
  value?: string;
}

export type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/** The parsed arguments, or a Chinese sentence saying what is wrong with them. */
export function parseCommandArgs(args: string[], specs: Record<string, OptionSpec>): Parsed | string {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, s] of Object.entries(specs)) options[name] = s.short ? { type: s.type, short: s.short } : { type: s.type };
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed["values"], positionals: r.positionals };
  } catch (e) {
    return chineseError(e as Error & { code?: string }, specs);
  }
}

function optionIn(message: string, specs: Record<string, OptionSpec>): { flag: string; spec?: OptionSpec } {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const long = /--([\w-]+)/.exec(quoted)?.[1];
  if (long) return { flag: `--${long}`, spec: specs[long] };
  const short = /^-(\w)/.exec(quoted)?.[1];
  const named = Object.entries(specs).find(([, s]) => s.short === short);
  return named ? { flag: `--${named[0]}`, spec: named[1] } : { flag: quoted.split(/\s/)[0] || "?" };
}

function chineseError(e: Error & { code?: string }, specs: Record<string, OptionSpec>): string {
  const message = e.message ?? "";
  const { flag, spec } = optionIn(message, specs);
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不认识的选项 ${flag}。文件名以 - 开头时，请写在 -- 之后，例如：-- ${flag}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const what = spec?.value ?? "值";
      if (/does not take an argument/.test(message)) return `选项 ${flag} 不需要写值。`;
      if (/ambiguous/.test(message)) return `选项 ${flag} 后面需要写${what}；值以 - 开头时请写成 ${flag}=值。`;
      return `选项 ${flag} 后面需要写${what}。`;
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `多余的参数「${/'([^']*)'/.exec(message)?.[1] ?? ""}」。`;
    default:
      return "命令行参数有误。";
  }
}
