// createExcelHost(): the Host the pane talks to, over the global `Excel` (Office.js, or the fake in tests and the
// preview). Live: worksheet changes → debounce → one read → engine → one write of changed notes → listeners.
// Own writes never start another round: the event's triggerSource, events off while writing, and a guard.

import { buildPlan } from "../sheet/render";
import { getProfile } from "../domain";
import type { FormKind } from "../domain/model";
import { META_SHEET } from "../sheet/meta";
import { parseRange } from "../sheet/address";
import type { Host, InsertResult, SheetState, TemplateOptions } from "../sheet/host-contract";
import { insertPlan } from "./insert";
import { adoptActive, recompute } from "./recompute";
import type { CellWrite } from "./derive";
import type { Rect } from "../sheet/grid";
import { type FormCache, makeCache } from "../sheet/read/incremental";
import { writeSummary } from "./summary";

export const PROFILE_SETTING = "jixiao.profile";

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface ExcelHostOptions {
  debounceMs?: number; // default 300
  timers?: Timers;
}

export interface ExcelHost extends Host {
  /** Stops listening to workbook events. */
  dispose(): Promise<void>;
  /** Resolves when no recompute is running (a debounced one may still be scheduled). */
  idle(): Promise<void>;
  /** How many recomputes the live loop ran (tests: proves there is no loop). */
  readonly rounds: number;
  /** How many of them took the fast path (values re-read into the known structure). */
  readonly patchedRounds: number;
}

interface ChangeArgs {
  worksheetId: string;
  address: string;
  source?: string;
  triggerSource?: string;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const debounceMs = options.debounceMs ?? 300;
  const timers: Timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  let profile = "national";
  let hasMeta: boolean | undefined;
  const listeners = new Set<(s: SheetState) => void>();
  let handlers: { context: OfficeExtension.ClientRequestContext; remove(): void }[] = [];
  const pending = new Set<string>();
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let writing = false;
  let lastWrite: { sheetId: string; cells: Set<string> } | null = null;
  let rounds = 0;
  let patchedRounds = 0;
  const caches = new Map<string, FormCache>(); // sheet id → forms of the last full read
  const changed = new Map<string, Rect[] | null>(); // sheet id → changed rects since the last round (null: unknown)

