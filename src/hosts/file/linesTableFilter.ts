// Reading Équilibre's own lines table back (a re-run over a report): its rows hold some twenty cells a line, of
// which a re-run needs the line's identity (sheet, cell, label, account, column, section, amount) and the two
// corrected columns; the rest (automatic lever, pillar, nature…, and the formulas of the final columns) is
// rewritten from the budget and never read. Those cells are left out as the sheet is read: on a 20,000-line
// report that is half its cells, each an object, most of them formulas to move.
// Only in a sheet Équilibre's state names as its own, only below a header row it wrote (its headers in either
// language), and only in the columns under those headers: a note typed right of the table is read as before.
import { MAPPING_HEADERS } from "../../workbook/reportText.ts";

/** The table's columns a re-run reads (their index in MAPPING_HEADERS): identity, section, amount, corrections. */
const READ = new Set([0, 1, 2, 3, 4, 5, 6, 7, 14, 15]);
const SKIPPED = new Map<string, number>();
for (const headers of [MAPPING_HEADERS.fr, MAPPING_HEADERS.en]) headers.forEach((h, i) => !READ.has(i) && SKIPPED.set(h, i));
/** The header row is within the first rows (findHeader looks at 20). */
const HEADER_SEARCH_ROWS = 20;

export interface CellFilter {
  /** A row read: its cells, for the filter to find the header among. */
  rowDone(index: number, cells: readonly { col: number; value: unknown }[]): void;
  /** False for a cell to leave out. */
  keep(row: number, col: number): boolean;
}

export class LinesTableFilter implements CellFilter {
  private headerRow = 0;
  private readonly skipped = new Set<number>();

  rowDone(index: number, cells: readonly { col: number; value: unknown }[]): void {
    if (this.headerRow > 0 || index > HEADER_SEARCH_ROWS) return;
    const found = cells.filter((c) => typeof c.value === "string" && SKIPPED.has(c.value.trim()));
    // The whole set of computed columns, as Équilibre writes them: a table the user rebuilt by hand is read whole.
    if (new Set(found.map((c) => SKIPPED.get((c.value as string).trim()))).size !== MAPPING_HEADERS.fr.length - READ.size) return;
    this.headerRow = index;
    for (const c of found) this.skipped.add(c.col);
  }

  keep(row: number, col: number): boolean {
    return this.headerRow === 0 || row <= this.headerRow || !this.skipped.has(col);
  }
}
