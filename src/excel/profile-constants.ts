// The profile's parameters in the workbook (docs/rules.md#profiles, domain/templates/lists.ts PROFILE): named cells on the very
// hidden lists sheet that every template formula and the printed legend read. Written at insert (with the plan's
// lists) and rewritten here when the officer switches the profile: a few cells change, never a formula.

import type { Profile } from "../domain/profiles";
import { PROFILE, profileConstants } from "../domain/templates/profile-constants";
import type { PlanList } from "../sheet/plan";
import type { NameInfo } from "./read-grid";

const CONSTANT_NAMES = new Set<string>(Object.values(PROFILE));

/** Whether a plan list is one of the profile's named cells. */
export const isProfileConstant = (l: PlanList): boolean => CONSTANT_NAMES.has(l.name);

/** Queues new values for the constants the workbook already has (those it lacks are added with the lists). */
export function queueProfileValues(context: Excel.RequestContext, lists: PlanList[], names: NameInfo[]): void {
  const have = new Set(names.map((n) => n.name.toUpperCase()));
  for (const l of lists.filter(isProfileConstant)) {
    if (!have.has(l.name.toUpperCase())) continue;
    context.workbook.names.getItem(l.name).getRange().values = l.values.map((v) => [v]);
  }
}

/**
 * Writes a profile's parameters into the workbook: two syncs (which names exist, then the values). A workbook without
 * our forms has none, and nothing is written. Returns how many constants were written.
 */
export async function writeProfileConstants(profile: Profile): Promise<number> {
  return Excel.run(async (context) => {
    const lists = profileConstants(profile);
    const items = lists.map((l) => context.workbook.names.getItemOrNullObject(l.name));
    for (const it of items) it.load("name");
    await context.sync();
    let n = 0;
    lists.forEach((l, i) => {
      if (items[i].isNullObject) return;
      items[i].getRange().values = l.values.map((v) => [v]);
      n++;
    });
    if (n) await context.sync();
    return n;
  });
}
