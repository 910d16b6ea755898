// readForms(grid): every 绩效 form on one sheet, as typed Forms. Our own forms are read through their names and
// metadata; any other layout is found by its labels and what its columns hold, wherever it stands. Never throws.

import type { Form } from "../../domain/model";
import { emptyForm } from "../../domain/form";
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
    const message = `无法读取工作表「${grid.sheet}」：${e instanceof Error ? e.message : String(e)}`;
    return [emptyForm("project", grid.sheet, "", { readIssues: [{ message, messageEn: `Could not read sheet "${grid.sheet}".` }] })];
  }
}

export { SheetView } from "./view";
