// The grid's two ways of finding a row (an array for the usual dense sheet, a map for a sheet with a far row) and the
// column letters made once: each gives what the plain computation gives.
import { describe, expect, it } from "vitest";
import { cellAddress, columnLetters, SheetGrid, type SheetSnapshot, type SnapshotRow } from "./snapshot.ts";

const sheet = (rows: SnapshotRow[]): SheetSnapshot => ({ name: "Budget", visibility: "visible", protected: false, rows, merges: [] });

describe("SheetGrid lookups", () => {
  it("finds the same cells in a dense sheet and in one with a row a million lines down", () => {
    const rows: SnapshotRow[] = [
      { index: 1, cells: [{ col: 1, value: "Libellé" }, { col: 2, value: "Montant" }] },
      { index: 3, cells: [{ col: 1, value: "Loyer" }, { col: 2, value: 800 }] },
    ];
    const dense = new SheetGrid(sheet(rows));
    const sparse = new SheetGrid(sheet([...rows, { index: 1_000_000, cells: [{ col: 1, value: "Signé" }] }]));
    for (const grid of [dense, sparse]) {
      expect(grid.value(3, 2)).toBe(800);
      expect(grid.value(1, 1)).toBe("Libellé");
      expect(grid.rowCells(2)).toEqual([]);
      expect(grid.cell(0, 1)).toBeUndefined();
      expect(grid.cell(-1, 1)).toBeUndefined();
      expect(grid.cell(2.5, 1)).toBeUndefined();
      expect(grid.value(5_000_000, 1)).toBeNull();
    }
    expect(sparse.value(1_000_000, 1)).toBe("Signé");
    expect(sparse.rowIndexes()).toEqual([1, 3, 1_000_000]);
  });

  it("keeps a row a host numbered oddly (no host does) reachable", () => {
    const grid = new SheetGrid(sheet([{ index: 2.5, cells: [{ col: 1, value: "x" }] }, { index: 4, cells: [{ col: 1, value: "y" }] }]));
    expect(grid.value(2.5, 1)).toBe("x");
    expect(grid.value(4, 1)).toBe("y");
  });
});

describe("columnLetters", () => {
  it("gives every column's letters, the first ones from memory as the far ones by computation", () => {
    const plain = (col: number) => {
      let s = "";
      for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    for (const col of [1, 2, 26, 27, 52, 702, 703, 1023, 1024, 16384]) {
      expect(columnLetters(col)).toBe(plain(col));
      expect(columnLetters(col)).toBe(plain(col));
    }
    expect(cellAddress(12, 28)).toBe("AB12");
  });
});
