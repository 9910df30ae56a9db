// Budget detection and reading: find the budget tables of a snapshot, read every line exactly once,
// and say which rows were skipped and why.
import { withComputedFormulas } from "./formulaValues.ts";
import { withoutWorkingColumns } from "./hiddenColumns.ts";
import { accountSection, classify, isBalanceSheetHalf, isBalanceSheetHeading, isClosingEntry, isInvestmentLine, isPaidOutHeading, namesAFlow, RECOGNISED_CONFIDENCE, isBalanceSheetLine, leadingAccount, normalizeAccount } from "../engine/classify.ts";
import { nonLineKind, type NonLineKind } from "../engine/lineKinds.ts";
import { amountFromCellValue, isTypedDash } from "../engine/money.ts";
import { normalizeText } from "../engine/text.ts";
import type { Amount, BudgetLine, Section } from "../engine/types.ts";
import type { AmountColumnInfo, DetectedBudget, Layout, ReadIssue, ReadResult, SkippedRow } from "./budget.ts";
import { cellKind, columnRoles, isColumnTitle, moneyInWords, namesYearByLetter, profileColumns, segmentBlocks, type TableBlock } from "./columns.ts";
import { VERSION_HEADER, headerKind, sideOfTitledColumn, inKindOnSide, isBalanceTypeCell, isInKindLineWord, isMonthHeader, monthOfDateHeader, namesBothSides, sectionOfBlockHeading, sectionOfHeading, sectionOfSheetName, sectionOfTypeCell, sectionOfTypeColumnCell, sideOfFundsHeading, type HeaderKind } from "./sections.ts";
import { cellAddress, columnLetters, columnNumber, isCellError, SheetGrid, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";
import { checkTotals, type DeclaredTotal } from "./selfCheck.ts";
import { partsOfTotal } from "./partsOfTotal.ts";
import { separatePeriodSheets, separateWholeAndPartSheets, separateWholeAndPartTables } from "./periodSheets.ts";
import { dropSummedSheets } from "./summedSheets.ts";
import { budgetSheets, setAsideAsSummary } from "./budgetSheets.ts";
import { countedByTypedTotals, findSubtotals, isChapterTitle, type SubtotalCandidate } from "./subtotals.ts";
import { addedRows, memberTest, refersToOtherRows, rowsSummedIf, summedRows, type MemberTest } from "./labelledLines.ts";
import { sidesFromResult } from "./resultSides.ts";
import { flipDeclaredTotals, isAmbiguousSideHeading, sidesAcrossHeadings, sidesAgainstHeadings } from "./headingSides.ts";
import { hiddenSheetIssues } from "./hiddenSheets.ts";
import { loneNumberIssues } from "./loneNumbers.ts";
import { withMergedLabels } from "./mergedLabels.ts";
import { dropPivotTableLines } from "./pivotTables.ts";
import { textNumberIssues } from "./textNumbers.ts";
import { isShareColumn, type SharePair } from "./shareColumns.ts";
import { followsAnotherChart, type NumberedRow } from "./foreignChart.ts";
import { textIssue as textIssueAt, unreadAmountIssues } from "./unreadAmounts.ts";
import { guessUnsaidSides, sideOfOwnWords, type GuessedBlock } from "./guessedSides.ts";
import { currencyColumns, currencyIssue, currencyOf } from "./currencyColumns.ts";
import { isBlankFormLine, isBlankListLine, summedRanges } from "./blankFormLines.ts";
import { cashRowKind, cashRowsIssue, type CashRow } from "./cashRows.ts";
import { isDetailLabel, resolveDetailRows } from "./detailRows.ts";
import { netResultColumn } from "./netColumns.ts";
import { partnerHeadings } from "./partnerBlocks.ts";
import { sidesBySign, signedSidesIssue } from "./signedSides.ts";

/** « RECETTES - Fondations », « Dépenses – Frais vétérinaires »: a side word, then a dash and what the block holds. */
const SIDE_BEFORE_DASH = /^\s*(recettes|d[ée]penses|charges|produits|ressources|emplois|revenus)\s+[-–—]\s+\S/i;

/** The name a single unnamed amount column gets. */
export const UNNAMED_COLUMN = "Montant";
/** The analysis of a budget split into analytic columns covers all of them. */
export const ANALYTIC_SCENARIO = "Total";
export const TRIAL_BALANCE_SCENARIO = "Solde";

export function readBudgets(given: WorkbookSnapshot): ReadResult {
  // A script's formulas hold no result: their arithmetic is calculated first, as Excel does on opening.
  // Hidden columns whose numbers the amounts shown are computed from are working space, not amounts.
  const working = withoutWorkingColumns(withComputedFormulas(given));
  const snapshot = working.snapshot;
  const own = new Set(snapshot.ownSheets ?? []);
  // « Ressources » and « Emplois », one sheet each: each names the side the other does not hold.
  const sheetSides = new Set(snapshot.sheets.filter((s) => s.visibility === "visible").map((s) => sectionOfSheetName(s.name)));
  const result: ReadResult = { budgets: [], lines: [], skipped: [], issues: [...working.issues] };
  const read = snapshot.sheets.filter((sheet) => sheet.visibility === "visible" && !own.has(sheet.name)).map((sheet) => ({ sheet, found: readSheet(withMergedLabels(sheet), sheetSides) }));
  // « Ressources » numbered 3410, 3630 and « Emplois » 4430, 6500: a workbook is numbered in one chart; where one
  // sheet follows another (a Swiss one), the numbers of the others are the same chart's (readSheet does so per table).
  const otherChart = (f: SheetRead) => f.issues.some((i) => i.code === "other_chart");
  const anyOther = read.some((x) => otherChart(x.found));
  for (const { sheet, found } of read) appendAll(result, anyOther && !otherChart(found) ? readSheet(withMergedLabels(sheet), sheetSides, true) : found);
  dropPivotTableLines(snapshot, result);
  dropSummarySheets(snapshot, result);
  dropSummedSheets(result);
  unifySingleScenarios(result);
  separatePeriodSheets(result);
  separateWholeAndPartSheets(result);
  separateWholeAndPartTables(snapshot, result);
  // « en € | en VND » over both halves of a side-by-side table: said once per sheet.
  const currencySaid = new Set<string>();
  result.issues = result.issues.filter((i) => i.code !== "other_currency" || (!currencySaid.has(i.sheet) && Boolean(currencySaid.add(i.sheet))));
  hiddenSheetIssues(snapshot, (sheet) => readSheet(withMergedLabels(sheet)), result);
  unreadAmountIssues(snapshot, result);
  textNumberIssues(snapshot, result);
  return result;
}

/**
 * A "Synthèse" sheet whose amounts are formulas over another budget sheet ('Budget'!B12, SUM(Détail!B2:B9))
 * repeats that budget: its lines are skipped, so no euro is counted twice. At least two of its amounts, and
 * two thirds of them, must point at another budget sheet; when every budget sheet does, all are kept.
 */
function dropSummarySheets(snapshot: WorkbookSnapshot, result: ReadResult): void {
  const sheets = budgetSheets(result);
  if (sheets.length < 2) return;
  const refersTo = (formula: string, sheet: string) => {
    const f = formula.toLowerCase();
    const name = sheet.toLowerCase();
    return f.includes(`'${name.replace(/'/g, "''")}'!`) || (/^[\p{L}\p{N}_.]+$/u.test(name) && new RegExp(`(^|[^\\p{L}\\p{N}_.'])${name.replace(/[.]/g, "\\.")}!`, "u").test(f));
  };
  const summaries = new Map<string, string>();
  for (const sheet of sheets) {
    const formulas = new Map<string, string>();
    for (const row of snapshot.sheets.find((s) => s.name === sheet)?.rows ?? []) for (const c of row.cells) if (c.formula) formulas.set(cellAddress(row.index, c.col), c.formula);
    const lines = result.lines.filter((l) => l.sheet === sheet && l.amountCell);
    const others = sheets.filter((s) => s !== sheet);
    const pointing = lines.map((l) => others.find((o) => refersTo(formulas.get(l.amountCell!) ?? "", o))).filter((o): o is string => o !== undefined);
    // « Synthèse »: totals taken from the other sheets and one row of 86 left as a line; every line it has points away,
    // and so do its totals: a summary however few lines it leaves.
    const away = [...formulas.values()].filter((f) => others.some((o) => refersTo(f, o))).length;
    const allAway = lines.length >= 1 && pointing.length === lines.length && away >= 3;
    if ((pointing.length >= 2 && pointing.length * 3 >= lines.length * 2) || allAway) summaries.set(sheet, pointing[0]!);
  }
  if (summaries.size === 0 || summaries.size === sheets.length) return;
  for (const [sheet, source] of summaries) {
    setAsideAsSummary(result, sheet, {
      message: `La feuille « ${sheet} » reprend par des formules les montants de « ${source} » : c'est une synthèse, ses lignes ne sont pas comptées une seconde fois.`,
      messageEn: `The sheet “${sheet}” takes its amounts from “${source}” through formulas: it is a summary, and its lines are not counted twice.`,
    });
  }
}

/** Budgets that each have one scenario column (a Cerfa's two halves, two sheets Ressources / Emplois) form one analysis. */
function unifySingleScenarios(result: ReadResult): void {
  const scenarioBudgets = result.budgets.filter((b) => b.layout !== "analytic_columns");
  const singles = scenarioBudgets.filter((b) => b.amountColumns.length === 1);
  if (singles.length < 2 || singles.length !== scenarioBudgets.length) return;
  const names = new Set(singles.map((b) => b.amountColumns[0]));
  if (names.size === 1) return;
  const name = singles[0]!.amountColumns[0]!;
  const renamed = new Set(singles.map((b) => b.amountColumns[0]));
  for (const line of result.lines) if (renamed.has(line.scenario)) line.scenario = name;
}

type SheetRead = ReadResult;

/** Appends one by one: `push(...lines)` passes every line as an argument and overflows the stack past ~100,000. */
function appendAll(into: ReadResult, from: ReadResult): void {
  for (const b of from.budgets) into.budgets.push(b);
  for (const l of from.lines) into.lines.push(l);
  for (const s of from.skipped) into.skipped.push(s);
  for (const i of from.issues) into.issues.push(i);
}

function readSheet(sheet: SheetSnapshot, sheetSides: ReadonlySet<Section | null> = new Set(), otherChart = false): SheetRead {
  const out: SheetRead = { budgets: [], lines: [], skipped: [], issues: [] };
  const grid = new SheetGrid(sheet);
  if (grid.isEmpty()) return out;
  const rows = grid.rowIndexes();
  const profiles = profileColumns(grid, tableRows(grid, rows));
  const headers = new Map<number, { text: string; row: number } | null>();
  const headerOf = (col: number) => {
    if (!headers.has(col)) headers.set(col, findHeader(grid, rows, col));
    return headers.get(col)?.text ?? null;
  };
  const roles = columnRoles(profiles, headerOf, sectionOfSheetName(sheet.name) !== null);
  const blocks = segmentBlocks(roles);
  const sideBySide = blocks.length >= 2;
  const sheetSays = sheetSaysTest(grid, rows);
  const readOne = (block: TableBlock, otherChart: boolean) => readBlock(grid, rows, block, headerOf, (col) => headers.get(col)?.row ?? null, sideBySide, (side) => sheetSides.has(side) || sheetSays(side), otherChart);
  let reads = blocks.map((block) => readOne(block, otherChart));
  // « 4430 Frais RHL » beside « 3410 Contributions des membres »: a sheet is numbered in one chart. Where one half of
  // a side-by-side table follows another chart (a Swiss one), the other half does too, though its own numbers alone
  // (4425, 4430, then 6500…) would not say so: read in the French chart, its 44xx were set aside as third parties.
  if (reads.some((r) => r?.issues.some((i) => i.code === "other_chart"))) {
    reads = reads.map((r, k) => (blocks[k]!.accountCol !== null && !r?.issues.some((i) => i.code === "other_chart") ? readOne(blocks[k]!, true) : r));
  }
  for (const [k, block] of blocks.entries()) {
    const read = reads[k]!;
    if (!read) {
      const aside = balanceSheetBlock(grid, rows, block, (col) => headers.get(col)?.row ?? null);
      if (aside.length > 0) {
        out.skipped.push(...aside);
        continue;
      }
      const notRead = sectionNotRead(grid, rows, block, headerOf);
      if (notRead) out.issues.push(notRead);
      continue;
    }
    out.budgets.push(read.budget);
    appendAll(out, { budgets: [], ...read });
  }
  for (const issue of loneNumberIssues(grid, roles, profiles, headerOf, out.lines)) out.issues.push(issue);
  const hidden = sheet.rows.filter((r) => r.hidden && r.cells.length > 0).length;
  if (out.budgets.length > 0 && hidden > 0) {
    out.issues.push({
      sheet: sheet.name,
      cell: null,
      code: "hidden_rows",
      message: `La feuille « ${sheet.name} » contient ${hidden} ligne(s) masquée(s) : elles ont été lues comme les autres. Affichez-les pour vérifier qu'elles font bien partie du budget.`,
      messageEn: `The sheet “${sheet.name}” has ${hidden} hidden row(s): they were read like the others. Unhide them to check they belong to the budget.`,
    });
  }
  return out;
}

/**
 * Whether a cell of the sheet names a money side as a heading does (« Emplois », « Total des charges »): an ambiguous
 * heading (« Ressources ») beside it is a side. Scanned once per side asked, only when a block's heading is in doubt.
 */
function sheetSaysTest(grid: SheetGrid, rows: number[]): (side: Section) => boolean {
  const memo = new Map<Section, boolean>();
  return (side) => {
    let said = memo.get(side);
    if (said === undefined) {
      said = rows.some((r) => grid.rowCells(r).some((c) => typeof c.value === "string" && c.value.length <= 60 && sectionOfHeading(c.value.replace(/^\s*(sous[-\s]?)?(total|totaux)\s*(general\s*|général\s*)?(des\s+|de\s+|du\s+)?/i, "")) === side));
      memo.set(side, said);
    }
    return said;
  };
}

/**
 * The rows a column's role is judged on: from the first row holding a number to the last. A title block above
 * the table (name, address, « Exercice du 01/09/2024 au 31/08/2025 ») and a signature block under it (« Le
 * trésorier | | La présidente ») are text in the account and amount columns: counted, they turned a column of
 * accounts, or of amounts, into labels. Headers are found apart (findHeader), from all the rows.
 */
function tableRows(grid: SheetGrid, rows: number[]): number[] {
  const numeric = (r: number) => grid.rowCells(r).some((c) => {
    const k = cellKind(c.value);
    return k === "amount" || k === "error";
  });
  let first = 0;
  while (first < rows.length && !numeric(rows[first]!)) first++;
  let last = rows.length - 1;
  while (last > first && !numeric(rows[last]!)) last--;
  return first >= rows.length ? rows : rows.slice(first, last + 1);
}

/**
 * The text above the first amount of a column: its header. Blank cells do not count, so a column whose
 * first value comes late (a trial balance's "Solde créditeur" when the first accounts are charges) still
 * finds its header; at most four filled cells are looked at. A row of years ("Poste | 2024 | 2025") is a
 * header, not the first amounts, and joins the text above it: "Réalisé 2024".
 */
function findHeader(grid: SheetGrid, rows: number[], col: number): { text: string; row: number } | null {
  const first = firstValueIndex(grid, rows, col);
  if (first < 0) return null;
  let looked = 0;
  let year: { text: string; row: number } | null = null;
  // « Exercice 2023 | Exercice 2022 » over « € | € » (or « £'s | £'s »): the unit row under the titles names no
  // column; the title above it does (both named « € », two years were added up as two actions of one budget).
  let unit: { text: string; row: number } | null = null;
  for (let i = first - 1; i >= 0; i--) {
    const r = rows[i]!;
    const v = grid.value(r, col);
    if (v === null || v === "") continue;
    if (++looked > 4) break;
    if (!unit && !year && typeof v === "string" && isUnitTitle(v)) {
      unit = { text: v.trim(), row: r };
      continue;
    }
    // « Exercice 2018 | Exercice 2017 » merged over « Montant | % » twice: the money word names no year, the title
    // directly above it does (two years were one « Montant » analysis, their amounts added as two actions).
    if (!unit && !year && typeof v === "string" && GENERIC_MONEY_TITLE.test(normalizeText(v))) {
      const above = i > 0 && rows[i - 1] === r - 1 ? grid.value(r - 1, col) : null;
      if (typeof above === "string" && cellKind(above) === "text" && (yearOf(above) !== null || namesYearByLetter(above) || isColumnTitle(normalizeText(above))) && !GENERIC_MONEY_TITLE.test(normalizeText(above))) {
        return { text: above.trim(), row: r };
      }
    }
    // An amount typed with words above the first number (« 1 200 € HT ») is not the column's title: look higher.
    // In the header row itself (« Libellé | Subvention proposée | Selon le critère de 13 € par licencié »), it is.
    if (typeof v === "string" && moneyInWords(v) && !isHeaderRow(grid, r, col)) {
      looked--;
      continue;
    }
    const month = typeof v === "string" && cellKind(v) === "date" ? monthOfDateHeader(v, grid.rowCells(r).map((c) => c.value)) : null;
    if (month) return { text: month, row: r };
    if (typeof v === "string" && cellKind(v) === "text") {
      if (!year && typedInALine(grid, rows, i, col)) {
        looked--;
        continue;
      }
      if (year) return { text: `${v.trim()} ${year.text}`, row: year.row };
      return { text: v.trim(), row: unit?.row ?? r };
    }
    if (year) break;
    const y = yearOf(v);
    if (y !== null && (typeof v === "string" || isYearHeaderRow(grid, r))) year = { text: String(y), row: unit?.row ?? r };
  }
  return year ?? unit;
}

/** A column title that says money and nothing more: under a title that names the year or the version, it is that title's. */
const GENERIC_MONEY_TITLE = /^(montant|montants|montant en euros|montant en €|amount|amounts|somme|sommes|valeur|valeurs)$/;

/** A cell that gives the unit of a column, not its title: « € », « (€) », « £'s », « $ », « en euros », « k€ », « CHF ». */
function isUnitTitle(text: string): boolean {
  return /^\(?\s*(?:en\s+)?(?:k?€|£|\$|£'?s|\$'?s|euros?|eur|k ?eur|chf|usd|gbp|fcfa|f ?cfa|frs?|francs|(?:en )?milliers d'?euros)\s*\)?$/i.test(text.trim());
}

/**
 * Whether the text at `rows[i]` of a column is a value typed on a line (« NaN », « à définir » beside « Cotisations »)
 * rather than the column's title: its row has a label left of it, the text is no column title, and higher in the
 * column a header row holds one (« Libellé | Montant »). Taken as the title, it hid « Montant » and the line's amount.
 */
function typedInALine(grid: SheetGrid, rows: number[], i: number, col: number): boolean {
  const r = rows[i]!;
  const v = grid.value(r, col);
  if (typeof v !== "string" || isColumnTitle(normalizeText(v))) return false;
  if (!grid.rowCells(r).some((c) => c.col < col && typeof c.value === "string" && cellKind(c.value) === "text")) return false;
  for (let j = i - 1, looked = 0; j >= 0 && looked < 3; j--) {
    const above = grid.value(rows[j]!, col);
    if (above === null || above === "") continue;
    looked++;
    if (typeof above === "string" && cellKind(above) === "text") return isColumnTitle(normalizeText(above)) && isHeaderRow(grid, rows[j]!, col);
  }
  return false;
}

/** Whether a row holds, in another column, a column title of the labels (« Libellé », « Poste »): the table's header row. */
function isHeaderRow(grid: SheetGrid, row: number, col: number): boolean {
  return grid.rowCells(row).some((c) => {
    if (c.col === col || typeof c.value !== "string") return false;
    const n = normalizeText(c.value);
    return HEADER_WORD.test(n) && n.split(" ").length <= 2;
  });
}

/** Index in `rows` of the first value of a column (a number, an error, an account), a header row of years left out. */
function firstValueIndex(grid: SheetGrid, rows: number[], col: number): number {
  return rows.findIndex((r) => {
    const k = cellKind(grid.value(r, col));
    return (k === "amount" || k === "error" || k === "account") && !(yearOf(grid.value(r, col)) !== null && isYearHeaderRow(grid, r));
  });
}

/** Whether a row repeats the header row cell for cell over the block's columns (at least two cells, one of them text). */
function repeatsHeader(grid: SheetGrid, headerRow: number, row: number, cols: readonly number[]): boolean {
  // Most rows differ from the header in their first cell: said at once, without normalizing the row (a 100,000-row sheet).
  const first = cols[0]!;
  if (String(grid.value(row, first) ?? "").trim() !== String(grid.value(headerRow, first) ?? "").trim()) return false;
  const texts = (r: number) => cols.map((c) => grid.value(r, c)).map((v) => (v === null ? "" : normalizeText(String(v))));
  const header = texts(headerRow);
  const here = texts(row);
  return header.filter((t) => t !== "").length >= 2 && header.some((t, i) => t !== "" && cellKind(grid.value(headerRow, cols[i]!)) === "text") && here.every((t, i) => t === header[i]);
}

/**
 * A year as a header writes it: 2026 or "2026", and in historical accounts 1899 or "1850" — a header row of years is
 * a header whatever the century. A number before 1990 is a year only in a row of consecutive years (isYearHeaderRow):
 * « Cotisations | 1850 » is an amount.
 */
function yearOf(v: CellValue): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*(18|19|20)\d{2}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1800 && n <= 2100 ? n : null;
}

/** Years before this one, typed as numbers, are years only year after year (« 1898 | 1899 »): alone they are amounts. */
const RECENT_YEAR = 1990;

const HEADER_WORD = /\b(type|categorie|categories|poste|postes|libelle|libelles|intitule|designation|rubrique|rubriques|compte|comptes|nature|exercice|annee|annees|budget|realise|previsionnel|charges|produits|depenses|recettes|emplois|ressources|item|items|category|description|account|year|actual|income|expenses)\b/;
/** The words between a header's words (« Libellé du poste », « Budget de l'exercice ») and the forms of its qualifiers. */
const HEADER_LINK = /^(de|du|des|d|l|la|le|les|en|n|realises?|realisees?|previsionnels?|previsionnelles?|euros?|eur)$/;

/**
 * A row of years is a header row when it holds no other number and either its years increase from left to
 * right ("2024 | 2025 | 2026") or its text is a header word ("Libellé | 2026"): "Assurance | 2000" is a line.
 */
function isYearHeaderRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.rowCells(row).filter((c) => c.value !== null && c.value !== "");
  // A year typed as text (« 2019 ») reads like an account number: it is a year here.
  const numeric = cells.filter((c) => cellKind(c.value) === "amount" || (cellKind(c.value) === "account" && yearOf(c.value) !== null));
  const years = numeric.map((c) => yearOf(c.value));
  if (numeric.length === 0 || years.some((y) => y === null)) return false;
  // « 70 | Produits des activités | 2100 »: a row that names an account is a line, 2100 its amount.
  if (cells.some((c) => cellKind(c.value) === "account" && yearOf(c.value) === null) || cells.some((c) => typeof c.value === "string" && leadingAccount(c.value) !== null)) return false;
  // « 2024 | 2025 | 2026 », or the newer year first, year after year (« 2025 | 2024 », N then N-1 as annual accounts print).
  const byStep = (step: number) => years.length >= 2 && years.every((y, i) => i === 0 || y! - years[i - 1]! === step);
  const increasing = (years.length >= 2 && years.every((y, i) => i === 0 || y! > years[i - 1]!)) || byStep(-1);
  const texts = cells.filter((c) => cellKind(c.value) === "text").map((c) => normalizeText(String(c.value)));
  // « 2024 » alone over the months' header row: the year the table is for, a title, not an amount without a label
  // (taken as its column's first value, it hid « Janvier » and that month was read as an action).
  if (texts.length === 0 && numeric.length === 1 && years[0]! >= RECENT_YEAR && cellKind(grid.value(row + 1, numeric[0]!.col)) === "text") return true;
  // An older year typed as a number is an amount (« Charges | 1850 » is a total of 1 850 €) unless the row counts
  // years one by one (« 1898 | 1899 ») or its only text titles the labels' column (« Libellé | 1899 »).
  if (numeric.some((c, i) => typeof c.value === "number" && years[i]! < RECENT_YEAR)) {
    return byStep(1) || byStep(-1) || (texts.length === 1 && LABEL_TITLE.test(texts[0]!));
  }
  // A header cell is a header word, not a label that holds one (« Produits des activités »); the row's first text
  // is its label: « Cotisation | Recettes | 2050 » (a Type or category cell that says « Recettes ») is a line.
  const first = texts[0];
  if (increasing) return true;
  // « Dépenses | 2000 » is a header naming the year 2000; « Dépenses diverses | 2000 » a line of 2 000 €: each word of
  // a header cell is a header's word (« Budget prévisionnel », « Libellé du poste »), a label's are not.
  if (first === undefined || first.split(" ").length > 3 || !first.split(" ").every((w) => HEADER_WORD.test(w) || HEADER_LINK.test(w))) return false;
  // « Compte courant | 2000 »: an account of the association with its balance, not the column « Compte » of the year 2000.
  if (isBalanceSheetLine(String(cells.find((c) => cellKind(c.value) === "text")!.value), null)) return false;
  // « Charges | Achats | 2000 »: a Type cell first, with a label after it and section words above or below it
  // in its column, is a line of 2 000 € (it was dropped in silence as a header naming the year 2000).
  const type = cells.find((c) => cellKind(c.value) === "text")!;
  const typedAround = [row - 1, row + 1].some((r) => sectionOfTypeCell(textAt(grid, r, type.col)) !== null);
  return !(texts.length >= 2 && sectionOfTypeCell(first) !== null && typedAround);
}

/**
 * The side a row's other words say: a text before its label, then its category (a Type cell's words, « Recettes »);
 * an ambiguous side heading (« Ressources ») says none. Walked without arrays: asked of every row.
 */
function sideOfRowWords(labels: readonly { text: string }[], category: string): Section | null {
  for (let i = 0; i < labels.length - 1; i++) {
    const side = sideOfWord(labels[i]!.text);
    if (side !== null) return side;
  }
  return sideOfWord(category);
}

/** An empty text says no side (the tests below would say none either, at the cost of normalizing it). */
function sideOfWord(text: string): Section | null {
  return text === "" || isAmbiguousSideHeading(text) ? null : sectionOfTypeCell(text);
}

interface BlockRead {
  budget: DetectedBudget;
  lines: BudgetLine[];
  skipped: SkippedRow[];
  issues: ReadIssue[];
}

interface RowInfo {
  row: number;
  label: string;
  labelCol: number;
  account: string | null;
  /** The row's amount cells, each with its amount read once (null when the cell holds none). */
  cells: { col: number; value: CellValue; formula?: string; amount: Amount | null }[];
  hasAmount: boolean;
  section: Section | null;
  heading: string | null;
  /** The last row above that titles the rows under it with no amount (0 when none). */
  headingRow: number;
  chapter: string | null;
  chapterRow: number;
  /** Amount columns renamed by a header row repeated above this row (a second table under the first). */
  columnNames: ReadonlyMap<number, string>;
  /** A section word with an amount ("CHARGES 160 000", "Entrées 3 500"): a total or a line, decided by its section's lines. */
  maybeSectionTotal?: boolean;
  /** "Entrées 3 500": a section word that is also a line's label; a total only if it sums its section's lines. */
  looseWord?: boolean;
  /**
   * « Total ventes 2020 5 774 »: a row labelled as a total with a typed amount, a line if the sheet's own SUM
   * counts it among its lines (labelledLines.ts); else a total, skipped and checked as `declared`.
   */
  labelledTotal?: { kind: NonLineKind; declared: DeclaredTotal[] };
  /** A heading further up that names money paid to others, over the partner's heading (see paidOutHeading). */
  paidOutHeading?: string | null;
  /** The partner's heading over the row, when its block is money paid to that partner (partnerBlocks.ts). */
  partnerHeading?: string | null;
  /** The side the headings above the row said (a heading, the header, the sheet's name), whatever its account says. */
  saidSection?: Section | null;
  /** The heading (or header, or sheet name) the row's side came from, when nothing of its own (account, Type cell) said one. */
  sideFrom?: SideSource | null;
  /** Why the row's side is not its heading's (block content against an ambiguous heading), for the reason. */
  sideNote?: { fr: string; en: string } | null;
  /** A « dont » row: the row it may detail, just above its run (null when none); see detailRows.ts. */
  detailOf?: number | null;
}

interface SideSource {
  text: string;
  row: number;
}

/** A column header that says its amounts are in thousands of euros. */
const IN_THOUSANDS = /(^|[^a-z])k ?(€|eur\b|euros\b)|\bkeur\b|milliers d.?euros|en milliers/;

/** Section words that are also ordinary lines: admissions ("Entrées") and outings ("Sorties"). */
const LINE_OR_SECTION = /^(entree|entrees|sortie|sorties)$/;

function readBlock(
  grid: SheetGrid,
  rows: number[],
  block: TableBlock,
  headerOf: (col: number) => string | null,
  headerRowOf: (col: number) => number | null,
  sideBySide: boolean,
  sheetSays: (side: Section) => boolean = () => false,
  otherChart = false,
): BlockRead | null {
  const sheet = grid.sheet.name;
  // Amount columns and their kinds.
  const headed = partsOfTotal(grid, rows, Math.max(...block.labelCols), monthsWithTotal(unitPrices(block.amountCols.map((col) => ({ col, header: headerOf(col), kind: headerKind(headerOf(col)) })))));
  const shares = shareColumnsOf(grid, rows, block, headed);
  const running = runningBalanceColumns(grid, rows, headed);
  const sharesOut = headed.map((k) => (shares.includes(k.col) || running.includes(k.col) ? { ...k, kind: "derived" as const } : k));
  // « Libellé | Bénéfice net »: a column of net results alone is the budget's amounts, one per event (netColumns.ts).
  const netCol = netResultColumn(sharesOut, block.accountCol !== null);
  // « en € | en VND »: the same lines in two currencies, each its own analysis (currencyColumns.ts).
  const currencies = currencyColumns(sharesOut.map((k) => (k.col === netCol ? { ...k, kind: "period" as const } : k)));
  const kinds = currencies.kinds;
  // "Montant (k€)": amounts in thousands of euros.
  const thousands = new Set(kinds.filter((k) => k.header !== null && IN_THOUSANDS.test(k.header.toLowerCase())).map((k) => k.col));
  const scaled = (amount: Amount, col: number): Amount => (amount.kind === "value" && thousands.has(col) ? { kind: "value", cents: amount.cents * 1000 } : amount);
  // Scaled before rounding to the cent: 0,01468 k€ is 14,68 €, not 1 cent × 1 000 (which made 16 € the « sum » of
  // 5 € and 14,68 €, and the line a subtotal). Every amount the rows below carry is in euros.
  const inEuros = (v: CellValue, col: number): CellValue => {
    if (!thousands.has(col)) return v;
    if (typeof v === "number") return v * 1000;
    const a = amountOf(v);
    return a?.kind === "value" ? (a.cents * 1000) / 100 : v;
  };
  const money = kinds.filter((k) => k.kind !== "total" && k.kind !== "derived" && k.kind !== "quantity");
  // Every money column titled by its side (« Charges 2026 | Produits 2026 », « Dépense » alone): a ledger's columns.
  const sideTitled = money.length > 0 && money.every((k) => k.kind === "debit" || k.kind === "credit" || sideOfTitledColumn(k.header) !== null);
  const used = sideTitled ? money.map((k) => (k.kind === "debit" || k.kind === "credit" ? k : { ...k, kind: sideOfTitledColumn(k.header)! })) : money;
  if (used.length === 0) return null;
  const ledger = used.filter((k) => k.kind === "debit" || k.kind === "credit" || k.kind.startsWith("balance"));
  const scenarioCols = used.filter((k) => !ledger.includes(k));
  const isLedger = ledger.length > 0 && scenarioCols.length === 0;
  // « Subvention proposée | Selon le critère de 13 € par licencié »: beside a version of a grant (asked, proposed,
  // voted), the other columns are other sums for the same lines (what the criterion would give), not actions to add.
  // « Montant | Budget 2027 »: a column titled only as money beside one titled as a year or a budget are two versions
  // of the budget, each analysed apart and said (which one is the budget is the user's choice), never two actions to add.
  const versions = amountBesideVersion(scenarioCols);
  // « Janvier | Février | … » with no total column: a year's months are the parts of one budget, added in one
  // analysis, never actions (nor twelve scenarios).
  const monthly = !isLedger && scenarioCols.length >= 2 && scenarioCols.every((k) => isMonthHeader(k.header));
  const analytic = !isLedger && !versions && !monthly && scenarioCols.length >= 2 && scenarioCols.some((k) => k.kind !== "period") && !scenarioCols.some((k) => VERSION_HEADER.test(normalizeText(k.header ?? "")));
  const blockCols = [...block.labelCols, ...(block.accountCol ? [block.accountCol] : []), ...block.amountCols];
  const firstCol = Math.min(...blockCols);
  const lastCol = Math.max(...blockCols);

  // The header row: the lowest header found above the amounts; rows above it are titles.
  // A header repeated mid-table (« Poste | Dépenses | Recettes » again above the charges) is the header a column
  // whose first amount comes late finds: the table's header is above the block's first amount, not below it.
  const headerRows = block.amountCols.map(headerRowOf).filter((r): r is number => r !== null);
  const firstValue = Math.min(...block.amountCols.map((c) => rows[firstValueIndex(grid, rows, c)] ?? Infinity));
  const above = headerRows.filter((r) => r < firstValue);
  const headerRow = above.length > 0 ? Math.max(...above) : headerRows.length > 0 ? Math.max(...headerRows) : null;
  // « Libellé | Catégorie | Type »: the first column of section words is the Type column; a second (« Recettes »
  // as a category) says the same and is no label either.
  const typedCols = typeColumns(grid, rows, block.labelCols, block.amountCols);
  const typeCol = typedCols[0] ?? null;
  // « Libellé | Catégorie | Montant »: the category is the block the line belongs to, not its label.
  const categoryCol = findCategoryColumn(grid, rows, block.labelCols.filter((c) => !typedCols.includes(c)), block.amountCols, (c) => (headerRow !== null ? textAt(grid, headerRow, c) : null));
  const textCols = block.labelCols.filter((c) => !typedCols.includes(c) && c !== categoryCol);
  const labelCol = textCols[textCols.length - 1]!;
  const sheetSection = sectionOfSheetName(sheet);
  let section: Section | null =
    (headerRow !== null ? block.labelCols.map((c) => sectionOfHeading(textAt(grid, headerRow, c)) ?? sideOfFundsHeading(textAt(grid, headerRow, c))).find((s) => s) : null) ?? sheetSection;
  // Net results of events, with nothing else to say a side: the produits (an event's net result is activity income).
  const netSide = section === null && netCol !== null && headerRow !== null;
  if (netSide) section = "income";
  // The side the headings, the header and the sheet's name have said so far (not a line's own words, « Entrées 2 234 »).
  let sideWord: Section | null = section;
  // Where that side was said: the rows under an ambiguous heading (« Ressources » over purchases) are weighed by it.
  const headerSideText = headerRow !== null ? block.labelCols.map((c) => textAt(grid, headerRow, c)).find((t) => sectionOfHeading(t) !== null) : undefined;
  let sideFrom: SideSource | null = section === null ? null : netSide ? { text: textAt(grid, headerRow!, netCol!), row: headerRow! } : headerSideText !== undefined ? { text: headerSideText, row: headerRow! } : { text: sheet, row: 0 };
  // The one money side the block's header (or the sheet's name) says, while no heading has said the other: the side
  // a heading of contributions in kind that names none takes (86 in the charges column, 87 in the produits one).
  const headerSide: Section | null = section === "income" || section === "expense" ? section : null;
  let oneSide = headerSide !== null;
  // In one half of a side-by-side table whose header names its side (« PRODUITS | € | CHARGES | € »), a block heading
  // names a chapter of that side (« FRAIS DE FONCTIONNEMENT » re-billed among the produits), not the other side: only
  // a section word (« Charges ») moves it (sectionOfHeading, read before this).
  // The same in a table whose header or sheet names its side (« Ressources » sheet, « PRODUITS | € » header) when the
  // other side is said further down by its own section word (« CHARGES »), or by the sheet's name: the loose heading
  // above it is a chapter, not where the other side starts.
  let lastSaid: Record<"income" | "expense", number> | null = null;
  const saidBelow = (side: "income" | "expense", r: number): boolean => {
    if (!lastSaid) {
      lastSaid = { income: -1, expense: -1 };
      for (const row of rows) {
        if (headerRow !== null && row <= headerRow) continue;
        // A heading row of its own (« CHARGES », no amount), not a total (« Total Expenses 8 832 802 »). The header
        // typed again over the other side (« DEPENSES | en € | en VND ») holds titles, no amount: it says its side too.
        const titlesAgain = headerRow !== null && used.every((k) => { const v = grid.value(row, k.col); return v === null || v === "" || (typeof v === "string" && v.trim() === textAt(grid, headerRow, k.col)); });
        if (!titlesAgain && used.some((k) => grid.value(row, k.col) !== null && grid.value(row, k.col) !== "")) continue;
        for (const c of block.labelCols) {
          const text = textAt(grid, row, c);
          const said = nonLineKind(text) === null ? sectionOfHeading(text) : null;
          if (said === "income" || said === "expense") lastSaid[said] = Math.max(lastSaid[said], row);
        }
      }
    }
    return lastSaid[side] > r;
  };
  const blockSide = (text: string, r: number): Section | null => {
    const s = sectionOfBlockHeading(text);
    if (s !== "income" && s !== "expense") return s;
    // Under « RECETTES » (a heading row, not the header), with « DEPENSES » further down: a chapter of the recettes.
    if ((sideWord === "income" || sideWord === "expense") && s !== sideWord && saidBelow(s, r)) return null;
    if (headerSide === null || s === headerSide) return s;
    return sideBySide || sheetSection === headerSide || saidBelow(s, r) ? null : s;
  };
  const sided = (s: Section | null, text: string): Section | null => {
    if (s === "income" || s === "expense") {
      if (s !== headerSide) oneSide = false;
      return s;
    }
    return oneSide ? inKindOnSide(s, text, headerSide) : s;
  };

  // « 3410 Contributions des membres » under « Recettes »: numbers of another chart (Swiss) are references, not classes.
  const ownNumbering = block.accountCol !== null && (otherChart || followsAnotherChart(numberedRows(grid, rows, block.accountCol, textCols, headerRow, section)));
  // Walk the rows: headings set the section and context; rows with amounts are candidates.
  let infos: RowInfo[] = [];
  const declared: DeclaredTotal[] = [];
  const resultFormulas: { col: number; formula: string }[] = [];
  const skipped: SkippedRow[] = [];
  const issues: ReadIssue[] = [];
  const cashRows: CashRow[] = [];
  let heading: string | null = null;
  // The last row that titles the rows under it with no amount of its own (a heading or a chapter).
  let headingRow = 0;
  // « Subventions versées à … » over « Partenaire B »: money paid out, whose block goes on under the partners'
  // headings until a heading of the association's own (a side, a chapter, a kind of charge) or a total ends it.
  let paidOut: string | null = null;
  const paidOutAfter = (text: string, names: Section | null): string | null =>
    isPaidOutHeading(text) ? text : names !== null || isChapterTitle(text) || leadingAccount(text) !== null ? null : paidOut;
  // Under « Soldes », « Trésorerie au 31/12 »…: the rows are account balances, not lines.
  let balanceBlock = false;
  // « Actif » / « Passif » after headings of charges and produits are a balance sheet beside the budget; alone
  // (« État financier 1907 : Actif / Passif ») they are an old cash account's receipts and payments.
  const headsBalances = (text: string) => isBalanceSheetHeading(text) || (isBalanceSheetHalf(text) && sideFrom !== null && sideFrom.row > 0 && !isBalanceSheetHalf(sideFrom.text));
  let chapter: string | null = null;
  let chapterRow = 0;
  let columnNames: ReadonlyMap<number, string> = new Map();
  if (ownNumbering) issues.push(otherChartIssue(sheet, grid, rows, block.accountCol!));
  let firstRow = headerRow ?? Infinity;
  let lastRow = headerRow ?? -Infinity;
  // « Personnel =SUM(B10:B12) »: a heading that carries its block's sum heads exactly the rows it sums; after them,
  // the heading above it is back (« Audit of records » after the three posts is no staff).
  let sumHeading: { end: number; outer: string | null } | null = null;
  const amountColNumbers = used.map((k) => k.col);
  const formSums = summedRanges(grid, rows, amountColNumbers);
  // The row with content before this one, and the last line candidate read: a « dont » row details the row just above.
  let previousRow = -1;
  let currentRow = -1;
  let lastRead: RowInfo | null = null;
  for (const r of rows) {
    if (headerRow !== null && r <= headerRow) continue;
    if (sumHeading && r > sumHeading.end) {
      heading = sumHeading.outer;
      sumHeading = null;
    }
    const labels: { col: number; text: string }[] = [];
    for (const c of textCols) {
      const text = textAt(grid, r, c);
      if (text !== "") labels.push({ col: c, text });
    }
    const category = categoryCol !== null ? textAt(grid, r, categoryCol) : "";
    // « Détail des recettes » merged across the table (Excel keeps it in the first cell, the account column): a
    // heading written in the account column is still the row's label.
    const accountText = block.accountCol !== null && labels.length === 0 ? textAt(grid, r, block.accountCol) : "";
    // « Frais de tenue de | compte bancaire », a PDF converted to Excel: a label cut over two cells, the second going
    // on in lower case, is one label (its last half alone read « compte bancaire », a bank account, and was lost).
    const ownLabel = labels.length > 1 && continuesInLowerCase(labels) ? { col: labels[0]!.col, text: labels.map((l) => l.text).join(" ") } : labels.length > 0 ? labels[labels.length - 1]! : accountText && cellKind(accountText) === "text" && leadingAccount(accountText) === null ? { col: block.accountCol!, text: accountText } : null;
    // « N° | Poste | Montant » with « PLAN DE FINANCEMENT » typed in the N° column: a heading written left of the
    // labels, on a row with nothing else, still heads the rows under it.
    const label = ownLabel ?? headingLeftOfLabels(grid, r, Math.min(...textCols), used);
    // A "Type" column before or after the label ("Dépense | Location de salle | 800", "Pizzas | Recette | 62")
    // gives the row its section.
    const typeText = typeCol !== null ? textAt(grid, r, typeCol) : "";
    // A category « Ressources » (a block heading written on each row) says a side only as ambiguously as the heading.
    const rowType = (typeText ? sectionOfTypeColumnCell(typeText) : null) ?? sideOfRowWords(labels, category);
    const accountRaw = block.accountCol ? grid.value(r, block.accountCol) : null;
    const account = ownNumbering ? null : (normalizeAccount(accountRaw === null ? null : String(accountRaw)) ?? normalizeAccount(leadingAccount(label?.text)));
    const cells = used.map((k) => {
      const c = grid.cell(r, k.col);
      const value = inEuros(c?.value ?? null, k.col);
      return { col: k.col, value, formula: c?.formula, amount: amountOf(value) };
    });
    const hasAmount = cells.some((c) => c.value !== null && c.value !== "" && cellKind(c.value) !== "text") || cells.some((c) => c.formula);
    const textInAmounts = cells.filter((c) => typeof c.value === "string" && cellKind(c.value) === "text").length;
    if (!label && !hasAmount && account === null) continue;
    previousRow = currentRow;
    currentRow = r;
    firstRow = Math.min(firstRow, r);
    lastRow = Math.max(lastRow, r);
    const labelText = label?.text ?? "";
    // A repeated header row (05: "Produits | action 1 | action 2 …"), or the header of a second table under the
    // first ("Produits | Budget 2026" under "Charges | Réalisé 2025 | Budget 2026"): it names the columns below it.
    // « Libellé | 2018 | 2017 » again mid-table names the columns too: its years are not amounts.
    const yearHeader = hasAmount && cells.every((c) => c.value === null || c.value === "" || yearOf(c.value) !== null || cellKind(c.value) === "text") && isYearHeaderRow(grid, r);
    // « Libellé | 1989 | 1990 » typed again, cell for cell, under the table's own header (a page reprinted): a header.
    const repeated = headerRow !== null && r > headerRow && repeatsHeader(grid, headerRow, r, blockCols);
    if ((textInAmounts > 0 && textInAmounts >= Math.ceil(used.length / 2) && !hasAmount) || yearHeader || repeated) {
      // A header row between « Dont Jambon » and « Dont Bourriche » does not cut their run (detailRows.ts).
      currentRow = previousRow;
      const s = sided(sectionOfHeading(labelText), labelText);
      if (s) {
        section = sideWord = s;
        sideFrom = { text: labelText, row: r };
      }
      // « Poste » / « Libellé » over the label column names the column, not a block of lines (« Poste » read as staff).
      const columnWord = !s && HEADER_WORD.test(normalizeText(labelText)) && normalizeText(labelText).split(" ").length <= 2;
      if (!columnWord) {
        if (labelText) paidOut = paidOutAfter(labelText, s);
        heading = labelText || heading;
        sumHeading = null;
        balanceBlock = headsBalances(labelText);
      }
      columnNames = new Map(cells.filter((c) => typeof c.value === "string" && cellKind(c.value) === "text").map((c) => [c.col, String(c.value).trim()]));
      continue;
    }
    // « Soldes » over no amount, or over the sum of the rows under it, heads the account balances under it; with
    // a typed amount of its own it is the year's result.
    // The rare total word first: a heading of balances is asked only of rows that read as a total (each row meets this).
    const totalKind = nonLineKind(labelText);
    const kind = totalKind !== null && isBalanceSheetHeading(labelText) && (!hasAmount || cells.some((c) => sumsRowsBelow(c.formula, r))) ? null : totalKind;
    // « 706000 | Total ventes 2020 » in a trial balance, « Total ventes 2020 | Recette | 5 774 » in a typed list:
    // an account of its own or a Type cell makes the row an operation, whatever its label says.
    const operation =
      kind !== null &&
      kind !== "result" &&
      hasAmount &&
      ((account !== null && account.length >= 3 && accountSection(account) !== "balance_sheet") || (typeText !== "" && sectionOfTypeCell(typeText) !== null && !cells.some((c) => refersToOtherRows(c.formula, r))));
    if (kind && !operation) {
      // A total closes the block of balances it adds.
      balanceBlock = false;
      // « Total des dépenses par priorité » with no amount heads the charges it is about to list.
      // With its sum written on it, above the rows it adds (« =SUM(B12,B13,B14) »), it heads them just the same.
      const heads = hasAmount && !cells.some((c) => sumsRowsBelow(c.formula, r)) ? null : sided(blockSide(labelText.replace(/^\s*(sous[-\s]?)?(total|totaux)\s*(general\s*|général\s*)?(des\s+|de\s+|du\s+)?/i, ""), r), labelText);
      if (heads) {
        section = sideWord = heads;
        sideFrom = { text: labelText, row: r };
      }
      // « Total des reversements », « Total des charges », « Total »: the block of money paid out is over.
      const totalOf = labelText.replace(/^\s*(sous[-\s]?)?(total|totaux)\s*(general\s*|général\s*)?(des\s+|de\s+|du\s+)?/i, "");
      if (totalOf.trim() === "" || isPaidOutHeading(totalOf) || sectionOfBlockHeading(totalOf) !== null) paidOut = null;
      const own: DeclaredTotal[] = [];
      // « Résultat =B34+B40-(B10+B17) »: the totals it adds are the produits, those it takes away the charges.
      if (kind === "result") for (const c of cells) if (c.formula) resultFormulas.push({ col: c.col, formula: c.formula });
      // « Total du bilan », « Total actif »: the balance sheet's own totals, no sum of charges or produits to check.
      if (kind !== "result" && !/\b(bilan|actifs?|passifs?)\b/.test(normalizeText(totalOf))) {
        // The sheet's own totals: the lines read must add up to them (selfCheck.ts).
        const named = sectionOfHeading(labelText.replace(/^\s*(sous[-\s]?)?(total|totaux)\s*(general\s*|général\s*)?(des\s+|de\s+|du\s+)?/i, ""));
        for (const c of cells) {
          const a = c.amount;
          if (a?.kind === "value") own.push({ row: r, cell: cellAddress(r, label!.col), label: labelText, col: c.col, cents: a.cents, formula: c.formula ?? null, section: named ?? section });
        }
      }
      // A typed amount (no formula of its own) may be a line the label calls a total: decided once the rows
      // around it are known (totalsThatAreLines).
      if (own.length > 0 && !cells.some((c) => refersToOtherRows(c.formula, r))) {
        infos.push({ row: r, label: labelText, labelCol: label!.col, account, cells, hasAmount, section: accountSection(account) === "balance_sheet" ? section : ((accountSection(account) as Section | null) ?? rowType ?? section), heading: category || heading, headingRow, chapter, chapterRow, columnNames, labelledTotal: { kind, declared: own }, saidSection: sideWord });
        continue;
      }
      skipped.push({ sheet, row: r, cell: cellAddress(r, label!.col), label: labelText, why: kind });
      declared.push(...own);
      continue;
    }
    // « RECETTES - Fondations 8 525 » over the foundations (a pivot table's group, a treasurer's block with its sum): the
    // side word before a dash heads the rows under it as « RECETTES » alone does.
    const headingSection = sided(sectionOfHeading(labelText) ?? (SIDE_BEFORE_DASH.test(labelText) ? sectionOfBlockHeading(labelText) : null), labelText);
    // « Dépenses — Frais bancaires =SUM(B28:B31) » above its lines: a heading that carries its block's sum. It
    // names the block of the rows under it as a heading does (the subtotal search then takes its amount out).
    const sumEnd = hasAmount && account === null && labelText ? Math.max(...cells.map((c) => sumEndFrom(c.formula, r + 1) ?? -1)) : -1;
    if (sumEnd >= 0) {
      sumHeading = { end: sumEnd, outer: sumHeading ? sumHeading.outer : heading };
      heading = labelText;
      // « Subventions versées à Fonhsud =SUM(B8:B12) » opens the charges as it does without its sum.
      const blockSection = headingSection ?? sided(blockSide(labelText, r), labelText);
      if (blockSection) {
        section = sideWord = blockSection;
        sideFrom = { text: labelText, row: r };
      }
      paidOut = paidOutAfter(labelText, blockSection);
      balanceBlock = headsBalances(labelText);
    }
    // « Affiliation Fees » with nothing this year, between two lines of the form's own SUM: a blank line, no heading.
    if (!hasAmount && (isBlankFormLine(grid, r, labelText, section, formSums) || isBlankListLine(grid, r, labelText, label?.col ?? labelCol, amountColNumbers))) continue;
    if (!hasAmount) {
      // A heading: a section, a block ("Charges indirectes") or a chapter title. « Dépenses — Frais bancaires »
      // opens the charges as surely as « Dépenses »: its lines take that side whatever one word of theirs says.
      const blockSection = headingSection ?? sided(blockSide(labelText, r), labelText);
      if (blockSection) {
        section = sideWord = blockSection;
        sideFrom = { text: labelText, row: r };
      } else if (namesBothSides(labelText) && sideFrom !== null && sideFrom.row > (headerRow ?? 0)) {
        // « Principales recettes / dépenses » after a block of charges: the block below holds both sides, not the last one's.
        section = sideWord = null;
        sideFrom = null;
      }
      if (labelText) paidOut = paidOutAfter(labelText, blockSection);
      if (account && account.length <= 2) {
        chapter = labelText;
        chapterRow = r;
      } else {
        heading = labelText;
        sumHeading = null;
      }
      if (labelText) headingRow = r;
      if (labelText) balanceBlock = headsBalances(labelText);
      for (const c of cells) {
        if (typeof c.value === "string" && cellKind(c.value) === "text" && textInAmounts < Math.ceil(used.length / 2)) {
          issues.push(textIssue(sheet, r, c.col, labelText, c.value));
        }
      }
      continue;
    }
    // "CHARGES 160 000 €" is the section's total when the section has lines it adds; « Charges d'exploitation
    // 204 000 » alone in its section is its only line (it was dropped, and the section with it).
    // « Recettes d'exploitation 270 000 » names a kind of income as much as a section: a total only if it adds up.
    const looseWord = Boolean(headingSection && !account && (LINE_OR_SECTION.test(normalizeText(labelText)) || /\b(d exploitation|de fonctionnement|d activite)\b/.test(normalizeText(labelText)) || isInKindLineWord(labelText)));
    const maybeSectionTotal = Boolean(headingSection && !account);
    if (maybeSectionTotal) {
      paidOut = null;
      section = headingSection;
      sideFrom = { text: labelText, row: r };
      // What it says after its side (« Fondations ») titles the rows under it, as a heading does.
      if (SIDE_BEFORE_DASH.test(labelText)) heading = labelText;
    }
    // « CHARGES 160 000 » opens a section of lines, whatever block came before it.
    if (headingSection) balanceBlock = false;
    if (!label && account === null) {
      skipped.push({ sheet, row: r, cell: cellAddress(r, labelCol), label: "", why: "empty" });
      continue;
    }
    const accSection = accountSection(account);
    // « Au 31 décembre sur le compte paypal | 457 », « Reste en caisse », « Excédent de recettes de l'exercice 1885 »:
    // money held or left by an earlier year, written among the lines; set aside and said (cashRows.ts).
    const cashKind = hasAmount && account === null ? cashRowKind(labelText) : null;
    if (cashKind) {
      const first = cells.map((c) => c.amount).find((a) => a?.kind === "value");
      cashRows.push({ row: r, cell: cellAddress(r, label?.col ?? labelCol), label: labelText, kind: cashKind, cents: first?.kind === "value" ? first.cents : null });
    }
    if (cashKind || accSection === "balance_sheet" || isBalanceSheetLine(labelText, account) || (balanceBlock && accSection === null && !namesAFlow(labelText)) || isBalanceTypeCell(typeText) || (accSection === null && (isClosingEntry(labelText, rowType ?? section) || isInvestmentLine(labelText, rowType ?? section)))) {
      skipped.push({ sheet, row: r, cell: cellAddress(r, label?.col ?? labelCol), label: labelText, why: "balance_sheet_account" });
      continue;
    }
    // « Dont Buvette » under « Recettes du loto »: the detail of the row just above its run of « dont » rows,
    // resolved once the block is read (detailRows.ts).
    const detailOf = isDetailLabel(labelText) ? (lastRead?.row === previousRow ? (lastRead.detailOf !== undefined ? lastRead.detailOf : lastRead.row) : null) : undefined;
    // A chapter row with its own amount opens the 86/87 block for the rows under it.
    if (account === "86" || account === "87") section = account === "86" ? "in_kind_use" : "in_kind_resource";
    infos.push({
      row: r,
      label: labelText,
      labelCol: label?.col ?? labelCol,
      account,
      cells,
      hasAmount,
      section: accSection ?? rowType ?? section,
      heading: category || heading,
      headingRow,
      chapter,
      chapterRow,
      columnNames,
      paidOutHeading: paidOut,
      maybeSectionTotal,
      looseWord,
      saidSection: sideWord,
      sideFrom: accSection || rowType ? null : sideFrom,
      detailOf,
    });
    lastRead = infos[infos.length - 1]!;
  }
  infos = resolveDetailRows(infos, skipped, issues, sheet);
  // In a ledger the Débit / Crédit column says each row's side.
  if (!isLedger) {
    sidesOfUnsaidRows(grid, infos, resultFormulas);
    const fromResult = resultFormulas.length > 0 ? sidesFromResult(grid, resultFormulas) : new Map<number, Section>();
    const flips = [...sidesAgainstHeadings(infos, fromResult, sheetSays), ...sidesAcrossHeadings(infos, fromResult)];
    if (flips.length > 0) flipDeclaredTotals(flips, [...declared, ...infos.flatMap((i) => i.labelledTotal?.declared ?? [])], infos.map((i) => i.row));
  }

  // Which typed amounts a SUM of the sheet counts as one of its lines (« Total ventes 2020 » under « Total =SUM(B5:B7) »).
  const member = memberTest(grid, rows, used.map((k) => k.col), headerRow, (v, col) => amountOf(inEuros(v, col)), (r) => nonLineKind(textAt(grid, r, labelCol)) !== null);
  totalsThatAreLines(infos, skipped, declared, sheet, member);
  sectionTotalsOf(infos, skipped, sheet, member);
  if (infos.length === 0) return null;

  // « Ressources propres affectées au projet =SUM(C42:C42) » over « Autofinancement (insuffisance prévisionnelle) »: a
  // sum of rows that are no lines (the form's result, a balance) is no line either.
  infos = withoutSumsOfNonLines(infos, skipped, sheet);
  // Chapter rows whose amount is the sum of the lines under them are subtotals, within the block a total row ends.
  const totalRows = skipped.filter((s) => s.sheet === sheet && (s.why === "total" || s.why === "result")).map((s) => s.row).sort((a, b) => a - b);
  let nextTotal = 0;
  const totalBetween = (from: number, to: number): boolean => {
    while (nextTotal < totalRows.length && totalRows[nextTotal]! <= from) nextTotal++;
    return nextTotal < totalRows.length && totalRows[nextTotal]! < to;
  };
  const candidates: SubtotalCandidate[] = infos.map((i, k) => ({
    row: i.row,
    account: i.account,
    label: i.label,
    amounts: i.cells.map((c) => c.amount),
    formulas: i.cells.map((c) => c.formula ?? null),
    amountCols: i.cells.map((c) => c.col),
    // A ledger's side is each amount's column, not the row's.
    section: isLedger ? null : i.section,
    blockStart: k > 0 && totalBetween(infos[k - 1]!.row, i.row),
    headingStart: k > 0 && i.headingRow !== infos[k - 1]!.headingRow,
  }));
  // The ranges the sheet's own totals add: a row they count with its would-be parts is a line (subtotals.ts).
  // « Dépenses =SUM(B8:B16) » above its lines, set aside as its section's total, counts the same way.
  const sectionSums = skipped.filter((s) => s.sheet === sheet && s.why === "total").flatMap((s) => used.map((k) => ({ col: k.col, formula: grid.cell(s.row, k.col)?.formula ?? null })));
  const totalSums = [...declared, ...sectionSums].flatMap((d) => (d.formula ? (summedRows(d.formula, d.col) ?? rowsSummedIf(d.formula, d.col) ?? []).map((s) => ({ col: d.col, from: s.from, to: s.to })) : []));
  const lastPart = new Map<number, number>();
  const subtotalRows = findSubtotals(candidates, totalSums, lastPart);
  // A total typed by hand that counts a would-be subtotal as one more line: the treasurer's total decides.
  const typedTotals = declared.filter((d) => d.formula === null).map((d) => ({ row: d.row, col: d.col, cents: d.cents, section: d.section }));
  for (const row of countedByTypedTotals(candidates, subtotalRows, typedTotals)) {
    subtotalRows.delete(row);
    lastPart.delete(row);
  }
  const lineInfos = infos.filter((i) => {
    if (!subtotalRows.has(i.row)) return true;
    skipped.push({ sheet, row: i.row, cell: cellAddress(i.row, i.labelCol), label: i.label, why: "subtotal" });
    return false;
  });
  // Nothing on the sheet names a side: the headings' words, else the lines that read surely, give one, said as a guess.
  // One list of signed amounts and no side said anywhere: positive is what comes in, negative what goes out.
  const unsaid = !isLedger && typeCol === null && sheetSection === null && !infos.some((i) => i.section !== null);
  const bySign = unsaid && scenarioCols.length === 1 ? sidesBySign(lineInfos, scenarioCols[0]!.col) : null;
  if (bySign) for (const i of lineInfos) i.section = bySign.get(i.row) ?? i.section;
  const guessed = !unsaid || bySign ? [] : guessUnsaidSides(lineInfos, new Set(infos.map((i) => i.label)));
  // A subtotal row is the chapter of the lines under it (when it is closer than a chapter heading).
  const isUnder = underTest(infos);
  let parent: RowInfo | null = null;
  // A subtotal whose formula sums the rows under it is the chapter of those rows only.
  let parentEnd = Infinity;
  for (const i of infos) {
    if (subtotalRows.has(i.row)) {
      parent = i;
      parentEnd = Math.max(-1, ...i.cells.map((c) => sumEndFrom(c.formula, i.row + 1) ?? -1));
      // A typed subtotal heads the lines it adds up, not those after them.
      if (parentEnd < 0) parentEnd = lastPart.get(i.row) ?? Infinity;
    } else if (parent && parent.row > i.chapterRow && isUnder(parent.row, i.row) && i.row <= parentEnd) i.chapter = parent.label;
  }
  // « FONHSUD : 28 681 € » over « Salaires … » and « Appui aux caisses des mutuelles »: a partner's block of money paid out.
  partnerHeadings(lineInfos).forEach((h, k) => {
    if (h) lineInfos[k]!.partnerHeading = h;
  });
  // Children of an 86/87 subtotal belong to the in-kind section even without account numbers.
  for (const i of infos) {
    if (subtotalRows.has(i.row) && (i.account === "86" || i.account === "87")) {
      const s: Section = i.account === "86" ? "in_kind_use" : "in_kind_resource";
      for (const child of lineInfos) if (child.row > i.row && child.account === null && child.section !== s && isUnder(i.row, child.row)) child.section = s;
    }
  }

  const lines: BudgetLine[] = [];
  const columns: AmountColumnInfo[] = [];
  let layout: Layout;
  let amountColumns: string[];
  if (isLedger) {
    layout = block.dateCol !== null || block.accountCol === null ? "journal" : "trial_balance";
    amountColumns = [layout === "trial_balance" ? TRIAL_BALANCE_SCENARIO : UNNAMED_COLUMN];
    for (const k of ledger) columns.push({ header: k.header, col: k.col, role: k.kind === "debit" ? "debit" : k.kind === "credit" ? "credit" : (k.kind as AmountColumnInfo["role"]) });
    for (const info of lineInfos) {
      // A journal row without an account that has both a credit and a debit (« Gobelets | 50 | 450 »: sold 50,
      // bought 450) is two real flows: an income line and a charge line, never one net amount.
      const twoSided = layout === "journal" ? twoSidedAmounts(info, ledger) : null;
      if (twoSided) {
        for (const side of twoSided) lines.push(makeLine(sheet, info, side.col, amountColumns[0]!, amountColumns[0]!, side.amount, side.section, null, false));
        continue;
      }
      const ledgerLine = ledgerAmount(info, ledger);
      if (!ledgerLine) continue;
      // « Marché à Produits - Bénéfices Marché » on the debit side: the year's result moved, neither spent nor earned.
      if (info.account === null && isClosingEntry(info.label, ledgerLine.section ?? info.section)) {
        skipped.push({ sheet, row: info.row, cell: cellAddress(info.row, info.labelCol), label: info.label, why: "balance_sheet_account" });
        continue;
      }
      lines.push(makeLine(sheet, info, ledgerLine.col, amountColumns[0]!, amountColumns[0]!, ledgerLine.amount, ledgerLine.section ?? info.section, null, false));
    }
  } else {
    layout = analytic ? "analytic_columns" : scenarioCols.length >= 2 && !monthly ? "multi_year" : sideBySide ? "cerfa_side_by_side" : hasSectionHeadings(infos, section) ? "vertical_sections" : "simple_list";
    amountColumns = scenarioCols.map((k) => k.header ?? UNNAMED_COLUMN);
    for (const k of scenarioCols) {
      const engineering = analytic && isEngineeringHeader(k.header);
      columns.push({ header: k.header, col: k.col, role: analytic ? (engineering ? "analytic_engineering" : "analytic_action") : "scenario" });
    }
    for (const info of lineInfos) {
      // « — » typed in the empty years of a row that has amounts in others: nothing that year, no line of zero.
      const dashIsEmpty = info.cells.some((c) => scenarioCols.some((k) => k.col === c.col) && c.amount?.kind === "value" && !isTypedDash(c.value));
      scenarioCols.forEach((k, idx) => {
        const cell = info.cells.find((c) => c.col === k.col)!;
        const amount = cell.amount;
        if (dashIsEmpty && isTypedDash(cell.value)) return;
        if (!amount) {
          if (typeof cell.value === "string" && cellKind(cell.value) === "text") issues.push(textIssue(sheet, info.row, k.col, info.label, cell.value));
          return;
        }
        if ((analytic || monthly) && amount.kind === "value" && amount.cents === 0) return;
        // Under a second table's header, a column holds the scenario that header names, when the budget has it.
        const renamed = info.columnNames.get(k.col);
        const name = !analytic && renamed && renamed !== amountColumns[idx] && amountColumns.includes(renamed) ? renamed : amountColumns[idx]!;
        lines.push(
          makeLine(sheet, info, k.col, analytic || monthly ? ANALYTIC_SCENARIO : name, k.header === null && scenarioCols.length === 1 ? null : name, amount, info.section, analytic ? k.header : null, analytic),
        );
      });
    }
  }
  for (const line of lines) {
    if (line.amount.kind === "error") {
      issues.push({
        sheet,
        cell: line.amountCell ?? null,
        code: "cell_error",
        message: `La cellule ${line.amountCell} (« ${line.label} »${line.column ? `, ${line.column}` : ""}) contient l'erreur ${line.amount.error} : ce montant n'est pas compté. Corrigez la formule dans le classeur puis relancez l'analyse.`,
        messageEn: `Cell ${line.amountCell} (“${line.label}”${line.column ? `, ${line.column}` : ""}) holds the error ${line.amount.error}: this amount is not counted. Fix the formula in the workbook, then run the analysis again.`,
      });
    }
  }
  // Rows recognised as the association's own accounts (« Compte chèque », « Livret A ») are read as budget words too.
  const balances = skipped.filter((x) => x.why === "balance_sheet_account").length;
  // « Poste | Dépenses | Recettes »: a journal whose two money columns name the sides says its sections as a
  // Type column does, whatever its labels (« Los Aganits », a section of the club).
  // A side whose column is empty (a budget request: « Poste | Dépenses | Recettes | Bénéfice », expenses only) is
  // still named by the header row: the journal is a budget with one side empty, not a list of numbers.
  const namedSides = new Set([...ledger.map((k) => k.kind), ...(headerRow !== null && isLedger ? emptySideColumns(grid, rows, headerRow, block, lastCol) : [])]);
  const sidedColumns = isLedger && namedSides.has("debit") && namedSides.has("credit");
  // « Libellé | Montant » over names with their gifts: a table whose header titles its labels and its money is a budget
  // whatever its labels say (a supplier's, a donor's name), as is one whose side was guessed from its headings.
  const titled = headerRow !== null && LABEL_TITLE.test(normalizeText(textAt(grid, headerRow, labelCol))) && scenarioCols.some((k) => moneyTitle(k.header));
  // « Rent | 300 », « ADSL | 35 », « TOTAL | 335 »: labels whose amounts add up to the sheet's own total row are a
  // budget, whatever language its labels are in.
  const totalled = addsUpToATotal(lines, declared.filter((d) => scenarioCols.some((k) => k.col === d.col)));
  if (!looksLikeBudget(lines, block, section, sheet, layout, typeCol !== null || sidedColumns || guessed.some((g) => g.heading !== null), balances, titled || totalled)) return null;
  for (const g of guessed) issues.push(sideGuessedIssue(sheet, g, lines));
  if (bySign && lineInfos.length > 0) issues.push(signedSidesIssue(sheet, lineInfos[0]!.row, scenarioCols[0]!.col, bySign));
  const cashIssue = cashRowsIssue(sheet, cashRows);
  if (cashIssue) issues.push(cashIssue);
  if (!isLedger) issues.push(...selfCheck(grid, declared.filter((d) => scenarioCols.some((k) => k.col === d.col)), lines, issues, skipped, scaled));
  for (const k of kinds.filter((x) => thousands.has(x.col) && lines.some((l) => l.amountCell?.replace(/\d+$/, "") === columnLetters(x.col)))) {
    issues.push({
      sheet,
      cell: cellAddress(headerRow ?? firstRow, k.col),
      code: "in_thousands",
      message: `La colonne « ${k.header} » est en milliers d'euros : Équilibre lit ses montants × 1 000 (12,5 → 12 500 €).`,
      messageEn: `The column “${k.header}” is in thousands of euros: Équilibre reads its amounts × 1,000 (12.5 → €12,500).`,
    });
  }
  if (versions && !isLedger) issues.push(versionsIssue(sheet, headerRow ?? firstRow, versions));
  if (currencies.cols.length > 0 && !isLedger) issues.push(currencyIssue(sheet, headerRow ?? firstRow, currencies.cols));
  for (const col of shares) {
    const header = headerOf(col);
    const name = header ? `${columnLetters(col)} « ${header} »` : columnLetters(col);
    issues.push({
      sheet,
      cell: cellAddress(headerRow ?? firstRow, col),
      code: "share_column",
      message: `La colonne ${name} fait 100 par bloc, en proportion des montants à côté : Équilibre la lit comme des pourcentages, pas comme des montants, et ne la compte pas. Si ce sont des euros, donnez-lui un titre de montant (« Montant », « Budget 2026 »).`,
      messageEn: `Column ${name} adds up to 100 per block, in proportion to the amounts beside it: Équilibre reads it as percentages, not amounts, and does not count it. If it holds euros, give it an amount header (“Amount”, “Budget 2026”).`,
    });
  }
  const range = `${cellAddress(Math.min(firstRow, headerRow ?? firstRow), firstCol)}:${cellAddress(lastRow, lastCol)}`;
  return {
    budget: { sheet, range, layout, amountColumns, columns, labelCol, accountCol: block.accountCol, lineCount: lines.length },
    lines,
    skipped,
    issues,
  };
}

/** A column title that says money and nothing else: « Montant », « Montants TTC », « Coût », « Somme (€) ». */
const PLAIN_AMOUNT_HEADER = /^(montant|montants|somme|sommes|cout|couts|prix|valeur|amount|amounts)( (en|ttc|ht|eur|euros?))*$/;

/** The plain « Montant » columns and the year or budget columns beside them, when a block has both; else null. */
function amountBesideVersion(cols: readonly { col: number; header: string | null; kind: HeaderKind }[]): { plain: typeof cols; dated: typeof cols } | null {
  const plain = cols.filter((k) => k.header !== null && k.kind === "other" && PLAIN_AMOUNT_HEADER.test(normalizeText(k.header)));
  const dated = cols.filter((k) => k.kind === "period");
  return plain.length > 0 && dated.length > 0 && plain.length + dated.length === cols.length ? { plain, dated } : null;
}

/** Says which columns are versions of one budget, analysed apart, and how to choose the one that is the budget. */
function versionsIssue(sheet: string, row: number, v: NonNullable<ReturnType<typeof amountBesideVersion>>): ReadIssue {
  const all = [...v.plain, ...v.dated].sort((a, b) => a.col - b.col);
  const fr = all.map((k) => `${columnLetters(k.col)} « ${k.header} »`).join(" et ");
  const en = all.map((k) => `${columnLetters(k.col)} “${k.header}”`).join(" and ");
  const pick = v.dated[0]!.header!;
  return {
    sheet,
    cell: cellAddress(row, all[0]!.col),
    code: "amount_versions",
    message: `Les colonnes ${fr} sont lues comme des versions du même budget, pas comme des actions : chacune est analysée à part, elles ne sont pas additionnées. Laquelle est votre budget ? Choisissez sa colonne (en ligne de commande : --column « ${pick} »), ou donnez à la colonne « ${v.plain[0]!.header} » un titre qui dit son année (« Réalisé 2026 »).`,
    messageEn: `Columns ${en} are read as versions of one budget, not as actions: each is analysed on its own, they are not added. Which one is your budget? Choose its column (on the command line: --column “${pick}”), or give the column “${v.plain[0]!.header}” a title that says its year (“Actual 2026”).`,
  };
}

/**
 * The kinds (« debit », « credit ») the header row names over columns of the block that hold no amount: the
 * « Recettes » of a journal of expenses only, between the label and the last amount column or just after it.
 */
function emptySideColumns(grid: SheetGrid, rows: number[], headerRow: number, block: TableBlock, lastCol: number): HeaderKind[] {
  const taken = new Set([...block.labelCols, ...block.amountCols, ...(block.accountCol !== null ? [block.accountCol] : []), ...(block.dateCol !== null ? [block.dateCol] : [])]);
  const first = Math.max(...block.labelCols) + 1;
  const kinds: HeaderKind[] = [];
  for (let col = first; col <= lastCol + 1; col++) {
    if (taken.has(col)) continue;
    const kind = headerKind(textAt(grid, headerRow, col) || null);
    if ((kind === "debit" || kind === "credit") && holdsNothing(grid, rows, headerRow, col)) kinds.push(kind);
  }
  return kinds;
}

/**
 * Whether a column holds nothing under its header but the header repeated and a stray text (a signature, « La
 * présidente »): no amount, and not the labels of another table (« Dépenses | … | Recettes | … » side by side).
 */
function holdsNothing(grid: SheetGrid, rows: number[], headerRow: number, col: number): boolean {
  let texts = 0;
  for (const r of rows) {
    if (r <= headerRow) continue;
    const v = grid.value(r, col);
    const kind = cellKind(v);
    if (kind === "amount" || kind === "error" || kind === "account") return false;
    if (kind === "text" && !isColumnTitle(normalizeText(String(v))) && ++texts > 2) return false;
  }
  return true;
}

/**
 * A table under a section word (the sheet « Emplois », a header « Charges ») with amounts that yielded no line:
 * said, never skipped in silence.
 */
/**
 * « Actif | Montant » beside the budget, then « Passif | Montant »: a balance sheet, what the association owns and
 * owes, never charges nor produits. Its rows with an amount are set aside with that reason (its totals as totals),
 * not dropped in silence. Empty when the block's header names no half of a balance sheet.
 */
function balanceSheetBlock(grid: SheetGrid, rows: number[], block: TableBlock, headerRowOf: (col: number) => number | null): SkippedRow[] {
  const headerRow = block.amountCols.map(headerRowOf).find((r) => r !== null) ?? null;
  const labelCol = block.labelCols[block.labelCols.length - 1];
  if (headerRow === null || labelCol === undefined || !block.labelCols.some((c) => isBalanceSheetHeading(textAt(grid, headerRow, c)) || isBalanceSheetHalf(textAt(grid, headerRow, c)))) return [];
  const aside: SkippedRow[] = [];
  for (const r of rows) {
    const label = textAt(grid, r, labelCol);
    if (r <= headerRow || label === "" || !block.amountCols.some((c) => cellKind(grid.value(r, c)) === "amount")) continue;
    aside.push({ sheet: grid.sheet.name, row: r, cell: cellAddress(r, labelCol), label, why: nonLineKind(label) === "total" ? "total" : "balance_sheet_account" });
  }
  return aside;
}

function sectionNotRead(grid: SheetGrid, rows: number[], block: TableBlock, headerOf: (col: number) => string | null): ReadIssue | null {
  const sheet = grid.sheet.name;
  const word = [sheet, ...block.labelCols.map(headerOf), ...block.amountCols.map(headerOf)].find((t) => t && sectionOfHeading(t) !== null);
  if (!word) return null;
  const money = block.amountCols.filter((c) => !["quantity", "derived"].includes(headerKind(headerOf(c))));
  const amounts = rows.filter((r) => money.some((c) => cellKind(grid.value(r, c)) === "amount")).length;
  if (amounts === 0) return null;
  const cell = cellAddress(rows[0]!, block.labelCols[0]!);
  return {
    sheet,
    cell,
    code: "section_not_read",
    message: `La feuille « ${sheet} » a ${amounts} montant(s) sous « ${word} », mais aucune ligne de budget n'a pu en être lue : ils ne sont pas comptés. Donnez à chaque montant un libellé dans la colonne de gauche et un en-tête de colonne (« Montant », « Budget 2026 »), puis relancez l'analyse.`,
    messageEn: `The sheet “${sheet}” has ${amounts} amount(s) under “${word}”, but no budget line could be read from them: they are not counted. Give each amount a label in the column on its left and its column a header (“Amount”, “Budget 2026”), then run the analysis again.`,
  };
}

function selfCheck(grid: SheetGrid, declared: DeclaredTotal[], lines: BudgetLine[], issues: ReadIssue[], skipped: SkippedRow[], scaled: (a: Amount, col: number) => Amount): ReadIssue[] {
  if (declared.length === 0) return [];
  const cellOf = (address: string | null) => {
    const m = address ? /^([A-Z]+)(\d+)$/.exec(address) : null;
    return m ? { row: Number(m[2]), col: columnNumber(m[1]!) } : null;
  };
  const textAmounts = lines
    .filter((l) => l.amount.kind === "value" && l.amountCell)
    .map((l) => ({ l, at: cellOf(l.amountCell!)! }))
    .filter(({ at }) => typeof grid.value(at.row, at.col) === "string")
    .map(({ l, at }) => ({ row: at.row, col: at.col, cents: l.amount.kind === "value" ? l.amount.cents : 0 }));
  const uncounted = issues.filter((i) => i.code === "text_not_a_number" || i.code === "cell_error").map((i) => cellOf(i.cell)).filter((x): x is { row: number; col: number } => x !== null);
  const sections = new Map<string, Section>();
  return checkTotals(
    declared,
    lines,
    {
      sheet: grid.sheet.name,
      textAmounts,
      uncounted,
      skipped,
      skippedAmount: (row, col) => {
        const a = amountOf(grid.value(row, col));
        return a?.kind === "value" ? scaledCents(scaled, a.cents, col) : null;
      },
      formulaAt: (row, col) => grid.cell(row, col)?.formula ?? null,
      sectionOf: (l) => {
        let s = sections.get(l.id);
        if (!s) {
          s = classify({ label: l.label, account: l.account, context: l.context }).section;
          sections.set(l.id, s);
        }
        return s;
      },
    },
  );
}

function scaledCents(scaled: (a: Amount, col: number) => Amount, cents: number, col: number): number {
  const a = scaled({ kind: "value", cents }, col);
  return a.kind === "value" ? a.cents : cents;
}

/** Whether a formula sums rows under its own, starting with the next one (« =SUM(B12:B20) », « =SUM(B12,B13,B16) »). */
function sumsRowsBelow(formula: string | undefined | null, row: number): boolean {
  const m = formula ? /^\s*=?\s*(?:SUM|SOMME)\(([^()]*)\)\s*$/i.exec(formula) : null;
  if (!m) return false;
  const rows = [...m[1]!.matchAll(/\$?[A-Z]{1,3}\$?(\d+)/gi)].map((x) => Number(x[1]));
  return rows.length > 0 && Math.min(...rows) === row + 1;
}

/** The last row of a formula's SUM of a range of one column that starts at `row` (the rows just under it), else null. */
function sumEndFrom(formula: string | undefined | null, row: number): number | null {
  const m = formula ? /^\s*=?\s*(?:SUM|SOMME)\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i.exec(formula) : null;
  return m && m[1]!.toUpperCase() === m[3]!.toUpperCase() && Number(m[2]) === row && Number(m[4]) >= row ? Number(m[4]) : null;
}

/**
 * « Sept. | Oct. | … | Août | Total »: twelve months of one budget and its total, not twelve scenarios nor twelve
 * actions. The total column is the budget's amount; the months are its parts (never added a second time).
 */
function monthsWithTotal<K extends { header: string | null; kind: HeaderKind }>(kinds: K[]): K[] {
  const months = kinds.filter((k) => isMonthHeader(k.header));
  // « Total saison », « Total de l'année » beside the months is their total, whatever it says after « Total ».
  const totals = kinds.some((k) => k.kind === "total") || months.length < 2 ? kinds.filter((k) => k.kind === "total") : kinds.filter((k) => !isMonthHeader(k.header) && /^(total|totaux|cumul)\b/.test(normalizeText(k.header ?? "")));
  if (totals.length !== 1) return kinds;
  // A lone « Total » beside no other money column (the months of a one-line sheet hold one number each, too few
  // to be amount columns) is the budget's amount as well.
  if (kinds.every((k) => k.kind === "total" || k.kind === "derived" || k.kind === "quantity")) return kinds.map((k) => (k.kind === "total" ? { ...k, kind: "period" } : k));
  // Two months are enough beside a total: a budget's months are often sparse (« Janv | Févr | Mars | Total »).
  if (months.length < 2) return kinds;
  return kinds.map((k) => (isMonthHeader(k.header) ? { ...k, kind: "derived" } : k === totals[0] ? { ...k, kind: "period" } : k));
}

/**
 * « Recettes | Dépenses | Solde » in a cash book: the « Solde » is the money held after each row, carried from row to
 * row, not the row's amount (every line was read as that balance, a charge). A balance column is the row's own
 * amount only where it is its debit less its credit (a trial balance): it is left out when most rows holding both
 * say otherwise.
 */
function runningBalanceColumns(grid: SheetGrid, rows: readonly number[], kinds: readonly { col: number; kind: HeaderKind }[]): number[] {
  const debits = kinds.filter((k) => k.kind === "debit").map((k) => k.col);
  const credits = kinds.filter((k) => k.kind === "credit").map((k) => k.col);
  if (debits.length + credits.length === 0) return [];
  const cents = (r: number, c: number) => {
    const a = amountOf(grid.value(r, c));
    return a?.kind === "value" ? a.cents : null;
  };
  return kinds
    .filter((k) => k.kind === "balance")
    .map((k) => k.col)
    .filter((col) => {
      let own = 0;
      let other = 0;
      for (const r of rows) {
        const b = cents(r, col);
        const flows = [...debits, ...credits].map((c) => cents(r, c));
        if (b === null || flows.every((f) => f === null)) continue;
        const net = debits.reduce((sum, c) => sum + (cents(r, c) ?? 0), 0) - credits.reduce((sum, c) => sum + (cents(r, c) ?? 0), 0);
        if (Math.abs(b) === Math.abs(net)) own++;
        else other++;
      }
      return other > own;
    });
}

/**
 * The block's columns of shares (isShareColumn): a column whose header names no money (none, « Répartition »,
 * « Poids ») and whose values are each line's part of its block, beside a money column. Never money, and said.
 */
function shareColumnsOf(grid: SheetGrid, rows: number[], block: TableBlock, kinds: { col: number; header: string | null; kind: HeaderKind }[]): number[] {
  const money = kinds.filter((k) => k.kind === "period" || k.kind === "other");
  if (money.length < 2) return [];
  const labelCol = block.labelCols[block.labelCols.length - 1]!;
  const lineRows = rows.filter((r) => nonLineKind(textAt(grid, r, labelCol)) === null);
  const numberAt = (r: number, col: number) => {
    const v = grid.value(r, col);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const sumOf = (col: number) => lineRows.reduce((n, r) => n + Math.abs(numberAt(r, col) ?? 0), 0);
  const out: number[] = [];
  for (const k of money) {
    if (k.header !== null && MONEY_HEADER.test(normalizeText(k.header))) continue;
    const others = money.filter((o) => o.col !== k.col && !out.includes(o.col));
    const main = others.reduce<{ col: number; sum: number } | null>((best, o) => {
      const sum = sumOf(o.col);
      return !best || sum > best.sum ? { col: o.col, sum } : best;
    }, null);
    if (!main) continue;
    const pairs: SharePair[] = [];
    for (const r of lineRows) {
      const share = numberAt(r, k.col);
      const amount = numberAt(r, main.col);
      if (share !== null && amount !== null) pairs.push({ share, amount });
    }
    if (isShareColumn(pairs)) out.push(k.col);
  }
  return out;
}

/** A price as a column header writes it alone: the unit price when the table also has a quantity column. */
const PRICE_HEADER = /^(prix|tarif|tarifs|cout|couts|montant unitaire|prix ttc|prix ht)( (€|eur|euros|ttc|ht))?$/;

/**
 * « Ressources | Prix | Quantité | Total »: beside a quantity, « Prix » is the unit price (8 € × 12 months), never the
 * line's amount; the total is (as in « Quantité | Prix unitaire | Total »).
 */
function unitPrices<K extends { header: string | null; kind: HeaderKind }>(kinds: K[]): K[] {
  if (!kinds.some((k) => k.kind === "quantity")) return kinds;
  return kinds.map((k) => (k.kind !== "quantity" && PRICE_HEADER.test(normalizeText(k.header ?? "")) ? { ...k, kind: "quantity" } : k));
}

/** Headers of a column that files each line under a block: « Catégorie », « Rubrique », « Poste budgétaire »… */
const CATEGORY_HEADER = /^(categorie|categories|rubrique|rubriques|famille|familles|poste budgetaire|postes budgetaires|nature|imputation|ventilation|chapitre|groupe)$/;
/**
 * Headers that name the label column when alone (« Poste | Dépenses | Recettes ») but the block beside a column
 * headed as the labels (« Poste | Libellé », « Type | Intitulé » where the type is « Dons », « Manifestations »).
 */
const CATEGORY_BESIDE_LABEL = /^(poste|postes|type|types|activite|activites|action|actions|projet|projets|section|sections|secteur|secteurs|pole|poles|domaine|domaines)$/;
const LABEL_HEADER = /^(libelle|libelles|intitule|intitules|designation|designations|description|descriptif|detail|details|objet|operation|operations|item|items|line item|particulars)$/;

/**
 * A text column beside the labels that files each line under a block (« Libellé | Catégorie | Montant »: « Salaire
 * du comptable | Subventions versées à Fonhsud | 4 800 »): named so by its header, or, on most rows holding money,
 * filled beside another text column and repeating its values where the other does not. Its value is the line's
 * block heading; the other column is its label (the last text column was taken as the label, and the labels lost).
 */
function findCategoryColumn(grid: SheetGrid, rows: number[], cols: number[], amountCols: number[], titleOf: (col: number) => string | null): number | null {
  if (cols.length < 2) return null;
  const money = rows.filter((r) => amountCols.some((c) => cellKind(grid.value(r, c)) === "amount"));
  if (money.length < 3) return null;
  const stats = cols.map((col) => {
    const texts = money.map((r) => textAt(grid, r, col)).filter((t) => t !== "" && cellKind(t) === "text");
    return { col, filled: texts.length, distinct: new Set(texts.map(normalizeText)).size, named: CATEGORY_HEADER.test(normalizeText(titleOf(col) ?? "")) };
  });
  const header = (col: number) => normalizeText(titleOf(col) ?? "");
  for (const cat of stats) {
    if (cat.filled < 3 || !CATEGORY_BESIDE_LABEL.test(header(cat.col))) continue;
    if (stats.some((o) => o.col !== cat.col && LABEL_HEADER.test(header(o.col)) && o.filled >= 0.8 * money.length)) return cat.col;
  }
  for (const cat of stats) {
    const label = stats.find((o) => o.col !== cat.col && o.filled >= 0.8 * money.length && o.distinct > cat.distinct);
    if (!label || cat.filled < 3) continue;
    // Named « Catégorie », it files the lines it is filled on (totals and balances under the table have none).
    if (cat.named || (cat.filled >= 0.6 * money.length && cat.distinct <= cat.filled / 2 && label.distinct >= 0.8 * label.filled)) return cat.col;
  }
  return null;
}

/** A label column whose cells are, for most of its rows, a section word (« Recette », « Dépense », « Don en nature »). */
function typeColumns(grid: SheetGrid, rows: number[], labelCols: number[], amountCols: number[]): number[] {
  if (labelCols.length < 2) return [];
  const typed = labelCols.filter((col) => {
    const cells = rows.map((r) => ({ r, t: textAt(grid, r, col) })).filter((c) => c.t !== "");
    const typedRows = cells.filter((c) => sectionOfTypeColumnCell(c.t) !== null || isBalanceTypeCell(c.t));
    // « Ressources » on every row is the block's heading written as a category (« Libellé | Catégorie | Type »): it
    // says no row's side, the Type column (or the journal's money column) does.
    const words = new Set(cells.filter((c) => sectionOfTypeCell(c.t) !== null).map((c) => normalizeText(c.t)));
    if (words.size === 1 && isAmbiguousSideHeading([...words][0]!)) return false;
    if (cells.length >= 3 && typedRows.length >= 0.8 * (cells.length - 1)) return true;
    // A list of one or two operations (« Subvention de la mairie | Recette | 450 »): every cell under the header is
    // a section word typed on a row with its amount (a heading « Charges » sits on a row without one).
    return typedRows.length >= 1 && typedRows.length >= cells.length - 1 && typedRows.every((c) => amountCols.some((a) => cellKind(grid.value(c.r, a)) === "amount"));
  });
  // A column of labels is left to read: every column typed means none is (« Dépense | Recette » are labels then).
  return typed.length === labelCols.length ? typed.slice(0, 1) : typed;
}

/**
 * The side of the rows no word, account nor Type cell gives one: first the sheet's result formula (the totals it
 * adds are produits, those it takes away charges); else, when the words of the table name one side only, the rows
 * before them are the other side (« Ventes », « Subventions » then « Dépenses »; « Budget global » then « Financé
 * par »): a table of one side is not written in two blocks.
 */
function sidesOfUnsaidRows(grid: SheetGrid, infos: RowInfo[], resultFormulas: { col: number; formula: string }[]): void {
  if (!infos.some((i) => i.section === null)) return;
  const fromResult = resultFormulas.length > 0 ? sidesFromResult(grid, resultFormulas) : new Map<number, Section>();
  const said = new Set(infos.map((i) => i.saidSection).filter((s) => s === "income" || s === "expense"));
  const other: Section | null = said.size === 1 ? (said.has("income") ? "expense" : "income") : null;
  for (const i of infos) if (i.section === null) i.section = fromResult.get(i.row) ?? other;
}

/**
 * « Total ventes 2020 5 774 », the only sales line of its block, is a line that its label calls a total: a row is
 * a total only if it adds up rows of its block. A typed amount labelled as a total is kept as a line when the
 * sheet's own SUM counts it among its lines and it adds up none of the rows around it (`member`); otherwise it is
 * a total, skipped, and the lines read must still add up to it (a true total whose lines are missing keeps its issue).
 */
function totalsThatAreLines(infos: RowInfo[], skipped: SkippedRow[], declared: DeclaredTotal[], sheet: string, member: MemberTest): void {
  const all = [...infos];
  const kept = infos.filter((i, k) => {
    const t = i.labelledTotal;
    if (!t) return true;
    if (t.declared.every((d) => member(d.row, d.col, d.cents)) || totalOfNothing(all, k, declared)) {
      delete i.labelledTotal;
      return true;
    }
    skipped.push({ sheet, row: i.row, cell: cellAddress(i.row, i.labelCol), label: i.label, why: t.kind });
    declared.push(...t.declared);
    return false;
  });
  declared.sort((a, b) => a.row - b.row || a.col - b.col);
  infos.length = 0;
  for (const i of kept) infos.push(i);
}

/** What « Total » is said of when it is the whole budget, a period or the balance sheet, never one thing of the year. */
const WHOLE_OR_BALANCE = /^(general|generale|generaux|budget|budgets|global|globale|annuel|annuelle|previsionnel|realise|exercice|annee|mois|trimestre|semestre|periode|partiel|page|colonne|lignes?|\d{4}|n)\b|\b(actif|passif|bilan|immobilisations?|disponibilites|tresorerie|dettes?|creances?|assets|liabilities|reserves|brought forward|carried forward)\b/;

/**
 * « Total manifestation 1 200 » alone under its heading: a total of nothing is a line (an event given by its whole
 * cost). It is one when it names one thing (no side, chapter, whole budget nor balance sheet: « Total du bilan »
 * stays a total), no line of its block stands next to it, and no run of lines of its side, above it or below it,
 * adds up to it (« Total manifestation 1 000 » in a recap under the charges that make 1 000 is their total).
 */
function totalOfNothing(infos: readonly RowInfo[], k: number, declared: readonly DeclaredTotal[]): boolean {
  const t = infos[k]!;
  if (t.labelledTotal?.kind !== "total") return false;
  const object = normalizeText(t.label).replace(/^(total|totaux|tot)( (des|de la|de l|du|de|d|les|la|le))?\s*/, "");
  if (object === "" || WHOLE_OR_BALANCE.test(object) || sectionOfBlockHeading(object) !== null || isChapterTitle(object)) return false;
  const line = (i: RowInfo | undefined) => i !== undefined && !i.labelledTotal && !i.maybeSectionTotal;
  const totalBetween = (a: number, b: number) => declared.some((d) => d.row > Math.min(a, b) && d.row < Math.max(a, b));
  const sameBlock = (i: RowInfo | undefined) => line(i) && i!.heading === t.heading && i!.chapter === t.chapter && i!.section === t.section && !totalBetween(i!.row, t.row);
  if (sameBlock(infos[k - 1]) || sameBlock(infos[k + 1])) return false;
  // Any run of its side's lines, above it or below it, that adds up to one of its amounts makes it their total.
  const side = infos.filter((i) => line(i) && i.section === t.section);
  const runSums = (rows: RowInfo[], col: number, cents: number) => {
    const seen = new Set<number>([0]);
    let sum = 0;
    for (const i of rows) {
      const a = i.cells.find((c) => c.col === col)?.amount ?? null;
      sum += a?.kind === "value" ? a.cents : 0;
      if (seen.has(sum - cents)) return true;
      seen.add(sum);
    }
    return false;
  };
  return t.labelledTotal.declared.every((d) => !runSums(side.filter((i) => i.row < t.row), d.col, d.cents) && !runSums(side.filter((i) => i.row > t.row), d.col, d.cents));
}

/**
 * "ENTRÉES 5 000" above (or below) the lines it adds up is the section's total; "Entrées 3 500" among other
 * lines is ticket income. Takes the totals out of `infos` and reports them as skipped.
 */
function sectionTotalsOf(infos: RowInfo[], skipped: SkippedRow[], sheet: string, member: MemberTest): void {
  // Each candidate total looks at the run of same-section lines after it (among the rows left once the totals
  // after it are taken out) and before it. Both runs come from running sums, so the rows are walked once.
  // The amount columns, in the order the rows first give them (the same few on every row of a block).
  const place = new Map<number, number>();
  for (const i of infos) for (const c of i.cells) if (!place.has(c.col)) place.set(c.col, place.size);
  const cols = [...place.keys()];
  const m = cols.length;
  const n = infos.length;
  // Each row's cents per column, read once (a trial balance asks them of 20,000 rows, twice each).
  const cents = new Float64Array(n * m);
  for (let j = 0; j < n; j++) {
    const cells = infos[j]!.cells;
    // From the last cell to the first: where a column came twice, its first cell counts, as a search by column finds it.
    for (let q = cells.length - 1; q >= 0; q--) {
      const c = cells[q]!;
      cents[j * m + place.get(c.col)!] = c.amount?.kind === "value" ? c.amount.cents : 0;
    }
  }
  // Before: the original rows, which no removal to the right changes.
  const backLen = new Array<number>(n).fill(0);
  const before = cols.map(() => new Float64Array(n + 1));
  for (let j = 0; j < n; j++) {
    const x = infos[j]!;
    const prev = infos[j - 1];
    backLen[j] = x.maybeSectionTotal ? 0 : 1 + (prev && !prev.maybeSectionTotal && prev.section === x.section ? backLen[j - 1]! : 0);
    for (let p = 0; p < m; p++) before[p]![j + 1] = before[p]![j]! + cents[j * m + p]!;
  }
  // After: the rows kept so far, right to left (the last one is the nearest below the current row).
  const kept: RowInfo[] = [];
  const keptLen: number[] = [];
  // after[p][t]: the sum of the first t rows kept, in column p (one slot per row, filled as rows are kept).
  const after = cols.map(() => new Float64Array(n + 1));
  const keep = (j: number) => {
    const x = infos[j]!;
    const t = kept.length;
    const prev = kept[t - 1];
    keptLen.push(x.maybeSectionTotal ? 0 : 1 + (prev && !prev.maybeSectionTotal && prev.section === x.section ? keptLen[keptLen.length - 1]! : 0));
    kept.push(x);
    for (let p = 0; p < m; p++) after[p]![t + 1] = after[p]![t]! + cents[j * m + p]!;
  };
  for (let k = n - 1; k >= 0; k--) {
    const t = infos[k]!;
    const col = t.maybeSectionTotal ? t.cells.find((c) => c.amount?.kind === "value")?.col : undefined;
    if (col === undefined) {
      keep(k);
      continue;
    }
    const p = place.get(col)!;
    const total = cents[k * m + p]!;
    const top = kept.length - 1;
    const next = kept[top];
    const afterLen = next && !next.maybeSectionTotal && next.section === t.section ? keptLen[top]! : 0;
    const prev = infos[k - 1];
    const beforeLen = prev && !prev.maybeSectionTotal && prev.section === t.section ? backLen[k - 1]! : 0;
    const sa = after[p]!;
    const sb = before[p]!;
    const afterSum = sa[kept.length]! - sa[kept.length - afterLen]!;
    const beforeSum = sb[k]! - sb[k - beforeLen]!;
    // « 62 - Autres services extérieurs 204 000 » over « Charges d'exploitation 204 000 »: the chapter is the
    // subtotal of its one sub-line, and a label that names a kind of charge as much as a section is that line.
    const loneChapter = (len: number, row: RowInfo | undefined) => len === 1 && t.looseWord && row?.account !== null && (row?.account?.length ?? 9) <= 2;
    const sums = (afterLen > 0 && afterSum === total && !loneChapter(afterLen, next)) || (beforeLen > 0 && beforeSum === total && !loneChapter(beforeLen, prev));
    // A plain section word ("CHARGES") at the head or the foot of its section is a total unless nothing in its
    // section is there to add up. Between lines of its own side (« Loyer 800 | Charges 120 | Assurance 200 ») and
    // adding up neither run, it totals nothing: a line (the charges of a rent, say), never a total that sums nothing.
    // « Dépenses 2020 7 993 » under « Total =SUM(B11:B11) »: the sheet's own sum counts it as a line.
    const between = afterLen > 0 && beforeLen > 0;
    if (!member(t.row, col, total) && (sums || (!t.looseWord && afterLen + beforeLen > 0 && !between))) {
      skipped.push({ sheet, row: t.row, cell: cellAddress(t.row, t.labelCol), label: t.label, why: "total" });
    } else keep(k);
  }
  infos.length = 0;
  for (let j = kept.length - 1; j >= 0; j--) infos.push(kept[j]!);
}

/** The rows whose every amount is a SUM of rows set aside as no lines (a result, a balance): their subtotals. */
function withoutSumsOfNonLines(infos: RowInfo[], skipped: SkippedRow[], sheet: string): RowInfo[] {
  const nonLines = new Set<number>();
  // « Romandie =C16 » in a recap of three cash boxes: a row that takes the sheet's own totals again is no line either.
  for (const s of skipped) if (s.sheet === sheet && (s.why === "result" || s.why === "balance_sheet_account" || s.why === "total")) nonLines.add(s.row);
  if (nonLines.size === 0) return infos;
  const lineRows = new Set(infos.map((i) => i.row));
  // A SUM over a whole column (« =SUM(B:B) » written as B1:B1048576) is walked only as far as rows are read.
  let lastRow = 0;
  for (const r of lineRows) if (r > lastRow) lastRow = r;
  for (const r of nonLines) if (r > lastRow) lastRow = r;
  return infos.filter((i) => {
    const withAmount = i.cells.filter((c) => c.value !== null && c.value !== "");
    if (withAmount.length === 0) return true;
    let sumsNonLine = false;
    for (const c of withAmount) {
      const spans = c.formula ? (summedRows(c.formula, c.col) ?? addedRows(c.formula, c.col)) : null;
      if (!spans) return true;
      for (const s of spans) {
        for (let r = s.from, to = Math.min(s.to, lastRow); r <= to; r++) {
          if (r === i.row) continue;
          if (lineRows.has(r)) return true;
          sumsNonLine ||= nonLines.has(r);
        }
      }
    }
    if (!sumsNonLine) return true;
    // Their subtotal, as a chapter's is: the self-check counts the result once, on its own row.
    skipped.push({ sheet, row: i.row, cell: cellAddress(i.row, i.labelCol), label: i.label, why: "subtotal" });
    // « Ensemble =SUM(C63:C65) » under the recap's rows is no line either (the rows come in order).
    lineRows.delete(i.row);
    nonLines.add(i.row);
    return false;
  });
}

/** Whether a row is under a parent row: no other two-digit chapter between them (a binary search, not a walk). */
function underTest(infos: RowInfo[]): (parentRow: number, childRow: number) => boolean {
  const chapters = infos.filter((i) => i.account !== null && i.account.length <= 2).map((i) => i.row).sort((a, b) => a - b);
  return (parentRow, childRow) => {
    let lo = 0;
    let hi = chapters.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (chapters[mid]! <= parentRow) lo = mid + 1;
      else hi = mid;
    }
    return lo >= chapters.length || chapters[lo]! >= childRow;
  };
}

function hasSectionHeadings(infos: RowInfo[], lastSection: Section | null): boolean {
  return lastSection !== null || infos.some((i) => i.section !== null);
}

function isEngineeringHeader(header: string | null): boolean {
  // Same words as the engine's analytic-column rule, through a classification of a neutral expense.
  if (!header) return false;
  return classify({ label: "x", context: { sectionHint: "expense", columnHeader: header, analyticColumn: true } }).destination === "engineering";
}

function textAt(grid: SheetGrid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v === "string") return v.trim();
  return "";
}

