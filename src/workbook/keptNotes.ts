// What a user typed in Équilibre's sheets of an earlier run — a comment beside the report, a column of their own
// added to the lines table — is carried into the sheets that replace them, never deleted with the old sheet.
// A note of the lines table follows its line (by the line's identity, as corrections do); a note elsewhere keeps
// its cell. A note whose line left the budget is placed under the new table, and said.
import type { ClassifiedLine, Lang } from "../engine/types.ts";
import { equilibreRole, findHeader, lineFinder, rowIdentity, tableRow } from "./corrections.ts";
import type { PlannedCell, PlannedSheet } from "./plan.ts";
import { MAPPING_FIRST_ROW, MAPPING_HEADER_ROW } from "./reportText.ts";
import { cellAddress, SheetGrid, type SnapshotCell, type SheetSnapshot } from "./snapshot.ts";

/** A cell the user typed: a value (not a formula: Équilibre's figures are formulas), not an error. */
function typed(c: SnapshotCell): c is SnapshotCell & { value: string | number | boolean } {
  if (c.formula !== undefined || c.value === null || typeof c.value === "object") return false;
  return typeof c.value !== "string" || c.value.trim() !== "";
}

const sameValue = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/**
 * Adds to the planned sheets the notes typed in the earlier sheets they replace, and returns what must be said.
 * A cell counts as a note when the new sheet writes nothing at its address and none of the new sheet's cells
 * holds its value (Équilibre's own text of an earlier layout, moved by a row, is not a note); in the lines
 * table, only the columns after the table's own are notes (its rows are rewritten from the budget).
 */
export function carryNotes(earlier: readonly SheetSnapshot[], sheets: readonly PlannedSheet[], lines: readonly ClassifiedLine[], lang: Lang): string[] {
  const warnings: string[] = [];
  const find = lineFinder(lines);
  const rowOfLine = new Map(lines.map((l, i) => [l.id, MAPPING_FIRST_ROW + i]));
  const lastRow = MAPPING_FIRST_ROW + Math.max(lines.length, 1) - 1;
  for (const old of earlier) {
    const role = equilibreRole(old);
    // The scenario sheet's typed cells are its inputs, read back as scenarios (readScenarioInputs), not notes.
    const target = role === "scenarios" ? undefined : sheets.find((s) => s.role === role);
    if (!role || !target) continue;
    const taken = new Set(target.cells.map((c) => c.ref));
    const values = new Set(target.cells.flatMap((c) => [sameValue(c.value), sameValue(c.expected)]));
    const grid = new SheetGrid(old);
    const header = role === "mapping" ? findHeader(grid) : null;
    const tableEnd = header ? Math.max(...Object.values(header.col)) : 0;
    // Équilibre writes nothing after the lines table's columns: there, everything typed is the user's.
    const isNote = (r: number, c: SnapshotCell) => typed(c) && (header ? c.col > tableEnd : !taken.has(cellAddress(r, c.col)) && !values.has(sameValue(c.value)));
    const moved: string[] = [];
    /** Under the new table, in the note's own column, from the second row after it. */
    const nextBelow = new Map<number, number>();
    const place = (ref: string, c: SnapshotCell) => {
      target.cells.push({ ref, value: c.value as PlannedCell["value"] });
      taken.add(ref);
    };
    const placeBelow = (c: SnapshotCell) => {
      let r = Math.max(nextBelow.get(c.col) ?? lastRow + 2, lastRow + 2);
      while (taken.has(cellAddress(r, c.col))) r++;
      nextBelow.set(c.col, r + 1);
      place(cellAddress(r, c.col), c);
      return cellAddress(r, c.col);
    };
    for (const r of grid.rowIndexes()) {
      const notes = grid.rowCells(r).filter((c) => isNote(r, c));
      if (notes.length === 0) continue;
      if (!header || r < header.row) {
        for (const c of notes) place(cellAddress(r, c.col), c);
        continue;
      }
      if (r === header.row) {
        for (const c of notes) place(cellAddress(MAPPING_HEADER_ROW, c.col), c);
        continue;
      }
      const id = rowIdentity(tableRow(grid, header, r));
      const free = !id.sheet && !id.label;
      const fits = free ? [] : find(id);
      const row = fits.length === 1 ? rowOfLine.get(fits[0]!.id) : free && r > lastRow ? r : undefined;
      for (const c of notes) {
        if (row !== undefined && !taken.has(cellAddress(row, c.col))) place(cellAddress(row, c.col), c);
        else moved.push(placeBelow(c));
      }
      // A row of the old table whose line left the budget: said, with where its notes now are.
      if (row === undefined && !free) warnings.push(movedNote(target.name, id.label, moved.slice(-notes.length), lang));
    }
  }
  return warnings;
}

function movedNote(sheet: string, label: string, refs: string[], lang: Lang): string {
  return lang === "fr"
    ? `Vos notes de la ligne « ${label} » (feuille « ${sheet} ») ne désignent plus une seule ligne du budget : elles sont reprises sous le tableau, en ${refs.join(", ")}.`
    : `Your notes on the line “${label}” (sheet “${sheet}”) no longer name one line of the budget: they are kept under the table, in ${refs.join(", ")}.`;
}
