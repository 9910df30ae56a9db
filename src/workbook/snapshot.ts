// The workbook snapshot: what a host reads from a workbook, as plain data. Every host (Excel, the .xlsx
// file, tests) produces this; detection and reading work on it and nothing else.

/** A cell's value as the spreadsheet holds it (never its displayed text). Formulas give their cached result. */
export type CellValue = string | number | boolean | null | CellError;
export interface CellError {
  error: string; // "#REF!", "#VALUE!", "#DIV/0!"…
}

export interface SnapshotCell {
  /** 1-based column number (A = 1). */
  col: number;
  value: CellValue;
  /** The formula without "=", when the cell holds one. */
  formula?: string;
  /** A formula whose result the file does not hold (never calculated, e.g. written by a script): value is null. */
  uncached?: boolean;
}

export interface SnapshotRow {
  /** 1-based row number. */
  index: number;
  hidden?: boolean;
  /** Non-empty cells, sorted by column. */
  cells: SnapshotCell[];
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** True when the sheet is protected (reading works; writing to it does not). */
  protected: boolean;
  /** Rows that hold at least one non-empty cell, sorted by index. */
  rows: SnapshotRow[];
  /** Merged ranges in A1 notation ("A1:D1"); the value sits in the top-left cell only. */
  merges: string[];
  /** The used range as the host reported it (may be far wider than the data). */
  usedRange?: string | null;
  /** Columns the user hid (1-based), when the host says: working space when visible formulas use them (hiddenColumns.ts). */
  hiddenColumns?: number[];
  /** Pivot tables on the sheet: they summarise other cells, so their figures are never budget lines. */
  pivotTables?: PivotTableInfo[];
}

export interface PivotTableInfo {
  name: string;
  /** The cells the pivot table covers ("A3:C20"). */
  range: string;
  /** The sheet its data comes from, when known. */
  sourceSheet: string | null;
}

export interface WorkbookSnapshot {
  /** File name or workbook name, shown in messages and on the report. */
  name: string;
  sheets: SheetSnapshot[];
  /** Document title or company from the workbook's properties, when set. */
  title?: string | null;
  /** Names of the sheets Équilibre wrote in an earlier run (its report and mapping sheets). */
  ownSheets?: string[];
  /** The cells Équilibre wrote in those sheets, by role, as its saved state records them (ownCells.ts). */
  ownCells?: Record<string, unknown>;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

/** The letters of the first columns, made once each: every cell address asks them (a trial balance's lines, two each). */
const LETTERS: (string | undefined)[] = new Array<string | undefined>(1024);

/** Column number → letters (1 → "A", 28 → "AB"). */
export function columnLetters(col: number): string {
  if ((col | 0) === col && col >= 1 && col < LETTERS.length) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → column number ("AB" → 28). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "B12" → { row: 12, col: 2 }. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]!) } : null;
}

/**
 * The sheet with only its first `count` rows that hold something (by index), and the rows `also` names: what a grid of
 * the whole sheet gives for those rows, for a look at a sheet's top (its title, a table's header) without indexing
 * all its rows (a trial balance's 20,000 were indexed four times more, for Équilibre's own sheets and the title).
 */
export function sheetHead(sheet: SheetSnapshot, count: number, also: readonly number[] = []): SheetSnapshot {
  const lowest: number[] = [];
  for (const row of sheet.rows) {
    const i = row.index;
    // An index no host writes (NaN, infinite): the whole sheet, as it always was.
    if (!Number.isFinite(i)) return sheet;
    if (lowest.length === count && i >= lowest[count - 1]!) continue;
    if (!row.cells.some((c) => c.value !== null && c.value !== "")) continue;
    let at = lowest.length;
    while (at > 0 && lowest[at - 1]! > i) at--;
    if (at > 0 && lowest[at - 1] === i) continue;
    lowest.splice(at, 0, i);
    if (lowest.length > count) lowest.pop();
  }
  const kept = new Set([...lowest, ...also]);
  return { ...sheet, rows: sheet.rows.filter((r) => kept.has(r.index)) };
}

