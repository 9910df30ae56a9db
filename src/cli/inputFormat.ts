// What a file really is, from its bytes (never its extension alone): an .xlsx / .xlsm the reader can take,
// or a format the command cannot read (.xls, encrypted, .ods, .xlsb, Numbers, text, SpreadsheetML 2003…),
// refused with a sentence that says how to get an .xlsx. Reads the zip's central directory itself (a few
// entries, a few kilobytes inflated), so it costs nothing next to reading the workbook.
import { inflateRawSync } from "node:zlib";
import { EquilibreError } from "../engine/errors.ts";
import { decodeXml } from "../hosts/file/xmlEncoding.ts";

export interface WorkbookFormat {
  /** The package runs macros (an .xlsm, or a vbaProject part): the report must keep the .xlsm extension. */
  macro: boolean;
  /** The package holds Équilibre's state sheet: it is a report Équilibre wrote. */
  equilibreReport: boolean;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

function indexOfBytes(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length): number {
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
const utf16 = (text: string) => [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);

/** The entries of a zip from its central directory (zip64 understood), or null when there is none to read. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let dir = u32(bytes, eocd + 16);
  if ((dir === 0xffffffff || count === 0xffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 12);
    if (z + 56 <= bytes.length && u32(bytes, z) === 0x06064b50) {
      count = u64(bytes, z + 32);
      dir = u64(bytes, z + 48);
    }
  }
  const out: ZipEntry[] = [];
  let at = dir;
  for (let n = 0; n < count && at + 46 <= bytes.length && u32(bytes, at) === 0x02014b50; n++) {
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    // « \\ » as some Windows tools separate folders, read by the reader as « / » (xlsxPackage.ts).
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen)).replace(/\\/g, "/");
    let compressedSize = u32(bytes, at + 20);
    let offset = u32(bytes, at + 42);
    // Zip64 sizes and offsets sit in the extra field when the 32-bit ones are saturated.
    for (let e = at + 46 + nameLen; e + 4 <= at + 46 + nameLen + extraLen; ) {
      const id = u16(bytes, e);
      const size = u16(bytes, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (u32(bytes, at + 24) === 0xffffffff) p += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, p);
          p += 8;
        }
        if (offset === 0xffffffff) offset = u64(bytes, p);
      }
      e += 4 + size;
    }
    out.push({ name, method: u16(bytes, at + 10), compressedSize, offset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A small entry's text (content types, relationships, the workbook part), inflated with a cap. */
function entryText(bytes: Uint8Array, entry: ZipEntry | undefined, cap = 8 << 20): string | null {
  if (!entry || entry.offset + 30 > bytes.length || u32(bytes, entry.offset) !== 0x04034b50) return null;
  const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  try {
    const raw = entry.method === 0 ? data : entry.method === 8 ? inflateRawSync(data, { maxOutputLength: cap }) : null;
    // UTF-8, or UTF-16 as Excel Mobile writes every part.
    return raw ? decodeXml(raw) : null;
  } catch {
    return null;
  }
}

const refuse = (file: string, format: string) => new EquilibreError("unsupported_format", { file, format });

/** The format of a workbook's bytes; throws a typed error, with what to do, for every format the command cannot read. */
export function workbookFormat(bytes: Uint8Array, file: string): WorkbookFormat {
  if (bytes.length === 0) throw new EquilibreError("unreadable_file", { file, reason: "empty" });
  if (startsWith(bytes, CFB)) {
    // An OLE2 container: an encrypted OOXML (its "EncryptedPackage" stream), an .xls ("Workbook" / "Book"), or another document.
    if (indexOfBytes(bytes, utf16("EncryptedPackage")) >= 0) throw new EquilibreError("encrypted_file", { file });
    throw refuse(file, indexOfBytes(bytes, utf16("Workbook")) >= 0 || indexOfBytes(bytes, utf16("Book")) >= 0 ? "xls" : "other");
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return zipFormat(bytes, file);
  const format = textFormat(bytes);
  if (format === "other") throw new EquilibreError("unreadable_file", { file, reason: "notXlsx" });
  throw refuse(file, format);
}

function zipFormat(bytes: Uint8Array, file: string): WorkbookFormat {
  const entries = zipEntries(bytes);
  // A zip whose directory cannot be read: the reader says it is damaged.
  if (!entries) return { macro: false, equilibreReport: false };
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const mimetype = entryText(bytes, byName.get("mimetype"), 4096)?.trim() ?? "";
  if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) throw refuse(file, "ods");
  if (mimetype.startsWith("application/vnd.oasis.opendocument")) throw refuse(file, "other");
  if (byName.has("index/document.iwa") || entries.some((e) => /^index\/.*\.iwa$/i.test(e.name))) throw refuse(file, "numbers");
  const types = entryText(bytes, byName.get("[content_types].xml")) ?? "";
  // An .xlsb says so for its workbook part (an Override, or a main part in .bin): a Default for the « bin »
  // extension alone is a leftover some writers keep in an .xlsx whose workbook is XML (SheetJS' wtf_path.xlsx).
  if (binaryWorkbook(bytes, byName, types)) throw refuse(file, "xlsb");
  if (/spreadsheetml\.template(\.main)?\+xml|template\.macroEnabled\.main\+xml/i.test(types)) throw refuse(file, "template");
  // An add-in (.xlam) is code with hidden sheets, opened by Excel as a tool, not a workbook: its report
  // would be an .xlsm still declaring an add-in, which Excel does not open as a workbook.
  if (/addin\.macroEnabled\.main\+xml/i.test(types)) throw refuse(file, "addin");
  const spreadsheet = /spreadsheetml\.sheet\.main\+xml|sheet\.macroEnabled\.main\+xml/i.test(types) || byName.has("xl/workbook.xml");
  if (!spreadsheet) throw refuse(file, types ? "other" : "zip");
  const macro = /macroEnabled\.main\+xml/i.test(types) || entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name));
  return { macro, equilibreReport: hasStateSheet(bytes, byName) };
}

