// The .xlsx file host, reading side: an .xlsx (file or bytes) → a WorkbookSnapshot, through one streaming,
// namespace-aware reader of the package (workbookReader.ts). The opened package is kept for the writer, so
// a file is unzipped once. Équilibre's own sheets are named by its state, kept in a very hidden sheet
// "_equilibre" whose A1 holds JSON.
import { EquilibreError } from "../../engine/errors.ts";
import type { WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { STATE_SHEET, type StoredState } from "./stateSheet.ts";
import { readPackageSnapshot, type ReadOptions } from "./workbookReader.ts";
import { XlsxPackage } from "./xlsxPackage.ts";

export { STATE_SHEET, type StoredState };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const utf16 = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const ascii = [...text].map((ch) => ch.charCodeAt(0));
  const find = (needle: number[]) => {
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
      return true;
    }
    return false;
  };
  return find(utf16) || find(ascii);
}

/** Reads an .xlsx from bytes (works in a browser too). `name` is used in messages and on the report. */
export async function readSnapshotFromBuffer(data: ArrayBuffer | Uint8Array, name: string): Promise<WorkbookSnapshot> {
  return (await readWorkbook(data, name)).snapshot;
}

/** Reads an .xlsx and keeps its opened package, for writing the report into a copy without unzipping it again. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, name: string, options: ReadOptions = {}): Promise<{ snapshot: WorkbookSnapshot; pkg: XlsxPackage }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new EquilibreError(containsAscii(bytes, "EncryptedPackage") ? "encrypted_file" : "legacy_format", { file: name });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new EquilibreError("unreadable_file", { file: name, reason: bytes.length === 0 ? "empty" : "notXlsx" });
  }
  try {
    const pkg = await XlsxPackage.open(bytes);
    return { snapshot: await readPackageSnapshot(pkg.zip, name, options), pkg };
  } catch (e) {
    if (e instanceof EquilibreError) throw e;
    throw new EquilibreError("unreadable_file", { file: name, reason: "damaged" }, { cause: e });
  }
}
