// A stand-in for Microsoft's office.js when the BUILT add-in pane (dist/taskpane.html) runs in a plain browser
// (browser tests and bench/pane.bench.js route the CDN URL here): the fake Excel, with a national project form
// already inserted by the real src/excel code, so the pane opens on a form. Dev and test only.
import { createExcelHost } from "../excel/host";
import { createFakeExcel } from "../fake-excel";

(window as unknown as { __jxStubStart: number }).__jxStubStart = performance.now();
const fake = createFakeExcel({ sheets: ["Sheet1"] });
fake.install(window as unknown as Record<string, unknown>);
(window as unknown as { __jxFake: typeof fake }).__jxFake = fake;

async function prepare(): Promise<void> {
  const host = createExcelHost();
  await host.insert("project", { year: 2021, unit: "某区人大常委会办公室", project: "人大代表履职培训" }, "new-sheet");
  const names = fake.snapshotAll().names as Record<string, string>;
  const first = (suffix: string) => {
    const key = Object.keys(names).find((n) => new RegExp(`^JX\\d+_${suffix}$`, "i").test(n));
    return key ? names[key].split("!").pop()!.replace(/\$/g, "").split(":")[0] : null;
  };
  const sheet = fake.snapshotAll().active!;
  const fill: [string, string | number][] = [
    ["FUNDS_BUDGET", 120],
    ["FUNDS_SPENT", 110.5],
    ["IND_NAME", "培训人次"],
    ["IND_TARGET", "≥100人次"],
    ["IND_ACTUAL", "80人次"],
    ["IND_WEIGHT", 10],
  ];
  for (const [suffix, v] of fill) {
    const at = first(suffix);
    if (at) fake.setCells(sheet, at, [[v]]);
  }
  if ("dispose" in host) await (host as { dispose(): Promise<void> }).dispose();
}

// When the sample workbook is ready: the bench (bench/pane.bench.js) leaves out the time the stand-in for Excel spent
// building it, which in Office is Excel's own work, not the pane's.
const ready = prepare().then(() => {
  (window as unknown as { __jxStubReady: number }).__jxStubReady = performance.now();
});
const office = (window as unknown as { Office: { onReady: (cb?: (i: unknown) => void) => Promise<unknown> } }).Office;
const onReady = office.onReady;
office.onReady = (cb) => ready.then(() => onReady(cb));
