// One sheet per year (« 2022-2023 », « 2023-2024 », « Budget 2025 »): a treasurer's workbook keeps its exercises side by
// side. Each sheet is its own budget, analysed apart under the sheet's name, never added to the others (four years of
// a foyer rural's cash book were one analysis four times too big).
import type { ReadIssue, ReadResult } from "./budget.ts";
import type { WorkbookSnapshot } from "./snapshot.ts";
import type { BudgetLine, Section } from "../engine/types.ts";
import { normalizeText } from "../engine/text.ts";
import { budgetSheets } from "./budgetSheets.ts";

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
  const sheets = budgetSheets(result);
  if (sheets.length < 2) return;
  const periods = sheets.map(periodOfSheetName);
  if (periods.some((p) => p === null) || new Set(periods).size !== periods.length) return;
  const list = sheets.map((s) => `« ${s} »`).join(", ");
  apart(result, sheets, {
    code: "separate_periods",
    message: `Les feuilles ${list} sont des exercices différents : chacune est analysée à part, sous son nom, et leurs montants ne sont jamais additionnés.`,
    messageEn: `The sheets ${list} are different years: each is analysed apart, under its name, and their amounts are never added together.`,
  });
}

/** A sheet titled as the association's whole budget (« Budget de l'association », « Budget global », « Structure »). */
const WHOLE = /\b(association|asso|structure|global|globale|general|generale|fonctionnement)\b/;
/** A sheet titled as one action's or project's (« Budget de l'action », « Projet Jardin », « Manifestation »). */
const PART = /\b(action|actions|projet|projets|manifestation|evenement|operation)\b/;

/**
 * A grant application's two tables on two sheets, the association's budget and the action's: the action is part of
 * the association's budget, so adding them counts it twice. Each is analysed apart, and said. (A « Budget global »
 * typed as the sum of its actions' sheets is a summary, dropped before this: summedSheets.ts.)
 */
export function separateWholeAndPartSheets(result: ReadResult): void {
  const sheets = budgetSheets(result);
  if (sheets.length < 2) return;
  const words = sheets.map((s) => normalizeText(s));
  const whole = sheets.filter((_, i) => WHOLE.test(words[i]!) && !PART.test(words[i]!));
  const parts = sheets.filter((_, i) => PART.test(words[i]!) && !WHOLE.test(words[i]!));
  if (whole.length !== 1 || parts.length === 0 || whole.length + parts.length !== sheets.length) return;
  const list = parts.map((s) => `« ${s} »`).join(", ");
  apart(result, sheets, {
    code: "separate_budgets",
    message: `La feuille « ${whole[0]} » est le budget de l'association, ${parts.length > 1 ? "les feuilles" : "la feuille"} ${list} celui d'une action qui en fait partie : chacune est analysée à part, sous son nom, et leurs montants ne sont jamais additionnés.`,
    messageEn: `The sheet “${whole[0]}” is the association's budget, ${parts.map((s) => `“${s}”`).join(", ")} that of an action within it: each is analysed apart, under its name, and their amounts are never added together.`,
  });
}

/** A table's title: « Budget prévisionnel de l'association 2025 », « BUDGET DU PROJET », « Compte de résultat de l'action ». */
const TABLE_TITLE = /\b(budgets?|compte de resultat|plan de financement)\b/;
/**
 * On one sheet, the whole is said by the association or the structure only: a « Budget de fonctionnement » above a
 * « Budget du projet » is as often the two halves of one budget as a whole and its part.
 */
const WHOLE_TABLE = /\b(association|asso|structure|global|globale|general|generale)\b/;

interface TableTitle {
  row: number;
  text: string;
  whole: boolean;
}

/** The side the layout or the account gives a line, before any classifying. */
function sideOf(line: BudgetLine): Section | null {
  return line.context.sectionHint ?? (line.account?.startsWith("6") ? "expense" : line.account?.startsWith("7") ? "income" : null);
}

