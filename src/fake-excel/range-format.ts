// Fake Range.format (font, fill, borders, protection, sizes), Range.dataValidation, Range.conditionalFormats.

import type { Rect } from "../sheet/grid";
import { ErrorCodes, FakeOfficeError } from "./errors";
import { ClientObj, type FakeContextCore, KeyedObj } from "./proxy";
import { type CfRecord, cellAt, contains, ensureCell, intersects, type SheetData } from "./state";

type Res = () => { sheet: SheetData; rect: Rect };

const DEFAULTS: Record<string, unknown> = {
  "font.bold": false,
  "font.italic": false,
  "font.color": "#000000",
  "font.size": 11,
  "font.name": "Calibri",
  "fill.color": "#FFFFFF",
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  "protection.locked": true,
};

function forEachCell(sheet: SheetData, rect: Rect, f: (r: number, c: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) f(r, c);
}

/** The value of a style key over a range: the common value, or null when cells differ (as Office.js). */
function readStyle(res: Res, k: string): unknown {
  const { sheet, rect } = res();
  let out: unknown = undefined;
  let mixed = false;
  forEachCell(sheet, rect, (r, c) => {
    const v = cellAt(sheet, r, c)?.style?.[k] ?? DEFAULTS[k] ?? null;
    if (out === undefined) out = v;
    else if (out !== v) mixed = true;
  });
  return mixed ? null : out;
}

function writeStyle(res: Res, k: string, v: unknown): void {
  const { sheet, rect } = res();
  forEachCell(sheet, rect, (r, c) => {
    const cell = ensureCell(sheet, r, c);
    cell.style ??= {};
    cell.style[k] = typeof v === "string" && k.endsWith("color") ? v.toUpperCase() : v;
  });
}

function styled(ctx: FakeContextCore, type: string, prefix: string, keys: string[], res: Res): KeyedObj {
  return new KeyedObj(
    ctx,
    type,
    keys,
    (k) => readStyle(res, prefix + k),
    (k, v) => writeStyle(res, prefix + k, v),
  );
}

export class RangeFormatObj extends KeyedObj {
  readonly font: KeyedObj;
  readonly fill: KeyedObj & { clear(): void };
  readonly protection: KeyedObj;
  readonly borders: { getItem(index: string): KeyedObj };

  constructor(ctx: FakeContextCore, res: Res) {
    super(
      ctx,
      "RangeFormat",
      ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"],
      (k) => {
        const { sheet, rect } = res();
        if (k === "columnWidth") return sheet.columnWidths.get(rect.c0) ?? 48;
        if (k === "rowHeight") return sheet.rowHeights.get(rect.r0) ?? 15;
        return readStyle(res, k);
      },
      (k, v) => {
        const { sheet, rect } = res();
        if (k === "columnWidth") for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, Number(v));
        else if (k === "rowHeight") for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, Number(v));
        else writeStyle(res, k, v);
      },
    );
    this.font = styled(ctx, "RangeFont", "font.", ["bold", "italic", "color", "size", "name"], res);
    const fill = styled(ctx, "RangeFill", "fill.", ["color"], res) as KeyedObj & { clear(): void };
    fill.clear = () =>
      ctx.enqueue(() => {
        const { sheet, rect } = res();
        forEachCell(sheet, rect, (r, c) => delete cellAt(sheet, r, c)?.style?.["fill.color"]);
      }, []);
    this.fill = fill;
    this.protection = styled(ctx, "FormatProtection", "protection.", ["locked", "formulaHidden"], res);
    this.borders = {
      getItem: (index: string) => {
        ctx.addRequest([index]);
        return styled(ctx, "RangeBorder", `border.${index}.`, ["style", "color", "weight"], res);
      },
    };
  }
  protected override _nav(name: string): ClientObj | undefined {
    if (name === "font") return this.font;
    if (name === "fill") return this.fill;
    if (name === "protection") return this.protection;
    return undefined;
  }
  autofitColumns(): void {}
  autofitRows(): void {}
}

