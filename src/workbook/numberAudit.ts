// Every number accounted for (issue 11: « reading that never drops money silently »). After a read, each number of a
// visible budget sheet (and each text that reads as an amount) must be explained: carried by a line, on a row the
// reader skipped with its reason (a subtotal, a total, a header…), named by an issue, or evidently not money (a year
// in a header, an account number, a quantity, a %, a row number). What is left is a silent drop: the audit lists it
// by kind, so that a kind of failure is found on any workbook, not one example at a time.
import { EquilibreError } from "../engine/errors.ts";
import { defaultParameters } from "../engine/parameters.ts";
import { parseAmountText } from "../engine/money.ts";
import { normalizeText } from "../engine/text.ts";
import type { DetectedBudget, ReadResult } from "./budget.ts";
import { cellKind } from "./columns.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import { headerKind, isMonthHeader } from "./sections.ts";
import { cellAddress, parseAddress, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";

export type Accounted = "line" | "skipped" | "issue" | "sheet_issue" | "not_money";

export interface UnaccountedNumber {
  sheet: string;
  cell: string;
  value: CellValue;
  /** The header above the number's column, as written (null when there is none). */
  header: string | null;
  /** The row's label (the budget's label column, else the row's first text). */
  label: string;
  /** The layout of the budget whose rows hold the number; "none" when no budget covers it. */
  layout: string;
  /** Where it stands: in an amount column of a budget, beside one, above or below its table, on a sheet with none. */
  where: "amount_column" | "other_column" | "above_table" | "below_table" | "no_budget" | "hidden_sheet";
}

/** Issues about a whole column that explain all its numbers (its cell is the column's first). */
const COLUMN_ISSUES: ReadonlySet<string> = new Set(["hidden_columns"]);

/** Issues about a whole sheet that explain all its numbers: the reader says why the sheet is not read. */
const SHEET_ISSUES = new Set(["summary_sheet", "pivot_table", "hidden_sheet_amounts", "section_not_read"]);

/**
 * Why a number is evidently not money, in one place (null: it may be money). Each rule says what a treasurer writes
 * there; anything else must be carried by a line or said.
 */
export function notMoneyReason(value: CellValue, header: string | null, col: number, headerRow: boolean, budget: DetectedBudget | undefined): string | null {
  // The account column of a budget: « 6061 », « 706 » are account numbers.
  if (budget && budget.accountCol === col) return "account";
  // A year in a header row (« 2024 », over the column it names): never on a row that may hold a line.
  if (headerRow && isYear(value)) return "year";
  // Quantities, unit prices, hours, %, differences, a total across columns: the reader multiplies or derives them.
  const kind = headerKind(header);
  if (kind === "quantity" || kind === "derived") return kind;
  // A row or page number (« N° », « # », « Réf. », « Page »).
  if (header && /^(n|no|n o|num|numero|numeros|#|rang|ligne|ref|reference|page|pieces?|ordre)$/.test(normalizeText(header) || header.trim())) return "row_number";
  return null;
}

const isYear = (v: CellValue): boolean => typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2100;

/**
 * A row that names columns, not a row of amounts: above the first line read on its sheet (« Poste | 2024 | 2025 »
 * over the lines), or, where no line is, a row whose numbers are all years and at least two (« 2023 | 2024 »). A
 * lone « 2000 » beside a label on a sheet with no line may be 2 000 € not read: it is reported.
 */
function isHeaderRow(row: SheetSnapshot["rows"][number], firstLineRow: number): boolean {
  if (row.index < firstLineRow) return true;
  const numbers = row.cells.filter((c) => cellKind(c.value) === "amount");
  return numbers.length >= 2 && numbers.every((c) => isYear(c.value));
}

/** Each number of the workbook's visible budget sheets that nothing accounts for. */
export function unaccountedNumbers(snapshot: WorkbookSnapshot, result: ReadResult, tally?: Map<string, number>): UnaccountedNumber[] {
  const own = new Set(snapshot.ownSheets ?? []);
  const out: UnaccountedNumber[] = [];
  for (const sheet of snapshot.sheets) {
    if (own.has(sheet.name)) continue;
    const count = (why: string) => tally?.set(why, (tally.get(why) ?? 0) + 1);
    if (sheet.visibility !== "visible") {
      out.push(...unsaidOnHiddenSheet(sheet, result, count));
      continue;
    }
    if (result.issues.some((i) => i.sheet === sheet.name && i.cell === null && SHEET_ISSUES.has(i.code))) {
      for (const r of sheet.rows) for (const c of r.cells) if (cellKind(c.value) === "amount") count("sheet_issue");
      continue;
    }
    out.push(...unaccountedOnSheet(sheet, result, count));
  }
  return out;
}

/**
 * A hidden sheet is not read: its amounts must be said (hidden_sheet_amounts). A number with no label before it on
 * its row (a rate table, a lookup list) is no budget line.
 */
function unsaidOnHiddenSheet(sheet: SheetSnapshot, result: ReadResult, count: Count): UnaccountedNumber[] {
  const said = result.issues.some((i) => i.sheet === sheet.name);
  const out: UnaccountedNumber[] = [];
  for (const row of sheet.rows) {
    const label = row.cells.find((c) => typeof c.value === "string" && cellKind(c.value) === "text" && /\p{L}/u.test(c.value));
    for (const c of row.cells) {
      if (cellKind(c.value) !== "amount" || centsOf(c.value) === 0) continue;
      if (said) count("sheet_issue");
      else if (!label || label.col > c.col) count("not_money:no_label");
      else out.push({ sheet: sheet.name, cell: cellAddress(row.index, c.col), value: c.value, header: headerAbove(sheet, row.index, c.col, undefined), label: String(label.value).trim(), layout: "none", where: "hidden_sheet" });
    }
  }
  return out;
}

/** Counts, by reason, the numbers accounted for (for the audit's figures). */
type Count = (why: string) => void;

function unaccountedOnSheet(sheet: SheetSnapshot, result: ReadResult, count: Count): UnaccountedNumber[] {
  const name = sheet.name;
  const lines = result.lines.filter((l) => l.sheet === name);
  const carried = new Set(lines.map((l) => l.amountCell).filter((c): c is string => Boolean(c)));
  const lineRows = new Set(lines.map((l) => l.row));
  const firstLineRow = lines.length === 0 ? 0 : lines.reduce((m, l) => Math.min(m, l.row), Infinity);
  const skippedRows = new Map(result.skipped.filter((s) => s.sheet === name).map((s) => [s.row, s.why]));
  const named = new Set<string>();
  // An issue about a whole column (a hidden working column) names every cell of it.
  const namedColumns = new Set<string>();
  for (const i of result.issues) {
    if (i.sheet !== name) continue;
    if (i.cell && COLUMN_ISSUES.has(i.code)) namedColumns.add(i.cell.replace(/\d+$/, ""));
    if (i.cell) named.add(i.cell);
    // An issue that lists several cells in its sentence (« C4, C5, C6… ») names each of them.
    for (const m of i.message.matchAll(/\b[A-Z]{1,3}[1-9]\d*\b/g)) named.add(m[0]);
  }
  const budgets = result.budgets.filter((b) => b.sheet === name);
  const out: UnaccountedNumber[] = [];
  for (const row of sheet.rows) {
    const left: Left[] = [];
    for (const c of row.cells) {
      if (cellKind(c.value) !== "amount") continue;
      const ref = cellAddress(row.index, c.col);
      const why = carried.has(ref) ? "line" : skippedRows.has(row.index) ? `skipped:${skippedRows.get(row.index)}` : named.has(ref) || namedColumns.has(ref.replace(/\d+$/, "")) ? "issue" : null;
      if (why) {
        count(why);
        continue;
      }
      const cents = centsOf(c.value);
      // A zero drops nothing: it weighs nothing in any total.
      if (cents === 0) {
        count("zero");
        continue;
      }
      const budget = budgetOf(budgets, row.index, c.col);
      const header = headerAbove(sheet, row.index, c.col, budget);
      const notMoney = notMoneyReason(c.value, header, c.col, !lineRows.has(row.index) && isHeaderRow(row, firstLineRow), budget);
      if (notMoney !== null) {
        count(`not_money:${notMoney}`);
        continue;
      }
      const u: UnaccountedNumber = { sheet: name, cell: ref, value: c.value, header, label: labelOf(sheet, row.index, budget), layout: budget?.layout ?? "none", where: whereOf(budgets, budget, row.index, c.col) };
      left.push({ u, cents, role: budget?.columns.find((k) => k.col === c.col)?.role, table: budget?.range ?? null });
    }
    const amounts = lines.filter((l) => l.row === row.index && l.amount.kind === "value").map((l) => (l.amount.kind === "value" ? l.amount.cents : 0));
    for (const x of left) {
      if (partOfALine(x, left, amounts)) count(isMonthHeader(x.u.header) ? "part:month" : sideOf(x) === 0 ? "part:action" : "part:movement");
      else out.push(x.u);
    }
  }
  return out;
}

/**
 * The parts of an amount a line carries, on its own row: twelve months beside the « Total » the line reads (they add
 * up to it, give or take a cent a month), or the debit and credit of a trial balance whose « Solde » it reads.
 */
interface Left {
  u: UnaccountedNumber;
  cents: number;
  role: string | undefined;
  /** The table the number sits in (the two halves of a side-by-side form share their rows). */
  table: string | null;
}

/** A debit (1), a credit (−1), or neither (0): how a number of a trial balance's row adds to its « Solde ». */
const sideOf = (y: Left): number => (y.role === "debit" || headerKind(y.u.header) === "debit" ? 1 : y.role === "credit" || headerKind(y.u.header) === "credit" ? -1 : 0);

function partOfALine(x: Left, row: readonly Left[], amounts: readonly number[]): boolean {
  if (amounts.length === 0) return false;
  if (isMonthHeader(x.u.header)) {
    const months = row.filter((y) => isMonthHeader(y.u.header));
    const sum = months.reduce((s, y) => s + y.cents, 0);
    return amounts.some((a) => Math.abs(Math.abs(a) - Math.abs(sum)) <= months.length);
  }
  const side = sideOf;
  if (side(x) === 0) {
    // « Action A | Action B | Total »: the actions beside the total the line reads add up to it (partsOfTotal.ts).
    const parts = row.filter((y) => side(y) === 0 && y.table === x.table);
    const sum = parts.reduce((s, y) => s + y.cents, 0);
    const plausible = parts.length >= 2 || headerKind(x.u.header) === "other";
    return plausible && amounts.some((a) => Math.abs(Math.abs(a) - Math.abs(sum)) <= parts.length);
  }
  const net = row.reduce((s, y) => s + side(y) * y.cents, 0);
  return amounts.some((a) => Math.abs(a) === Math.abs(net));
}

function centsOf(v: CellValue): number {
  if (typeof v === "number") return Math.round(v * 100);
  const n = typeof v === "string" ? parseAmountText(v.trim()) : null;
  return n ?? NaN;
}

function rangeRows(range: string): { from: number; to: number; fromCol: number; toCol: number } | null {
  const [a, b] = range.split(":");
  const from = parseAddress(a ?? "");
  const to = parseAddress(b ?? a ?? "");
  return from && to ? { from: from.row, to: to.row, fromCol: from.col, toCol: to.col } : null;
}

/** The budget whose table holds the cell: its rows, and its columns when several budgets share the rows. */
function budgetOf(budgets: readonly DetectedBudget[], row: number, col: number): DetectedBudget | undefined {
  const onRows = budgets.filter((b) => {
    const r = rangeRows(b.range);
    return r !== null && row >= r.from && row <= r.to;
  });
  return onRows.find((b) => b.columns.some((k) => k.col === col) || b.labelCol === col || b.accountCol === col) ?? onRows.find((b) => {
    const r = rangeRows(b.range)!;
    return col >= r.fromCol && col <= r.toCol;
  }) ?? onRows[0];
}

function whereOf(budgets: readonly DetectedBudget[], budget: DetectedBudget | undefined, row: number, col: number): UnaccountedNumber["where"] {
  if (budget) return budget.columns.some((k) => k.col === col) ? "amount_column" : "other_column";
  if (budgets.length === 0) return "no_budget";
  const first = Math.min(...budgets.map((b) => rangeRows(b.range)?.from ?? Infinity));
  return row < first ? "above_table" : "below_table";
}

/** The column's header: the budget's own name for it, else the nearest text above the cell in its column. */
function headerAbove(sheet: SheetSnapshot, row: number, col: number, budget: DetectedBudget | undefined): string | null {
  const known = budget?.columns.find((k) => k.col === col);
  if (known) return known.header;
  for (let i = sheet.rows.length - 1; i >= 0; i--) {
    const r = sheet.rows[i]!;
    if (r.index >= row) continue;
    const v = r.cells.find((c) => c.col === col)?.value;
    if (typeof v === "string" && cellKind(v) === "text") return v.trim();
  }
  return null;
}

function labelOf(sheet: SheetSnapshot, row: number, budget: DetectedBudget | undefined): string {
  const cells = sheet.rows.find((r) => r.index === row)?.cells ?? [];
  const own = budget ? cells.find((c) => c.col === budget.labelCol)?.value : undefined;
  if (typeof own === "string" && own.trim()) return own.trim();
  const first = cells.find((c) => typeof c.value === "string" && cellKind(c.value) === "text");
  return typeof first?.value === "string" ? first.value.trim() : "";
}

/** A short name for a kind of unexplained number: where it stands, the layout, and what its column's header says. */
export function kindOf(u: UnaccountedNumber): string {
  const header = u.header === null ? "(sans en-tête)" : isMonthHeader(u.header) ? "(mois)" : headerKind(u.header) === "period" ? "(période)" : headerKind(u.header);
  return `${u.where} · ${u.layout} · ${header}`;
}

/** What the audit finds on one workbook: the numbers nothing accounts for, or the refusal the user gets instead. */
export interface WorkbookAudit {
  unaccounted: UnaccountedNumber[];
  /** The command refuses the workbook (« aucun budget trouvé », exit 2/3): the user is told nothing was read. */
  refused: string | null;
}

/**
 * Reads the snapshot as every host does (the pipeline: reading, then the signs of the lines) and returns what nothing
 * accounts for. A workbook the pipeline refuses (no budget) is said as a whole: nothing in it is dropped in silence.
 */
export function auditSnapshot(snapshot: WorkbookSnapshot, tally?: Map<string, number>): WorkbookAudit {
  try {
    const run = analyzeSnapshot(snapshot, defaultParameters());
    const result = { budgets: run.budgets, lines: run.lines, skipped: run.skipped, issues: run.issues };
    return { unaccounted: unaccountedNumbers({ ...snapshot, ownSheets: run.ownSheets ?? [] }, result, tally), refused: null };
  } catch (e) {
    if (e instanceof EquilibreError) return { unaccounted: [], refused: e.code };
    throw e;
  }
}
