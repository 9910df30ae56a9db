// The .xlsx file host, reading side: an .xlsx (file or bytes) → a WorkbookSnapshot, through exceljs.
// Values, never display text; formulas give their cached result; merged cells hold their value in the
// top-left cell only. Équilibre's own sheets are named by its state, kept in a very hidden sheet
// "_equilibre" whose A1 holds JSON (exceljs round-trips very hidden sheets; defined names it does not
// read back reliably).
import ExcelJS from "exceljs";
import { EquilibreError } from "../../engine/errors.ts";
import type { CellValue, SheetSnapshot, SheetVisibility, SnapshotCell, SnapshotRow, WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { parseAddress } from "../../workbook/snapshot.ts";
import { isStateSheetName, parseState, STATE_SHEET, type StoredState } from "./stateSheet.ts";

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
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new EquilibreError(containsAscii(bytes, "EncryptedPackage") ? "encrypted_file" : "legacy_format", { file: name });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new EquilibreError("unreadable_file", { file: name, detail: bytes.length === 0 ? "fichier vide" : "ce n'est pas un classeur .xlsx" });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new EquilibreError("unreadable_file", { file: name, detail: "contenu endommagé" }, { cause: e });
  }
  return snapshotOf(wb, name);
}

/** Équilibre's state and the sheet that holds it ("_equilibre", or "_equilibre2"… beside a user's sheet of that name). */
export function readState(wb: ExcelJS.Workbook): { state: StoredState; sheet: string } | null {
  for (const ws of wb.worksheets) {
    if (!isStateSheetName(ws.name)) continue;
    const state = parseState(ws.getCell("A1").value);
    if (state) return { state, sheet: ws.name };
  }
  return null;
}

function snapshotOf(wb: ExcelJS.Workbook, name: string): WorkbookSnapshot {
  const found = readState(wb);
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetOf(ws)));
  const title = (wb.title || wb.company || "").trim();
  return { name, sheets, title: title || null, ownSheets: found ? [...found.state.ownSheets, found.sheet] : [] };
}

function sheetOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges: string[] = [...((ws.model as { merges?: string[] }).merges ?? [])];
  // Cells covered by a merge but not its top-left: exceljs repeats the master's value there.
  const covered = new Set<string>();
  for (const m of merges) {
    const [a, b] = m.split(":");
    const from = parseAddress(a ?? "");
    const to = parseAddress(b ?? a ?? "");
    if (!from || !to) continue;
    // Guard against absurd merges (a whole column): only the first 10,000 cells are marked.
    let budget = 10_000;
    for (let r = from.row; r <= to.row && budget > 0; r++)
      for (let c = from.col; c <= to.col && budget > 0; c++, budget--) if (r !== from.row || c !== from.col) covered.add(`${r},${c}`);
  }
  const rows: SnapshotRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: SnapshotCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (covered.size > 0 && covered.has(`${r},${col}`)) return;
      const read = cellOf(cell);
      if (read) cells.push({ col, ...read });
    });
    if (cells.length > 0) rows.push({ index: r, hidden: row.hidden || undefined, cells: cells.sort((a, b) => a.col - b.col) });
  });
  const state = ws.state as string;
  const visibility: SheetVisibility = state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  const dims = ws.dimensions as unknown as { tl?: string; br?: string } | undefined;
  return {
    name: ws.name,
    visibility,
    protected: Boolean(protection?.sheet),
    rows,
    merges,
    usedRange: dims?.tl && dims.br ? `${dims.tl}:${dims.br}` : null,
  };
}

function cellOf(cell: ExcelJS.Cell): { value: CellValue; formula?: string } | null {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const formula = typeof o.formula === "string" ? o.formula : typeof cell.formula === "string" ? cell.formula : String(o.sharedFormula ?? "");
      const value = plain(o.result);
      return { value, formula };
    }
  }
  const value = plain(v);
  return value === null || value === "" ? null : { value };
}

/** exceljs's value forms → a plain cell value. */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
    if ("text" in o) return plain(o.text);
    if ("result" in o) return plain(o.result);
  }
  return null;
}