export class DataValidationObj extends KeyedObj {
  clear: () => void;
  constructor(ctx: FakeContextCore, res: Res) {
    super(
      ctx,
      "DataValidation",
      ["rule", "prompt", "errorAlert", "type", "ignoreBlanks"],
      (k) => {
        const { sheet, rect } = res();
        const v = sheet.validations.find((x) => contains(x.rect, rect));
        if (k === "type") return v ? (v.rule.list ? "List" : "Custom") : "None";
        if (k === "rule") return v?.rule ?? {};
        if (k === "prompt") return v?.prompt ?? { showPrompt: false, message: "", title: "" };
        return k === "ignoreBlanks" ? true : {};
      },
      (k, val) => {
        const { sheet, rect } = res();
        let v = sheet.validations.find((x) => x.rect.r0 === rect.r0 && x.rect.c0 === rect.c0 && contains(x.rect, rect));
        if (!v) {
          sheet.validations = sheet.validations.filter((x) => !intersects(x.rect, rect));
          v = { rect, rule: {} };
          sheet.validations.push(v);
        }
        if (k === "rule") {
          checkListRule(ctx, val as Record<string, unknown>);
          v.rule = { ...(val as Record<string, unknown>) };
        }
        if (k === "prompt") {
          // Excel's limits: an input message of at most 255 characters, a title of at most 32.
          const p = val as { message?: string; title?: string };
          if ((p.message ?? "").length > 255 || (p.title ?? "").length > 32) throw bad("prompt too long");
          v.prompt = { ...(val as Record<string, unknown>) };
        }
      },
    );
    this.clear = () =>
      ctx.enqueue(() => {
        const { sheet, rect } = res();
        sheet.validations = sheet.validations.filter((x) => !intersects(x.rect, rect));
      }, []);
  }
}

export class ConditionalFormatObj extends KeyedObj {
  readonly custom: { rule: KeyedObj; format: { fill: KeyedObj; font: KeyedObj } };
  constructor(ctx: FakeContextCore, rec: () => CfRecord) {
    super(
      ctx,
      "ConditionalFormat",
      ["type", "priority", "stopIfTrue"],
      (k) => (k === "type" ? rec().type : k === "priority" ? 0 : false),
      () => undefined,
    );
    const fmt = (type: string, prefix: string, keys: string[]): KeyedObj =>
      new KeyedObj(
        ctx,
        type,
        keys,
        (k) => rec().format[prefix + k] ?? null,
        (k, v) => {
          rec().format[prefix + k] = typeof v === "string" && k === "color" ? v.toUpperCase() : v;
        },
      );
    this.custom = {
      rule: new KeyedObj(
        ctx,
        "ConditionalFormatRule",
        ["formula", "formulaLocal"],
        () => rec().formula,
        (_k, v) => {
          if (typeof v !== "string" || !v.startsWith("=")) throw bad(`rule formula ${String(v)}`);
          rec().formula = v;
        },
      ),
      format: { fill: fmt("ConditionalRangeFill", "fill.", ["color"]), font: fmt("ConditionalRangeFont", "font.", ["color", "bold", "italic"]) },
    };
  }
}

export class CfCollection extends ClientObj {
  readonly _type = "ConditionalFormatCollection";
  private readonly res: Res;
  constructor(ctx: FakeContextCore, res: Res) {
    super(ctx);
    this.res = res;
  }
  protected _scalars(): string[] {
    return ["count"];
  }
  protected _read(): unknown {
    const { sheet, rect } = this.res();
    return sheet.conditionalFormats.filter((x) => intersects(x.rect, rect)).length;
  }
  add(type: string): ConditionalFormatObj {
    let rec: CfRecord | undefined;
    this.context.enqueue(() => {
      if (!CF_TYPES.includes(type)) throw bad(`conditional format type ${type}`);
      const { sheet, rect } = this.res();
      rec = { rect, type, formula: "", format: {} };
      sheet.conditionalFormats.push(rec);
    }, [type]);
    return new ConditionalFormatObj(this.context, () => rec as CfRecord);
  }
  getCount(): { value: number } {
    const out = { value: NaN };
    this.context.enqueue(() => {
      out.value = this._read() as number;
    });
    return out;
  }
  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.res();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => !contains(rect, x.rect));
    });
  }
}

const bad = (what: string): FakeOfficeError => new FakeOfficeError(ErrorCodes.invalidArgument, `The argument is invalid (${what}).`);

/** Excel.ConditionalFormatType values. */
const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

/** A list rule as Excel takes it: a non-empty source; "=NAME" only when the name exists at that point of the batch. */
function checkListRule(ctx: FakeContextCore, rule: Record<string, unknown>): void {
  const list = rule.list as { source?: unknown } | undefined;
  if (!list) return;
  const source = typeof list.source === "string" ? list.source.trim() : "";
  if (!source) throw bad("empty list source");
  const m = /^=([A-Za-z_\\][\w.]*)$/.exec(source);
  if (m && !/^\$?[A-Za-z]{1,3}\$?\d+$/.test(m[1]) && !ctx.book.names.has(m[1].toUpperCase())) {
    throw bad(`list source names ${m[1]}, which does not exist`);
  }
}
