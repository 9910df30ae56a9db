// The report's package written to disk entry by entry (Node only): each part's local header and bytes go out as
// they are ready, then the central directory. The whole zip never exists as one buffer (JSZip built it whole:
// 117 MB for the report of a 1,000,000-line ledger, and as much again in the chunks it was assembled from).
// Parts Équilibre did not touch are copied as they were compressed in the input; the others are deflated by zlib.
// ZIP64 (APPNOTE 4.5.3, 4.3.14) only where a field is too small — a part or an offset past 4 GiB, more than 65,535
// parts — as Excel writes it: a file that needs none has none (Excel 2007 warns about ZIP64 it did not need).
import { crc32, deflateRawSync } from "node:zlib";
import type { PackageEntry } from "./xlsxPackage.ts";
import { SHEET_DEFLATE_LEVEL } from "./zlibDeflate.ts";

/** Where the zip's bytes go, in order. */
export type ByteSink = (bytes: Uint8Array) => Promise<void>;

const METHOD = { stored: 0, deflate: 8 } as const;
const EMPTY = Buffer.alloc(0);
/** What a 32-bit size or offset and a 16-bit count hold; at or past them, ZIP64 says the value (-1 in the field). */
const LIMITS = { u32: 0xffffffff, u16: 0xffff };
export type ZipLimits = typeof LIMITS;
/** Version needed to extract: 2.0 for DEFLATE, 4.5 for ZIP64. */
const VERSION = { deflate: 20, zip64: 45 };

/** Date and time in MS-DOS form, from the date's UTC fields (as JSZip wrote them). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

interface Written {
  name: Buffer;
  /** Extra fields other than ZIP64's (the Unicode path). */
  extra: Buffer;
  flags: number;
  method: number;
  time: number;
  day: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * The ZIP64 extended information field (0x0001) and the values its header's fixed fields then hold (-1 for each value
 * the field carries). A local header (no offset given) carries both sizes when either is too big (4.5.3); a central
 * one, each value too big for its field, in the format's order: size, compressed size, offset.
 */
function zip64Field(values: { size: number; compressed: number; offset?: number }, limits: ZipLimits): { field: Buffer; size: number; compressed: number; offset: number } {
  const big = (n: number) => n >= limits.u32;
  const local = values.offset === undefined;
  const sizesBig = big(values.size) || big(values.compressed);
  const carried = (n: number) => (local ? sizesBig : big(n));
  const order = local ? [values.size, values.compressed] : [values.size, values.compressed, values.offset!];
  const wide = order.filter(carried);
  const fixed = (n: number) => (carried(n) ? LIMITS.u32 : n);
  const out = { size: fixed(values.size), compressed: fixed(values.compressed), offset: local ? 0 : fixed(values.offset!) };
  if (wide.length === 0) return { field: EMPTY, ...out };
  const field = Buffer.alloc(4 + 8 * wide.length);
  field.writeUInt16LE(0x0001, 0);
  field.writeUInt16LE(8 * wide.length, 2);
  wide.forEach((n, i) => field.writeBigUInt64LE(BigInt(n), 4 + 8 * i));
  return { field, ...out };
}

/** The fields local and central headers share, from « version needed » to the extra field's length. */
function common(b: Buffer, at: number, w: Written, sizes: { field: Buffer; size: number; compressed: number }, extra: Buffer): void {
  b.writeUInt16LE(sizes.field.length > 0 ? VERSION.zip64 : VERSION.deflate, at);
  b.writeUInt16LE(w.flags, at + 2);
  b.writeUInt16LE(w.method, at + 4);
  b.writeUInt16LE(w.time, at + 6);
  b.writeUInt16LE(w.day, at + 8);
  b.writeUInt32LE(w.crc, at + 10);
  b.writeUInt32LE(sizes.compressed, at + 14);
  b.writeUInt32LE(sizes.size, at + 18);
  b.writeUInt16LE(w.name.length, at + 22);
  b.writeUInt16LE(extra.length, at + 24);
}

/**
 * For a name beyond ASCII, Info-ZIP's Unicode Path field (0x7075) besides the language-encoding flag: some readers
 * (Debian's unzip) honour only the field, as JSZip wrote it.
 */
function unicodePath(name: Buffer): Buffer {
  const field = Buffer.alloc(9 + name.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(name) >>> 0, 5);
  name.copy(field, 9);
  return field;
}

