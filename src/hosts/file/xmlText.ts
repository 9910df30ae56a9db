// Small helpers for writing OOXML as strings: escaping, text cleaning, A1 references.

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_ESCAPE = /[&<>"']/;

/** Escapes text for an XML element or a double-quoted attribute. */
export function esc(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Drops the characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF, lone surrogates). */
export const stripInvalid = (text: string) => text.replace(INVALID_XML, "");

const NEEDS_TEXT_ESCAPE = /[&<>]/;

/** Escapes text for an XML element's content (quotes need no escaping there). */
export function escText(text: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Excel's limit on the characters of a cell. */
export const MAX_CELL_CHARS = 32_767;

/** Text as it may go into XML: characters XML 1.0 forbids are dropped, and it fits in a cell. */
export function cleanText(text: string, max = MAX_CELL_CHARS): string {
  let out = text.replace(INVALID_XML, "");
  if (out.length > max) {
    out = out.slice(0, max);
    if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}

/** Decodes the five predefined entities and numeric character references. */
export function unesc(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Column number → letters (1 → "A"): the workbook layer's. */
export { columnLetters as colLetters } from "../../workbook/snapshot.ts";

/** "$AB$12" or "AB12" → 1-based row and column. */
export function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) throw new Error(`Not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** "A1:C3" (or "A1") → its corners. */
export function parseRange(range: string): { from: { row: number; col: number }; to: { row: number; col: number } } {
  const [a, b] = range.split(":") as [string, string | undefined];
  const from = parseRef(a);
  const to = parseRef(b ?? a);
  return { from: { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col) }, to: { row: Math.max(from.row, to.row), col: Math.max(from.col, to.col) } };
}

/** A sheet name as formulas write it: always quoted. */
export const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** "A1:H80" → "$A$1:$H$80". */
export function absoluteRange(range: string): string {
  return range
    .split(":")
    .map((r) => r.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/** A number as xsd:double text. */
export const num = (n: number) => String(n);
