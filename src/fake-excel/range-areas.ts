// Fake Excel.RangeAreas (what getMergedAreasOrNullObject returns).

import type { Rect } from "../sheet/grid";
import { ClientObj, type FakeContextCore } from "./proxy";
import { quoteSheet, rectA1, type SheetData } from "./state";

/** Fake Excel.RangeAreas (what getMergedAreasOrNullObject returns). */
export class FakeRangeAreas extends ClientObj {
  readonly _type = "RangeAreas";
  private res: { sheet: SheetData; rects: Rect[] } | null | undefined;
  private readonly resolver: () => { sheet: SheetData; rects: Rect[] } | null;
  constructor(ctx: FakeContextCore, resolver: () => { sheet: SheetData; rects: Rect[] } | null) {
    super(ctx);
    this.resolver = resolver;
  }
  private resolve(): { sheet: SheetData; rects: Rect[] } | null {
    if (this.res === undefined) this.res = this.resolver();
    return this.res;
  }
  protected override _exists(): boolean {
    return this.resolve() !== null;
  }
  protected _scalars(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected _read(prop: string): unknown {
    const p = this.resolve();
    if (!p) return undefined;
    if (prop === "areaCount") return p.rects.length;
    if (prop === "cellCount") return p.rects.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0);
    return p.rects.map((r) => `${quoteSheet(p.sheet.name)}!${rectA1(r)}`).join(", ");
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
}
