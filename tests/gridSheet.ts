// A sheet snapshot written as rows of values, as tests describe a budget: row 1 first, column A first.
// Empty cells (null or "") and empty rows are left out, as the hosts' readers leave them out.
import { columnNumber, type CellValue, type SheetSnapshot } from "../src/workbook/snapshot.ts";

export function gridSheet(name: string, grid: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    name,
    visibility: "visible",
    protected: false,
    merges: [],
    rows: grid
      .map((values, i) => ({ index: i + 1, cells: values.map((value, j) => ({ col: j + 1, value })).filter((c) => c.value !== null && c.value !== "") }))
      .filter((r) => r.cells.length > 0),
    ...extra,
  };
}

/** The sheet with formulas set on cells it holds (« B9 » → « SUM(B2:B8) »), the cached value kept as given. */
export function withFormulas(sheet: SheetSnapshot, formulas: Record<string, string>): SheetSnapshot {
  for (const [ref, formula] of Object.entries(formulas)) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const cell = sheet.rows.find((r) => r.index === Number(m[2]))?.cells.find((c) => c.col === columnNumber(m[1]!));
    if (!cell) throw new Error(`withFormulas: no value at ${ref}`);
    cell.formula = formula;
  }
  return sheet;
}
