// What the readers of a whole workbook share about its budget sheets: which sheets hold a budget, and how a sheet that
// repeats others (a summary by formulas, by values, or a copy) is set aside and said.
import type { ReadResult } from "./budget.ts";

/** The sheets holding a budget, in reading order. */
export const budgetSheets = (result: ReadResult): string[] => [...new Set(result.budgets.map((b) => b.sheet))];

/** A sheet's lines skipped as a summary (each row once), its budgets and issues dropped, and the one sentence said. */
export function setAsideAsSummary(result: ReadResult, sheet: string, said: { message: string; messageEn: string }): void {
  const seen = new Set<number>();
  for (const l of result.lines) {
    if (l.sheet !== sheet || seen.has(l.row)) continue;
    seen.add(l.row);
    result.skipped.push({ sheet, row: l.row, cell: l.cell, label: l.label, why: "summary" });
  }
  result.lines = result.lines.filter((l) => l.sheet !== sheet);
  result.budgets = result.budgets.filter((b) => b.sheet !== sheet);
  result.issues = result.issues.filter((i) => i.sheet !== sheet);
  result.issues.push({ sheet, cell: null, code: "summary_sheet", ...said });
}
