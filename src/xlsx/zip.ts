// A small zip reader for workbook packages (xlsx, xlsm, ods) that a hostile file cannot make work without bound:
// - only the central directory and the parts asked for are read, at their offsets: never the whole file;
// - the number of entries, the compressed size of each part read and the bytes each part really inflates to are
//   limited; the inflater (Node's zlib with maxOutputLength) stops as soon as the real output passes the limit,
//   whatever sizes the headers claim;
// - encrypted entries, unknown compression methods and duplicate names are refused.
// The parts it returns are handed to the spreadsheet reader as a new, uncompressed zip (storedZip), so that reader
// never inflates anything itself.

import * as zlib from "node:zlib";
import { LimitError, formatBytes, type Limits } from "./limits";

/** Random access to the bytes of a file or buffer. */
export interface ByteSource {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
}

export function bufferSource(buf: Buffer): ByteSource {
  return { size: buf.length, read: async (pos, len) => buf.subarray(pos, Math.min(buf.length, pos + len)) };
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The zip is broken (not a limit): the caller says "文件已损坏". */
export class ZipError extends Error {
  constructor(message: string, readonly encrypted = false) {
    super(message);
    this.name = "ZipError";
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory, checked against the limits. */
export async function listEntries(src: ByteSource, limits: Limits): Promise<ZipEntry[]> {
  const tailLen = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError("找不到压缩包目录（文件不完整或被截断）");
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  const locAt = at - 20;
  const zip64 = locAt >= 0 && tail.readUInt32LE(locAt) === EOCD64_LOCATOR;
  if (!zip64 && count === 0xffff && cdSize !== 0xffffffff && cdOffset !== 0xffffffff) {
    // 65,535 or more entries written without ZIP64 records: the count is unknown, the directory is walked to its end
    // (and the entry limit stops the walk).
    count = Math.min(limits.zipEntries, Math.floor(cdSize / 46));
  } else if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real figures are in the zip64 end record, found through its locator just before.
    if (!zip64) throw new ZipError("压缩包目录不完整（ZIP64）");
    const recOffset = Number(tail.readBigUInt64LE(locAt + 8));
    if (!(recOffset >= 0 && recOffset + 56 <= src.size)) throw new ZipError("压缩包目录位置无效（ZIP64）");
    const rec = await src.read(recOffset, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== EOCD64) throw new ZipError("压缩包目录无效（ZIP64）");
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (count > limits.zipEntries) {
    throw new LimitError(`压缩包内有 ${count} 个文件（上限 ${limits.zipEntries} 个）`);
  }
  // Each central record is at least 46 bytes and its name at most 65,535: a directory larger than that is a lie.
  if (cdSize > count * (46 + 0xffff * 3) + 46 || cdOffset + cdSize > src.size) {
    throw new ZipError("压缩包目录大小无效");
  }
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL) {
    if (entries.length >= limits.zipEntries) {
      throw new LimitError(`压缩包内的文件超过 ${limits.zipEntries} 个`);
    }
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let offset = cd.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw new ZipError("压缩包目录被截断");
    const rawName = cd.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: UTF-8 names. Older tools write code page 437; workbook part names are ASCII either way.
    let name = flags & 0x800 ? rawName.toString("utf8") : rawName.toString("latin1");
    if (name.startsWith("/")) name = name.slice(1);
    const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      ({ size, compressedSize, offset } = zip64Sizes(extra, size, compressedSize, offset));
    }
    if (names.has(name)) throw new LimitError(`压缩包内有两个同名文件「${name}」`);
    names.add(name);
    entries.push({ name, method, flags, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function zip64Sizes(extra: Buffer, size: number, compressedSize: number, offset: number): { size: number; compressedSize: number; offset: number } {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        if (r + 8 > q + 4 + len) throw new ZipError("压缩包目录无效（ZIP64 扩展字段）");
        const v = Number(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (offset === 0xffffffff) offset = next();
      return { size, compressedSize, offset };
    }
    q += 4 + len;
  }
  throw new ZipError("压缩包目录无效（缺少 ZIP64 扩展字段）");
}

/** Budget shared by the parts of one package: the bytes inflated so far. */
export interface InflateBudget {
  used: number;
}

/**
 * One part's bytes, inflated under the limits: the compressed size must fit its limit and the file, and the
 * inflater stops as soon as its real output passes the per-part limit or the package's remaining budget.
 */
export async function readEntry(src: ByteSource, e: ZipEntry, limits: Limits, budget: InflateBudget): Promise<Buffer> {
  if (e.flags & 0x1) throw new ZipError(`压缩包内的文件「${e.name}」已加密`, true);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`压缩包内的文件「${e.name}」使用了不支持的压缩方式（${e.method}）`);
  if (e.compressedSize > limits.partCompressedBytes) {
    throw new LimitError(`「${e.name}」压缩后有 ${formatBytes(e.compressedSize)}（上限 ${formatBytes(limits.partCompressedBytes)}）`);
  }
  const head = await src.read(e.offset, 30);
  if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) throw new ZipError(`压缩包内的文件「${e.name}」位置无效`);
  const start = e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (start + e.compressedSize > src.size) throw new ZipError(`压缩包内的文件「${e.name}」被截断`);
  const data = await src.read(start, e.compressedSize);
  const room = Math.min(limits.partBytes, limits.totalBytes - budget.used);
  const tooBig = (): LimitError =>
    room < limits.partBytes
      ? new LimitError(`各部分解压后合计超过 ${formatBytes(limits.totalBytes)}（在「${e.name}」处）`)
      : new LimitError(`「${e.name}」解压后超过 ${formatBytes(limits.partBytes)}`);
  let out: Buffer;
  if (e.method === 0) {
    if (data.length > room) throw tooBig();
    out = data;
  } else {
    try {
      // maxOutputLength counts the bytes the inflater really produces and stops there: a part that claims 1 KB and
      // inflates to 4 GB stops at the limit, without the memory for the rest ever being allocated.
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw tooBig();
      throw new ZipError(`压缩包内的文件「${e.name}」无法解压（${(err as Error).message}）`);
    }
  }
  budget.used += out.length;
  return out;
}

// ---------- writing an uncompressed zip for the spreadsheet reader ----------

let crcTable: Int32Array | null = null;

function crc32(buf: Buffer): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A zip holding the given parts uncompressed ("stored"): what ExcelJS or SheetJS then reads without inflating. */
export function storedZip(parts: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cdSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
