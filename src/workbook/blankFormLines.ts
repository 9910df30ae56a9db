// A form's lines left blank (« Affiliation Fees », « Equipment », « Training » with no amount, between lines that have
// one, all inside the form's own « Total Payments =SUM(B21:B34) »): each is a line of the form with nothing spent this
// year, not a heading. Taken for one, it filed the lines under it (« Programme resources » as an affiliation fee,
// confidently): a pro forma (a federation's, a Cerfa) lists every line whether used or not.
import { classify, leadingAccount, RECOGNISED_CONFIDENCE } from "../engine/classify.ts";
import type { Section } from "../engine/types.ts";
import { sectionOfBlockHeading } from "./sections.ts";
import { isChapterTitle, writtenAsHeading } from "./subtotals.ts";
import { summedRows } from "./labelledLines.ts";
import type { SheetGrid } from "./snapshot.ts";

/** Whether a row lies strictly inside a range one of the sheet's own SUM formulas adds. */
export type SummedTest = (row: number) => boolean;

/**
 * The rows strictly inside the ranges the sheet's own SUM formulas add in the given amount columns (« =SUM(B21:B34) »
 * covers rows 22 to 33), in one pass over the rows and the ranges (a trial balance has thousands of formulas).
 */
export function summedRanges(grid: SheetGrid, rows: readonly number[], amountCols: readonly number[]): SummedTest {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const r of rows) {
    for (const c of grid.rowCells(r)) {
      if (!c.formula || !amountCols.includes(c.col)) continue;
      for (const { from, to } of summedRows(c.formula, c.col) ?? []) {
        if (to - from >= 2 && (r < from || r > to)) {
          starts.push(from + 1);
          ends.push(to - 1);
        }
      }
    }
  }
  if (starts.length === 0) return () => false;
  // Covered rows as sorted, merged intervals: a binary search per question.
  const spans = starts.map((s, i) => [s, ends[i]!] as const).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return (row) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = merged[mid]!;
      if (row < s) hi = mid - 1;
      else if (row > e) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/**
 * Whether a row with a label and no amount is a blank line of a form: inside a range the sheet's SUM adds, right
 * between two rows with content, written as a line (no capitals, colon, chapter title, section word nor account) and
 * read surely as a line of the block's side by its own words.
 */
export function isBlankFormLine(grid: SheetGrid, row: number, label: string, section: Section | null, summed: SummedTest): boolean {
  if (!label || !summed(row)) return false;
  if (grid.rowCells(row - 1).length === 0 || grid.rowCells(row + 1).length === 0) return false;
  if (writtenAsHeading(label) || isChapterTitle(label) || leadingAccount(label) !== null || sectionOfBlockHeading(label) !== null) return false;
  if (section !== "income" && section !== "expense") return false;
  return classify({ label, account: null, context: { sectionHint: section } }).confidence >= RECOGNISED_CONFIDENCE;
}

/** A label's first word, lower case, accents kept: how a list's rows are told as siblings. */
function firstWord(label: string): string {
  return label.trim().split(/\s+/)[0]!.toLowerCase();
}

/**
 * Whether a row with a label and no amount is a blank line of a list: « in Stripe » with nothing between « in PayPal
 * 200 » and « in Mangopay wallets 270 », « Subvention Région » empty between « Subvention État » and « Subvention
 * Département ». Its first word is that of the lines right above and below it, which have amounts: one of them left
 * blank this year, not a heading (taken for one, it ended the block it sits in and titled the lines after it).
 */
export function isBlankListLine(grid: SheetGrid, row: number, label: string, labelCol: number, amountCols: readonly number[]): boolean {
  if (!label || writtenAsHeading(label) || isChapterTitle(label) || leadingAccount(label) !== null || sectionOfBlockHeading(label) !== null) return false;
  const word = firstWord(label);
  if (word.length < 2 || /\d/.test(word)) return false;
  const sibling = (r: number): boolean => {
    const cells = grid.rowCells(r);
    const text = cells.find((c) => c.col === labelCol)?.value;
    const hasAmount = cells.some((c) => amountCols.includes(c.col) && typeof c.value === "number");
    return hasAmount && typeof text === "string" && firstWord(text) === word;
  };
  return sibling(row - 1) && sibling(row + 1);
}
