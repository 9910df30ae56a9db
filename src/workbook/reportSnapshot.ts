// What writing the report still reads of the workbook once its budgets are read: Équilibre's own sheets of an
// earlier run (notes and scenarios typed in them are carried over) and the association's name. The user's sheets
// are written back from the package, never from the snapshot: their rows can go (a 1,000,000-line ledger's grid is
// about 600 MB, held until the report was written while the report's own cells were made).
import type { WorkbookAnalysis } from "./pipeline.ts";
import type { WorkbookSnapshot } from "./snapshot.ts";
import { associationName } from "./title.ts";

export function snapshotForReport(snapshot: WorkbookSnapshot, result: Pick<WorkbookAnalysis, "budgets" | "ownSheets">): WorkbookSnapshot {
  const own = new Set(result.ownSheets ?? []);
  return {
    ...snapshot,
    title: associationName(snapshot, result.budgets),
    sheets: snapshot.sheets.map((s) => (own.has(s.name) ? s : { ...s, rows: [], merges: [] })),
  };
}