function amountOf(value: CellValue): Amount | null {
  if (value === null || value === "") return null;
  if (isCellError(value)) return { kind: "error", error: value.error };
  const cents = amountFromCellValue(value);
  return cents === null ? null : { kind: "value", cents };
}

function twoSidedAmounts(info: RowInfo, ledger: { col: number; kind: string }[]): { col: number; amount: Amount; section: Section }[] | null {
  if (info.account !== null) return null;
  const d = ledger.find((l) => l.kind === "debit");
  const c = ledger.find((l) => l.kind === "credit");
  if (!d || !c || ledger.some((l) => l.kind.startsWith("balance"))) return null;
  const amountAt = (col: number) => amountOf(info.cells.find((x) => x.col === col)?.value ?? null);
  const da = amountAt(d.col);
  const ca = amountAt(c.col);
  if (da?.kind !== "value" || ca?.kind !== "value" || da.cents === 0 || ca.cents === 0) return null;
  return [
    { col: c.col, amount: ca, section: "income" },
    { col: d.col, amount: da, section: "expense" },
  ];
}

/** « Dépenses », « Recettes », « Charges », « Produits »: a journal column that names a side, unlike « Débit | Crédit ». */
const SIDE_COLUMN = /\b(depenses?|recettes?|charges?|produits?|entrees?|sorties?)\b/;

