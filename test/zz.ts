import { buildPlan } from "../src/sheet/render";
const p = buildPlan("project", { rows: 1 });
console.log(p.runs.length, p.runs.map(r => `${r.col}${r.r0}:${r.r1} ${r.formula.length}`).join("\n"));
console.log(p.hiddenColumns, p.size, p.printArea);
for (const c of p.cells.filter(c => c.formula)) console.log(c.addr, c.formula!.slice(0, 300));
