// One round of the live loop: recompute a sheet (one read, the engine, one write), with the fast path when only
// value cells changed, and the one retry a vanished JX_META needs. The state goes to the listeners.

import type { SheetState } from "../sheet/host-contract";
import { type FormCache, makeCache } from "../sheet/read/incremental";
import type { ChangeLog } from "./host-changes";
import type { WorkbookFacts } from "./host-workbook";
import { recompute, type RecomputeResult, type Reuse, type WriteMarks } from "./recompute";

const isItemNotFound = (e: unknown): boolean => (e as { code?: unknown } | null | undefined)?.code === "ItemNotFound";

export class Rounds {
  /** How many recomputes ran (tests: proves there is no loop). */
  count = 0;
  /** How many of them took the fast path (values re-read into the known structure). */
  patched = 0;
  /** Sheet id → the forms of its last full read. */
  private readonly caches = new Map<string, FormCache>();

  constructor(
    private readonly facts: WorkbookFacts,
    private readonly changes: ChangeLog,
    private readonly marks: WriteMarks,
    private readonly notify: (state: SheetState) => void,
    /** What a round's state gains before anyone sees it (the comparison with the workbook's targets tables). */
    private readonly decorate: (res: RecomputeResult) => SheetState = (res) => res.state,
  ) {}

  /** Recomputes the active sheet (检查本表, after an insert or adopt, a profile switch). Throws what failed. */
  async active(): Promise<SheetState> {
    const res = await this.run(undefined);
    if (!res) throw new Error("找不到当前工作表。"); // cannot happen: the active sheet always exists
    return res.state;
  }

  /** Recomputes one sheet after a change (by id). A sheet deleted meanwhile has nothing to compute: skipped. */
  async sheet(sheetId: string): Promise<void> {
    await this.run(sheetId);
  }

  private async run(which: string | undefined): Promise<RecomputeResult | null> {
    await this.facts.load();
    this.count++;
    const rects = which ? this.changes.take(which) : null;
    const cache = which ? this.caches.get(which) : undefined;
    const reuse: Reuse | null = cache && rects ? { cache, changed: rects } : null;
    let res: RecomputeResult;
    try {
      res = await recompute(which, this.facts.hasMeta, this.facts.profile, this.marks, reuse);
    } catch (e) {
      if (!isItemNotFound(e)) throw e;
      const { sheetExists } = await this.facts.recheck(which);
      if (!sheetExists && which) {
        this.caches.delete(which);
        return null;
      }
      res = await recompute(which, this.facts.hasMeta, this.facts.profile, this.marks, reuse);
    }
    res = { ...res, state: this.decorate(res) };
    if (res.patched) this.patched++;
    else {
      const fresh = makeCache(res.sheetId, res.forms);
      if (fresh) this.caches.set(res.sheetId, fresh);
      else this.caches.delete(res.sheetId);
    }
    if (!which || res.sheetId === res.activeId) this.notify(res.state);
    return res;
  }
}
