// Shared set-up for the excel/ tests: a fake workbook installed as the global Excel, a host with manual timers.
import { createFakeExcel, type FakeExcel } from "../../src/fake-excel";
import { createExcelHost, type ExcelHost } from "../../src/excel/host";
import type { Grid } from "../../src/sheet/grid";
import { formatA1 } from "../../src/sheet/address";

export interface Rig {
  fake: FakeExcel;
  host: ExcelHost;
  /** Runs the debounced recompute now (as if 300 ms passed) and waits for it. */
  fire(): Promise<void>;
  scheduled(): boolean;
  undo(): void;
}

export function rig(sheets?: string[], legacyEvents = false): Rig {
  const fake = createFakeExcel({ sheets, legacyEvents });
  const undo = fake.install();
  let pending: (() => void) | null = null;
  const host = createExcelHost({
    debounceMs: 300,
    timers: {
      set: (fn) => {
        pending = fn;
        return 1;
      },
      clear: () => {
        pending = null;
      },
    },
  });
  return {
    fake,
    host,
    async fire() {
      await fake.settle();
      const fn = pending;
      pending = null;
      fn?.();
      await host.idle();
      await fake.settle();
    },
    scheduled: () => pending !== null,
    undo,
  };
}

/** Copies a Grid (read from an .xlsx fixture) into a new sheet of the fake: values and merges only. */
export function loadGrid(fake: FakeExcel, grid: Grid, name = grid.sheet): void {
  fake.addSheet(name);
  for (const cell of grid.cells)
    if (cell.value !== null && cell.value !== "") fake.setCells(name, formatA1(cell.row, cell.col), [[typeof cell.value === "string" ? `'${cell.value}` : cell.value]]);
  for (const m of grid.merges) fake.merge(name, `${formatA1(m.r0, m.c0)}:${formatA1(m.r1, m.c1)}`);
}
