// Column profiling: which columns hold labels, accounts and amounts, and how they group into tables.
import { parseAmountText } from "../engine/money.ts";
import { normalizeText } from "../engine/text.ts";
import { isShownNumber } from "./cellValues.ts";
import { isMonthHeader } from "./sections.ts";
import { isCellError, type CellValue, type SheetGrid } from "./snapshot.ts";

export type CellKind = "empty" | "text" | "amount" | "account" | "error" | "date";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T.*)?$/;
const FR_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;
const ACCOUNT_TEXT = /^[1-8]\d{1,9}$/;

export function cellKind(value: CellValue): CellKind {
  if (value === null || value === "") return "empty";
  if (isCellError(value)) return "error";
  if (typeof value === "number") return Number.isFinite(value) ? "amount" : "error";
  if (typeof value === "boolean") return "text";
  const s = value.trim();
  if (s === "") return "empty";
  if (ISO_DATE.test(s) || FR_DATE.test(s)) return "date";
  if (ACCOUNT_TEXT.test(s)) return "account";
  return parseAmountText(s) !== null ? "amount" : "text";
}

/**
 * A text with figures that is not a column title: « Budget 2026 », « 2025-2026 », « N+1 » name a column; a
 * text whose figures are not all years is an amount with words around it.
 */
export function amountInWords(text: string): boolean {
  if (!/\d/.test(text) || /\bN\s*[-+]\s*\d\b/i.test(text)) return false;
  return digitRuns(text, (start, length) => !isYearRun(text, start, length));
}

/**
 * Whether some run of digits of `text` (as /\d+/g cuts them) passes `test`, given its start and length: walked in
 * place, with no string per run (asked of every label of a sheet, a trial balance's 20,000 ones all numbered).
 */
function digitRuns(text: string, test: (start: number, length: number) => boolean): boolean {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (test(start, i - start)) return true;
      start = -1;
    }
  }
  return false;
}

/** A run of four digits 19xx or 20xx (what /^(19|20)\d\d$/ says of a run). */
function isYearRun(text: string, start: number, length: number): boolean {
  if (length !== 4) return false;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  return (a === 49 && b === 57) || (a === 50 && b === 48);
}

/**
 * An amount typed with words that says money (« 1 200 € HT », « env. 800 », « 3 000 € acquis »): a figure of three
 * digits or more that is no year, or a figure against a euro sign. A column title's small numbers (« Action 1 »,
 * « Réalisé 2025-26 », « Exercice clos le 30/09/2008 », « Budget 2025-26 (€) ») are not.
 */
export function moneyInWords(text: string): boolean {
  if (!amountInWords(text)) return false;
  if (digitRuns(text, (start, length) => length >= 3 && !isYearRun(text, start, length))) return true;
  return /\d\s?€|€\s?\d/.test(text);
}

export interface ColumnProfile {
  col: number;
  text: number;
  amount: number;
  account: number;
  error: number;
  date: number;
  /** Integers that could be account numbers (6061, 741100) typed as numbers. */
  accountLikeNumbers: number;
  /** Texts that are amounts with words around them (« 1 200 € HT », « env. 800 »): counted in `text` too. */
  amountsInWords: number;
  /** Cells holding a lone « + » (counted in `text`) or « - » / « − » (counted as a nil amount): a Type column's signs. */
  plus: number;
  minus: number;
  total: number;
  /** Whole numbers one more than the whole number above them (« N° pièce » 1, 2, 3…), and the column's first one. */
  sequential: number;
  /** Numbers the host read through a percentage or time format (« 12.5% », « 1:30 »): never money, never labels. */
  shown: number;
  /** Texts that are a currency's code or sign alone (« CHF », « EUR », « € »): a unit column, never the labels. */
  currency: number;
  firstWhole: number | null;
  lastWhole: number | null;
}