type LedgerColumn = { col: number; kind: string; header?: string | null };

/** The first column of each kind of a block's ledger (the one its rows are read in), found once per block. */
const FIRST_OF_KIND = new WeakMap<readonly LedgerColumn[], Map<string, LedgerColumn>>();

function firstOfKind(ledger: readonly LedgerColumn[]): Map<string, LedgerColumn> {
  let byKind = FIRST_OF_KIND.get(ledger);
  if (!byKind) {
    byKind = new Map();
    for (const l of ledger) if (!byKind.has(l.kind)) byKind.set(l.kind, l);
    FIRST_OF_KIND.set(ledger, byKind);
  }
  return byKind;
}

function ledgerAmount(info: RowInfo, ledger: LedgerColumn[]): { col: number; amount: Amount; section: Section | null } | null {
  // A trial balance asks this of each of its 20,000 rows: the columns by kind are found once, the row's cell by a scan.
  const byKind = firstOfKind(ledger);
  const get = (kind: string) => {
    const k = byKind.get(kind);
    if (!k) return null;
    let amount: Amount | null = null;
    for (const c of info.cells) {
      if (c.col === k.col) {
        amount = c.amount;
        break;
      }
    }
    return amount ? { col: k.col, amount } : null;
  };
  for (const l of ledger) {
    const error = get(l.kind);
    if (error?.amount.kind === "error") return { col: error.col, amount: error.amount, section: null };
  }
  const cents = (a: { amount: Amount } | null) => (a && a.amount.kind === "value" ? a.amount.cents : 0);
  const bd = get("balance_debit");
  const bc = get("balance_credit");
  const b = get("balance");
  const d = get("debit");
  const c = get("credit");
  // « Bénévolat 7 200 » in the Dépenses column under « Contributions volontaires »: the column says the use (86), the
  // Recettes column the resource (87), as it says a charge or a produit; an account number says it itself.
  const net = bd || bc ? cents(bd) - cents(bc) : b ? 0 : cents(d) - cents(c);
  const inKind = info.section === "in_kind_use" || info.section === "in_kind_resource";
  const side: Section | null = inKind && info.account === null && net !== 0 ? (net > 0 ? "in_kind_use" : "in_kind_resource") : info.section;
  let debitMinusCredit: number;
  let col: number;
  if (bd || bc) {
    debitMinusCredit = cents(bd) - cents(bc);
    col = (side === "income" || side === "in_kind_resource" ? (bc ?? bd) : (bd ?? bc))!.col;
  } else if (b) {
    debitMinusCredit = cents(b);
    col = b.col;
  } else if (d || c) {
    debitMinusCredit = cents(d) - cents(c);
    col = (side === "income" || side === "in_kind_resource" ? (c ?? d) : (d ?? c))!.col;
  } else return null;
  // « frais de poste | 1 200 | » in the Dépenses column, under a row « produits financiers » with nothing this year
  // that reads as a heading: a column named by its side says the side of what is typed in it alone, as a Type cell
  // does, whatever the heading above (a debit under « Produits » in « Débit | Crédit » stays a reduction of it).
  const alone = (d !== null) !== (c !== null) && !bd && !bc && !b ? ledger.find((l) => l.kind === (d ? "debit" : "credit")) : undefined;
  const columnSide: Section | null = !inKind && info.account === null && alone && SIDE_COLUMN.test(normalizeText(alone.header ?? "")) ? (d ? "expense" : "income") : null;
  let section = columnSide ?? side;
  // « Subventions d'exploitation | | 0 »: a zero says its side by the column it is typed in.
  const creditOnly = (c !== null && d === null) || (bc !== null && bd === null);
  if (!section) section = debitMinusCredit > 0 || (debitMinusCredit === 0 && !creditOnly) ? "expense" : "income";
  const credit = section === "income" || section === "in_kind_resource";
  let value = credit ? -debitMinusCredit : debitMinusCredit;
  // A single signed "Solde" column: income shown as a positive balance in some exports.
  if (b && !bd && !bc && credit && value < 0 && debitMinusCredit > 0) value = debitMinusCredit;
  return { col, amount: { kind: "value", cents: value }, section };
}

