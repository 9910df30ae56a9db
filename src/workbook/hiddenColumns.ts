// « Montant annuel =E12*12 » beside a hidden column E of monthly prices: the hidden column is the sheet's working
// space, the inputs of the amounts shown. Read as one more amount column, its prices were lines counted with the
// amounts they make. A hidden column whose numbers visible formulas use is left out, and said; any other hidden
// column is read as the others (as hidden rows are: Excel's groups collapse them), since it may hold a year.
import type { ReadIssue } from "./budget.ts";
import { columnLetters, columnNumber, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";

/** Cell references in a formula (« E12 », « $E$12 », « Feuil1!E12 » is another sheet's and is left out). */
function referencedColumns(formula: string): number[] {
  const out: number[] = [];
  for (const m of formula.matchAll(/(?<![A-Za-z0-9_!'.])\$?([A-Z]{1,3})\$?(\d+)\b/g)) out.push(columnNumber(m[1]!));
  return out;
}

/** The hidden columns of a sheet whose numbers a visible cell's formula uses. */
function workingColumns(sheet: SheetSnapshot): Set<number> {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const used = new Set<number>();
  if (hidden.size === 0) return used;
  for (const row of sheet.rows) {
    for (const c of row.cells) {
      if (!c.formula || hidden.has(c.col)) continue;
      for (const col of referencedColumns(c.formula)) if (hidden.has(col)) used.add(col);
    }
  }
  // Only a column that holds numbers is working space worth leaving out.
  return new Set([...used].filter((col) => sheet.rows.some((r) => r.cells.some((c) => c.col === col && typeof c.value === "number"))));
}

/** The workbook without the hidden working columns' cells, and what is said of each. */
export function withoutWorkingColumns(snapshot: WorkbookSnapshot): { snapshot: WorkbookSnapshot; issues: ReadIssue[] } {
  const issues: ReadIssue[] = [];
  let changed = false;
  const sheets = snapshot.sheets.map((sheet) => {
    const working = workingColumns(sheet);
    if (working.size === 0) return sheet;
    changed = true;
    for (const col of [...working].sort((a, b) => a - b)) {
      const letters = columnLetters(col);
      issues.push({
        sheet: sheet.name,
        cell: `${letters}1`,
        code: "hidden_columns",
        message: `La colonne ${letters} de la feuille « ${sheet.name} » est masquée et ses nombres servent aux formules des montants affichés : Équilibre la lit comme une colonne de calcul, pas comme des montants du budget. Affichez-la et donnez-lui un titre de montant si elle en contient.`,
        messageEn: `Column ${letters} of the sheet “${sheet.name}” is hidden and its numbers feed the formulas of the amounts shown: Équilibre reads it as a working column, not as budget amounts. Unhide it and give it an amount header if it holds some.`,
      });
    }
    return { ...sheet, rows: sheet.rows.map((r) => ({ ...r, cells: r.cells.filter((c) => !working.has(c.col)) })).filter((r) => r.cells.length > 0) };
  });
  return { snapshot: changed ? { ...snapshot, sheets } : snapshot, issues };
}