export function profileColumns(grid: SheetGrid, rows: number[]): Map<number, ColumnProfile> {
  const out = new Map<number, ColumnProfile>();
  for (const r of rows) {
    for (const cell of grid.rowCells(r)) {
      let p = out.get(cell.col);
      if (!p) {
        p = { col: cell.col, text: 0, amount: 0, account: 0, error: 0, date: 0, accountLikeNumbers: 0, amountsInWords: 0, plus: 0, minus: 0, total: 0, sequential: 0, shown: 0, currency: 0, firstWhole: null, lastWhole: null };
        out.set(cell.col, p);
      }
      const kind = cellKind(cell.value);
      if (kind === "empty") continue;
      p.total++;
      if (typeof cell.value === "string" && cell.value.length <= 3) {
        const sign = cell.value.trim();
        if (sign === "+") p.plus++;
        else if (sign === "-" || sign === "−" || sign === "–") p.minus++;
      }
      const whole = kind === "amount" || kind === "account" ? Number(cell.value) : NaN;
      if (Number.isInteger(whole)) {
        if (p.lastWhole !== null && whole === p.lastWhole + 1) p.sequential++;
        p.firstWhole ??= whole;
        p.lastWhole = whole;
      }
      if (kind === "text" && isShownNumber(cell.value)) p.shown++;
      else if (kind === "text") {
        p.text++;
        if (typeof cell.value === "string" && CURRENCY_CODE.test(cell.value)) p.currency++;
        if (typeof cell.value === "string" && moneyInWords(cell.value)) p.amountsInWords++;
      } else if (kind === "amount") {
        p.amount++;
        if (typeof cell.value === "number" && Number.isInteger(cell.value) && ACCOUNT_TEXT.test(String(cell.value))) p.accountLikeNumbers++;
      } else if (kind === "account") p.account++;
      else if (kind === "error") p.error++;
      else if (kind === "date") p.date++;
    }
  }
  return out;
}

/** A currency named alone in a cell: its ISO code or its sign. */
const CURRENCY_CODE = /^\s*(EUR|CHF|USD|GBP|CAD|XOF|XAF|FCFA|MAD|TND|DZD|BEF|FRF|€|\$|£|CAD \$|\$ CA)\s*$/i;

/** The letter N of a year in a column title (« N », « N-1 », « Réalisé N+1 »), not « N° » nor « No ». */
const YEAR_LETTER = /(?<![\p{L}\d])N(\s*[-+]\s*\d)?(?![\p{L}\d°º])/u;
/** Whether a column title names a year by its letter (« N-1 | N »): money, as « 2024 | 2025 » is. */
export const namesYearByLetter = (title: string | null | undefined): boolean => YEAR_LETTER.test(title ?? "");
const ACCOUNT_HEADER = /\b(compte|comptes|cpte|n|no|numero|num|account|code|imputation)\b/;
/** « Comptes 2012 », « Compte N-1 »: the accounts of a year are its figures (money), not account numbers. */
const YEAR_IN_TITLE = /\b(18|19|20)\d{2}\b/;
const NUMBER_WORD = /\b(cpte|n|no|numero|num|code|imputation)\b/;
const accountsOfAYear = (header: string, yearLetter: boolean): boolean =>
  /\bcomptes?\b/.test(header) && (yearLetter || YEAR_IN_TITLE.test(header)) && !NUMBER_WORD.test(header);
const DEBIT_HEADER = /\b(debit|debits|depenses?|sorties?|charges?|expenses?|expenditures?|payments)\b/;
const CREDIT_HEADER = /\b(credit|credits|recettes?|entrees?|produits?|income|receipts)\b/;

/** A header that names money: a column under it holding a single amount is still an amount column (a one-line budget). */
const AMOUNT_HEADER = /\b(montant|montants|budget|realise|previsionnel|prevu|euros?|eur|total|solde|exercice|annee|(18|19|20)\d{2}|francs|frs|ff|(propose|sollicite|demande|vote|accorde|alloue|attribue|obtenu)e?s?|amount|amounts|actual|actuals|budgeted|forecast|projected|estimated)\b|€/;

/** Words of the other column titles a table repeats: the labels, the section words, derived and comment columns. */
const OTHER_TITLE = /\b(montants|budgets|realises|previsionnels?|prevus|previsions?|totaux|soldes|ressources?|emplois?|ecarts?|variations?|reels?|objectifs?|commentaires?|observations?|remarques?|notes?|libelles?|postes?|amount|actual|forecast)\b/;

