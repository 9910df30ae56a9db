// A pivot table summarises other cells (often the budget itself): its figures are never budget lines, or
// every euro would be counted twice. Lines read inside a pivot table's range are skipped, with an issue.
import type { ReadResult } from "./budget.ts";
import { parseAddress, type PivotTableInfo, type WorkbookSnapshot } from "./snapshot.ts";

function inside(range: string, cell: string): boolean {
  const [a, b] = range.split(":");
  const from = parseAddress(a ?? "");
  const to = parseAddress(b ?? a ?? "");
  const at = parseAddress(cell);
  return Boolean(from && to && at && at.row >= from.row && at.row <= to.row && at.col >= from.col && at.col <= to.col);
}

/** Takes the lines that sit in a pivot table out of `result`, as skipped rows, and says so. */
export function dropPivotTableLines(snapshot: WorkbookSnapshot, result: ReadResult): void {
  for (const sheet of snapshot.sheets) {
    for (const pivot of sheet.pivotTables ?? []) dropPivot(sheet.name, pivot, result);
  }
}

function dropPivot(sheet: string, pivot: PivotTableInfo, result: ReadResult): void {
  const within = (cell: string | null | undefined) => Boolean(cell) && inside(pivot.range, cell!);
  const dropped = result.lines.filter((l) => l.sheet === sheet && (within(l.amountCell) || within(l.cell)));
  if (dropped.length === 0) return;
  const gone = new Set(dropped);
  const rows = new Set<number>();
  for (const l of dropped) {
    if (rows.has(l.row)) continue;
    rows.add(l.row);
    result.skipped.push({ sheet, row: l.row, cell: l.cell, label: l.label, why: "pivot" });
  }
  result.lines = result.lines.filter((l) => !gone.has(l));
  result.issues = result.issues.filter((i) => i.sheet !== sheet || !within(i.cell));
  for (const b of result.budgets) if (b.sheet === sheet) b.lineCount = result.lines.filter((l) => l.sheet === sheet).length;
  result.budgets = result.budgets.filter((b) => b.sheet !== sheet || b.lineCount > 0);
  const source = pivot.sourceSheet ? ` qui résume « ${pivot.sourceSheet} »` : "";
  const sourceEn = pivot.sourceSheet ? ` summarising “${pivot.sourceSheet}”` : "";
  const name = pivot.name ? ` « ${pivot.name} »` : "";
  const nameEn = pivot.name ? ` “${pivot.name}”` : "";
  result.issues.push({
    sheet,
    cell: pivot.range.split(":")[0] ?? null,
    code: "pivot_table",
    message: `La feuille « ${sheet} » contient le tableau croisé dynamique${name} (${pivot.range})${source} : ses ${rows.size} ligne(s) ne sont pas comptées, pour ne compter aucun montant deux fois.`,
    messageEn: `The sheet “${sheet}” holds the pivot table${nameEn} (${pivot.range})${sourceEn}: its ${rows.size} row(s) are not counted, so that no amount is counted twice.`,
  });
}