function makeLine(
  sheet: string,
  info: RowInfo,
  amountCol: number,
  scenario: string,
  column: string | null,
  amount: Amount,
  section: Section | null,
  columnHeader: string | null,
  analytic: boolean,
): BudgetLine {
  const amountCell = cellAddress(info.row, amountCol);
  return {
    id: `${sheet}!${amountCell}`,
    sheet,
    cell: cellAddress(info.row, info.labelCol),
    row: info.row,
    amountCell,
    label: info.label,
    account: info.account,
    column,
    scenario,
    amount,
    context: { sectionHint: section, heading: info.heading, chapter: info.chapter, ...(info.paidOutHeading ? { paidOutHeading: info.paidOutHeading } : {}), ...(info.partnerHeading ? { partnerHeading: info.partnerHeading } : {}), columnHeader, analyticColumn: analytic, ...(info.sideNote ? { sideNote: info.sideNote } : {}) },
  };
}

function textIssue(sheet: string, row: number, col: number, label: string, text: string): ReadIssue {
  return textIssueAt(sheet, cellAddress(row, col), label, text);
}

// English headers too (« amount », a bank export's column; « Actual », « Budgeted »): a budget published in English, or a
// CSV's own column names kept as they were, is no less a budget.
const MONEY_HEADER = /\b(montant|montants|somme|sommes|benefice|benefices|resultat|resultats|net|budget|realise|previsionnel|prevision|prevu|euros?|eur|cout|couts|total|debit|credit|solde|charges|produits|recettes?|depenses?|revenus?|ressources|emplois|exercice|annee|\d{4}|francs|frs|ff|(propose|sollicite|demande|vote|accorde|alloue|attribue|obtenu)e?s?|amount|amounts|actual|actuals|budgeted|forecast|cost|costs|expenses|expenditure|income)\b|€/;
const NOT_MONEY_HEADER = /\b(quantite|qte|nombre|nb|effectif|effectifs|stock|age|heures|h|jours|taille|poids|note|rang|telephone|tel|code postal)\b/;