/** True when a text (normalized) is a column's title (« Montant », « Dépenses », « Réalisé », « Libellé »), typed again mid-table. */
export function isColumnTitle(normalized: string): boolean {
  return AMOUNT_HEADER.test(normalized) || DEBIT_HEADER.test(normalized) || CREDIT_HEADER.test(normalized) || OTHER_TITLE.test(normalized);
}

export type ColumnRole = "label" | "account" | "amount" | "date" | "other";

/** « N° pièce », « N° de facture », « Chèque n° », « N° d'ordre »: the number of a voucher or of the line, not an account. */
const PIECE_HEADER = /\b(pieces?|pj|justificatifs?|factures?|recus?|cheques?|ordre|ligne|lignes|item|voucher|invoice|receipt)\b/;

/**
 * A column that numbers the rows or their vouchers (a cash book's « N° pièce » 1, 2, 3…): never an account nor
 * money. Its numbers 10 to 19 were read as class-1 accounts (balance sheet, the line dropped) and 60 to 79 as
 * charges and produits whatever the row said. A chart's accounts never run 1, 2, 3 from 1.
 */
function numbersTheRows(p: ColumnProfile, header: string): boolean {
  if (PIECE_HEADER.test(header)) return true;
  const wholes = p.sequential + 1;
  return p.firstWhole !== null && p.firstWhole <= 1 && p.sequential >= 3 && p.sequential >= 0.8 * (p.amount + p.account) && wholes >= 0.8 * (p.total - 1);
}

