// What a user typed in Équilibre's sheets of an earlier run — a comment beside the report, a column of their own
// added to the lines table — is carried into the sheets that replace them, never deleted with the old sheet.
// A note of the lines table follows its line (by the line's identity, as corrections do); a note elsewhere keeps
// its cell. A note whose line left the budget is placed under the new table, and said. A formula is a note too
// when it is not one of Équilibre's: it moves with its line as Excel moves a copied formula (B5*2 → B7*2).
import type { ClassifiedLine, Lang } from "../engine/types.ts";
import { equilibreRole, findHeader, lineFinder, rowIdentity, tableRow, type RowIdentity } from "./corrections.ts";
import { say } from "../engine/i18n/index.ts";
import { shiftFormula } from "./formulaShift.ts";
import { fingerprint, recordedCells, recordedValues, valuesKey } from "./ownCells.ts";
import { isShownNumber, shownPercent } from "./cellValues.ts";
import type { PlannedCell, PlannedSheet } from "./plan.ts";
import { MAPPING_FIRST_ROW, MAPPING_HEADER_ROW } from "./reportText.ts";
import { cellAddress, SheetGrid, type SnapshotCell, type SheetSnapshot } from "./snapshot.ts";

/** A cell the user typed: a value that is not an error, or a formula (whatever its result). */
function typed(c: SnapshotCell): boolean {
  if (c.formula !== undefined) return c.formula.trim() !== "";
  if (c.value === null || typeof c.value === "object") return false;
  return typeof c.value !== "string" || c.value.trim() !== "";
}

/** The note as a planned cell at `row`: a formula keeps its result as the expected value and moves with its row. */
function noteCell(ref: string, c: SnapshotCell, fromRow: number, row: number): PlannedCell {
  // A percentage the user typed is read as the text its cell shows: written back as the number, formatted as one.
  const percent = c.formula === undefined ? shownPercent(c.value) : null;
  if (percent !== null) return { ref, value: percent, style: "percent" };
  if (c.formula === undefined) return { ref, value: c.value as PlannedCell["value"] };
  const expected = typeof c.value === "string" || typeof c.value === "number" ? c.value : null;
  return { ref, formula: shiftFormula(c.formula, row - fromRow, 0), expected };
}

const sameValue = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/**
 * Adds to the planned sheets the notes typed in the earlier sheets they replace, and returns what must be said.
 * In the lines table, only the columns after the table's own are notes (its rows are rewritten from the budget).
 * Elsewhere, a note is a cell the earlier run did not write (`ownCells`, its saved record); a note where the new
 * sheet now writes goes under it, and is said. Without a record (a state from before it was kept, or lost), a
 * text is a note when the new sheet writes nothing at its address and none of its cells holds it (Équilibre's
 * own text of an earlier layout, moved by a row, is not a note); a formula is not.
 */
