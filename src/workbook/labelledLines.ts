// A line whose label reads as a total (« Total ventes 2020 », the only sales line of its block; « Dépenses 2020 »
// alone under « Dépenses »): a row is a total only if it adds up rows of its block. The sheet's own SUM formulas
// say which rows are its lines: a typed amount that a SUM counts, and that adds up none of the rows around it, is
// one of them.
import type { Amount } from "../engine/types.ts";
import { columnNumber, type CellValue, type SheetGrid } from "./snapshot.ts";

/** Whether the typed amount `cents` at (row, col) is a line of the sheet's own sums, not a total of its neighbours. */
export type MemberTest = (row: number, col: number, cents: number) => boolean;

/**
 * Whether a formula reads cells of other rows: « =SUM(B5:B7) » adds rows, a total; « =SUM(B5:M5) », a row's
 * twelve months added across, is that row's own amount.
 */
export function refersToOtherRows(formula: string | null | undefined, row: number): boolean {
  if (!formula) return false;
  for (const m of formula.matchAll(/\$?[A-Z]{1,3}\$?(\d+)/gi)) if (Number(m[1]) !== row) return true;
  return false;
}

interface RowSpan {
  from: number;
  to: number;
}

/**
 * The rows a SUM formula adds in its own column, as spans: « SUM(B5:B7) », « SOMME(B4;B6) », « SUM(B4,B6:B9) ».
 * Null for any other formula, or one that reads another column.
 */
export function summedRows(formula: string, col: number): RowSpan[] | null {
  const m = /^\s*=?\s*(?:SUM|SOMME)\s*\((.*)\)\s*$/i.exec(formula);
  if (!m) return null;
  const spans: RowSpan[] = [];
  for (const arg of m[1]!.split(/[,;]/)) {
    const r = /^\s*\$?([A-Z]{1,3})\$?(\d+)\s*(?::\s*\$?([A-Z]{1,3})\$?(\d+))?\s*$/i.exec(arg);
    if (!r || columnNumber(r[1]!.toUpperCase()) !== col || (r[3] && columnNumber(r[3].toUpperCase()) !== col)) return null;
    const a = Number(r[2]);
    const b = r[4] ? Number(r[4]) : a;
    spans.push({ from: Math.min(a, b), to: Math.max(a, b) });
  }
  return spans;
}

/**
 * The cells and SUMs a formula adds in its own column, as spans: « C16 » (a cell taken again), « C9+C26 »,
 * « C56+SUM(C58:C59) » (a Cerfa's produits and the 87 under them). A span is `range` when a SUM gives it. Null for
 * any other formula (a minus, a product, another column, another sheet).
 */
export function addedRows(formula: string, col: number): (RowSpan & { range: boolean })[] | null {
  const out: (RowSpan & { range: boolean })[] = [];
  for (const part of formula.replace(/^\s*=/, "").split("+")) {
    const cell = /^\s*\$?([A-Z]{1,3})\$?(\d+)\s*$/i.exec(part);
    if (cell) {
      if (columnNumber(cell[1]!.toUpperCase()) !== col) return null;
      out.push({ from: Number(cell[2]), to: Number(cell[2]), range: false });
      continue;
    }
    const sum = summedRows(part, col);
    if (!sum) return null;
    for (const span of sum) out.push({ ...span, range: true });
  }
  return out.length > 0 ? out : null;
}

/**
 * The rows a total by criterion adds in its own column: « SUMIF(B4:B13;"Dépense";C4:C13) », « SOMME.SI(…) » (the sum
 * range, else the criterion's own range). Each row of the span that meets the criterion is added: a span, not a list.
 */
export function rowsSummedIf(formula: string, col: number): RowSpan[] | null {
  const m = /^\s*=?\s*(?:SUMIF|SOMME\.SI)\s*\(\s*([^,;]+)[,;]\s*("[^"]*"|[^,;]+)\s*(?:[,;]\s*([^,;)]+))?\)\s*$/i.exec(formula);
  if (!m) return null;
  const r = /^\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)$/i.exec((m[3] ?? m[1]!).trim());
  if (!r || columnNumber(r[1]!.toUpperCase()) !== col || columnNumber(r[3]!.toUpperCase()) !== col) return null;
  return [{ from: Math.min(Number(r[2]), Number(r[4])), to: Math.max(Number(r[2]), Number(r[4])) }];
}

