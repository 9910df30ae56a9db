// A worksheet part → its rows, read as a stream: values, never display text. Shared and inline strings
// (rich text runs joined, phonetic runs left out), numbers, booleans, errors, dates (a number in a date
// format, or t="d"), formulas with their cached result (a formula without one is marked, so the reading
// can name its cell), shared formulas moved to each cell, merged ranges, hidden rows, protection.
import type { CellValue, SnapshotCell, SnapshotRow } from "../../workbook/snapshot.ts";
import { columnLetters, columnNumber } from "../../workbook/snapshot.ts";
import { shiftFormula } from "../../workbook/formulaShift.ts";
import { numberAs } from "../../workbook/cellValues.ts";
import type { DateStyles } from "./numberFormats.ts";
import { isSml } from "./ooxml.ts";

/**
 * isSml for the URIs of one part: a part names its namespace once, so the scanner hands over the same string
 * each time, and comparing it with the last one is cheaper than looking it up (twice per element).
 */
class SmlCheck {
  private last = "";
  private answer = true;
  is(uri: string): boolean {
    if (uri !== this.last) {
      this.last = uri;
      this.answer = isSml(uri);
    }
    return this.answer;
  }
}
import { attr, type Element, type PartHandler } from "./partStream.ts";
import { attrDigits } from "./xmlScanner.ts";
import type { CellFilter } from "./linesTableFilter.ts";

