// « Dont … » rows: the detail of the row above them. « Recettes du loto 2 005 » over « Dont Buvette 328 », « Dont
// Cartons 1 471 », « Dont Jambon 98 », « Dont Bourriche 108 »: the detail adds up to the row, so the « dont » rows are
// the lines (the mix of the produits is in them) and the row above is their subtotal. « Subventions 10 000, dont Région
// 4 000 » details only a part: the row stays the line and the « dont » row is not counted a second time, said in an
// issue. A « dont » row with no row above it to detail (a list of « Dont … » rows alone) is a line like any other.
import { amountFromCellValue, formatEuros } from "../engine/money.ts";
import type { Section } from "../engine/types.ts";
import type { ReadIssue, SkippedRow } from "./budget.ts";
import { cellAddress, type CellValue } from "./snapshot.ts";

/** A label that opens with « dont » (« Dont Buvette », « - dont Région », « (dont TVA) »). */
export function isDetailLabel(label: string): boolean {
  return /^[(\-–•\s]*dont\b/i.test(label);
}

export interface DetailRow {
  row: number;
  label: string;
  labelCol: number;
  account: string | null;
  section: Section | null;
  cells: { col: number; value: CellValue; formula?: string }[];
  chapter: string | null;
  chapterRow: number;
  /** For a « dont » row: the row just above its run of « dont » rows, the row it may detail (null when none). */
  detailOf?: number | null;
}

const centsIn = (r: DetailRow, col: number): number | null => {
  const v = r.cells.find((c) => c.col === col)?.value ?? null;
  return v === null || v === "" ? null : amountFromCellValue(v);
};

/** The two rows are on the same side of the chart when both carry an account: a 706 does not detail a 625. */
const sameClass = (a: string | null, b: string | null): boolean => a === null || b === null || a[0] === b[0];

/** A Type cell (« Dépense » above « Dont Buvette | Recette ») or a heading that puts the two rows on two sides. */
const sameSide = (a: Section | null, b: Section | null): boolean => a === null || b === null || a === b;

/** A cell that holds something other than an amount: an error, a word. */
const isUnreadable = (v: CellValue): boolean => v !== null && v !== "" && amountFromCellValue(v) === null;

/**
 * Resolves the « dont » rows among the rows read: a run that adds up to the row above makes that row a subtotal
 * (skipped, its children become the lines, under it as their chapter); a run that is a part of a larger row above is
 * skipped as `breakdown` with an issue; any other run stays lines. Returns the rows that remain lines.
 */
export function resolveDetailRows<T extends DetailRow>(rows: T[], skipped: SkippedRow[], issues: ReadIssue[], sheet: string): T[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const runs = new Map<number, T[]>();
  for (const r of rows) {
    if (r.detailOf === undefined || r.detailOf === null) continue;
    const run = runs.get(r.detailOf) ?? [];
    run.push(r);
    runs.set(r.detailOf, run);
  }
  const drop = new Set<number>();
  const skip = (run: T[]) => {
    for (const d of run) {
      drop.add(d.row);
      skipped.push({ sheet, row: d.row, cell: cellAddress(d.row, d.labelCol), label: d.label, why: "breakdown" });
    }
  };
  for (const [parentRow, run] of runs) {
    const parent = byRow.get(parentRow);
    if (!parent || !run.every((d) => sameClass(parent.account, d.account) && sameSide(parent.section, d.section))) continue;
    const cols = [...new Set(run.flatMap((d) => d.cells.filter((c) => centsIn(d, c.col) !== null).map((c) => c.col)))];
    if (cols.length === 0) continue;
    const sums = cols.map((col) => run.reduce((s, d) => s + (centsIn(d, col) ?? 0), 0));
    const own = cols.map((col) => centsIn(parent, col));
    if (own.some((c) => c === null)) {
      // « #REF! » above its « dont » rows: what it details cannot be told, and its detail is never counted in its place.
      if (cols.some((col) => isUnreadable(parent.cells.find((c) => c.col === col)?.value ?? null))) skip(run);
      continue;
    }
    if (own.every((c, i) => c === sums[i])) {
      // The detail is the whole: the « dont » rows are the lines, the row above their subtotal.
      drop.add(parent.row);
      skipped.push({ sheet, row: parent.row, cell: cellAddress(parent.row, parent.labelCol), label: parent.label, why: "subtotal" });
      for (const d of run) if (d.chapterRow <= parent.row) {
        d.chapter = parent.label;
        d.chapterRow = parent.row;
      }
      continue;
    }
    // A part of the row above (all its amounts at least the detail's): the row is the line, its detail is not counted.
    if (!own.every((c, i) => Math.abs(c!) >= Math.abs(sums[i]!))) continue;
    skip(run);
    issues.push(partialDetailIssue(sheet, parent, run, own[0]!, sums[0]!));
  }
  return rows.filter((r) => !drop.has(r.row));
}

function partialDetailIssue(sheet: string, parent: DetailRow, run: DetailRow[], whole: number, part: number): ReadIssue {
  const cell = cellAddress(parent.row, parent.labelCol);
  const cells = run.map((d) => cellAddress(d.row, d.labelCol)).join(", ");
  const n = run.length;
  return {
    sheet,
    cell,
    code: "partial_detail",
    message: `La ligne « ${parent.label} » (${cell}, ${formatEuros(whole, "fr")}) est détaillée par ${n === 1 ? "une ligne « dont »" : `${n} lignes « dont »`} (${cells}) qui n'en ${n === 1 ? "fait" : "font"} qu'une partie (${formatEuros(part, "fr")}) : Équilibre compte « ${parent.label} » en entier et ne compte pas ce détail une seconde fois.`,
    messageEn: `The line “${parent.label}” (${cell}, ${formatEuros(whole, "en")}) is detailed by ${n === 1 ? "one “of which” row" : `${n} “of which” rows`} (${cells}) that make only part of it (${formatEuros(part, "en")}): Équilibre counts “${parent.label}” in full and does not count that detail a second time.`,
  };
}
