// Benchmarks of src/formula: parsing, and recalculating a form-sized workbook cold (as the fake
// workbook does on each change) and warm (a reused Recalculator).
import { parseFormula, Recalculator } from "../src/formula";

const ROWS = 300;

function buildBook(): Recalculator {
  const rc = new Recalculator();
  const s = "项目 支出";
  const types = ["产出", "效益", "满意度"];
  for (let i = 0; i < ROWS; i++) {
    const r = i + 1;
    rc.setValue(s, r, 0, types[i % 3]);
    rc.setValue(s, r, 1, 10);
    rc.setValue(s, r, 2, String(80 + (i % 20)));
    rc.setValue(s, r, 3, i % 7 === 0 ? "不适用" : 70 + (i % 30));
    rc.setFormula(s, r, 4, `=IF(D${r + 1}="不适用","",IF(ISNUMBER(D${r + 1}),ROUND(MIN(1,D${r + 1}/VALUE(C${r + 1}))*B${r + 1},2),0))`);
  }
  const last = ROWS + 1;
  rc.setFormula(s, 0, 6, `=SUMPRODUCT((A2:A${last}="产出")*(E2:E${last}<>""),B2:B${last})`);
  rc.setFormula(s, 0, 7, `=SUM(E2:E${last})/SUMPRODUCT((D2:D${last}<>"不适用")*B2:B${last})*100`);
  rc.setFormula(s, 0, 8, `=IF(H1>=90,"优",IF(H1>=80,"良",IF(H1>=60,"中","差")))`);
  rc.setFormula(s, 0, 9, `=COUNTIF(D2:D${last},"不适用")`);
  rc.setName("JX1_TOTAL", { sheet: s, r0: 0, c0: 7, r1: 0, c1: 7 });
  rc.setFormula("汇总", 0, 0, `=ROUND(JX1_TOTAL,2)&"分"`);
  return rc;
}

function time(runs: number, f: () => void): number {
  f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  return (performance.now() - t0) / runs;
}

const formulas = Array.from({ length: 1000 }, (_, i) => `=IF(D${i + 2}="","",ROUND(MIN(1,D${i + 2}/VALUE(C${i + 2}))*B${i + 2},2))`);
const parseUs = (time(5, () => formulas.forEach((f) => parseFormula(f))) / formulas.length) * 1000;
console.log(`bench formula-parse: ${parseUs.toFixed(2)} us/formula`);

const cold = time(10, () => buildBook().recalc());
console.log(`bench formula-recalc-cold-${ROWS}rows: ${cold.toFixed(2)} ms`);

const rc = buildBook();
rc.recalc();
let n = 0;
const warm = time(20, () => {
  rc.setValue("项目 支出", 5, 3, 60 + (n++ % 40));
  rc.recalc();
});
console.log(`bench formula-recalc-warm-${ROWS}rows: ${warm.toFixed(2)} ms`);