/** The title of a column of labels in a header row (« Libellé | Montant », « Poste | Prévu »). */
const LABEL_TITLE = /^(libelle|libelles|intitule|intitules|designation|designations|description|descriptif|objet|poste|postes|nature|rubrique|rubriques|item|items|line item|particulars|category)$/;
const moneyTitle = (header: string | null) => header !== null && MONEY_HEADER.test(normalizeText(header)) && !NOT_MONEY_HEADER.test(normalizeText(header));

/** Said once per block whose side was guessed: where, which side, from what, and how to say it. */
function sideGuessedIssue(sheet: string, g: GuessedBlock, lines: BudgetLine[]): ReadIssue {
  const cells = lines.filter((l) => g.rows.includes(l.row)).map((l) => l.amountCell ?? l.cell);
  const where = cells.length > 1 ? `${cells[0]}:${cells[cells.length - 1]}` : (cells[0] ?? "");
  const side = g.side === "income" ? { fr: "produits", en: "income" } : { fr: "charges", en: "expenses" };
  const from = g.heading !== null ? { fr: `d'après les mots du titre « ${g.heading} »`, en: `from the words of the heading “${g.heading}”` } : { fr: "d'après ses autres lignes", en: "from its other lines" };
  return {
    sheet,
    cell: cells[0] ?? null,
    code: "side_guessed",
    message: `Aucun titre ne dit si les ${cells.length} ligne(s) ${where} sont des recettes ou des dépenses : Équilibre les lit en ${side.fr} ${from.fr}, à vérifier. Écrivez « Recettes » ou « Dépenses » au-dessus d'elles pour le dire.`,
    messageEn: `No heading says whether the ${cells.length} line(s) ${where} are income or expenses: Équilibre reads them as ${side.en} ${from.en}, to check. Write “Recettes” or “Dépenses” above them to say so.`,
  };
}