/** The package's main part, as its root relationships name it (null when they do not). */
function mainPart(bytes: Uint8Array, byName: Map<string, ZipEntry>): string | null {
  const rels = entryText(bytes, byName.get("_rels/.rels")) ?? "";
  return /<(?:\w+:)?Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/Target="\/?([^"]+)"/)?.[1]?.toLowerCase() ?? null;
}

/** The workbook part is binary: declared so by an Override, or named .bin by the root relationships. */
function binaryWorkbook(bytes: Uint8Array, byName: Map<string, ZipEntry>, types: string): boolean {
  if (byName.has("xl/workbook.bin") || /<(?:\w+:)?Override\b[^>]*sheet\.binary\.macroEnabled\.main/i.test(types)) return true;
  const main = mainPart(bytes, byName);
  return main !== null ? main.endsWith(".bin") : /sheet\.binary\.macroEnabled\.main/i.test(types) && !byName.has("xl/workbook.xml");
}

/** Équilibre's state sheet ("_equilibre", very hidden) is listed in the workbook part. */
function hasStateSheet(bytes: Uint8Array, byName: Map<string, ZipEntry>): boolean {
  const rels = entryText(bytes, byName.get("_rels/.rels")) ?? "";
  const target = /<(?:\w+:)?Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/Target="\/?([^"]+)"/)?.[1] ?? "xl/workbook.xml";
  const wb = entryText(bytes, byName.get(target.toLowerCase())) ?? "";
  return /<(?:\w+:)?sheet\b[^>]*\bname="_equilibre\d*"[^>]*\bstate="veryHidden"|<(?:\w+:)?sheet\b[^>]*\bstate="veryHidden"[^>]*\bname="_equilibre\d*"/i.test(wb);
}

/** What a file that is no zip and no OLE2 container is: a text table, a SpreadsheetML 2003 or HTML "xls", or else. */
function textFormat(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (indexOfBytes(head, [0]) >= 0) return "other";
  const text = new TextDecoder().decode(head).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (text.startsWith("<?xml") && text.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
  if (/^<(!doctype html|html|table|meta)/.test(text)) return "html";
  if (text.startsWith("<")) return "other";
  // A table typed as text: fields between separators.
  return /[;,\t|]/.test(text) ? "csv" : "other";
}
