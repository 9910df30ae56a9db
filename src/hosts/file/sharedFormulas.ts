// Shared formulas: a column of formulas that differ only by their row (the mapping table's effective
// lever, section, pillar, nature and destination) is written once, on its first cell, and referenced by
// the others (<f t="shared" si=…/>), as Excel itself does. The file is several times smaller, and so
// faster to write, compress and open.
import type { PlannedCell } from "../../workbook/plan.ts";

/** A cell reference outside quotes: what precedes it, $ on the column, column, $ on the row, row. */
const REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_(])/g;
/** Whole-row references ("5:7") shift too but carry no column: such formulas are not shared. */
const ROW_RANGE = /(^|[^A-Za-z0-9_.$])\$?\d+:\$?\d+/;

/** The formula with each relative row number written as an offset from `row`; null when it is not safe to share. */
export function rowTemplate(formula: string, row: number): string | null {
  if (formula.includes("[") || formula.includes("{")) return null;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      if (j >= n) return null;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < n && formula[j] !== '"' && formula[j] !== "'") j++;
    const seg = formula.slice(i, j);
    if (ROW_RANGE.test(seg)) return null;
    out += seg.replace(REF, (m, pre: string, c$: string, col: string, r$: string, r: string) => (r$ ? m : `${pre}${c$}${col}{${Number(r) - row}}`));
    i = j;
  }
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
export function sharedFormulaRuns(cells: [number, number, string, PlannedCell | undefined][]): Map<string, SharedFormula> {
  const byCol = new Map<number, [number, string, string][]>();
  for (const [row, col, ref, c] of cells) {
    if (!c?.formula) continue;
    let list = byCol.get(col);
    if (!list) byCol.set(col, (list = []));
    list.push([row, ref, c.formula]);
  }
  const out = new Map<string, SharedFormula>();
  let si = 0;
  for (const list of byCol.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let start = 0;
    let template: string | null = null;
    const close = (end: number) => {
      if (end - start >= 2 && template !== null) {
        const id = si++;
        out.set(list[start]![1], { si: id, ref: `${list[start]![1]}:${list[end - 1]![1]}` });
        for (let k = start + 1; k < end; k++) out.set(list[k]![1], { si: id });
      }
    };
    for (let i = 0; i < list.length; i++) {
      const [row, , formula] = list[i]!;
      const t = rowTemplate(formula, row);
      const continues = i > start && t !== null && t === template && list[i - 1]![0] === row - 1;
      if (!continues) {
        close(i);
        start = i;
        template = t;
      }
    }
    close(list.length);
  }
  return out;
}