/** Whether the lines of at least two rows in one amount column add up exactly to a total row of that column. */
function addsUpToATotal(lines: readonly BudgetLine[], declared: readonly DeclaredTotal[]): boolean {
  return declared.some((d) => {
    const letters = columnLetters(d.col);
    const inColumn = lines.filter((l) => l.amount.kind === "value" && l.amountCell?.replace(/\d+$/, "") === letters && l.row < d.row);
    return inColumn.length >= 2 && d.cents !== 0 && inColumn.reduce((sum, l) => sum + (l.amount.kind === "value" ? l.amount.cents : 0), 0) === d.cents;
  });
}

/** An inventory or a contact list has labels and numbers too: a budget also has money words, sections or accounts. */
function looksLikeBudget(lines: BudgetLine[], block: TableBlock, section: Section | null, sheet: string, layout: Layout, typed: boolean, balances = 0, titled = false): boolean {
  if (lines.length === 0) return false;
  if (layout === "trial_balance") return true;
  // The column headers once each (a block of 20,000 lines has a handful).
  const headers = new Set<string>();
  for (const l of lines) {
    headers.add(l.column ?? "");
    headers.add(l.context.columnHeader ?? "");
  }
  const headerText = normalizeText([...headers].join(" "));
  if (NOT_MONEY_HEADER.test(headerText) && !MONEY_HEADER.test(headerText)) return false;
  const distinct = [...new Map(lines.map((l) => [l.cell, l])).values()];
  // A sheet named « Emplois » / « Charges » (or a table headed so) with a money column is a budget even when
  // its lines are missions (« Protéger les océans ») that name no kind of cost, and even with a single line:
  // « PRODUITS | 2015 » over « Adhésions 2015 | 280 », the produits half of a side-by-side table. A Type column
  // (« Gerbes | Dépense | 338 ») names the section of every row as surely as a heading does.
  // « en € », « Montant (FCFA) »: a currency's symbol or code, which the normalized text drops, says money too.
  const moneyHeader = MONEY_HEADER.test(headerText) || [...headers].some((h) => namesYearByLetter(h) || currencyOf(h) !== null);
  const named = (sectionOfSheetName(sheet) !== null || section !== null || typed) && (moneyHeader || headerText === "");
  if (named) return true;
  if (distinct.length < 2) return false;
  if (titled) return true;
  const structure = block.accountCol !== null || section !== null || sectionOfSheetName(sheet) !== null || distinct.some((l) => l.context.sectionHint) || moneyHeader;
  return recognisedShare(distinct, structure ? 0.25 : 0.5, balances);
}