/** OOXML's escape for characters XML cannot hold: _x000D_ is a carriage return, _x005F_ an underscore. */
export function decodeXstring(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Excel's own limit on a cell's text: it never holds more, so a longer text (a 1 MB shared string another tool
 * wrote, used by 12,000 cells) is read as Excel shows it. Unbounded, every text test on every cell scanned the
 * whole megabyte and the command ran for minutes. The user's sheets are copied as they were; only what is read is cut. */
export const EXCEL_CELL_TEXT_MAX = 32_767;

/** A cell's text as read: decoded, and no longer than Excel lets a cell be. */
export function cellText(raw: string): string {
  const text = decodeXstring(raw);
  return text.length > EXCEL_CELL_TEXT_MAX ? text.slice(0, EXCEL_CELL_TEXT_MAX) : text;
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

/** A date serial → "YYYY-MM-DD" (the snapshot's date form, as the Excel host's). */
export function serialToIso(serial: number, date1904: boolean): string | null {
  // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60).
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** "B12" → [row, col] (fast path for the r attribute). */
function refOf(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else if (c !== 36) break;
  }
  const row = Number(ref.slice(ref[i] === "$" ? i + 1 : i));
  return col > 0 && Number.isInteger(row) && row > 0 ? [row, col] : null;
}

interface SharedMaster {
  row: number;
  col: number;
  formula: string;
}

export interface SheetRead {
  rows: SnapshotRow[];
  merges: string[];
  hiddenColumns: number[];
  protected: boolean;
  usedRange: string | null;
}

/** Reads sharedStrings.xml: the strings cells of type "s" point at. */
export class SharedStrings implements PartHandler {
  readonly strings: string[] = [];
  private current: string | null = null;
  private inT = false;
  private phonetic = 0;
  private readonly sml = new SmlCheck();

  open(el: Element, depth: number): void {
    if (!this.sml.is(el.uri)) return;
    if (depth === 1 && el.local === "si") this.current = "";
    else if (el.local === "rPh") this.phonetic++;
    else if (el.local === "t" && this.current !== null && this.phonetic === 0) this.inT = true;
  }

  close(local: string, uri: string, depth: number): void {
    if (!this.sml.is(uri)) return;
    if (depth === 1 && local === "si") {
      this.strings.push(cellText(this.current ?? ""));
      this.current = null;
    } else if (local === "rPh") this.phonetic--;
    else if (local === "t") this.inT = false;
  }

  text(text: string): void {
    if (this.inT) this.current += text;
  }
}

export class SheetReader implements PartHandler {
  readonly rows: SnapshotRow[] = [];
  readonly merges: string[] = [];
  readonly hiddenColumns: number[] = [];
  protected = false;
  private readonly shared = new Map<string, SharedMaster>();
  private row: SnapshotRow | null = null;
  private rowIndex = 0;
  private col = 0;
  // The cell being read.
  private cellRow = 0;
  private cellCol = 0;
  private type = "n";
  private style = 0;
  private v: string | null = null;
  private f: string | null = null;
  private fAttrs: { t?: string; si?: string; ref?: string } | null = null;
  // Text is gathered in strings: a value mostly comes in one piece, and an array per cell was garbage to collect.
  private inline: string | null = null;
  /** What the text being read goes to: nothing, a <v>, an <f>, or the inline string's <t>. */
  private into: 0 | 1 | 2 | 3 = 0;
  private vText = "";
  private fText = "";
  private phonetic = 0;
  private readonly sml = new SmlCheck();
  private minRow = Infinity;
  private maxRow = 0;
  private minCol = Infinity;
  private maxCol = 0;
  private unsorted = false;

  constructor(
    private readonly strings: readonly string[],
    private readonly styles: DateStyles,
    private readonly date1904: boolean,
    /** The writer saved 0 for formulas it never calculated (XlsxWriter): such a 0 is no result. */
    private readonly zeroIsUnsaved = false,
    /** Cells to leave out (Équilibre's own lines table: linesTableFilter.ts). */
    private readonly filter: CellFilter | null = null,
  ) {}

  open(el: Element, depth: number): void {
    if (!this.sml.is(el.uri)) return;
    const local = el.local;
    if (depth === 2 && local === "row") {
      const r = Number(attr(el, "r"));
      this.rowIndex = Number.isInteger(r) && r > 0 ? r : this.rowIndex + 1;
      this.col = 0;
      this.row = { index: this.rowIndex, hidden: truthy(attr(el, "hidden")) || undefined, cells: [] };
    } else if (depth === 3 && local === "c" && this.row) {
      const at = refOf(attr(el, "r") ?? "");
      this.cellRow = at?.[0] ?? this.rowIndex;
      this.cellCol = at?.[1] ?? this.col + 1;
      this.col = this.cellCol;
      this.type = attr(el, "t") ?? "n";
      // The style index read in place: one string less per cell.
      const s = attrDigits(el, "s");
      this.style = s === undefined ? 0 : s === null ? Number(attr(el, "s")) || 0 : s;
      this.v = null;
      this.f = null;
      this.fAttrs = null;
      this.inline = null;
    } else if (depth === 4 && this.row) {
      if (local === "v") {
        this.into = 1;
        this.vText = "";
      } else if (local === "f") {
        this.into = 2;
        this.fText = "";
        this.fAttrs = { t: attr(el, "t"), si: attr(el, "si"), ref: attr(el, "ref") };
      } else if (local === "is") this.inline = "";
    } else if (this.inline !== null && local === "rPh") this.phonetic++;
    else if (this.inline !== null && local === "t" && this.phonetic === 0) this.into = 3;
    else if (depth === 1 && local === "sheetProtection") this.protected = truthy(attr(el, "sheet"));
    else if (depth === 2 && local === "col" && truthy(attr(el, "hidden"))) {
      // <cols><col min="5" max="5" hidden="1"/>: a column the user hid (a whole-sheet range is capped at Excel's width).
      const min = Number(attr(el, "min"));
      const max = Math.min(Number(attr(el, "max")), min + 16_384);
      if (Number.isInteger(min) && Number.isInteger(max) && min >= 1) for (let c = min; c <= max && c <= 16_384; c++) this.hiddenColumns.push(c);
    } else if (depth === 2 && local === "mergeCell") {
      const ref = attr(el, "ref");
      if (ref) this.merges.push(ref);
    }
  }

  close(local: string, uri: string, depth: number): void {
    if (!this.sml.is(uri)) return;
    if (depth === 4 && (local === "v" || local === "f") && this.into !== 0) {
      if (local === "v") this.v = this.vText;
      else this.f = this.fText;
      this.into = 0;
    } else if (local === "rPh" && this.inline !== null) this.phonetic--;
    else if (local === "t" && this.inline !== null) this.into = 0;
    else if (depth === 3 && local === "c" && this.row) this.endCell();
    else if (depth === 2 && local === "row" && this.row) {
      if (this.row.cells.length > 0) {
        if (this.unsorted) this.row.cells.sort((a, b) => a.col - b.col);
        this.rows.push(this.row);
        this.filter?.rowDone(this.row.index, this.row.cells);
      }
      this.unsorted = false;
      this.row = null;
    }
  }

  text(text: string): void {
    if (this.into === 1) this.vText += text;
    else if (this.into === 2) this.fText += text;
    else if (this.into === 3) this.inline += text;
  }

  private endCell(): void {
    if (this.filter && !this.filter.keep(this.cellRow, this.cellCol)) {
      // A shared formula's master is still known: a cell kept may share it.
      if (this.fAttrs?.t === "shared" && this.fAttrs.si !== undefined && this.f) this.shared.set(this.fAttrs.si, { row: this.cellRow, col: this.cellCol, formula: this.f });
      return;
    }
    const formula = this.formula();
    let value: CellValue;
    if (this.inline !== null && (this.type === "inlineStr" || this.v === null)) value = cellText(this.inline);
    else value = this.v === null ? null : this.valueOf(this.v);
    let cell: SnapshotCell;
    if (formula !== null) cell = this.noResult() ? { col: this.cellCol, value: null, formula, uncached: true } : { col: this.cellCol, value, formula };
    else if (value === null || value === "") return;
    else cell = { col: this.cellCol, value };
    const cells = this.row!.cells;
    if (this.cellRow !== this.row!.index) return; // a cell filed under another row: Excel would refuse the file
    if (cells.length > 0 && cells[cells.length - 1]!.col >= cell.col) this.unsorted = true;
    cells.push(cell);
    if (this.cellRow < this.minRow) this.minRow = this.cellRow;
    if (this.cellRow > this.maxRow) this.maxRow = this.cellRow;
    if (this.cellCol < this.minCol) this.minCol = this.cellCol;
    if (this.cellCol > this.maxCol) this.maxCol = this.cellCol;
  }

  /** True when the formula being read has no saved result: no <v>, or what libraries write instead of one. */
  private noResult(): boolean {
    if (this.inline !== null) return false;
    if (this.v === null) return true;
    const v = this.v.trim();
    // openpyxl writes <v></v> for every formula (it never calculates); an empty text result (t="str") is a result.
    if (v === "" && this.type !== "str") return true;
    return this.zeroIsUnsaved && this.type === "n" && v === "0";
  }

  private formula(): string | null {
    const a = this.fAttrs;
    if (!a) return null;
    if (a.t === "dataTable") return null;
    if (a.t === "shared" && a.si !== undefined) {
      if (this.f) {
        this.shared.set(a.si, { row: this.cellRow, col: this.cellCol, formula: this.f });
        return this.f;
      }
      const master = this.shared.get(a.si);
      return master ? shiftFormula(master.formula, this.cellRow - master.row, this.cellCol - master.col) : null;
    }
    return this.f ? this.f : null;
  }

  private valueOf(v: string): CellValue {
    switch (this.type) {
      case "s": {
        const s = this.strings[Number(v)];
        return s === undefined ? null : s;
      }
      case "str":
      case "inlineStr":
        return cellText(v);
      case "b":
        return v.trim() === "1" || v.trim() === "true";
      case "e":
        return { error: v.trim() || "#N/A" };
      case "d": {
        const m = /^\d{4}-\d{2}-\d{2}/.exec(v.trim());
        return m ? m[0] : null;
      }
      default: {
        if (v.trim() === "") return null;
        const n = Number(v);
        if (Number.isNaN(n)) return null;
        if (!Number.isFinite(n)) return { error: "#NUM!" };
        if (this.style === 0) return n;
        const kind = this.styles.kind(this.style);
        return kind === null ? n : numberAs(n, kind, this.styles.code(this.style), (serial) => serialToIso(serial, this.date1904));
      }
    }
  }

  /** The rows with the cells covered by a merge (all but its top-left) left out, as Excel shows them. */
  result(): SheetRead {
    let rows = this.rows;
    if (this.merges.length > 0) {
      const covered = coveredCells(this.merges);
      if (covered.size > 0) {
        rows = rows
          .map((r) => ({ ...r, cells: r.cells.filter((c) => !covered.has(r.index * 20_000 + c.col)) }))
          .filter((r) => r.cells.length > 0);
      }
    }
    return {
      rows,
      merges: this.merges,
      hiddenColumns: this.hiddenColumns,
      protected: this.protected,
      usedRange: this.maxRow > 0 ? `${columnLetters(this.minCol)}${this.minRow}:${columnLetters(this.maxCol)}${this.maxRow}` : null,
    };
  }
}

/** Cells covered by merges, as row × 20,000 + col; absurd merges (a whole column) mark only 10,000 cells. */
function coveredCells(merges: string[]): Set<number> {
  const covered = new Set<number>();
  for (const m of merges) {
    const [a, b] = m.split(":");
    const from = cellOf(a ?? "");
    const to = cellOf(b ?? a ?? "");
    if (!from || !to) continue;
    let budget = 10_000;
    for (let r = from[0]; r <= to[0] && budget > 0; r++)
      for (let c = from[1]; c <= to[1] && budget > 0; c++, budget--) if (r !== from[0] || c !== from[1]) covered.add(r * 20_000 + c);
  }
  return covered;
}

function cellOf(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? [Number(m[2]), columnNumber(m[1]!)] : null;
}