/**
 * Writes `entries` as a zip through `sink`; returns the zip's size in bytes. `limits` lowers where ZIP64 begins
 * (tests: a small zip written with every ZIP64 record, for readers to be tried on).
 */
export async function writeZip(entries: Iterable<PackageEntry>, sink: ByteSink, limits: ZipLimits = LIMITS): Promise<number> {
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    let data: Uint8Array;
    let method: number;
    let crc: number;
    let size: number;
    if (entry.raw) {
      ({ data, crc, size } = entry.raw);
      method = entry.raw.method;
    } else {
      const bytes = await entry.content();
      size = bytes.length;
      crc = crc32(bytes) >>> 0;
      data = size === 0 ? bytes : deflateRawSync(bytes, { level: SHEET_DEFLATE_LEVEL });
      method = size === 0 ? METHOD.stored : METHOD.deflate;
    }
    const name = Buffer.from(entry.path, "utf8");
    const ascii = name.length === entry.path.length;
    const { time, day } = dosDateTime(entry.date);
    const w: Written = { name, extra: ascii ? EMPTY : unicodePath(name), flags: ascii ? 0 : 0x0800, method, time, day, crc, compressed: data.length, size, offset };
    const z = zip64Field({ size, compressed: data.length }, limits);
    const extra = z.field.length > 0 ? Buffer.concat([z.field, w.extra]) : w.extra;
    const head = Buffer.alloc(30 + name.length + extra.length);
    head.writeUInt32LE(0x04034b50, 0);
    common(head, 4, w, z, extra);
    name.copy(head, 30);
    extra.copy(head, 30 + name.length);
    await sink(head);
    if (data.length > 0) await sink(data);
    offset += head.length + data.length;
    written.push(w);
  }
  const start = offset;
  for (const w of written) {
    const z = zip64Field({ size: w.size, compressed: w.compressed, offset: w.offset }, limits);
    const extra = z.field.length > 0 ? Buffer.concat([z.field, w.extra]) : w.extra;
    const rec = Buffer.alloc(46 + w.name.length + extra.length);
    rec.writeUInt32LE(0x02014b50, 0);
    // version made by: 2.0 (4.5 with ZIP64), MS-DOS attributes (as JSZip)
    rec.writeUInt16LE(z.field.length > 0 ? VERSION.zip64 : VERSION.deflate, 4);
    common(rec, 6, w, z, extra);
    // comment length, disk number, internal and external attributes: 0
    rec.writeUInt32LE(z.offset, 42);
    w.name.copy(rec, 46);
    extra.copy(rec, 46 + w.name.length);
    await sink(rec);
    offset += rec.length;
  }
  const directory = { count: written.length, size: offset - start, start };
  const zip64 = directory.count >= limits.u16 || directory.size >= limits.u32 || directory.start >= limits.u32;
  if (zip64) {
    await sink(zip64End(directory, offset));
    offset += 56 + 20;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // With ZIP64, the classic record's fields say -1: the ZIP64 record holds the values (4.4.1.4).
  const u16 = zip64 ? LIMITS.u16 : directory.count;
  end.writeUInt16LE(u16, 8);
  end.writeUInt16LE(u16, 10);
  end.writeUInt32LE(zip64 ? LIMITS.u32 : directory.size, 12);
  end.writeUInt32LE(zip64 ? LIMITS.u32 : directory.start, 16);
  await sink(end);
  return offset + end.length;
}

/** The ZIP64 end of central directory record (4.3.14), at `at`, then its locator (4.3.15). */
function zip64End(directory: { count: number; size: number; start: number }, at: number): Buffer {
  const b = Buffer.alloc(56 + 20);
  b.writeUInt32LE(0x06064b50, 0);
  b.writeBigUInt64LE(44n, 4); // the record's size after this field
  b.writeUInt16LE(VERSION.zip64, 12); // made by
  b.writeUInt16LE(VERSION.zip64, 14); // needed
  // this disk, the directory's disk: 0
  b.writeBigUInt64LE(BigInt(directory.count), 24);
  b.writeBigUInt64LE(BigInt(directory.count), 32);
  b.writeBigUInt64LE(BigInt(directory.size), 40);
  b.writeBigUInt64LE(BigInt(directory.start), 48);
  b.writeUInt32LE(0x07064b50, 56);
  // the record's disk: 0
  b.writeBigUInt64LE(BigInt(at), 64);
  b.writeUInt32LE(1, 72); // disks in all
  return b;
}
