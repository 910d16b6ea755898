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
import type { Form, FormKind } from "../domain/model";
import type {
  Host,
  InsertFill,
  InsertResult,
  LiveError,
  SheetState,
  TargetsTables,
  TemplateOptions,
} from "../sheet/host-contract";
import { adoptActive } from "./recompute";
import { writeSummary } from "./summary";
import { writeProfileConstants } from "./profile-constants";
import { ChangeLog } from "./host-changes";
import { liveError, type LiveStage } from "./host-errors";
import { OwnWrites, SheetEvents } from "./host-events";
import { fillNoteWrites, writeFillNotes } from "./host-notes";
import { sheetNameFor } from "../sheet/safe-text";
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
    ([render, insert]) => ({ buildPlan: render.buildPlan, insertPlan: insert.insertPlan, planNotes: insert.planNotes }),
    () => {
      throw new Error("插入所需的程序没有加载成功，可能是网络中断了。工作簿没有任何改动；网络恢复后再试一次。");
    },
  );

/**
 * Reading the workbook's targets tables and comparing forms with them (host-targets.ts), needed by 检查本表 and
 * 从绩效目标表生成 only: a chunk of its own, loaded on demand.
 */
export const loadTargets = () =>
  import(/* webpackChunkName: "targets" */ "./host-targets").catch(() => {
    throw new Error("读取绩效目标表所需的程序没有加载成功，可能是网络中断了；网络恢复后再试一次。");
  });

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
  // The targets tables of the workbook, once 检查本表 (or 从绩效目标表生成) has read them: by sheet, kept current by
  // the rounds that read a sheet anyway; and the comparison, from the chunk that read them.
  let targets: { bySheet: Map<string, Form[]>; compare: (state: SheetState, tables: Form[]) => SheetState } | null = null;
  const rounds = new Rounds(
    facts,
    changes,
    own,
    (state) => subscribers.forEach((s) => s.state(state)),
    (res) => {
      if (!targets) return res.state;
      const here = res.forms.filter((f) => f.kind === "targets");
      if (here.length) targets.bySheet.set(res.state.sheet, here);
      else targets.bySheet.delete(res.state.sheet);
      return targets.compare(res.state, [...targets.bySheet.values()].flat());
    },
  );

  /** Reads the targets tables of every visible sheet afresh (and keeps them for the rounds that follow). */
  async function loadTables(): Promise<{ tables: Form[]; skipped: string[] }> {
    await facts.load();
    const mod = await loadTargets();
    const read = await mod.readTargetTables(facts.hasMeta);
    targets = { bySheet: read.bySheet, compare: mod.compareWithTables };
    return { tables: [...read.bySheet.values()].flat(), skipped: read.skipped };
  }

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
    async insert(kind: FormKind, opts: TemplateOptions, where: "new-sheet" | "selection", fill?: InsertFill): Promise<InsertResult> {
      const [{ buildPlan, insertPlan, planNotes }] = await Promise.all([loadInsert(), facts.load()]);
      let plan = buildPlan(kind, { ...opts, profile: facts.profile }, fill?.form);
      // A form made from a targets table goes to a sheet named after its project (as `jixiao new --from` names it).
      const single = fill && !Array.isArray(fill.form) ? fill.form : null;
      if (single && where === "new-sheet") plan = { ...plan, sheetName: sheetNameFor(single.name, plan.sheetName) };
      const out = await insertPlan(plan, where);
      if (out.refused) return { sheet: out.sheet, address: out.address, refused: out.refused, message: out.message };
      facts.metaWritten();
      if (fill?.notes?.length) {
        try {
          await writeFillNotes(out.sheet, fillNoteWrites(plan, out.address, planNotes(plan), fill.notes));
        } catch (e) {
          console.error("jixiao: the notes of a form made from a targets table were not written", e); // the form is in
        }
      }
      scheduler.now(() => rounds.active());
      return { sheet: out.sheet, address: out.address };
    },
    refresh: () => rounds.active(),
    async check(): Promise<SheetState> {
      let note: string | null = null;
      try {
        await loadTables();
      } catch (e) {
        // The form is still checked; only the comparison with the approved targets is missing, and said so.
        console.error("jixiao: the targets tables of the workbook could not be read", e);
        note = `未能与本工作簿中的绩效目标表比对指标值：${e instanceof Error ? e.message : String(e)}`;
      }
      const state = await rounds.active();
      if (!note) return state;
      return { ...state, targets: { compared: [], notes: [...(state.targets?.notes ?? []), note] } };
    },
    readTargets: (): Promise<TargetsTables> => loadTables(),
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
