// readForms(grid): every 绩效 form on one sheet, as typed Forms. Our own forms are read through their names and
// metadata; any other layout is found by its labels and their synonyms wherever they stand. Never throws.

import type { Form } from "../../domain/model";
import type { Grid } from "../grid";
import { SheetView } from "./view";
import { readOurs } from "./ours";
import { detectForms } from "./detect";

export function readForms(grid: Grid): Form[] {
  try {
    const view = new SheetView(grid);
    const ours = readOurs(view);
    if (ours.length > 0) return ours;
    return detectForms(view);
  } catch (e) {
    // a reader bug must not stop a batch: report the sheet as unreadable instead
    return [
      {
        kind: "project",
        sheet: grid.sheet,
        name: "",
        funds: null,
        goals: [],
        indicators: [],
        scored: false,
        enteredTotal: null,
        enteredGrade: null,
        sharedReason: null,
        improvement: null,
        spendingPlan: [],
        readIssues: [
          {
            message: `无法读取工作表「${grid.sheet}」：${e instanceof Error ? e.message : String(e)}`,
            messageEn: `Could not read sheet "${grid.sheet}".`,
          },
        ],
      },
    ];
  }
}

export { SheetView } from "./view";
