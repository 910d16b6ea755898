// Fake Excel.NamedItem and the workbook's NamedItemCollection.

import { ErrorCodes, FakeOfficeError } from "./errors";
import { Coll } from "./collection";
import { ClientObj, type FakeContextCore } from "./proxy";
import { FakeRange } from "./range";
import { cellAt, quoteSheet, rectA1 } from "./state";

/** NamedItem.arrayValues (ExcelApi 1.7): the values (and their types) a name evaluates to; for a name of a range, the
 *  range's values. Loaded on a null NamedItem it stays unread, as any property of a null object. */
export class NamedItemArrayValuesObj extends ClientObj {
  readonly _type = "NamedItemArrayValues";
  private readonly item: NamedItemObj;
  constructor(ctx: FakeContextCore, item: NamedItemObj) {
    super(ctx);
    this.item = item;
  }
  protected override _exists(): boolean {
    return this.item.exists();
  }
  protected _scalars(): string[] {
    return ["values", "types"];
  }
  protected _read(prop: string): unknown {
    const { sheet, rect } = this.context.book.resolveAddress(this.item.formulaText().replace(/^=/, ""));
    const out: unknown[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: unknown[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = cellAt(sheet, r, c)?.value ?? "";
        row.push(prop === "values" ? v : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : v === "" ? "Empty" : "String");
      }
      out.push(row);
    }
    return out;
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  get types(): string[][] {
    return this._get("types");
  }
}

export class NamedItemObj extends ClientObj {
  readonly _type = "NamedItem";
  private readonly key: () => string;
  private readonly nullable: boolean;
  constructor(ctx: FakeContextCore, key: () => string, nullable = false) {
    super(ctx);
    this.key = key;
    this.nullable = nullable;
  }
  protected override _exists(): boolean {
    const ok = this.context.book.names.has(this.key().toUpperCase());
    if (!ok && !this.nullable) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No name ${this.key()}`);
    return ok;
  }
  /** Whether the name exists (at sync). */
  exists(): boolean {
    return this.context.book.names.has(this.key().toUpperCase());
  }
  formulaText(): string {
    return this.data().formula;
  }
  private _arrayValues: NamedItemArrayValuesObj | undefined;
  get arrayValues(): NamedItemArrayValuesObj {
    return (this._arrayValues ??= new NamedItemArrayValuesObj(this.context, this));
  }
  protected override _nav(name: string): ClientObj | undefined {
    return name === "arrayValues" ? this.arrayValues : undefined;
  }
  private data() {
    const d = this.context.book.names.get(this.key().toUpperCase());
    if (!d) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No name ${this.key()}`);
    return d;
  }
  protected _scalars(): string[] {
    return ["name", "formula", "type", "value", "visible", "comment"];
  }
  protected _read(prop: string): unknown {
    const d = this.data();
    if (prop === "type") return /^=('[^']+'|[^!]+)!\$?[A-Z]+\$?\d+/.test(d.formula) ? "Range" : "String";
    if (prop === "value") return d.formula.replace(/^=/, "");
    return (d as unknown as Record<string, unknown>)[prop];
  }
  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    return this._get("formula");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => this.context.book.resolveAddress(this.data().formula.replace(/^=/, "")));
  }
  delete(): void {
    this.context.enqueue(() => this.context.book.names.delete(this.key().toUpperCase()), []);
  }
}

const NAME_RE = /^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/;

export class NamedItemCollectionObj extends Coll<NamedItemObj> {
  readonly _type = "NamedItemCollection";
  protected _list(): NamedItemObj[] {
    return [...this.context.book.names.values()].map((d) => new NamedItemObj(this.context, () => d.name));
  }
  add(name: string, reference: FakeRange | string, comment = ""): NamedItemObj {
    // A Range goes as a reference to its object path (already counted where it was made), a string as itself.
    this.context.addRequest([name, typeof reference === "string" ? reference : null, comment]);
    this.context.enqueue(() => {
      const book = this.context.book;
      if (!NAME_RE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name)) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `Bad name ${name}`);
      }
      if (book.names.has(name.toUpperCase())) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `Name ${name} exists`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const r = reference.resolve();
        if (!r) throw new FakeOfficeError(ErrorCodes.invalidReference, "Null range");
        formula = `=${quoteSheet(r.sheet.name)}!${rectA1(r.rect, true)}`;
      }
      book.names.set(name.toUpperCase(), { name, formula, comment, visible: true });
    });
    return new NamedItemObj(this.context, () => name);
  }
  getItem(name: string): NamedItemObj {
    this.context.addRequest([name]);
    return new NamedItemObj(this.context, () => name);
  }
  getItemOrNullObject(name: string): NamedItemObj {
    this.context.addRequest([name]);
    return new NamedItemObj(this.context, () => name, true);
  }
}
