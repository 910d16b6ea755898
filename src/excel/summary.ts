// 检查结果 as its own sheet: a title row, then the rows the pane gives (first row = header). Two syncs.

import { formatRange } from "../sheet/address";
import { literal } from "./write-plan";
import { uniqueSheetName } from "./workbook-parts";

export async function writeSummary(title: string, rows: string[][]): Promise<string> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(title || "检查结果", sheets.items.map((s) => s.name));
    const width = Math.max(1, ...rows.map((r) => r.length));
    context.runtime.enableEvents = false;
    const ws = context.workbook.worksheets.add(name);
    const head = ws.getRangeByIndexes(0, 0, 1, width);
    head.values = [[literal(title), ...Array(width - 1).fill("")]];
    head.format.font.bold = true;
    head.format.font.size = 14;
    if (rows.length) {
      const body = ws.getRangeByIndexes(1, 0, rows.length, width);
      // Every cell as the text it is: quote-prefixed where Excel would read a formula, number or date.
      body.values = rows.map((r) => Array.from({ length: width }, (_, i) => literal(r[i] ?? "")));
      const header = ws.getRangeByIndexes(1, 0, 1, width);
      header.format.font.bold = true;
      header.format.fill.color = "#DDEBF7";
      body.format.wrapText = true;
      body.format.verticalAlignment = "Top";
      ws.getRange(formatRange({ r0: 0, c0: 0, r1: 0, c1: width - 1 })).format.columnWidth = 120;
    }
    ws.activate();
    context.runtime.enableEvents = true;
    await context.sync();
    return name;
  });
}
