// « Action A | Action B | Total », « Fonctionnement | Projet jeunesse | Total »: a budget split between actions, each
// row's total the sum of its parts. The total is the line's amount (the budget of the association); the actions are
// its parts, read neither as lines nor as scenarios, and never added on top (as the months beside a year's total).
import { amountFromCellValue } from "../engine/money.ts";
import type { HeaderKind } from "./sections.ts";
import type { SheetGrid } from "./snapshot.ts";

/** The kinds of money columns that may be the parts of a total (not a quantity, a share, a debit or a credit). */
const PART_KINDS: ReadonlySet<HeaderKind> = new Set(["period", "other"]);

/**
 * The block's amount columns with a total column beside parts turned into the amount, its parts into derived
 * columns: when exactly one column is titled a total and, on every row where it holds a number, that number is the
 * sum of the numbers typed between the labels and it (two rows at least, or the table's only one). Where one row's
 * total is not the sum of its parts the columns are left as they are (read as actions, the total not on top).
 */
export function partsOfTotal<K extends { col: number; kind: HeaderKind; header?: string | null }>(grid: SheetGrid, rows: readonly number[], labelCol: number, kinds: K[]): K[] {
  const totals = kinds.filter((k) => k.kind === "total");
  if (totals.length !== 1) return kinds;
  const total = totals[0]!.col;
  const parts = kinds.filter((k) => k.col < total && k.col > labelCol && PART_KINDS.has(k.kind));
  if (parts.length === 0) return kinds;
  // « Exercice 2017 | … | Exercice 2025 | Cumul 2017-2025 »: the parts are years, each its own budget; their cumul
  // is no budget of one year (nor a tenth year), only a sum across them, never read.
  if (distinctYears(parts)) return kinds.map((k) => (k.col === total ? { ...k, kind: "derived" as const } : k));
  const cents = (row: number, col: number): number | null => {
    const v = grid.value(row, col);
    return v === null || v === "" || typeof v === "boolean" ? null : amountFromCellValue(v);
  };
  // Every number between the labels and the total counts, a column too sparse to be an amount column included
  // (an action with a single line is still a part of the total).
  const skip = new Set(kinds.filter((k) => k.col > labelCol && k.col < total && !PART_KINDS.has(k.kind)).map((k) => k.col));
  let summed = 0;
  let rowsWithTotal = 0;
  for (const row of rows) {
    const t = cents(row, total);
    if (t === null) continue;
    rowsWithTotal++;
    let sum = 0;
    let any = false;
    for (const cell of grid.rowCells(row)) {
      if (cell.col <= labelCol || cell.col >= total || skip.has(cell.col)) continue;
      const c = cents(row, cell.col);
      if (c === null) continue;
      sum += c;
      any = true;
    }
    if (!any) continue;
    if (Math.abs(sum - t) > 1) return kinds;
    summed++;
  }
  if (summed < Math.min(2, rowsWithTotal)) return kinds;
  const partCols = new Set(parts.map((k) => k.col));
  return kinds.map((k) => (k.col === total ? { ...k, kind: "period" as const } : partCols.has(k.col) ? { ...k, kind: "derived" as const } : k));
}

/** True when two parts at least each name one year, and no two the same (« Exercice 2017 », « 2018 »…). */
function distinctYears(parts: readonly { header?: string | null }[]): boolean {
  if (parts.length < 2) return false;
  const years = parts.map((k) => {
    const found = (k.header ?? "").match(/\b(19|20)\d{2}\b/g);
    return found && found.length === 1 ? found[0] : null;
  });
  return years.every((y) => y !== null) && new Set(years).size === years.length;
}