  async function init(): Promise<void> {
    if (hasMeta !== undefined) return;
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const setting = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
      setting.load("value");
      await context.sync();
      hasMeta = sheets.items.some((s) => s.name === META_SHEET);
      if (!setting.isNullObject && typeof setting.value === "string") profile = getProfile(setting.value).id;
    });
  }

  const onWrite = (sheetId: string, writes: CellWrite[], on: boolean): void => {
    writing = on;
    if (on) lastWrite = { sheetId, cells: new Set(writes.map((w) => `${w.r},${w.c}`)) };
  };

  /** An event our own write caused (Excel before ExcelApi 1.14 has no triggerSource). */
  function isOwn(e: ChangeArgs): boolean {
    if (e.triggerSource === "ThisLocalAddin") return true;
    if (e.triggerSource !== undefined) return false;
    if (writing) return true;
    const rect = parseRange(e.address);
    if (!rect || !lastWrite || lastWrite.sheetId !== e.worksheetId) return false;
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (!lastWrite.cells.has(`${r},${c}`)) return false;
    return true;
  }

  function notify(state: SheetState): void {
    for (const l of listeners) l(state);
  }

  async function round(which: string | undefined): Promise<SheetState> {
    await init();
    rounds++;
    const rects = which ? changed.get(which) : null;
    if (which) changed.delete(which);
    const cache = which ? caches.get(which) : undefined;
    const reuse = cache && rects ? { cache, changed: rects } : null;
    let res;
    try {
      res = await recompute(which, hasMeta ?? false, profile, onWrite, reuse);
    } catch (e) {
      // JX_META, known to exist, is gone (removed by a co-author, by undo, by a macro): look again, once.
      if (!hasMeta || (e as { code?: string } | null)?.code !== "ItemNotFound") throw e;
      hasMeta = undefined;
      await init();
      res = await recompute(which, hasMeta ?? false, profile, onWrite, reuse);
    }
    if (res.patched) patchedRounds++;
    else {
      const c = makeCache(res.sheetId, res.forms);
      if (c) caches.set(res.sheetId, c);
      else caches.delete(res.sheetId);
    }
    if (!which || res.sheetId === res.activeId) notify(res.state);
    return res.state;
  }

  /** Remembers what changed (null: not known, e.g. rows inserted or the sheet switched → full read). */
  function note(sheetId: string, rect: Rect | null): void {
    const list = changed.has(sheetId) ? changed.get(sheetId) : [];
    changed.set(sheetId, rect && list ? [...list, rect] : null);
  }

  function schedule(sheetId: string, delay = debounceMs): void {
    pending.add(sheetId);
    if (running) {
      again = true; // a change while recomputing: one more round afterwards
      return;
    }
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      void flush();
    }, delay);
  }

  async function flush(): Promise<void> {
    if (running) return running;
    const ids = [...pending];
    pending.clear();
    running = (async () => {
      for (const id of ids) {
        try {
          await round(id);
        } catch {
          // the sheet may have been deleted meanwhile; the next event recomputes
        }
      }
    })();
    try {
      await running;
    } finally {
      running = null;
    }
    if (again || pending.size) {
      again = false;
      if (pending.size) schedule([...pending][0]);
    }
  }

  async function listen(): Promise<void> {
    if (handlers.length) return;
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets;
      const changed = ws.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        if (isOwn(e)) return;
        note(e.worksheetId, e.changeType === "RangeEdited" ? parseRange(e.address) : null);
        schedule(e.worksheetId);
      });
      const activated = ws.onActivated.add(async (e: Excel.WorksheetActivatedEventArgs) => {
        note(e.worksheetId, null);
        schedule(e.worksheetId, 0);
      });
      await context.sync();
      handlers = [changed, activated];
    });
  }

  const host: ExcelHost = {
    get profile() {
      return profile;
    },
    get rounds() {
      return rounds;
    },
    get patchedRounds() {
      return patchedRounds;
    },
    async insert(kind: FormKind, opts: TemplateOptions, where: "new-sheet" | "selection"): Promise<InsertResult> {
      await init();
      const out = await insertPlan(buildPlan(kind, opts), where);
      if (out.refused) return { sheet: out.sheet, address: out.address, refused: out.refused, message: out.message };
      hasMeta = true;
      void round(undefined).catch(() => undefined);
      return { sheet: out.sheet, address: out.address };
    },
    refresh: () => round(undefined),
    async adopt(): Promise<SheetState> {
      await init();
      const { adopted } = await adoptActive(hasMeta ?? false, profile);
      if (adopted) hasMeta = true;
      return round(undefined);
    },
    async select(sheet: string, cell: string): Promise<void> {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },
    writeSummarySheet: (title: string, rows: string[][]) => writeSummary(title, rows),
    subscribe(listener: (s: SheetState) => void): () => void {
      listeners.add(listener);
      void listen().catch(() => undefined);
      return () => {
        listeners.delete(listener);
      };
    },
    async setProfile(name: string): Promise<void> {
      profile = getProfile(name).id;
      await Excel.run(async (context) => {
        context.workbook.settings.add(PROFILE_SETTING, profile);
        await context.sync();
      });
      await round(undefined);
    },
    async readSetting(key: string): Promise<string | null> {
      return Excel.run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(key);
        setting.load("value");
        await context.sync();
        return setting.isNullObject || typeof setting.value !== "string" ? null : setting.value;
      });
    },
    async writeSetting(key: string, value: string): Promise<void> {
      await Excel.run(async (context) => {
        context.workbook.settings.add(key, value);
        await context.sync();
      });
    },
    async dispose(): Promise<void> {
      if (timer !== null) timers.clear(timer);
      timer = null;
      const hs = handlers;
      handlers = [];
      if (!hs.length) return;
      await Excel.run(hs[0].context, async (context) => {
        hs.forEach((h) => h.remove());
        await context.sync();
      });
    },
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
  return host;
}
