// Runs the CLI in-process with captured output.
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { JsonReport } from "../../src/cli/report-json";

export const FIX = path.join(__dirname, "..", "fixtures", "xlsx");
export const fixture = (name: string): string => path.join(FIX, `${name}.xlsx`);

export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export async function runJson(args: string[]): Promise<{ code: number; json: JsonReport }> {
  const r = await run([...args, "--json"]);
  return { code: r.code, json: JSON.parse(r.out) as JsonReport };
}
