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

export interface SharedFormula {
  si: number;
  /** Set on the run's first cell: the range the shared formula covers. */
  ref?: string;
}

/**
 * Runs of vertically adjacent formula cells whose formulas are the first one's shifted down: cell → its
 * place in a run. `cells` are [row, col, ref, cell]; only formula cells are considered.
 */
export function sharedFormulaRuns(cells: Iterable<[number, number, string, PlannedCell | undefined]>): Map<string, SharedFormula> {
  // The cell, not its formula: a follower planned from one formula (rowFormula) is never asked for its text.
  const byCol = new Map<number, [number, string, PlannedCell, string | undefined][]>();
  for (const [row, col, ref, c] of cells) {
    if (!c || (c.rowFormula === undefined && !c.formula)) continue;
    let list = byCol.get(col);
    if (!list) byCol.set(col, (list = []));
    list.push([row, ref, c, c.rowFormula]);
  }
  const out = new Map<string, SharedFormula>();
  let si = 0;
  for (const list of byCol.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let start = 0;
    // The run's first formula as text and row offsets: ["IF(O", 0, "<>\"\",O", 0, …].
    let parts: (string | number)[] | null = null;
    const close = (end: number) => {
      if (end - start >= 2) {
        const id = si++;
        out.set(list[start]![1], { si: id, ref: `${list[start]![1]}:${list[end - 1]![1]}` });
        for (let k = start + 1; k < end; k++) out.set(list[k]![1], { si: id });
      }
    };
    for (let i = 0; i < list.length; i++) {
      const [row, , cell, key] = list[i]!;
      // A follower is the first formula with its relative rows moved to this row (cheaper than its own template);
      // the plan says so itself for the cells it wrote from one formula (rowFormula): no need to compare them.
      const follows = parts !== null && list[i - 1]![0] === row - 1;
      if (follows && key !== undefined && list[i - 1]![3] === key) continue;
      const formula = cell.formula ?? "";
      if (follows && matches(parts!, row, formula)) continue;
      close(i);
      start = i;
      const t = rowTemplate(formula, row);
      parts = t === null ? null : t.split(/\{(-?\d+)\}/).map((p, k) => (k % 2 === 1 ? Number(p) : p));
    }
    close(list.length);
  }
  return out;
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
