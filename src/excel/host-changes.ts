// What changed on each sheet since its last recompute, so that a round after a plain edit of value cells can
// re-read the values into the forms it knows (the fast path) instead of detecting the layout again.

import type { Rect } from "../sheet/grid";

export class ChangeLog {
  /** Sheet id → the rectangles changed since its last round; null when some change was not a plain edit. */
  private readonly bySheet = new Map<string, Rect[] | null>();

  /** Records a change; `rect` null (rows inserted, a sheet switched to, …) means "read everything again". */
  note(sheetId: string, rect: Rect | null): void {
    const known = this.bySheet.has(sheetId) ? this.bySheet.get(sheetId) : [];
    this.bySheet.set(sheetId, rect && known ? [...known, rect] : null);
  }

  /** The changes of a sheet since its last round, forgotten now; null when unknown (then the round reads all). */
  take(sheetId: string): Rect[] | null {
    const rects = this.bySheet.get(sheetId) ?? null;
    this.bySheet.delete(sheetId);
    return rects;
  }
}
