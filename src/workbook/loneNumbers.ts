// A column that holds a single number and no header saying money (« Affiches | 120 | 2 »): too little to take as an
// amount column (a quantity, a note, a page number), too much to drop without a word. When that number sits on a
// row read as a budget line, it is said: the user knows whether it is money.
import { amountFromCellValue } from "../engine/money.ts";
import type { BudgetLine } from "../engine/types.ts";
import type { ReadIssue } from "./budget.ts";
import { cellKind, type ColumnProfile, type ColumnRole } from "./columns.ts";
import { headerKind, isMonthHeader } from "./sections.ts";
import { cellAddress, parseAddress, type SheetGrid } from "./snapshot.ts";

/**
 * Headers that say a column holds no money of its own (a quantity, a share, a difference, a total; a month, the
 * part of a year's total): a lone number under them is sure.
 */
const NOT_MONEY = new Set(["quantity", "derived", "total"]);

/**
 * One number in the column, and nothing else but perhaps its title: a title that says no money (« Selon le critère de
 * 13 € par licencié » over a letterhead whose « Exercice | 2025 » made the table more than one row) left the number
 * out in silence when only an untitled column was asked about.
 */
const isLone = (p: ColumnProfile | undefined): boolean => p !== undefined && p.amount === 1 && p.total - p.amount <= 1;

export function loneNumberIssues(
  grid: SheetGrid,
  roles: ReadonlyMap<number, ColumnRole>,
  profiles: ReadonlyMap<number, ColumnProfile>,
  headerOf: (col: number) => string | null,
  lines: readonly BudgetLine[],
): ReadIssue[] {
  const lone = [...roles].filter(([col, role]) => role === "other" && isLone(profiles.get(col)) && !NOT_MONEY.has(headerKind(headerOf(col))) && !isMonthHeader(headerOf(col)));
  if (lone.length === 0) return [];
  const lineOfRow = new Map<number, BudgetLine>();
  for (const l of lines) if (!lineOfRow.has(l.row)) lineOfRow.set(l.row, l);
  const issues: ReadIssue[] = [];
  const sheet = grid.sheet.name;
  for (const [col] of lone) {
    for (const row of grid.rowIndexes()) {
      const v = grid.value(row, col);
      if (cellKind(v) !== "amount") continue;
      const line = lineOfRow.get(row);
      // Only beside a line, to the right of its label: a number in a title block or a signature is no amount.
      if (!line || col <= (parseAddress(line.cell)?.col ?? Infinity)) continue;
      if (isPartOfLineTotal(grid, row, col, line)) continue;
      const cell = cellAddress(row, col);
      const fr = typeof v === "number" ? String(v).replace(".", ",") : String(v);
      issues.push({
        sheet,
        cell,
        code: "lone_number",
        message: `La cellule ${cell} contient ${fr} sur la ligne « ${line.label} », dans une colonne qui n'a que ce nombre et pas d'en-tête de montant : il n'est pas compté. Si c'est un montant, donnez un en-tête à sa colonne (« Montant », « Recettes ») puis relancez l'analyse.`,
        messageEn: `Cell ${cell} holds ${String(v)} on the line “${line.label}”, in a column with no other number and no amount header: it is not counted. If it is an amount, give its column a header (“Amount”, “Income”), then run the analysis again.`,
      });
    }
  }
  return issues;
}

/**
 * « Ateliers | Festival | Total », an action with one number: with the other numbers typed between the label and the
 * line's amount, it adds up to that amount, so it is a part of the total the line reads (partsOfTotal.ts), not a lone
 * number to ask about.
 */
function isPartOfLineTotal(grid: SheetGrid, row: number, col: number, line: BudgetLine): boolean {
  const labelCol = parseAddress(line.cell)?.col;
  const amountCol = line.amountCell ? parseAddress(line.amountCell)?.col : undefined;
  if (labelCol === undefined || amountCol === undefined || col >= amountCol || line.amount.kind !== "value") return false;
  let sum = 0;
  let parts = 0;
  for (const cell of grid.rowCells(row)) {
    if (cell.col <= labelCol || cell.col >= amountCol || cellKind(cell.value) !== "amount") continue;
    sum += amountFromCellValue(cell.value) ?? 0;
    parts++;
  }
  return parts >= 2 && Math.abs(Math.abs(sum) - Math.abs(line.amount.cents)) <= parts;
}
