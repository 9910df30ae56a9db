import { describe, expect, it } from "vitest";
import { SheetGrid, type SheetSnapshot, type SnapshotRow } from "./snapshot.ts";

const sheet = (rows: SnapshotRow[]): SheetSnapshot => ({ name: "Budget", visibility: "visible", protected: false, rows, merges: [] });

describe("SheetGrid", () => {
  it("finds each cell of rows given as hosts give them, and of rows given out of order", () => {
    const wide = Array.from({ length: 30 }, (_, i) => ({ col: i * 3 + 1, value: i }));
    const grid = new SheetGrid(
      sheet([
        { index: 7, cells: [{ col: 4, value: 12 }, { col: 2, value: "Loyer" }, { col: 3, value: "" }, { col: 4, value: 15 }] },
        { index: 2, cells: [{ col: 1, value: "Libellé" }, { col: 2, value: null }] },
        { index: 5, cells: [{ col: 9, value: null }] },
        { index: 9, cells: wide },
      ]),
    );
    expect(grid.rowIndexes()).toEqual([2, 7, 9]);
    expect(grid.rowCells(7).map((c) => [c.col, c.value])).toEqual([[2, "Loyer"], [4, 15]]);
    expect(grid.value(7, 4)).toBe(15);
    expect(grid.cell(7, 3)).toBeUndefined();
    expect(grid.rowCells(2).map((c) => c.col)).toEqual([1]);
    expect(grid.rowCells(5)).toEqual([]);
    for (let i = 0; i < 30; i++) {
      expect(grid.value(9, i * 3 + 1)).toBe(i);
      expect(grid.cell(9, i * 3 + 2)).toBeUndefined();
    }
    expect(grid.value(9, 200)).toBeNull();
    expect([grid.maxRow, grid.maxCol]).toEqual([9, 88]);
  });

  it("gives row numbers a caller may keep and change without changing the grid", () => {
    const grid = new SheetGrid(sheet([{ index: 1, cells: [{ col: 1, value: "A" }] }, { index: 3, cells: [{ col: 1, value: "B" }] }]));
    grid.rowIndexes().push(99);
    expect(grid.rowIndexes()).toEqual([1, 3]);
  });
});
