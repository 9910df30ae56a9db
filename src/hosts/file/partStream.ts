// One XML part of the package, inflated in chunks and fed to a namespace-aware streaming scanner (xmlScanner.ts):
// prefixes (x:, none) and Strict namespaces are told apart by URI, never by the prefix a writer chose.
// What Excel would never write is refused before it costs memory or time: a part that inflates far beyond
// what its compressed size allows (a zip bomb), a DOCTYPE (entity expansion), absurdly deep nesting.
import type JSZip from "jszip";
import { crc32 } from "./nativeDeflate.ts";
import { XmlScanner, type XmlElement } from "./xmlScanner.ts";
import { XmlDecoder } from "./xmlEncoding.ts";

/** Raised for a part that cannot be read; the reader turns it into unreadable_file, reason "damaged". */
export class DamagedPart extends Error {
  constructor(
    readonly part: string,
    reason: string,
  ) {
    super(`${part}: ${reason}`);
  }
}

/** Deeper than this, a part is not a spreadsheet (Excel's own parts stay under 20 levels). */
export const MAX_DEPTH = 200;
/** XML compresses 5–50×; DEFLATE's ceiling is about 1,000×. A part inflating past this ratio is a bomb. */
export const MAX_RATIO = 400;
/** …unless it stays small anyway. */
const SMALL_PART = 16 << 20;
/** All parts together: far above the 1,000,000-line ledger (about 150 MB of sheet XML). */
export const MAX_PACKAGE_BYTES = 4 * 1024 ** 3;

export type Element = XmlElement;
export { attr, attrNs } from "./xmlScanner.ts";

export interface PartHandler {
  open(el: Element, depth: number): void;
  close?(local: string, uri: string, depth: number): void;
  text?(text: string): void;
}

/** Bytes inflated so far across the package, to cap what a hostile file can make us do. */
export class InflateBudget {
  used = 0;
}

