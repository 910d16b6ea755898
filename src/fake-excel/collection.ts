// A loadable collection (worksheets, names): load("items/name") loads each item's properties at sync.

import { ClientObj, type LoadOption, loadPaths } from "./proxy";

export abstract class Coll<T extends ClientObj> extends ClientObj {
  protected abstract _list(): T[];
  protected _scalars(): string[] {
    return ["count"];
  }
  protected _read(): unknown {
    return this._list().length;
  }
  override load(opt?: LoadOption): this {
    this.context.addRequest(opt ?? []);
    const paths = loadPaths(opt) ?? ["items"];
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.context.enqueue(() => {
      const items = this._list();
      for (const it of items) it.load(itemPaths.length ? itemPaths : undefined);
      this._loaded.set("items", items);
    });
    return this;
  }
  get items(): T[] {
    return this._get("items");
  }
  getCount(): { value: number } {
    const out = { value: NaN };
    this.context.enqueue(() => {
      out.value = this._list().length;
    });
    return out;
  }
}