/** Lines whose labels are classified to tell a budget from an inventory: beyond this, an even sample of them. */
const SHARE_SAMPLE = 1000;

/**
 * Whether at least `threshold` of the lines have a label the classifier recognises. Classifying is the cost of
 * reading (the lines are classified again after): a long block is judged on an even sample of its lines, and
 * the count stops as soon as the answer is known either way.
 */
function recognisedShare(lines: readonly BudgetLine[], threshold: number, recognisedElsewhere = 0): boolean {
  const n = Math.min(lines.length, SHARE_SAMPLE);
  const need = Math.ceil(threshold * (n + recognisedElsewhere) - 1e-9);
  let yes = recognisedElsewhere;
  for (let i = 0; i < n; i++) {
    const l = lines[n === lines.length ? i : Math.floor((i * lines.length) / n)]!;
    // « Reversé à l'école », « Reçu de la mairie »: a line that says which way its money went is a budget's line.
    if (sideOfOwnWords(l.label) !== null || classify({ label: l.label, account: l.account, context: l.context }).confidence >= RECOGNISED_CONFIDENCE) yes++;
    if (yes >= need) return true;
    if (yes + (n - i - 1) < need) return false;
  }
  return yes >= need;
}


/** Each numbered row of a block with the side the headings above it said (the header's, then each heading's). */
function numberedRows(grid: SheetGrid, rows: readonly number[], accountCol: number, textCols: readonly number[], headerRow: number | null, start: Section | null): NumberedRow[] {
  const out: NumberedRow[] = [];
  let side: Section | null = start;
  for (const r of rows) {
    if (headerRow !== null && r <= headerRow) continue;
    const raw = grid.value(r, accountCol);
    const account = normalizeAccount(raw === null ? null : String(raw));
    if (account !== null) {
      out.push({ account, side });
      continue;
    }
    // « Recettes / Einnahmen » merged across the table: Excel keeps it in the first cell, the account column.
    const label = textCols.map((c) => textAt(grid, r, c)).filter((t) => t !== "").pop() ?? (typeof raw === "string" && cellKind(raw) === "text" ? raw.trim() : undefined);
    const said = label ? (sectionOfHeading(label) ?? sectionOfBlockHeading(label)) : null;
    if (said === "income" || said === "expense") side = said;
  }
  return out;
}

