// The host's ears: it listens to the workbook's worksheet events (onChanged, onActivated) and tells changes the
// officer made from those the add-in's own writes caused, which must never start another recompute.

import { parseRange } from "../sheet/address";
import type { Rect } from "../sheet/grid";
import type { CellWrite } from "./derive";

/** The part of Excel.WorksheetChangedEventArgs the host reads. */
export interface ChangeArgs {
  worksheetId: string;
  address: string;
  triggerSource?: string;
}

/**
 * Remembers the add-in's own writes, to recognise the events they cause. Excel from ExcelApi 1.14 says so itself
 * (triggerSource "ThisLocalAddin"); before that, an event is ours while a write is running, or when every cell it
 * names is a cell of the last write.
 */
export class OwnWrites {
  private writing = false;
  private last: { sheetId: string; cells: Set<string> } | null = null;

  /** A write of `writes` on `sheetId` is about to be synced. */
  begin(sheetId: string, writes: CellWrite[]): void {
    this.writing = true;
    this.last = { sheetId, cells: new Set(writes.map((w) => `${w.r},${w.c}`)) };
  }

  /** The write was synced (or failed). */
  end(): void {
    this.writing = false;
  }

  isOwn(e: ChangeArgs): boolean {
    if (e.triggerSource === "ThisLocalAddin") return true;
    if (e.triggerSource !== undefined) return false;
    if (this.writing) return true;
    const rect = parseRange(e.address);
    const last = this.last;
    if (!rect || !last || last.sheetId !== e.worksheetId) return false;
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) if (!last.cells.has(`${r},${c}`)) return false;
    return true;
  }
}

/** What the events are turned into. */
export interface SheetEventSink {
  /** The officer (or a co-author) changed `rect` on a sheet; null when the change is not a plain edit of cells. */
  changed(sheetId: string, rect: Rect | null): void;
  /** Another sheet became the active one. */
  activated(sheetId: string): void;
  /** A handler failed (Office would swallow the error). */
  failed(error: unknown): void;
}

type Registration = { context: OfficeExtension.ClientRequestContext; remove(): void };

/** Registers the two worksheet-collection handlers once (one sync), and removes them (one sync). */
export class SheetEvents {
  private registered: Promise<Registration[]> | null = null;

  constructor(
    private readonly own: OwnWrites,
    private readonly sink: SheetEventSink,
  ) {}

  /** Starts listening; later calls share the first registration. A failed registration can be tried again. */
  listen(): Promise<void> {
    this.registered ??= this.register().catch((e: unknown) => {
      this.registered = null;
      throw e;
    });
    return this.registered.then(() => undefined);
  }

  /** Stops listening (waits for a registration still under way). */
  async stop(): Promise<void> {
    const pending = this.registered;
    this.registered = null;
    const handlers = pending ? await pending.catch(() => [] as Registration[]) : [];
    if (!handlers.length) return;
    await Excel.run(handlers[0].context, async (context) => {
      for (const h of handlers) h.remove();
      await context.sync();
    });
  }

  private register(): Promise<Registration[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const changed = sheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => this.onChanged(e));
      const activated = sheets.onActivated.add(async (e: Excel.WorksheetActivatedEventArgs) => this.onActivated(e));
      await context.sync();
      return [changed, activated];
    });
  }

  private onChanged(e: Excel.WorksheetChangedEventArgs): void {
    try {
      if (this.own.isOwn(e)) return;
      this.sink.changed(e.worksheetId, e.changeType === "RangeEdited" ? parseRange(e.address) : null);
    } catch (error) {
      this.sink.failed(error);
    }
  }

  private onActivated(e: Excel.WorksheetActivatedEventArgs): void {
    try {
      this.sink.activated(e.worksheetId);
    } catch (error) {
      this.sink.failed(error);
    }
  }
}
