// The report's package written to disk entry by entry (Node only): each part's local header and bytes go out as
// they are ready, then the central directory. The whole zip never exists as one buffer (JSZip built it whole:
// 117 MB for the report of a 1,000,000-line ledger, and as much again in the chunks it was assembled from).
// Parts Équilibre did not touch are copied as they were compressed in the input; the others are deflated by zlib.
import { crc32, deflateRawSync } from "node:zlib";
import type { PackageEntry } from "./xlsxPackage.ts";
import { SHEET_DEFLATE_LEVEL } from "./zlibDeflate.ts";

/** Where the zip's bytes go, in order. */
export type ByteSink = (bytes: Uint8Array) => Promise<void>;

const METHOD = { stored: 0, deflate: 8 } as const;
const MAX_U32 = 0xffffffff;
const EMPTY = Buffer.alloc(0);

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

/** The fields local and central headers share, from « version needed » to the extra field's length. */
function common(b: Buffer, at: number, w: Written): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (DEFLATE)
  b.writeUInt16LE(w.flags, at + 2);
  b.writeUInt16LE(w.method, at + 4);
  b.writeUInt16LE(w.time, at + 6);
  b.writeUInt16LE(w.day, at + 8);
  b.writeUInt32LE(w.crc, at + 10);
  b.writeUInt32LE(w.compressed, at + 14);
  b.writeUInt32LE(w.size, at + 18);
  b.writeUInt16LE(w.name.length, at + 22);
  b.writeUInt16LE(w.extra.length, at + 24);
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

/** Writes `entries` as a zip through `sink`; returns the zip's size in bytes. */
export async function writeZip(entries: Iterable<PackageEntry>, sink: ByteSink): Promise<number> {
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
    if (offset > MAX_U32 || data.length > MAX_U32 || size > MAX_U32) throw new Error("the report is over 4 GB, beyond what a zip without ZIP64 holds");
    const head = Buffer.alloc(30 + name.length + w.extra.length);
    head.writeUInt32LE(0x04034b50, 0);
    common(head, 4, w);
    name.copy(head, 30);
    w.extra.copy(head, 30 + name.length);
    await sink(head);
    if (data.length > 0) await sink(data);
    offset += head.length + data.length;
    written.push(w);
  }
  const start = offset;
  for (const w of written) {
    const rec = Buffer.alloc(46 + w.name.length + w.extra.length);
    rec.writeUInt32LE(0x02014b50, 0);
    rec.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes (as JSZip)
    common(rec, 6, w);
    // comment length, disk number, internal and external attributes: 0
    rec.writeUInt32LE(w.offset, 42);
    w.name.copy(rec, 46);
    w.extra.copy(rec, 46 + w.name.length);
    await sink(rec);
    offset += rec.length;
  }
  if (written.length > 0xffff || offset > MAX_U32) throw new Error("the report has more parts or bytes than a zip without ZIP64 holds");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - start, 12);
  end.writeUInt32LE(start, 16);
  await sink(end);
  return offset + end.length;
}