/** The role of each column with data, from its profile and its header words. */
export function columnRoles(profiles: Map<number, ColumnProfile>, headerOf: (col: number) => string | null, sheetNamesASide = false): Map<number, ColumnRole> {
  const roles = new Map<number, ColumnRole>();
  const cols = [...profiles.keys()].sort((a, b) => a - b);
  // A table of one line (« Subvention de la Ville | 3 000 | 9 000 » under « Proposé (F) | Sollicité (F) »): each
  // titled column's one number is that line's amount, whatever its title says (a quantity is left out later).
  const oneRow = cols.every((c) => profiles.get(c)!.amount + profiles.get(c)!.error <= 1);
  // « Code postal », « Téléphone », « N° », « Âge » title numbers that are no money, one line or many.
  const notMoney = (header: string) => /\b(code postal|cp|telephone|tel|portable|numero|num|no|n|siret|siren|rna|age|annee de naissance|rang|note|taille|poids|page|ref|reference)\b/.test(header);
  const besideAmounts = (col: number) => roles.get(col - 1) === "amount" && (profiles.get(col - 1)?.amount ?? 0) >= 2 && (headerOf(col - 1) ?? "") !== "";
  for (const col of cols) {
    const p = profiles.get(col)!;
    const raw = headerOf(col) ?? "";
    // « N-1 | N », « Réalisé N-1 », « Budget N+1 »: the letter N is the year, a money column's title, never « N° ».
    const yearLetter = YEAR_LETTER.test(raw);
    const header = normalizeText(yearLetter ? raw.replace(new RegExp(YEAR_LETTER.source, "gu"), " ") : raw);
    const yearAccounts = accountsOfAYear(header, yearLetter);
    const amountHeader = yearLetter || yearAccounts || AMOUNT_HEADER.test(header);
    // Under a money header (« Montant », « Budget 2026 », « Comptes 2012 »), figures typed as text (« 1000 », a
    // column formatted « Texte » or imported from a CSV) are amounts, not account numbers.
    const moneyHeader = amountHeader && (yearAccounts || !ACCOUNT_HEADER.test(header));
    const numeric = p.amount + p.error + (moneyHeader ? p.account : 0);
    // « + | − » on every row (a cash book's Type column, the sign of each row): labels that say the side, no nil amounts.
    if (p.plus >= 1 && p.plus + p.minus >= 2 && p.plus + p.minus >= p.total - 1) roles.set(col, "label");
    // « Monnaie | CHF, CHF, CHF… » beside the amounts: the unit of each row, not its label (the labels were lost).
    else if (p.currency >= 2 && p.currency >= 0.6 * (p.total - 1)) roles.set(col, "other");
    else if (!amountHeader && p.text <= 1 && numbersTheRows(p, header)) roles.set(col, "other");
    // « 2018 | % | 2017 | % », the shares formatted as percentages: a column of figures derived from the amounts. As
    // labels they cut the table in two, and the second year's amounts were read as a table of their own, or lost.
    else if (p.shown >= 2 && p.shown >= 0.6 * (p.total - 1) && p.shown > p.amount) roles.set(col, "other");
    else if (p.date >= 2 && p.date >= numeric && p.date >= p.text) roles.set(col, "date");
    else if (!moneyHeader && p.account >= 2 && p.account >= 0.6 * (p.total - 1) && p.account >= numeric) roles.set(col, "account");
    else if (ACCOUNT_HEADER.test(header) && !yearAccounts && !DEBIT_HEADER.test(header) && !CREDIT_HEADER.test(header) && p.accountLikeNumbers + p.account >= 0.6 * (p.total - 1)) {
      roles.set(col, "account");
    // A single number is an amount when its header says money or a side (« Recettes » over the one produit of a
    // journal of expenses); under no such header it is left out, and said beside its line (loneNumbers.ts).
    // A sheet « Ressources » of one row « Cotisations | 500 »: its name titles the number as a header would.
  // « Asso A | Asso B | Asso C », one column per partner: the third one's single number, titled beside a column of
    // amounts, is that partner's share as the others are (it was dropped, its row read as a heading).
    } else if ((numeric >= 2 || (numeric === 1 && p.text <= 1 && (amountHeader || DEBIT_HEADER.test(header) || CREDIT_HEADER.test(header) || ((oneRow || besideAmounts(col)) && header !== "" && !notMoney(header)) || (oneRow && header === "" && sheetNamesASide)))) && numeric >= p.text) roles.set(col, "amount");
    // Under a money header (« Montant »), amounts typed with words (« 1 200 € HT ») are amounts to name by their
    // cell, not labels: when they are most of the column, the numbers beside them are still read.
    else if (amountHeader && numeric >= 1 && numeric + p.amountsInWords >= 2 && numeric + p.amountsInWords > p.text - p.amountsInWords) roles.set(col, "amount");
    // « Mars » with a single amount among months with several: a month of the budget, as the others are.
    else if (isMonthHeader(headerOf(col)) && numeric >= 1 && numeric >= p.text) roles.set(col, "amount");
    else if (p.text >= 1 && p.text > numeric) roles.set(col, "label");
    else roles.set(col, "other");
  }
  return roles;
}

export interface TableBlock {
  labelCols: number[];
  accountCol: number | null;
  dateCol: number | null;
  amountCols: number[];
}

/** Groups columns left to right: [date] [account] label(s) [account] amount… ; a label after amounts starts a new table. */
export function segmentBlocks(roles: Map<number, ColumnRole>): TableBlock[] {
  const blocks: TableBlock[] = [];
  let current: TableBlock | null = null;
  let pendingAccount: number | null = null;
  let pendingDate: number | null = null;
  for (const col of [...roles.keys()].sort((a, b) => a - b)) {
    const role = roles.get(col)!;
    if (role === "label") {
      if (current && current.amountCols.length === 0) {
        current.labelCols.push(col);
      } else {
        current = { labelCols: [col], accountCol: pendingAccount, dateCol: pendingDate, amountCols: [] };
        blocks.push(current);
      }
      pendingAccount = null;
      pendingDate = null;
    } else if (role === "account") {
      if (current && current.amountCols.length === 0 && current.accountCol === null) current.accountCol = col;
      else pendingAccount = col;
    } else if (role === "date") {
      pendingDate = col;
    } else if (role === "amount") {
      if (current) current.amountCols.push(col);
    }
  }
  return blocks.filter((b) => b.amountCols.length > 0);
}