interface StreamHelper {
  on(event: "data", fn: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "end", fn: () => void): StreamHelper;
  on(event: "error", fn: (e: unknown) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** The sizes JSZip read from the zip's directory (0 when unknown, e.g. a part written in memory). */
function sizesOf(file: JSZip.JSZipObject): { compressed: number; declared: number } {
  const data = (file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
  // JSZip reads a 32-bit size as a signed number: 2 GB and more come out negative.
  const size = (n: unknown) => (typeof n !== "number" || !Number.isFinite(n) || n === 0 ? 0 : n < 0 ? n + 2 ** 32 : n);
  return { compressed: size(data?.compressedSize), declared: size(data?.uncompressedSize) };
}

/** The most a part may inflate to, from its compressed size: beyond, it is a bomb whatever it says. */
const ratioLimit = (compressed: number) => Math.max(SMALL_PART, compressed * MAX_RATIO);

/**
 * Refuses a package from the sizes its directory declares, before anything is inflated: a part declaring more than
 * its compressed size allows, or parts declaring more than any spreadsheet holds together (a zip bomb said as such
 * is refused in no time instead of after hundreds of megabytes).
 */
export function checkDeclaredSizes(zip: JSZip): void {
  let total = 0;
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const { compressed, declared } = sizesOf(file);
    if (compressed > 0 && declared > ratioLimit(compressed)) throw new DamagedPart(path, "declares a size beyond any spreadsheet (zip bomb)");
    total += declared;
    if (total > MAX_PACKAGE_BYTES) throw new DamagedPart(path, "the parts declare more than any spreadsheet holds (zip bomb)");
  }
}

/** Inflated bytes, chunk by chunk; `cancel` stops the inflating. */
interface ChunkReader {
  read(): Promise<{ done?: boolean; value?: Uint8Array }>;
  cancel(): Promise<unknown>;
}

/** The host's inflater for DEFLATE parts (zlib on Node, in big pieces), instead of the platform's stream. */
/** Given the zip's CRC-32 and size, the inflater checks them (a mismatch is an error). */
export type PartInflater = (compressed: Uint8Array, check: { crc: number; size: number } | null) => AsyncIterator<Uint8Array>;
let hostInflater: PartInflater | null = null;

export function usePartInflater(inflater: PartInflater | null): void {
  hostInflater = inflater;
}

/**
 * The part's bytes inflated natively: by the host's inflater, else by DecompressionStream (in Node and browsers:
 * native code, several times faster than JSZip's JavaScript inflate on a big sheet); null when the part is not a
 * DEFLATE entry read from the file (stored, or written in memory) or the platform has no such stream.
 */
function nativeInflate(file: JSZip.JSZipObject): ChunkReader | null {
  const data = (file as unknown as { _data?: { compression?: { magic?: string }; compressedContent?: unknown; crc32?: unknown; uncompressedSize?: unknown } })._data;
  if (!data || data.compression?.magic !== "\x08\x00" || !(data.compressedContent instanceof Uint8Array)) return null;
  // The zip's CRC-32 and size, checked as the part inflates (natively, at no cost): a part whose bytes were
  // damaged fails instead of giving other amounts.
  const check = typeof data.crc32 === "number" && typeof data.uncompressedSize === "number" ? { crc: data.crc32 >>> 0, size: data.uncompressedSize >>> 0 } : null;
  if (hostInflater) {
    const it = hostInflater(data.compressedContent, check);
    return { read: () => it.next(), cancel: async () => it.return?.() };
  }
  if (typeof DecompressionStream === "undefined" || typeof Blob === "undefined") return null;
  const deflated = data.compressedContent as BlobPart;
  // Checked, the DEFLATE stream goes inside a gzip member whose trailer holds the CRC and size.
  const stream = check
    ? new Blob([GZIP_HEADER, deflated, gzipTrailer(check) as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"))
    : new Blob([deflated]).stream().pipeThrough(new DecompressionStream("deflate-raw" as CompressionFormat));
  return (stream as ReadableStream<Uint8Array>).getReader();
}

/** A gzip member's header with no optional field: magic, DEFLATE, no flags, no time, no extra flags, unknown system. */
export const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A gzip member's trailer: the CRC-32 and the size (modulo 2³²) of the inflated bytes, little-endian. */
export function gzipTrailer(check: { crc: number; size: number }): Uint8Array<ArrayBuffer> {
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, check.crc >>> 0, true);
  view.setUint32(4, check.size >>> 0, true);
  return trailer;
}

/** The CRC-32 a zip's directory gives a part read from the file, or null (a part written in memory). */
function declaredCrc(file: JSZip.JSZipObject): number | null {
  const crc = (file as unknown as { _data?: { crc32?: unknown; compressedContent?: unknown } })._data;
  return crc && crc.compressedContent instanceof Uint8Array && typeof crc.crc32 === "number" ? crc.crc32 >>> 0 : null;
}

/** Streams the part's decoded text to `onText`, refusing parts that inflate beyond reason. */
export function streamText(file: JSZip.JSZipObject, path: string, budget: InflateBudget, onText: (text: string) => void): Promise<void> {
  const { compressed, declared } = sizesOf(file);
  // A part never inflates past the size it declares (a zip whose part says less than it holds is damaged): the
  // inflating stops there, and at the ratio's limit when the size is unknown.
  const limit = declared > 0 ? Math.min(declared, ratioLimit(compressed)) : ratioLimit(compressed);
  // UTF-8, or UTF-16 when the part starts so (Excel Mobile): the first chunk says which.
  const decoder = new XmlDecoder();
  const native = nativeInflate(file);
  if (native) return streamNative(native, path, budget, limit, decoder, onText);
  // Stored parts (and JSZip's own inflate) are checked against the directory's CRC-32 here, as the platform does above.
  const expected = declaredCrc(file);
  return new Promise<void>((resolve, reject) => {
    let inflated = 0;
    let crc = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      stream.pause();
      reject(e instanceof DamagedPart ? e : new DamagedPart(path, e instanceof Error ? e.message : String(e)));
    };
    const stream = (file as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (failed) return;
        try {
          inflated += chunk.length;
          budget.used += chunk.length;
          if (inflated > limit || budget.used > MAX_PACKAGE_BYTES) throw new DamagedPart(path, "inflates beyond its declared size or any spreadsheet (zip bomb)");
          if (expected !== null) crc = crc32(chunk, crc);
          onText(decoder.decode(chunk, { stream: true }));
        } catch (e) {
          fail(e);
        }
      })
      .on("error", fail)
      .on("end", () => {
        if (failed) return;
        try {
          if (expected !== null && crc !== expected) throw new DamagedPart(path, "its bytes do not match the zip's CRC-32");
          onText(decoder.decode());
          resolve();
        } catch (e) {
          fail(e);
        }
      })
      .resume();
  });
}

async function streamNative(reader: ChunkReader, path: string, budget: InflateBudget, limit: number, decoder: XmlDecoder, onText: (text: string) => void): Promise<void> {
  let inflated = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      inflated += value.length;
      budget.used += value.length;
      if (inflated > limit || budget.used > MAX_PACKAGE_BYTES) throw new DamagedPart(path, "inflates beyond its declared size or any spreadsheet (zip bomb)");
      onText(decoder.decode(value, { stream: true }));
    }
    onText(decoder.decode());
  } catch (e) {
    // Stop inflating what is left of a refused part.
    void reader.cancel().catch(() => {});
    throw e instanceof DamagedPart ? e : new DamagedPart(path, e instanceof Error ? e.message : String(e));
  }
}

/** Parses a part with namespaces; `handler` sees every element with its depth (the root is 0). */
export async function parsePart(zip: JSZip, path: string, budget: InflateBudget, handler: PartHandler): Promise<boolean> {
  const file = zip.file(path);
  if (!file || file.dir) return false;
  const scanner = new XmlScanner(
    {
      open: (el, depth) => handler.open(el, depth),
      close: handler.close ? handler.close.bind(handler) : () => {},
      text: handler.text ? handler.text.bind(handler) : () => {},
    },
    MAX_DEPTH + 1,
  );
  try {
    await streamText(file, path, budget, (text) => scanner.write(text));
    scanner.close();
  } catch (e) {
    throw e instanceof DamagedPart ? e : new DamagedPart(path, e instanceof Error ? e.message : String(e));
  }
  return true;
}
