// What the host remembers about the workbook between rounds: the rule profile it records (a document setting)
// and whether the very hidden JX_META sheet exists, so that a round reads it in its one sync or skips it.

import { getProfile } from "../domain";
import { META_SHEET } from "../sheet/meta";

export const PROFILE_SETTING = "jixiao.profile";

export class WorkbookFacts {
  /** The profile's id (national until the workbook says otherwise). */
  profile = "national";
  private meta: boolean | undefined;
  private loading: Promise<void> | null = null;

  get hasMeta(): boolean {
    return this.meta ?? false;
  }

  /** Reads the profile setting and the sheet names once (one sync); later calls return at once. */
  load(): Promise<void> {
    if (this.meta !== undefined) return Promise.resolve();
    this.loading ??= Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const setting = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
      setting.load("value");
      await context.sync();
      this.meta = sheets.items.some((s) => s.name === META_SHEET);
      if (!setting.isNullObject && typeof setting.value === "string") this.profile = getProfile(setting.value).id;
    }).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** The add-in has just written JX_META (insert, adopt). */
  metaWritten(): void {
    this.meta = true;
  }

  /**
   * Looks at the sheets again after a read failed with ItemNotFound (one sync): JX_META may be gone (removed by a
   * co-author, by undo, by a macro), or the sheet itself. Says whether `which` (id or name) still exists.
   */
  async recheck(which: string | undefined): Promise<{ sheetExists: boolean }> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      this.meta = sheets.items.some((s) => s.name === META_SHEET);
      const wanted = which?.toUpperCase();
      return {
        sheetExists:
          !wanted || sheets.items.some((s) => s.id.toUpperCase() === wanted || s.name.toUpperCase() === wanted),
      };
    });
  }
}
