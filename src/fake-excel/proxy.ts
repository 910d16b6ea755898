// Proxy objects and the request context, as in Office.js: methods and property writes are queued and applied at
// `sync()`; a property can be read only after `load(...)` and a `sync()`, else it throws PropertyNotLoaded.

import { ErrorCodes, FakeOfficeError, notLoaded } from "./errors";
import type { BookState } from "./state";

type Op = () => void;

const utf8 = new TextEncoder();
/** Bytes `v` takes in a request or response (JSON, UTF-8), as Excel on the web counts them (approximately). */
export function payloadBytes(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8.encode(s).length;
}

export interface ContextOptions {
  source: "Local" | "Remote";
  triggerSource: "ThisLocalAddin" | "Unknown";
}

export class FakeContextCore {
  readonly book: BookState;
  readonly options: ContextOptions;
  private queue: Op[] = [];
  /** Set while a sync is applying its queue (objects created then are resolved at once). */
  applying = false;
  calcSuspended = false;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Bytes of the actions queued for the next sync (the arguments of every method call and property write, cell
   *  data, formats, merges, names, validations and conditional formats alike), and of the data loaded by the current
   *  one: Excel on the web limits both. */
  requestBytes = 0;
  responseBytes = 0;

  constructor(book: BookState, options: ContextOptions) {
    this.book = book;
    this.options = options;
  }

  /**
   * Queues an action for the next sync. `args` are what Office.js would send with it (a method's arguments, a
   * property's new value): counted towards the request's size, as every action travels in the request.
   */
  enqueue(op: Op, args?: unknown): void {
    if (args !== undefined) this.addRequest(args);
    if (this.applying) op();
    else this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Counts an action's arguments (or an object path's: getRange("A1"), getItem("名称")) towards the next request. */
  addRequest(v: unknown): void {
    if (this.book.payloadLimit !== null) this.requestBytes += payloadBytes(v);
  }

  async sync(): Promise<void> {
    const book = this.book;
    book.syncCount++;
    const ops = this.queue;
    this.queue = [];
    const limit = book.payloadLimit;
    const request = this.requestBytes;
    this.requestBytes = 0;
    this.responseBytes = 0;
    book.maxPayload.request = Math.max(book.maxPayload.request, request);
    if (limit !== null && request > limit) {
      // Excel on the web refuses the whole request: nothing of it is applied.
      throw new FakeOfficeError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size has exceeded the limit (${request} bytes).`);
    }
    this.applying = true;
    try {
      for (const op of ops) op();
    } finally {
      this.applying = false;
      const suspended = this.calcSuspended;
      this.calcSuspended = false;
      if (book.dirty && suspended) book.stale = true;
      else if (book.dirty) {
        book.dirty = false;
        book.recalc();
      }
      book.flushEvents();
    }
    book.maxPayload.response = Math.max(book.maxPayload.response, this.responseBytes);
    if (limit !== null && this.responseBytes > limit) {
      throw new FakeOfficeError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
    await Promise.resolve();
  }
}

export type LoadOption = string | string[] | Record<string, unknown> | undefined;

/** "a, b/c" | ["a", "b/c"] | { select: "a", … } | { a: true, b: { c: true } } → ["a", "b/c"]. */
export function loadPaths(opt: LoadOption): string[] | null {
  if (opt === undefined || opt === "" || opt === "*" || opt === "$all") return null;
  if (typeof opt === "string") return opt.split(",").map((s) => s.trim().replace(/\./g, "/")).filter(Boolean);
  if (Array.isArray(opt)) return opt.flatMap((s) => loadPaths(s) ?? []);
  if (typeof opt.select === "string") return loadPaths(opt.select);
  if (opt.$all) return null;
  const out: string[] = [];
  for (const [k, v] of Object.entries(opt)) {
    if (v === true) out.push(k);
    else if (v && typeof v === "object") for (const p of loadPaths(v as LoadOption) ?? [k]) out.push(`${k}/${p}`);
  }
  return out;
}

export abstract class ClientObj {
  readonly context: FakeContextCore;
  protected readonly _loaded = new Map<string, unknown>();
  private _null: boolean | undefined;
  abstract readonly _type: string;

  constructor(ctx: FakeContextCore) {
    this.context = ctx;
    // Objects made during a sync (collection items) are resolved when first asked, after their fields exist.
    if (ctx.applying) this._lazy = true;
    else
      ctx.enqueue(() => {
        this._null = !this._exists();
      });
  }
  private _lazy = false;

  /** False for a null object (from an *OrNullObject method); evaluated at sync. */
  protected _exists(): boolean {
    return true;
  }

  /** The scalar properties `load()` with no arguments loads. */
  protected abstract _scalars(): string[];
  /** Reads a scalar property from the document (called during sync). */
  protected abstract _read(prop: string): unknown;
  /** Navigation properties ("format", "font", …), for paths like "format/font/bold". */
  protected _nav(_name: string): ClientObj | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this._lazy && this._null === undefined) this._null = !this._exists();
    if (this._null === undefined) throw notLoaded(this._type, "isNullObject");
    return this._null;
  }

  load(opt?: LoadOption): this {
    this.context.addRequest(opt ?? []);
    const paths = loadPaths(opt) ?? this._scalars();
    const own: string[] = [];
    for (const p of paths) {
      const i = p.indexOf("/");
      if (i < 0) {
        const nav = this._nav(p);
        if (nav) nav.load();
        else own.push(p);
      } else {
        this._nav(p.slice(0, i))?.load(p.slice(i + 1));
      }
    }
    this.context.enqueue(() => {
      if (!this._exists()) return;
      if (this.context.book.dirty && !this.context.calcSuspended && !this.context.book.stale) {
        this.context.book.dirty = false;
        this.context.book.recalc();
      }
      for (const p of own) {
        const v = this._read(p);
        if (this.context.book.payloadLimit !== null) this.context.responseBytes += payloadBytes(v);
        this._loaded.set(p, v);
      }
    });
    return this;
  }

  protected _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(this._type, prop);
    return this._loaded.get(prop) as T;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A plain object with loadable/settable scalar keys (fonts, fills, protection, page layout …). */
export class KeyedObj extends ClientObj {
  [key: string]: unknown;
  readonly _type: string;
  private readonly keys: string[];
  private readonly reader: (k: string) => unknown;

  constructor(
    ctx: FakeContextCore,
    type: string,
    keys: string[],
    reader: (k: string) => unknown,
    writer: (k: string, v: unknown) => void,
  ) {
    super(ctx);
    this._type = type;
    this.keys = keys;
    this.reader = reader;
    for (const k of keys) {
      Object.defineProperty(this, k, {
        get: () => this._get(k),
        set: (v: unknown) => ctx.enqueue(() => writer(k, v), v),
        enumerable: true,
      });
    }
  }
  protected _scalars(): string[] {
    return this.keys;
  }
  protected _read(prop: string): unknown {
    return this.reader(prop);
  }
}
