// A sheet snapshot written as rows of values, as tests describe a budget: row 1 first, column A first.
// Empty cells (null or "") and empty rows are left out, as the hosts' readers leave them out.
import type { CellValue, SheetSnapshot } from "../src/workbook/snapshot.ts";

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
