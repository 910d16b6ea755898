// How long LibreOffice takes to load (and, with "always recalculate", to recalculate) a workbook, measured inside
// one soffice process by a small Basic macro: loadComponentFromURL with Hidden=true, timed with GetSystemTicks,
// closed again. The files are loaded in turns (a, b, a, b, …) after one warm-up load each, so both see the same
// machine state. Used by bench/workbook.bench.ts (lo-load-ratio).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const xml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function soffice(profile: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { timeout: 600_000 }, (err) =>
      err ? reject(err) : resolve(),
    );
  });
}

function macro(files: string[], rounds: number, out: string, warmup = true): string {
  const lines = [
    "Sub Main",
    "  Dim args(0) As New com.sun.star.beans.PropertyValue",
    '  args(0).Name = "Hidden"',
    "  args(0).Value = True",
    "  Dim files(" + Math.max(0, files.length - 1) + ") As String",
    ...files.map((f, i) => `  files(${i}) = "${ConvertToUrl(f)}"`),
    "  Dim n As Integer",
    "  n = FreeFile",
    `  Open "${out}" For Output As #n`,
    "  Dim r As Integer, i As Integer, t0 As Long, doc As Object",
    `  For r = ${warmup ? 0 : 1} To ${rounds}`,
    `    For i = 0 To ${files.length - 1}`,
    "      t0 = GetSystemTicks()",
    '      doc = StarDesktop.loadComponentFromURL(files(i), "_blank", 0, args())',
    "      Print #n, r & \" \" & i & \" \" & (GetSystemTicks() - t0)",
    "      doc.close(True)",
    "    Next i",
    "  Next r",
    "  Close #n",
    "  StarDesktop.terminate()",
    "End Sub",
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">' +
    xml(lines.join("\n")) +
    "</script:module>\n"
  );
}

function ConvertToUrl(path: string): string {
  return `file://${path.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * Milliseconds to load each file, `rounds` times each (after one warm-up round that is not counted):
 * result[i] = the times of files[i].
 */
export async function loLoadTimes(files: string[], rounds: number): Promise<number[][]> {
  const profile = mkdtempSync(join(tmpdir(), "jx-lo-bench-"));
  try {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
    // The first start makes the profile (and its Basic library); the macro goes in afterwards.
    await soffice(profile, ["--terminate_after_init"]);
    const out = join(profile, "times.txt");
    writeFileSync(join(profile, "user", "basic", "Standard", "Module1.xba"), macro(files, rounds, out));
    await soffice(profile, ["vnd.sun.star.script:Standard.Module1.Main?language=Basic&location=application"]);
    const times: number[][] = files.map(() => []);
    for (const line of readFileSync(out, "utf8").split(/\r?\n/)) {
      const [r, i, ms] = line.trim().split(/\s+/).map(Number);
      if (Number.isFinite(ms) && r > 0) times[i].push(ms);
    }
    if (times.some((t) => t.length !== rounds)) throw new Error("LibreOffice did not load every file");
    return times;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