export function carryNotes(
  earlier: readonly SheetSnapshot[],
  sheets: readonly PlannedSheet[],
  lines: readonly ClassifiedLine[],
  lang: Lang,
  ownCells?: Readonly<Record<string, unknown>>,
): string[] {
  const warnings: string[] = [];
  // Built when a note of the lines table is met, not for every run (most re-runs carry no note).
  let finder: ((id: RowIdentity) => ClassifiedLine[]) | null = null;
  const find = (id: RowIdentity) => (finder ??= lineFinder(lines))(id);
  let rows: Map<string, number> | null = null;
  const rowOfLine = (id: string) => (rows ??= new Map(lines.map((l, i) => [l.id, MAPPING_FIRST_ROW + i]))).get(id);
  const lastRow = MAPPING_FIRST_ROW + Math.max(lines.length, 1) - 1;
  for (const old of earlier) {
    const role = equilibreRole(old);
    // The scenario sheet's typed cells are its inputs, read back as scenarios (readScenarioInputs), not notes.
    const target = role === "scenarios" ? undefined : sheets.find((s) => s.role === role);
    if (!role || !target) continue;
    // The new sheet's addresses and values, made when a note needs them: the lines table plans some twenty cells a
    // line, and a re-run over an earlier report with no note in it should not index them all.
    let takenRefs: Set<string> | null = null;
    const taken = () => (takenRefs ??= new Set(target.cells.map((c) => c.ref)));
    let values: Set<unknown> | null = null;
    const held = (v: unknown) => (values ??= new Set(target.cells.flatMap((c) => [sameValue(c.value), sameValue(c.expected)]))).has(v);
    const grid = new SheetGrid(old);
    const header = role === "mapping" ? findHeader(grid) : null;
    const tableEnd = header ? Math.max(...Object.values(header.col)) : 0;
    // Équilibre writes nothing after the lines table's columns: there, everything typed is the user's. Elsewhere,
    // without a record, a text is Équilibre's own when the new sheet holds it (an earlier layout, moved by a row),
    // and a formula always is: an earlier report's figures change with the budget, so none can be told apart.
    const ours = (c: SnapshotCell) => c.formula !== undefined || held(sameValue(c.value));
    const recorded = header ? null : recordedCells(ownCells?.[role]);
    // What Équilibre wrote in its own cells: a value there that differs, or a value where it wrote a formula or
    // nothing, was typed over it (a note typed in a merged area lands in Équilibre's top-left cell).
    const written = recorded ? recordedValues(ownCells?.[valuesKey(role)]) : null;
    // A percentage Équilibre wrote is read back as the text its cell shows (« 20% »), not the number fingerprinted.
    const typedOver = (ref: string, c: SnapshotCell) =>
      written !== null && c.formula === undefined && written.get(ref) !== fingerprint(c.value) && !(written.has(ref) && isShownNumber(c.value));
    const isNote = (r: number, c: SnapshotCell) => {
      if (!typed(c)) return false;
      if (header) return c.col > tableEnd;
      const ref = cellAddress(r, c.col);
      if (recorded) return !recorded.has(ref) || typedOver(ref, c);
      return !taken().has(ref) && !ours(c);
    };
    const moved: string[] = [];
    /** Under the new table (or the new sheet's last row), in the note's own column, from the second row after it. */
    const bottom = header ? lastRow : [...taken()].reduce((max, ref) => Math.max(max, Number(/\d+$/.exec(ref)?.[0] ?? 0)), 0);
    const nextBelow = new Map<number, number>();
    const place = (row: number, c: SnapshotCell, fromRow: number) => {
      const ref = cellAddress(row, c.col);
      target.cells.push(noteCell(ref, c, fromRow, row));
      taken().add(ref);
    };
    const placeBelow = (c: SnapshotCell, fromRow: number) => {
      let r = Math.max(nextBelow.get(c.col) ?? bottom + 2, bottom + 2);
      while (taken().has(cellAddress(r, c.col))) r++;
      nextBelow.set(c.col, r + 1);
      place(r, c, fromRow);
      return cellAddress(r, c.col);
    };
    for (const r of grid.rowIndexes()) {
      const notes = grid.rowCells(r).filter((c) => isNote(r, c));
      if (notes.length === 0) continue;
      if (!header || r < header.row) {
        for (const c of notes) {
          if (!taken().has(cellAddress(r, c.col))) place(r, c, r);
          else warnings.push(say(lang, "notes.movedUnder", { from: cellAddress(r, c.col), to: placeBelow(c, r), sheet: target.name }));
        }
        continue;
      }
      if (r === header.row) {
        for (const c of notes) place(MAPPING_HEADER_ROW, c, r);
        continue;
      }
      const id = rowIdentity(tableRow(grid, header, r));
      const free = !id.sheet && !id.label;
      const fits = free ? [] : find(id);
      const row = fits.length === 1 ? rowOfLine(fits[0]!.id) : free && r > lastRow ? r : undefined;
      for (const c of notes) {
        if (row !== undefined && !taken().has(cellAddress(row, c.col))) place(row, c, r);
        else moved.push(placeBelow(c, r));
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
