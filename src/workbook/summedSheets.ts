// A « Budget global » typed as the sum of the action sheets beside it, or a sheet copied whole (« Budget (2) »):
// read with them, every euro would count twice. Found by the amounts themselves, line by line (dropSummarySheets in
// read.ts finds the summaries written as formulas).
import type { ReadResult } from "./budget.ts";
import { normalizeText } from "../engine/text.ts";
import { periodOfSheetName } from "./periodSheets.ts";
import { budgetSheets, setAsideAsSummary } from "./budgetSheets.ts";

/** How many lines a sheet must hold, and the share of them that must add up, to be called a sum of the others. */
const MIN_LINES = 3;
const SHARE = 0.9;

/** Each budget sheet's amounts by side and label, when the sheet has one amount column (else it is left alone). */
function amountsBySheet(result: ReadResult): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const single = new Set(result.budgets.filter((b) => b.amountColumns.length === 1).map((b) => b.sheet));
  const several = new Set(result.budgets.filter((b) => b.amountColumns.length !== 1).map((b) => b.sheet));
  for (const l of result.lines) {
    if (!single.has(l.sheet) || several.has(l.sheet) || l.amount.kind !== "value") continue;
    const byKey = out.get(l.sheet) ?? new Map<string, number>();
    const key = `${l.context.sectionHint ?? ""}|${normalizeText(l.label)}`;
    byKey.set(key, (byKey.get(key) ?? 0) + l.amount.cents);
    out.set(l.sheet, byKey);
  }
  return out;
}

/** The sheets the sheet repeats: all the others, when its lines are their sums label by label; else none. */
function repeated(sheet: Map<string, number>, others: [string, Map<string, number>][]): string[] {
  if (sheet.size < MIN_LINES || others.length === 0) return [];
  let matched = 0;
  let total = 0;
  let othersTotal = 0;
  for (const [, o] of others) for (const v of o.values()) othersTotal += v;
  for (const [key, cents] of sheet) {
    total += cents;
    const sum = others.reduce((s, [, o]) => s + (o.get(key) ?? 0), 0);
    if (sum === cents && others.some(([, o]) => o.has(key))) matched++;
  }
  return matched >= MIN_LINES && matched >= SHARE * sheet.size && total === othersTotal ? others.map(([name]) => name) : [];
}

/** Drops the lines of a sheet that sums the other budget sheets (or copies the one other), and says so. */
export function dropSummedSheets(result: ReadResult): void {
  const bySheet = amountsBySheet(result);
  const sheets = budgetSheets(result);
  if (sheets.length < 2 || sheets.some((s) => !bySheet.has(s))) return;
  for (const sheet of sheets) {
    const others = sheets.filter((s) => s !== sheet).map((s): [string, Map<string, number>] => [s, bySheet.get(s)!]);
    const sources = repeated(bySheet.get(sheet)!, others);
    if (sources.length === 0) continue;
    // One other sheet, the same amounts: a copy. The first keeps its lines; two years that happen to match stay two years.
    if (sources.length === 1 && (sheets.indexOf(sheet) < sheets.indexOf(sources[0]!) || (periodOfSheetName(sheet) !== null && periodOfSheetName(sources[0]!) !== null))) continue;
    const list = sources.map((s) => `« ${s} »`).join(", ");
    const copy = sources.length === 1;
    setAsideAsSummary(result, sheet, {
      message: copy
        ? `La feuille « ${sheet} » répète ligne à ligne les montants de ${list} : ses lignes ne sont pas comptées une seconde fois.`
        : `La feuille « ${sheet} » est, ligne à ligne, la somme des feuilles ${list} : c'est une synthèse, ses lignes ne sont pas comptées une seconde fois.`,
      messageEn: copy
        ? `The sheet “${sheet}” repeats the amounts of “${sources[0]}” line by line: its lines are not counted twice.`
        : `The sheet “${sheet}” is, line by line, the sum of the sheets ${sources.map((s) => `“${s}”`).join(", ")}: it is a summary, and its lines are not counted twice.`,
    });
    return;
  }
}
