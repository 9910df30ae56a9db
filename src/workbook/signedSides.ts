// « Budget 2026 – recettes en positif, dépenses en négatif »: one list of signed amounts, no heading that says a
// side. The sign is the side: what comes in is positive, what goes out negative. Read by label instead, « Rentrées
// consommations » (no keyword) fell among the charges and « Echos & publicité » −100 among the produits.
import type { Amount, Section } from "../engine/types.ts";
import type { ReadIssue } from "./budget.ts";
import { cellAddress } from "./snapshot.ts";

interface SignedRow {
  row: number;
  cells: { col: number; amount?: Amount | null }[];
}

/**
 * The side of each row of a signed list, by the sign of its amount in `col` (zero says nothing): null when the list
 * is no signed list (fewer than two amounts of each sign).
 */
export function sidesBySign(rows: readonly SignedRow[], col: number): Map<number, Section> | null {
  const sides = new Map<number, Section>();
  let positive = 0;
  let negative = 0;
  for (const r of rows) {
    const a = r.cells.find((c) => c.col === col)?.amount;
    if (a?.kind !== "value" || a.cents === 0) continue;
    if (a.cents > 0) positive++;
    else negative++;
    sides.set(r.row, a.cents > 0 ? "income" : "expense");
  }
  return positive >= 2 && negative >= 2 ? sides : null;
}

/** What the reader says of a list it read by its signs. */
export function signedSidesIssue(sheet: string, firstRow: number, col: number, sides: ReadonlyMap<number, Section>): ReadIssue {
  const income = [...sides.values()].filter((s) => s === "income").length;
  const expense = sides.size - income;
  return {
    sheet,
    cell: cellAddress(firstRow, col),
    code: "side_guessed",
    message: `Aucun titre ne dit quelles lignes sont des recettes ou des dépenses : Équilibre lit les ${income} montants positifs comme des recettes et les ${expense} négatifs comme des dépenses, à vérifier. Écrivez « Recettes » ou « Dépenses » au-dessus des lignes pour le dire.`,
    messageEn: `No heading says which lines are income or expenses: Équilibre reads the ${income} positive amounts as income and the ${expense} negative ones as expenses, to check. Write “Recettes” or “Dépenses” above the lines to say so.`,
  };
}