/** Random access over a sheet's sparse rows. */
export class SheetGrid {
  readonly sheet: SheetSnapshot;
  /**
   * Each row's non-empty cells, one per column, by column ascending. A row as a host gives it (sorted, no empty
   * cell) is kept as it is: no copy and no map per row (a 20,000-line sheet made 20,000 maps and sorted each row
   * at every rowCells call).
   */
  private readonly byRow = new Map<number, readonly SnapshotCell[]>();
  /** The same rows by index in an array, when the sheet's rows are dense enough: the reader asks for millions of cells. */
  private readonly dense: (readonly SnapshotCell[] | undefined)[] | null;
  private readonly indexes: readonly number[];
  readonly maxCol: number;
  readonly maxRow: number;

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    let maxCol = 0;
    let maxRow = 0;
    let ascending = true;
    let lastIndex = -Infinity;
    for (const row of sheet.rows) {
      const cells = nonEmptyByColumn(row.cells);
      if (cells.length === 0) continue;
      // The same row index twice (no host writes it): the later row stands, as it always has.
      this.byRow.set(row.index, cells);
      const last = cells[cells.length - 1]!.col;
      if (last > maxCol) maxCol = last;
      if (row.index > maxRow) maxRow = row.index;
      if (row.index <= lastIndex) ascending = false;
      lastIndex = row.index;
    }
    const keys = [...this.byRow.keys()];
    this.indexes = ascending ? keys : keys.sort((a, b) => a - b);
    this.maxCol = maxCol;
    this.maxRow = maxRow;
    this.dense = null;
    if (maxRow <= 4 * this.byRow.size + 4096) {
      const dense = new Array<readonly SnapshotCell[] | undefined>(maxRow + 1).fill(undefined);
      let placed = 0;
      for (const [index, cells] of this.byRow) {
        if ((index | 0) === index && index >= 0) {
          dense[index] = cells;
          placed++;
        }
      }
      // Row indexes a map holds but an array cannot (negative, fractional: no host writes them) keep the map.
      if (placed === this.byRow.size) this.dense = dense;
    }
  }

  private cellsOf(row: number): readonly SnapshotCell[] | undefined {
    const dense = this.dense;
    if (dense !== null) return (row | 0) === row && row >= 0 ? dense[row] : this.byRow.get(row);
    return this.byRow.get(row);
  }

  cell(row: number, col: number): SnapshotCell | undefined {
    const cells = this.cellsOf(row);
    if (!cells) return undefined;
    // A budget row has a handful of cells: a scan; a wide row, a binary search.
    if (cells.length <= 8) {
      for (const c of cells) if (c.col >= col) return c.col === col ? c : undefined;
      return undefined;
    }
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid]!;
      if (c.col === col) return c;
      if (c.col < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? null;
  }

  /** Row numbers that hold data, ascending (a copy: callers may keep it). */
  rowIndexes(): number[] {
    return this.indexes.slice();
  }

  /** The non-empty cells of a row, by column ascending. */
  rowCells(row: number): readonly SnapshotCell[] {
    return this.cellsOf(row) ?? NO_CELLS;
  }

  isEmpty(): boolean {
    return this.byRow.size === 0;
  }
}

const NO_CELLS: readonly SnapshotCell[] = [];

/** A row's non-empty cells, one per column (the last given wins), by column ascending; the row itself when it is so. */
function nonEmptyByColumn(cells: readonly SnapshotCell[]): readonly SnapshotCell[] {
  let sorted = true;
  let full = true;
  for (let i = 0; i < cells.length && sorted; i++) {
    const c = cells[i]!;
    if (c.value === null || c.value === "") full = false;
    sorted = i === 0 || cells[i - 1]!.col < c.col;
  }
  if (sorted && full) return cells;
  // Sorted with empty cells (a report's own sheets: styled empty cells for the user to type in).
  if (sorted) return cells.filter((c) => c.value !== null && c.value !== "");
  const byCol = new Map<number, SnapshotCell>();
  for (const c of cells) if (c.value !== null && c.value !== "") byCol.set(c.col, c);
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}
