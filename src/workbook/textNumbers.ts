// Numbers stored as text (« 1 200 », « 1 200,50 € », « -350 ») are the most common import accident: a CSV opened
// by Excel, a copy from a web page or an accounting export. Équilibre reads them as the numbers they say, and says
// so once per column: Excel's own SUM leaves them out, so the workbook's totals are wrong until they are converted.
import { isTypedDash } from "../engine/money.ts";
import type { ReadIssue, ReadResult } from "./budget.ts";
import { cellAddress, columnLetters, parseAddress, type WorkbookSnapshot } from "./snapshot.ts";

/** How many cells an issue names before « … ». */
const NAMED = 5;

/** One issue for each column of each sheet where lines were read from amounts typed as text. */
export function textNumberIssues(snapshot: WorkbookSnapshot, result: ReadResult): void {
  const bySheet = new Map<string, { cells: Set<string>; cols: Set<number> }>();
  for (const l of result.lines) {
    if (!l.amountCell || l.amount.kind !== "value") continue;
    let carried = bySheet.get(l.sheet);
    if (!carried) bySheet.set(l.sheet, (carried = { cells: new Set(), cols: new Set() }));
    carried.cells.add(l.amountCell);
    const at = parseAddress(l.amountCell);
    if (at) carried.cols.add(at.col);
  }
  for (const sheet of snapshot.sheets) {
    const carried = bySheet.get(sheet.name)?.cells;
    if (!carried) continue;
    // The columns lines were read from: a text elsewhere (a label, an account) is no amount, and needs no address.
    const amountCols = bySheet.get(sheet.name)!.cols;
    const byColumn = new Map<number, string[]>();
    for (const row of sheet.rows) {
      for (const c of row.cells) {
        // A formula's text result is the formula's business, not an import accident.
        // « - » typed for nothing is no number typed as text: SUM loses nothing by it.
        if (typeof c.value !== "string" || c.formula !== undefined || !amountCols.has(c.col) || isTypedDash(c.value)) continue;
        const ref = cellAddress(row.index, c.col);
        if (!carried.has(ref)) continue;
        const list = byColumn.get(c.col);
        if (list) list.push(ref);
        else byColumn.set(c.col, [ref]);
      }
    }
    for (const [col, cells] of [...byColumn].sort((a, b) => a[0] - b[0])) result.issues.push(textNumbersIssue(sheet.name, columnLetters(col), cells));
  }
}

function textNumbersIssue(sheet: string, column: string, cells: string[]): ReadIssue {
  const named = `${cells.slice(0, NAMED).join(", ")}${cells.length > NAMED ? "…" : ""}`;
  const n = cells.length;
  return {
    sheet,
    cell: cells[0] ?? null,
    code: "amounts_as_text",
    message:
      n === 1
        ? `Dans la colonne ${column}, un montant est saisi comme du texte (${named}) : Équilibre le compte comme un nombre, mais les formules d'Excel (SOMME…) l'ignorent. Pour le convertir : sélectionnez la cellule, puis le losange d'avertissement > Convertir en nombre.`
        : `Dans la colonne ${column}, ${n} montants sont saisis comme du texte (${named}) : Équilibre les compte comme des nombres, mais les formules d'Excel (SOMME…) les ignorent. Pour les convertir : sélectionnez ces cellules, puis le losange d'avertissement > Convertir en nombre.`,
    messageEn:
      n === 1
        ? `In column ${column}, an amount is typed as text (${named}): Équilibre counts it as a number, but Excel's formulas (SUM…) leave it out. To convert it: select the cell, then the warning icon > Convert to Number.`
        : `In column ${column}, ${n} amounts are typed as text (${named}): Équilibre counts them as numbers, but Excel's formulas (SUM…) leave them out. To convert them: select these cells, then the warning icon > Convert to Number.`,
  };
}
