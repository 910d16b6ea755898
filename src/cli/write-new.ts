// Writing the workbook `jixiao new` made (blank, or from a targets table): never over an existing file without
// --force, decided by the write itself ("wx"), so a file that appears meanwhile is not overwritten either.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { terminalText } from "../sheet/safe-text";

/** Writes `bytes` to `out`; on failure says why through `err` (in Chinese) and returns false. */
export async function writeNewWorkbook(out: string, bytes: Uint8Array, force: boolean, err: (line: string) => void): Promise<boolean> {
  try {
    await fs.writeFile(path.resolve(out), bytes, { flag: force ? "w" : "wx" });
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const shown = (s: string): string => terminalText(s, 400);
    if (code === "EEXIST") err(`文件已存在，未写入：${shown(out)}（如需覆盖，请加 --force）`);
    else if (code === "ENOENT") err(`文件夹不存在：${shown(path.dirname(out) || ".")}`);
    else err(`无法写入 ${shown(out)}${code === "EACCES" || code === "EPERM" ? "：没有写入权限" : code ? `（${code}）` : ""}`);
    return false;
  }
}
