// Large parts (the mapping sheet of a big trial balance is tens of megabytes of XML) are compressed with
// the platform's native deflate (CompressionStream, in browsers and Node) instead of JSZip's JavaScript
// one, then handed to JSZip as already-compressed entries. Wherever that is not possible, JSZip
// compresses them itself: the result is the same zip either way.
import type JSZip from "jszip";

interface CompressedLike {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: unknown;
}

/**
 * JSZip's class for an entry's compressed bytes, and its DEFLATE method, taken from an entry loaded from
 * the input (the browser bundle of JSZip has its own copy of its internals: only an instance tells them).
 */
function deflateClass(zip: JSZip): { proto: object; compression: unknown } | null {
  for (const f of Object.values(zip.files)) {
    const data = (f as unknown as { _data?: unknown })._data as Partial<CompressedLike> | undefined;
    if (data && typeof data === "object" && data.compression?.magic === "\x08\x00" && "compressedContent" in data) {
      // Its prototype, not its constructor: JSZip replaces the prototype object, so `constructor` is Object.
      return { proto: Object.getPrototypeOf(data) as object, compression: data.compression };
    }
  }
  return null;
}

let CRC_TABLE: Uint32Array | null = null;

/** The CRC-32 of `bytes`; given the CRC of the bytes before them, the CRC of the whole (a part read in chunks). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let crc = previous ^ -1;
  for (let i = 0; i < bytes.length; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * The bytes deflated natively, with their CRC-32. Through gzip, whose trailer holds the CRC the platform computed
 * (a JavaScript CRC over the tens of megabytes of a big sheet costs more than the compression): gzip is a
 * 10-byte header, the raw DEFLATE stream, then CRC-32 and size. A header with optional fields falls back.
 */
async function deflateRaw(bytes: Uint8Array): Promise<{ deflated: Uint8Array; crc: number }> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  const gz = new Uint8Array(await new Response(stream).arrayBuffer());
  const trailer = gz.length - 8;
  const size = trailer > 10 ? (gz[trailer + 4]! | (gz[trailer + 5]! << 8) | (gz[trailer + 6]! << 16) | (gz[trailer + 7]! << 24)) >>> 0 : -1;
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz[3] !== 0 || size !== bytes.length % 2 ** 32) return { deflated: await deflateRawOnly(bytes), crc: crc32(bytes) };
  const crc = (gz[trailer]! | (gz[trailer + 1]! << 8) | (gz[trailer + 2]! << 16) | (gz[trailer + 3]! << 24)) >>> 0;
  return { deflated: gz.subarray(10, trailer), crc };
}

async function deflateRawOnly(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw" as CompressionFormat));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The raw DEFLATE stream and CRC-32 inside a gzip member (RFC 1952), or null when it is not one. */
function unwrapGzip(gz: Uint8Array, size: number): { deflated: Uint8Array; crc: number } | null {
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) return null;
  const flags = gz[3]!;
  let at = 10;
  if (flags & 4) at += 2 + (gz[at]! | (gz[at + 1]! << 8)); // FEXTRA
  for (const bit of [8, 16]) if (flags & bit) while (at < gz.length && gz[at++] !== 0); // FNAME, FCOMMENT
  if (flags & 2) at += 2; // FHCRC
  const trailer = gz.length - 8;
  const u32 = (i: number) => (gz[i]! | (gz[i + 1]! << 8) | (gz[i + 2]! << 16) | (gz[i + 3]! << 24)) >>> 0;
  if (at > trailer || u32(trailer + 4) !== size % 2 ** 32) return null;
  return { deflated: gz.subarray(at, trailer), crc: u32(trailer) };
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface DeflatedChunks {
  deflated: Uint8Array;
  crc: number;
  /** Of the UTF-8 text. */
  size: number;
}

/** What deflates the parts written in chunks: the platform's stream, or what the host gives (zlib on Node). */
let chunkDeflater: (chunks: Iterable<string | Uint8Array>) => Promise<DeflatedChunks | null> = (chunks) => deflateChunks(chunks);

/** The Node host gives zlib, whose level can be chosen (zlibDeflate.ts); browsers keep CompressionStream. */
export function useChunkDeflater(deflater: (chunks: Iterable<string | Uint8Array>) => Promise<DeflatedChunks>): void {
  chunkDeflater = deflater;
}

/**
 * Text given in chunks (or its UTF-8 bytes), deflated natively as the chunks come: the part is never one string nor one buffer of
 * its uncompressed bytes (the lines sheet of a million-line ledger is over a gigabyte of XML). Null when the
 * platform has no CompressionStream; the chunks are then not consumed.
 */
export async function deflateChunks(chunks: Iterable<string | Uint8Array>): Promise<DeflatedChunks | null> {
  if (typeof CompressionStream === "undefined") return null;
  const gzip = new CompressionStream("gzip");
  const writer = gzip.writable.getWriter();
  const out: Uint8Array[] = [];
  let outSize = 0;
  const reading = (async () => {
    const reader = gzip.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      out.push(value);
      outSize += value.length;
    }
  })();
  const encoder = new TextEncoder();
  let size = 0;
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      size += bytes.length;
      await writer.write(bytes as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  } catch (e) {
    await writer.abort(e).catch(() => undefined);
    await reading.catch(() => undefined);
    throw e;
  }
  await reading;
  const unwrapped = unwrapGzip(concat(out, outSize), size);
  if (!unwrapped) throw new Error("the platform's gzip stream is not a gzip member");
  return { ...unwrapped, size };
}

/**
 * Writes the text of `chunks` as the part `path`, deflated as the chunks come when the platform can; otherwise
 * as bytes JSZip compresses itself (still never one string).
 */
export async function writeChunksNatively(zip: JSZip, path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  const jszip = deflateClass(zip);
  const done = jszip ? await chunkDeflater(chunks) : null;
  if (jszip && done) {
    const entry = Object.create(jszip.proto) as CompressedLike;
    Object.assign(entry, { compressedSize: done.deflated.length, uncompressedSize: done.size, crc32: done.crc, compression: jszip.compression, compressedContent: done.deflated });
    zip.file(path, entry as never);
    return;
  }
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    total += bytes.length;
  }
  zip.file(path, concat(parts, total));
}

/** Replaces each of `parts` (path → text) in the zip by natively compressed bytes; false when it cannot. */
export async function deflateNatively(zip: JSZip, parts: Map<string, string>): Promise<boolean> {
  if (parts.size === 0 || typeof CompressionStream === "undefined" || typeof Response === "undefined" || typeof Blob === "undefined") return false;
  const jszip = deflateClass(zip);
  if (!jszip) return false;
  const done: [string, CompressedLike][] = [];
  try {
    for (const [path, text] of parts) {
      const bytes = new TextEncoder().encode(text);
      const { deflated, crc } = await deflateRaw(bytes);
      const entry = Object.create(jszip.proto) as CompressedLike;
      Object.assign(entry, { compressedSize: deflated.length, uncompressedSize: bytes.length, crc32: crc, compression: jszip.compression, compressedContent: deflated });
      done.push([path, entry]);
    }
  } catch {
    return false;
  }
  for (const [path, data] of done) zip.file(path, data as never);
  return true;
}
