// Shared formulas: a column of formulas that differ only by their row (the mapping table's effective
// lever, section, pillar, nature and destination) is written once, on its first cell, and referenced by
// the others (<f t="shared" si=…/>), as Excel itself does. The file is several times smaller, and so
// faster to write, compress and open.
import type { PlannedCell } from "../../workbook/plan.ts";

/**
 * One pass over a formula: a quoted string or sheet name (kept as is), a whole-row reference ("5:7", which
 * shifts but carries no column: such formulas are not shared), or a cell reference (what precedes it,
 * $ on the column, column, $ on the row, row).
 */
const TOKENS = /("(?:[^"]|"")*"|'(?:[^']|'')*')|((?:^|[^A-Za-z0-9_.$])\$?\d+:\$?\d+)|(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_(])/g;

/** The formula with each relative row number written as an offset from `row`; null when it is not safe to share. */
export function rowTemplate(formula: string, row: number): string | null {
  if (formula.includes("[") || formula.includes("{")) return null;
  let unsafe = false;
  const out = formula.replace(TOKENS, (m, quoted?: string, rows?: string, pre?: string, c$?: string, col?: string, r$?: string, r?: string) => {
    if (quoted !== undefined) return m;
    if (rows !== undefined) {
      unsafe = true;
      return m;
    }
    return r$ ? m : `${pre}${c$}${col}{${Number(r) - row}}`;
  });
  // An unclosed quote leaves a lone quote character behind: not a formula to share.
  if (unsafe || /["']/.test(out.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, ""))) return null;
  return out;
}

/**
 * The runs of a sheet's cells, by cell index: `si[i]` is the shared formula cell i belongs to (-1 for none), and
 * `head` gives each run's first cell the range it covers.
 */
export interface SharedRuns {
  si: Int32Array;
  head: Map<number, string>;
}

/**
 * Runs of vertically adjacent formula cells whose formulas are the first one's shifted down. `cells[i]` sits at
 * row `rowOf[i]`, column `colOf[i]`; only formula cells are considered. Indexes, not refs, say which cell is
 * which: no tuple and no map entry per cell (the lines table of a big ledger has millions of formula cells).
 */
export function sharedFormulaRuns(cells: readonly (PlannedCell | undefined)[], rowOf: Int32Array, colOf: Int32Array): SharedRuns {
  const si = new Int32Array(cells.length).fill(-1);
  const head = new Map<number, string>();
  // The cell, not its formula: a follower planned from one formula (rowFormula) is never asked for its text.
  const byCol = new Map<number, number[]>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!c || (c.rowFormula === undefined && !c.formula)) continue;
    let list = byCol.get(colOf[i]!);
    if (!list) byCol.set(colOf[i]!, (list = []));
    list.push(i);
  }
  let next = 0;
  for (const list of byCol.values()) {
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++) sorted = rowOf[list[k - 1]!]! <= rowOf[list[k]!]!;
    if (!sorted) list.sort((a, b) => rowOf[a]! - rowOf[b]! || a - b);
    let start = 0;
    // The run's first formula as text and row offsets: ["IF(O", 0, "<>\"\",O", 0, …].
    let parts: (string | number)[] | null = null;
    const close = (end: number) => {
      if (end - start >= 2) {
        const id = next++;
        const first = cells[list[start]!]!.ref;
        head.set(list[start]!, `${first}:${cells[list[end - 1]!]!.ref}`);
        for (let k = start; k < end; k++) si[list[k]!] = id;
      }
    };
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!;
      const row = rowOf[i]!;
      const cell = cells[i]!;
      const prev = k > 0 ? list[k - 1]! : -1;
      // A follower is the first formula with its relative rows moved to this row (cheaper than its own template);
      // the plan says so itself for the cells it wrote from one formula (rowFormula): no need to compare them.
      const follows = parts !== null && rowOf[prev]! === row - 1;
      if (follows && cell.rowFormula !== undefined && cells[prev]!.rowFormula === cell.rowFormula) continue;
      const formula = cell.formula ?? "";
      if (follows && matches(parts!, row, formula)) continue;
      close(k);
      start = k;
      const t = rowTemplate(formula, row);
      parts = t === null ? null : t.split(/\{(-?\d+)\}/).map((p, n) => (n % 2 === 1 ? Number(p) : p));
    }
    close(list.length);
  }
  return { si, head };
}

/** Whether `formula` is the template `parts` at `row`, compared in place (no string is built). */
function matches(parts: (string | number)[], row: number, formula: string): boolean {
  let pos = 0;
  for (const p of parts) {
    const text = typeof p === "number" ? String(row + p) : p;
    if (!formula.startsWith(text, pos)) return false;
    pos += text.length;
  }
  return pos === formula.length;
}
