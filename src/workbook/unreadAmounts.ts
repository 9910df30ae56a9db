// Amount cells that no line carries and nothing else explains: a formula the file holds no result for
// (written by a script, never calculated), a date typed where amounts are, and an amount typed with words
// (« 1 200 € HT », « env. 800 », « 12OO ») or in words only (« voir annexe », « à définir »). Each gets an issue
// naming its cell, so no euro is dropped in silence.
import { normalizeText } from "../engine/text.ts";
import type { DetectedBudget, ReadIssue, ReadResult } from "./budget.ts";
import { amountInWords, cellKind, isColumnTitle, moneyInWords } from "./columns.ts";
import { monthOfDateHeader, sectionOfHeading } from "./sections.ts";
import { isShownNumber } from "./cellValues.ts";
import { cellAddress, parseAddress, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";

/**
 * Words that say there is no amount, as treasurers write it: « néant », « pm » (pour mémoire), « n/a », « sans
 * objet ». Nothing is dropped there, so nothing is said.
 */
const NOTHING = /^(neant|pm|p m|n a|na|nc|n c|sans objet|so|s o|aucun|aucune|nul|nulle|zero|none|nil|x)$/;

/**
 * A text with no figure where a line's amount belongs (« voir annexe », « à définir », « en attente ») : the
 * amount exists but is not in the cell, so the budget's totals miss it.
 */
function amountMissingInWords(text: string): boolean {
  if (/\d/.test(text) || text.length > 40) return false;
  const words = normalizeText(text);
  return words !== "" && !NOTHING.test(words) && !isColumnTitle(words);
}

/** A cheap look before the full test: a date starts with digits and a separator. */
const MAYBE_DATE = /^\s*\d{1,4}[-/.]\d/;

/** Beyond this many cells on a sheet, one issue counts the rest. */
const NAMED_CELLS = 20;

export function unreadAmountIssues(snapshot: WorkbookSnapshot, result: ReadResult): void {
  const own = new Set(snapshot.ownSheets ?? []);
  for (const sheet of snapshot.sheets) {
    if (sheet.visibility !== "visible" || own.has(sheet.name)) continue;
    const budgets = result.budgets.filter((b) => b.sheet === sheet.name);
    const found: { cell: string; label: string; kind: "uncached" | "date" | "text" | "boolean"; value: string }[] = [];
    let uncachedElsewhere: string[] = [];
    const carried = new Set(result.lines.filter((l) => l.sheet === sheet.name).map((l) => l.amountCell));
    const skippedRows = new Set(result.skipped.filter((s) => s.sheet === sheet.name).map((s) => s.row));
    const named = new Set(result.issues.filter((i) => i.sheet === sheet.name).map((i) => i.cell));
    // Above the budget's first line, only a text that says money is an amount (« 1 200 € HT »): the header rows
    // there name the columns (« Exercice clos le 30/09/2008 »).
    const firstLineRow = result.lines.reduce((min, l) => (l.sheet === sheet.name ? Math.min(min, l.row) : min), Infinity);
    const budgetAt = budgetFinder(budgets);
    for (const row of sheet.rows) {
      for (const c of row.cells) {
        // Only a formula with no result, a text or a yes/no can be an amount not read.
        if (!c.uncached && typeof c.value !== "string" && typeof c.value !== "boolean") continue;
        // Outside the budgets' amount columns only a formula with no result is said: the costly tests of a text
        // (a date? an amount in words?) are for the cells of those columns (a trial balance's 20,000 labels are not).
        const budget = budgetAt(row.index, c.col);
        if (!budget) {
          if (c.uncached) uncachedElsewhere.push(cellAddress(row.index, c.col));
          continue;
        }
        const date = typeof c.value === "string" && MAYBE_DATE.test(c.value) && cellKind(c.value) === "date";
        const words = !c.uncached && !date && c.formula === undefined && typeof c.value === "string" && (row.index > firstLineRow || belowTitle(sheet, budgets, row.index, c.col) ? amountInWords(c.value.trim()) || amountMissingInWords(c.value.trim()) : moneyInWords(c.value.trim())) && cellKind(c.value) === "text";
        // A VRAI / FAUX (a checkbox, or =B5>0) where an amount belongs: no amount, and it was dropped in silence.
        const yesNo = typeof c.value === "boolean";
        if (!c.uncached && !date && !words && !yesNo) continue;
        const ref = cellAddress(row.index, c.col);
        if (carried.has(ref) || named.has(ref) || skippedRows.has(row.index)) continue;
        // The column's own title (« Selon le critère de 13 € par licencié ») names it, whatever figures it holds.
        if (words && row.index < firstLineRow && budget.columns.some((k) => k.col === c.col && k.header === String(c.value).trim())) continue;
        // « janv.-24 | févr.-24 » above the lines: months typed as dates, the columns' titles.
        if (date && row.index < firstLineRow && monthOfDateHeader(String(c.value), row.cells.map((x) => x.value)) !== null) continue;
        const label = labelOf(sheet, row.index, budget.labelCol);
        // A heading over a second table (« Produits | Budget 2026 ») names columns; a row with no label holds no line.
        if ((words || yesNo) && (!label || sectionOfHeading(label) !== null)) continue;
        found.push({ cell: ref, label, kind: c.uncached ? "uncached" : date ? "date" : yesNo ? "boolean" : "text", value: String(c.value ?? "") });
      }
    }
    const issueOf = (f: (typeof found)[number]) =>
      f.kind === "uncached"
        ? uncachedIssue(sheet.name, f.cell, f.label)
        : f.kind === "date"
          ? dateIssue(sheet.name, f.cell, f.label, f.value)
          : f.kind === "boolean"
            ? booleanIssue(sheet.name, f.cell, f.label, f.value === "true")
            : textIssue(sheet.name, f.cell, f.label, f.value);
    for (const f of found.slice(0, NAMED_CELLS)) result.issues.push(issueOf(f));
    if (found.length > NAMED_CELLS) uncachedElsewhere = [...found.slice(NAMED_CELLS).map((f) => f.cell), ...uncachedElsewhere];
    if (uncachedElsewhere.length > 0 && (budgets.length === 0 || found.length > NAMED_CELLS)) result.issues.push(manyIssue(sheet.name, uncachedElsewhere));
  }
}

/**
 * Whether a row is under its column's title though above the first line read (« Cotisations | à définir » right under
 * « Libellé | Montant »): a text there is typed on a line, not a header row's.
 */
function belowTitle(sheet: SheetSnapshot, budgets: readonly DetectedBudget[], row: number, col: number): boolean {
  const header = budgets.filter((b) => b.sheet === sheet.name).flatMap((b) => b.columns).find((k) => k.col === col)?.header;
  if (!header) return false;
  return sheet.rows.some((r) => r.index < row && r.cells.some((c) => c.col === col && typeof c.value === "string" && c.value.trim() === header));
}

/** The first of the budgets whose range holds the row and whose amount columns the column: ranges read once. */
function budgetFinder(budgets: readonly DetectedBudget[]): (row: number, col: number) => DetectedBudget | undefined {
  const spans = budgets.map((budget) => {
    const [a, b] = budget.range.split(":");
    const from = parseAddress(a ?? "");
    const to = parseAddress(b ?? a ?? "");
    return { budget, from: from && to ? from.row : Infinity, to: from && to ? to.row : -Infinity, cols: new Set(budget.columns.map((k) => k.col)) };
  });
  return (row, col) => spans.find((s) => s.cols.has(col) && row >= s.from && row <= s.to)?.budget;
}

function labelOf(sheet: SheetSnapshot, row: number, col: number): string {
  const v = sheet.rows.find((r) => r.index === row)?.cells.find((c) => c.col === col)?.value;
  return typeof v === "string" ? v.trim() : "";
}

/** A percentage (« 12.3456% ») as a person reads it, in each language: « 12,35 % », « 12.35% ». */
function percentShown(text: string, lang: "fr" | "en"): string {
  const n = Math.round(Number(text.slice(0, -1)) * 100) / 100;
  return lang === "fr" ? `${String(n).replace(".", ",")}\u00a0%` : `${n}%`;
}

/**
 * A percentage or a time where an amount is expected (the host gives it as the text its cell shows): the sentence
 * says what the cell shows and why it is no amount, not « Saisissez un nombre » — it is a number already.
 */
function shownNumberIssue(sheet: string, cell: string, label: string, text: string): ReadIssue {
  const fr = label ? ` (« ${label} »)` : "";
  const en = label ? ` (“${label}”)` : "";
  const base = { sheet, cell, code: "text_not_a_number" as const };
  if (text.endsWith("%")) {
    return {
      ...base,
      message: `La cellule ${cell}${fr} affiche ${percentShown(text, "fr")} : un pourcentage n'est pas un montant, elle n'est pas comptée. Si c'est un montant, saisissez-le en euros, sans « % », dans une cellule au format Nombre.`,
      messageEn: `Cell ${cell}${en} shows ${percentShown(text, "en")}: a percentage is not an amount, it is not counted. If it is an amount, type it in euros, without “%”, in a cell formatted as Number.`,
    };
  }
  return {
    ...base,
    message: `La cellule ${cell}${fr} affiche ${text} : une heure ou une durée n'est pas un montant, elle n'est pas comptée. Si c'est un montant, donnez à la cellule le format Nombre et saisissez-le en euros.`,
    messageEn: `Cell ${cell}${en} shows ${text}: a time or a duration is not an amount, it is not counted. If it is an amount, give the cell the Number format and type it in euros.`,
  };
}

/** A text where an amount is expected: not counted, and said (the reader raises it too, for a line's other columns). */
export function textIssue(sheet: string, cell: string, label: string, text: string): ReadIssue {
  if (isShownNumber(text)) return shownNumberIssue(sheet, cell, label, text);
  return {
    sheet,
    cell,
    code: "text_not_a_number",
    message: `La cellule ${cell}${label ? ` (« ${label} »)` : ""} contient « ${text} », qui n'est pas un montant : elle n'est pas comptée. Saisissez un nombre si c'est un montant.`,
    messageEn: `Cell ${cell}${label ? ` (“${label}”)` : ""} holds “${text}”, which is not an amount: it is not counted. Type a number if it is an amount.`,
  };
}

/** A VRAI / FAUX where an amount is expected, said in each language's own words. */
function booleanIssue(sheet: string, cell: string, label: string, value: boolean): ReadIssue {
  return { ...textIssue(sheet, cell, label, value ? "VRAI" : "FAUX"), messageEn: textIssue(sheet, cell, label, value ? "TRUE" : "FALSE").messageEn };
}

function uncachedIssue(sheet: string, cell: string, label: string): ReadIssue {
  return {
    sheet,
    cell,
    code: "formula_without_value",
    message: `La cellule ${cell}${label ? ` (« ${label} »)` : ""} contient une formule dont le résultat n'est pas enregistré dans le fichier : ce montant n'est pas compté. Ouvrez le classeur dans Excel ou LibreOffice, enregistrez-le (les formules sont alors calculées), puis relancez l'analyse.`,
    messageEn: `Cell ${cell}${label ? ` (“${label}”)` : ""} holds a formula whose result is not saved in the file: this amount is not counted. Open the workbook in Excel or LibreOffice, save it (which calculates the formulas), then run the analysis again.`,
  };
}

function dateIssue(sheet: string, cell: string, label: string, value: string): ReadIssue {
  return {
    sheet,
    cell,
    code: "date_not_an_amount",
    message: `La cellule ${cell}${label ? ` (« ${label} »)` : ""} contient une date (${value}), pas un montant : elle n'est pas comptée. Si c'est un montant, donnez-lui un format de nombre dans le classeur.`,
    messageEn: `Cell ${cell}${label ? ` (“${label}”)` : ""} holds a date (${value}), not an amount: it is not counted. If it is an amount, give it a number format in the workbook.`,
  };
}

function manyIssue(sheet: string, cells: string[]): ReadIssue {
  const first = cells.slice(0, 5).join(", ");
  return {
    sheet,
    cell: cells[0] ?? null,
    code: "formula_without_value",
    message: `La feuille « ${sheet} » contient ${cells.length} formule(s) dont le résultat n'est pas enregistré dans le fichier (${first}${cells.length > 5 ? "…" : ""}) : elles ne sont pas lues. Ouvrez le classeur dans Excel ou LibreOffice, enregistrez-le, puis relancez l'analyse.`,
    messageEn: `The sheet “${sheet}” holds ${cells.length} formula(s) whose result is not saved in the file (${first}${cells.length > 5 ? "…" : ""}): they are not read. Open the workbook in Excel or LibreOffice, save it, then run the analysis again.`,
  };
}
