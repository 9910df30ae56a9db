// A hidden sheet is not read as part of the budget (it often holds an old version or a list), but one that
// holds budget lines is said: « aucune ressource » with the produits on a hidden sheet must not be silent.
import { formatEuros } from "../engine/money.ts";
import type { ReadResult } from "./budget.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";

/** An issue for each hidden sheet (not Équilibre's) in which `readSheet` finds budget lines. */
export function hiddenSheetIssues(snapshot: WorkbookSnapshot, readSheet: (sheet: SheetSnapshot) => ReadResult, result: ReadResult): void {
  const own = new Set(snapshot.ownSheets ?? []);
  for (const sheet of snapshot.sheets) {
    if (sheet.visibility === "visible" || own.has(sheet.name) || sheet.rows.length === 0) continue;
    const found = readSheet(sheet);
    const lines = found.lines.filter((l) => l.amount.kind === "value");
    if (lines.length === 0) continue;
    const rows = new Set(lines.map((l) => l.row)).size;
    // The total of the first scenario only, so that several columns are not added together.
    const scenario = lines[0]!.scenario;
    const cents = lines.filter((l) => l.scenario === scenario).reduce((n, l) => n + (l.amount.kind === "value" ? Math.abs(l.amount.cents) : 0), 0);
    const how = sheet.visibility === "veryHidden" ? "très masquée" : "masquée";
    result.issues.push({
      sheet: sheet.name,
      cell: null,
      code: "hidden_sheet_amounts",
      message: `La feuille ${how} « ${sheet.name} » contient des montants (${rows} ligne(s), ${formatEuros(cents, "fr")}) : ils ne sont pas comptés. Si elle fait partie du budget, affichez-la (clic droit sur un onglet > Afficher) puis relancez l'analyse.`,
      messageEn: `The ${sheet.visibility === "veryHidden" ? "very hidden" : "hidden"} sheet “${sheet.name}” holds amounts (${rows} row(s), ${formatEuros(cents, "en")}): they are not counted. If it is part of the budget, unhide it (right-click a tab > Unhide), then run the analysis again.`,
    });
  }
}
