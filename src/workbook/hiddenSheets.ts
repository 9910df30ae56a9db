// A hidden sheet is not read as part of the budget (it often holds an old version or a list), but one that
// holds budget lines is said: « aucune ressource » with the produits on a hidden sheet must not be silent.
// The reader needs a budget's shape (a header, a few lines) to find lines; a hidden sheet holding a single
// « Subvention Région | 7 000 » row has none, so rows pairing a label with a number are said as well.
import { eurosToCents, formatEuros } from "../engine/money.ts";
import type { ReadResult } from "./budget.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";

interface HiddenAmounts {
  rows: number;
  cents: number;
}

/** An issue for each hidden sheet (not Équilibre's) in which `readSheet` finds budget lines, or rows of a label and an amount. */
export function hiddenSheetIssues(snapshot: WorkbookSnapshot, readSheet: (sheet: SheetSnapshot) => ReadResult, result: ReadResult): void {
  const own = new Set(snapshot.ownSheets ?? []);
  for (const sheet of snapshot.sheets) {
    if (sheet.visibility === "visible" || own.has(sheet.name) || sheet.rows.length === 0) continue;
    const found = readLines(readSheet(sheet)) ?? labelledNumbers(sheet);
    if (!found) continue;
    const { rows, cents } = found;
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

/** The lines the reader found: their rows, and the total of the first scenario (several columns are not added together). */
function readLines(found: ReadResult): HiddenAmounts | null {
  const lines = found.lines.filter((l) => l.amount.kind === "value");
  if (lines.length === 0) return null;
  const scenario = lines[0]!.scenario;
  const cents = lines.filter((l) => l.scenario === scenario).reduce((n, l) => n + (l.amount.kind === "value" ? Math.abs(l.amount.cents) : 0), 0);
  return { rows: new Set(lines.map((l) => l.row)).size, cents };
}

/** Rows where a text label is followed by a number (the first one is the row's amount), when the reader found no budget. */
function labelledNumbers(sheet: SheetSnapshot): HiddenAmounts | null {
  let rows = 0;
  let cents = 0;
  for (const row of sheet.rows) {
    const label = row.cells.findIndex((c) => typeof c.value === "string" && /\p{L}/u.test(c.value));
    const amount = label < 0 ? undefined : row.cells.slice(label + 1).find((c) => typeof c.value === "number" && c.value !== 0);
    if (typeof amount?.value !== "number") continue;
    rows++;
    cents += Math.abs(eurosToCents(amount.value));
  }
  return rows > 0 ? { rows, cents } : null;
}