/**
 * The member test of one table: `cols` are its amount columns, rows above `headerRow` are left out, `amountAt`
 * reads a cell as an amount in euros, `isTotalRow` says whether a row's label reads as a total. The SUM formulas
 * are gathered on the first question only (most tables have no row to ask about).
 */
export function memberTest(
  grid: SheetGrid,
  rows: readonly number[],
  cols: readonly number[],
  headerRow: number | null,
  amountAt: (v: CellValue, col: number) => Amount | null,
  isTotalRow: (row: number) => boolean,
): MemberTest {
  let sums: Map<number, { row: number; spans: RowSpan[] }[]> | null = null;
  const sumsOf = (col: number) => {
    if (!sums) {
      sums = new Map(cols.map((c) => [c, []]));
      for (const r of rows) {
        if (headerRow !== null && r <= headerRow) continue;
        for (const c of cols) {
          const f = grid.cell(r, c)?.formula;
          const spans = f ? summedRows(f, c) : null;
          if (spans) sums.get(c)!.push({ row: r, spans });
        }
      }
    }
    return sums.get(col) ?? [];
  };
  const typed = (row: number, col: number): number | null => {
    const cell = grid.cell(row, col);
    if (!cell || refersToOtherRows(cell.formula, row)) return null;
    const a = amountAt(cell.value, col);
    return a?.kind === "value" ? a.cents : null;
  };
  // The typed amounts right above (step −1) or under (step +1) a row, up to a blank, a heading, a formula or a total.
  const run = (row: number, col: number, step: 1 | -1): { sum: number; count: number } => {
    let sum = 0;
    let count = 0;
    for (let r = row + step; r >= 1 && (headerRow === null || r > headerRow); r += step) {
      const v = typed(r, col);
      if (v === null || isTotalRow(r)) break;
      sum += v;
      count++;
    }
    return { sum, count };
  };
  const covers = (spans: RowSpan[], row: number) => spans.some((s) => s.from <= row && row <= s.to);
  // Typed totals, no formula (values pasted, a CSV): « Total 8 891 » right under « Total ventes 2020 5 774 »,
  // « Subvention 2 500 », « Rentrées diverses 617 » counts the row with the lines around it: it is one of them. The
  // lines above the row count in that sum too, so a subtotal (« Total achats » under its purchases) never is.
  const typedTotalCounts = (row: number, col: number, cents: number): boolean => {
    const above = run(row, col, -1);
    const below = run(row, col, 1);
    let t = row + below.count + 1;
    while (t <= row + below.count + 2 && grid.value(t, col) === null && !isTotalRow(t)) t++;
    if (!isTotalRow(t)) return false;
    const total = typed(t, col);
    // Alone under its heading (« Dépenses 2020 » under « Dépenses », then « Total »), the row is its block's line;
    // under a cell that holds no amount it can read (a text), it may be their total: not decided here.
    const alone = above.count + below.count === 0 && (row - 1 <= (headerRow ?? 0) || grid.value(row - 1, col) === null);
    return total !== null && total === above.sum + cents + below.sum && (above.count + below.count > 0 || alone);
  };
  return (row, col, cents) => {
    // « Total achats 5 000 » under 3 000 and 2 000: the subtotal of the lines above it (or under it, a total above its lines).
    for (const step of [-1, 1] as const) {
      const r = run(row, col, step);
      if (r.count > 0 && r.sum === cents) return false;
    }
    const covering = sumsOf(col).filter((f) => f.row !== row && covers(f.spans, row));
    if (covering.length === 0) return typedTotalCounts(row, col, cents);
    // « Total =SUM(B5:B7) » counts it with lines (or alone, « =SUM(B11:B11) »): it is one of them. « TOTAL
    // =SUM(B12,B20) » over typed subtotals counts totals only: it is one of those.
    const countsALine = (spans: RowSpan[]) =>
      spans.some((s) => {
        for (let r = s.from; r <= s.to; r++) if (r !== row && typed(r, col) !== null && !isTotalRow(r)) return true;
        return false;
      });
    return covering.some((f) => countsALine(f.spans) || f.spans.every((s) => s.from === row && s.to === row));
  };
}
