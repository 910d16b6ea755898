// createExcelHost(): the Host the pane talks to, over the global `Excel` (Office.js, or the fake in tests and the
// preview). It wires small parts, each with one job:
//   host-events    listens to onChanged / onActivated and recognises the add-in's own writes;
//   host-changes   remembers what changed on each sheet since its last round;
//   host-schedule  debounces typing and runs one round at a time;
//   host-rounds    one round: one read, the engine, one write (recompute.ts), with the fast path;
//   host-workbook  the profile and whether JX_META exists;
//   host-errors    what the officer is told when a round or listening fails.
// Live: worksheet change → debounce → one read → engine → one write of changed notes → listeners. A failure on the
// way is logged and shown in the pane (subscribe's onError); never swallowed.

import { getProfile } from "../domain";
import type { FormKind } from "../domain/model";
import type { Host, InsertResult, LiveError, SheetState, TemplateOptions } from "../sheet/host-contract";
import { adoptActive } from "./recompute";
import { writeSummary } from "./summary";
import { writeProfileConstants } from "./profile-constants";
import { ChangeLog } from "./host-changes";
import { liveError, type LiveStage } from "./host-errors";
import { OwnWrites, SheetEvents } from "./host-events";
import { Rounds } from "./host-rounds";
import { realTimers, RoundScheduler, type Timers } from "./host-schedule";
import { PROFILE_SETTING, WorkbookFacts } from "./host-workbook";

export { PROFILE_SETTING };
export type { Timers };

/**
 * The template builder and its writer, needed only to insert a form: a chunk of its own in the pane and the ribbon
 * bundles, loaded on demand (the pane's budget, bench pane-js-gzip). The pane and the ribbon fetch it in the
 * background once they have started, so an insert still works when the network goes away later.
 */
export const loadInsert = () =>
  Promise.all([
    import(/* webpackChunkName: "insert" */ "../sheet/render"),
    import(/* webpackChunkName: "insert" */ "./insert"),
  ]).then(
    ([render, insert]) => ({ buildPlan: render.buildPlan, insertPlan: insert.insertPlan }),
    () => {
      throw new Error("插入所需的程序没有加载成功，可能是网络中断了。工作簿没有任何改动；网络恢复后再试一次。");
    },
  );

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

interface Subscriber {
  state: (state: SheetState) => void;
  error?: (error: LiveError) => void;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const subscribers = new Set<Subscriber>();
  const facts = new WorkbookFacts();
  const changes = new ChangeLog();
  const own = new OwnWrites();
  const rounds = new Rounds(facts, changes, own, (state) => subscribers.forEach((s) => s.state(state)));

  /** A failure of the live loop: logged with the original error, and told to every pane that listens. */
  function report(stage: LiveStage, error: unknown): void {
    console.error(`jixiao: live ${stage} failed`, error);
    const shown = liveError(stage, error);
    subscribers.forEach((s) => s.error?.(shown));
  }

  const scheduler = new RoundScheduler({
    run: (sheetId) => rounds.sheet(sheetId),
    failed: (e) => report("recompute", e),
    timers: options.timers ?? realTimers,
    debounceMs: options.debounceMs ?? 300,
  });

  const events = new SheetEvents(own, {
    changed(sheetId, rect) {
      changes.note(sheetId, rect);
      scheduler.schedule(sheetId);
    },
    activated(sheetId) {
      changes.note(sheetId, null);
      scheduler.schedule(sheetId, 0);
    },
    failed: (e) => report("recompute", e),
  });

  return {
    get profile() {
      return facts.profile;
    },
    get rounds() {
      return rounds.count;
    },
    get patchedRounds() {
      return rounds.patched;
    },
    async insert(kind: FormKind, opts: TemplateOptions, where: "new-sheet" | "selection"): Promise<InsertResult> {
      const [{ buildPlan, insertPlan }] = await Promise.all([loadInsert(), facts.load()]);
      const out = await insertPlan(buildPlan(kind, { ...opts, profile: facts.profile }), where);
      if (out.refused) return { sheet: out.sheet, address: out.address, refused: out.refused, message: out.message };
      facts.metaWritten();
      scheduler.now(() => rounds.active());
      return { sheet: out.sheet, address: out.address };
    },
    refresh: () => rounds.active(),
    async adopt(): Promise<SheetState> {
      await facts.load();
      const { adopted } = await adoptActive(facts.hasMeta, facts.profile);
      if (adopted) facts.metaWritten();
      return rounds.active();
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
    subscribe(listener: (s: SheetState) => void, onError?: (error: LiveError) => void): () => void {
      const subscriber: Subscriber = { state: listener, error: onError };
      subscribers.add(subscriber);
      events.listen().catch((e: unknown) => report("listen", e));
      return () => {
        subscribers.delete(subscriber);
      };
    },
    async setProfile(name: string): Promise<void> {
      facts.profile = getProfile(name).id;
      await Excel.run(async (context) => {
        context.workbook.settings.add(PROFILE_SETTING, facts.profile);
        await context.sync();
      });
      await writeProfileConstants(getProfile(facts.profile));
      await rounds.active();
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
      scheduler.stop();
      await events.stop();
    },
    idle: () => scheduler.idle(),
  };
}