/** The rows of a sheet that title a table as the association's whole budget or as an action's, in order. */
function tableTitles(rows: WorkbookSnapshot["sheets"][number]["rows"]): TableTitle[] {
  const titles: TableTitle[] = [];
  for (const row of rows) {
    // A title row holds words only, in one or two cells (a merged title, or a title and its year).
    if (row.cells.length === 0 || row.cells.length > 2 || row.cells.some((c) => typeof c.value !== "string")) continue;
    const text = row.cells.map((c) => String(c.value).trim()).join(" ");
    const words = normalizeText(text);
    if (!TABLE_TITLE.test(words)) continue;
    const whole = WHOLE_TABLE.test(words);
    if (whole === PART.test(words)) continue;
    titles.push({ row: row.index, text, whole });
  }
  return titles;
}

/**
 * A grant application's two tables on one sheet, the association's budget above or below the action's (the Cerfa's
 * « Budget prévisionnel de l'association » and « Budget prévisionnel de l'action »): as on two sheets, each table is
 * analysed apart, under its title, and said — adding them counts the action twice.
 */
export function separateWholeAndPartTables(snapshot: WorkbookSnapshot, result: ReadResult): void {
  for (const sheet of budgetSheets(result)) {
    const titles = tableTitles(snapshot.sheets.find((s) => s.name === sheet)?.rows ?? []);
    const lines = result.lines.filter((l) => l.sheet === sheet);
    // Each title heads the lines down to the next title; a title that heads no line is no table's.
    const headed = titles.map((t, i) => ({ ...t, lines: lines.filter((l) => l.row > t.row && l.row < (titles[i + 1]?.row ?? Infinity)) })).filter((t) => t.lines.length > 0);
    // Each is a whole budget, charges and produits: « Budget des projets » heading the projects' charges inside the
    // association's budget is a part of its table, not a table of its own.
    const bothSides = (t: (typeof headed)[number]) => t.lines.some((l) => sideOf(l) === "income") && t.lines.some((l) => sideOf(l) === "expense");
    if (!headed.every(bothSides)) continue;
    const whole = headed.filter((t) => t.whole);
    const parts = headed.filter((t) => !t.whole);
    if (whole.length !== 1 || parts.length === 0 || lines.some((l) => l.row < headed[0]!.row)) continue;
    const columns = new Set(lines.map((l) => l.scenario));
    const renamed: string[] = [];
    for (const t of headed) {
      for (const l of t.lines) l.scenario = columns.size > 1 ? `${t.text} – ${l.scenario}` : t.text;
      renamed.push(...new Set(t.lines.map((l) => l.scenario)));
    }
    for (const b of result.budgets) if (b.sheet === sheet) b.amountColumns = renamed;
    const list = parts.map((t) => `« ${t.text} »`).join(", ");
    result.issues.push({
      sheet,
      cell: null,
      code: "separate_budgets",
      message: `Sur la feuille « ${sheet} », le tableau « ${whole[0]!.text} » est le budget de l'association, ${parts.length > 1 ? "les tableaux" : "le tableau"} ${list} celui d'une action qui en fait partie : chacun est analysé à part, sous son titre, et leurs montants ne sont jamais additionnés.`,
      messageEn: `On the sheet “${sheet}”, the table “${whole[0]!.text}” is the association's budget, ${parts.map((t) => `“${t.text}”`).join(", ")} that of an action within it: each is analysed apart, under its title, and their amounts are never added together.`,
    });
  }
}

/** Each sheet's amounts as scenarios of their own, named by the sheet, unless they are already apart; said once. */
function apart(result: ReadResult, sheets: string[], issue: Pick<ReadIssue, "code" | "message" | "messageEn">): void {
  const columnsOf = new Map(sheets.map((s) => [s, [...new Set(result.budgets.filter((b) => b.sheet === s).flatMap((b) => b.amountColumns))]]));
  // Already apart: the sheets name their columns differently (« Réalisé 2023 » on one, « Réalisé 2024 » on the other).
  const all = [...columnsOf.values()].flat();
  if (new Set(all).size === all.length) return;
  const renamed = (sheet: string, column: string) => (columnsOf.get(sheet)!.length > 1 ? `${sheet} – ${column}` : sheet);
  for (const line of result.lines) line.scenario = renamed(line.sheet, line.scenario);
  for (const b of result.budgets) b.amountColumns = b.amountColumns.map((c) => renamed(b.sheet, c));
  result.issues.push({ sheet: sheets[0]!, cell: null, ...issue });
}
