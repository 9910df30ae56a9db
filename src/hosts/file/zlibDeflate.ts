// Node's zlib for the big parts the writer deflates in chunks: unlike CompressionStream (the platform's stream,
// the browser's only choice) it lets the level be chosen. Sheet XML at level 3 is about 10 % larger than at 6
// (CompressionStream's level) and deflates four to five times faster: for the lines sheet of a million-line
// ledger, some 10 s of work instead of 50. JSZip deflates the small parts at level 3 too. Node only.
import { once } from "node:events";
import { crc32, createDeflateRaw, createGunzip, createInflateRaw } from "node:zlib";
import type { DeflatedChunks } from "./nativeDeflate.ts";
import { GZIP_HEADER, gzipTrailer } from "./partStream.ts";

export const SHEET_DEFLATE_LEVEL = 3;

export async function deflateChunksWithZlib(chunks: Iterable<string | Uint8Array>): Promise<DeflatedChunks> {
  // Output in big pieces: at zlib's default 16 KB, its callbacks on the main thread cost more than the copies.
  const deflate = createDeflateRaw({ level: SHEET_DEFLATE_LEVEL, chunkSize: 256 * 1024 });
  const out: Buffer[] = [];
  let outSize = 0;
  deflate.on("data", (b: Buffer) => {
    out.push(b);
    outSize += b.length;
  });
  const ended = once(deflate, "end");
  let crc = 0;
  let size = 0;
  // zlib deflates a chunk on a worker thread while the next one is made: the wait for it to drain comes after.
  let draining: Promise<unknown> | null = null;
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (draining) await draining;
      draining = deflate.write(bytes) ? null : once(deflate, "drain");
    }
    if (draining) await draining;
  } catch (e) {
    deflate.destroy();
    throw e;
  }
  deflate.end();
  await ended;
  return { deflated: Buffer.concat(out, outSize), crc: crc >>> 0, size };
}

/**
 * A part's DEFLATE bytes inflated by zlib on its worker thread, in 256 KB pieces: the platform's DecompressionStream
 * gives 16 KB ones, each a callback and a promise on the main thread (some 250 for a 4 MB sheet). Stopping the
 * iteration (a part refused half-way) destroys the stream.
 */
export function inflatePartWithZlib(compressed: Uint8Array, check: { crc: number; size: number } | null = null): AsyncIterator<Uint8Array> {
  if (!check) {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    inflate.end(compressed);
    return inflate[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  }
  // As a gzip member whose trailer holds the zip's CRC-32 and size: zlib checks them (an error when they differ).
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  gunzip.write(GZIP_HEADER);
  gunzip.write(compressed);
  gunzip.end(gzipTrailer(check));
  return gunzip[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
}
