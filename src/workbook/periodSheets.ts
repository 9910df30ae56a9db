// One sheet per year (« 2022-2023 », « 2023-2024 », « Budget 2025 »): a treasurer's workbook keeps its exercises side by
// side. Each sheet is its own budget, analysed apart under the sheet's name, never added to the others (four years of
// a foyer rural's cash book were one analysis four times too big).
import type { ReadResult } from "./budget.ts";

/** The period a sheet's name says: « 2022-2023 », « 2023/24 », « Exercice 2024 », « BP 2025 »; null when none. */
export function periodOfSheetName(name: string): string | null {
  const m = /(?<!\d)((?:19|20)\d{2})(?:\s*[-/–_]\s*((?:19|20)?\d{2}))?(?!\d)/.exec(name);
  if (!m) return null;
  return m[2] ? `${m[1]}-${m[2].length === 2 ? m[1]!.slice(0, 2) + m[2] : m[2]}` : m[1]!;
}

/**
 * When every sheet holding a budget names a period and no two name the same one, each sheet's amounts are a scenario of
 * their own, named by the sheet (« 2023-2024 », or « 2023-2024 – Réalisé » beside other columns), and said once.
 */
export function separatePeriodSheets(result: ReadResult): void {
  const sheets = [...new Set(result.budgets.map((b) => b.sheet))];
  if (sheets.length < 2) return;
  const periods = sheets.map(periodOfSheetName);
  if (periods.some((p) => p === null) || new Set(periods).size !== periods.length) return;
  const columnsOf = new Map(sheets.map((s) => [s, [...new Set(result.budgets.filter((b) => b.sheet === s).flatMap((b) => b.amountColumns))]]));
  // Already apart: the sheets name their columns differently (« Réalisé 2023 » on one, « Réalisé 2024 » on the other).
  const all = [...columnsOf.values()].flat();
  if (new Set(all).size === all.length) return;
  const renamed = (sheet: string, column: string) => (columnsOf.get(sheet)!.length > 1 ? `${sheet} – ${column}` : sheet);
  for (const line of result.lines) line.scenario = renamed(line.sheet, line.scenario);
  for (const b of result.budgets) b.amountColumns = b.amountColumns.map((c) => renamed(b.sheet, c));
  const list = sheets.map((s) => `« ${s} »`).join(", ");
  result.issues.push({
    sheet: sheets[0]!,
    cell: null,
    code: "separate_periods",
    message: `Les feuilles ${list} sont des exercices différents : chacune est analysée à part, sous son nom, et leurs montants ne sont jamais additionnés.`,
    messageEn: `The sheets ${list} are different years: each is analysed apart, under its name, and their amounts are never added together.`,
  });
}
