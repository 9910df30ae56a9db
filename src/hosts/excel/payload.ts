// Sizes in bytes, as Excel on the web counts them: a request or a response over 5 MB is refused. The host
// sizes its batches by the UTF-8 bytes of the JSON it sends (and, reading, of the JSON it gets back).

/** Excel on the web's limit for one request or one response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What the host allows itself per batch: under the limit, with room for the object paths it cannot see. */
export const DEFAULT_BATCH_BYTES = 3_500_000;

/** Excel reads at most 5,000,000 cells per range. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** Bytes of a string once encoded as UTF-8. */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}

/** Bytes of a value once serialised as JSON (what the client sends, and what Excel answers). */
export function jsonBytes(v: unknown): number {
  return utf8Bytes(JSON.stringify(v) ?? "null");
}