/** Said once per block: the numbers are kept in the sheet, the lines read by their labels. */
function otherChartIssue(sheet: string, grid: SheetGrid, rows: readonly number[], accountCol: number): ReadIssue {
  const numbers = rows.map((r) => grid.value(r, accountCol)).map((v) => normalizeAccount(v === null ? null : String(v))).filter((a): a is string => a !== null);
  const some = [...new Set(numbers)].slice(0, 4).join(", ");
  const col = columnLetters(accountCol);
  return {
    sheet,
    cell: null,
    code: "other_chart",
    message: `Les numéros de compte de la colonne ${col} (${some}…) ne suivent pas le plan comptable des associations français : sous vos titres de recettes et de dépenses, ils seraient des comptes de bilan ou de l'autre côté. Équilibre lit ces lignes par leurs libellés ; vérifiez-les dans la table des correspondances.`,
    messageEn: `The account numbers in column ${col} (${some}…) do not follow the French chart of accounts for associations: under your income and expense headings they would be balance-sheet accounts or on the other side. Équilibre reads these lines by their labels; check them in the mapping table.`,
  };
}

/**
 * The text of a row that has nothing but a text left of the label column (« PLAN DE FINANCEMENT » in the N° column,
 * « Dépenses » in a category column over its block): that row's heading. Null when the row holds anything else.
 */
function headingLeftOfLabels(grid: SheetGrid, r: number, firstLabelCol: number, amountCols: readonly { col: number }[]): { col: number; text: string } | null {
  const cells = grid.rowCells(r);
  if (cells.length !== 1) return null;
  const c = cells[0]!;
  if (c.col >= firstLabelCol || amountCols.some((k) => k.col === c.col) || typeof c.value !== "string" || cellKind(c.value) !== "text") return null;
  return { col: c.col, text: c.value.trim() };
}

/** A row's label cells that read as one label cut in pieces: each after the first opens in lower case, none ends a phrase. */
function continuesInLowerCase(labels: readonly { text: string }[]): boolean {
  return labels.slice(1).every((l) => /^\p{Ll}/u.test(l.text)) && labels.slice(0, -1).every((l) => !/[:.;)\]]\s*$/.test(l.text));
}

