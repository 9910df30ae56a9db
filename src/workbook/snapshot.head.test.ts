// A look at a sheet's top (its title, a mapping table's header) through sheetHead gives what a grid of the whole
// sheet gives for those rows: rows out of order, a row given twice (the later stands), rows of empty cells.
import { describe, expect, it } from "vitest";
import { SheetGrid, sheetHead, type SheetSnapshot, type SnapshotRow } from "./snapshot.ts";

const sheet = (rows: SnapshotRow[]): SheetSnapshot => ({ name: "Balance", visibility: "visible", protected: false, rows, merges: [] });

const top = (grid: SheetGrid, count: number) => grid.rowIndexes().slice(0, count).map((r) => [r, grid.rowCells(r).map((c) => [c.col, c.value])]);

describe("sheetHead", () => {
  const rows: SnapshotRow[] = [
    { index: 7, cells: [{ col: 1, value: "606100" }, { col: 2, value: "Fournitures" }, { col: 3, value: 120 }] },
    { index: 2, cells: [{ col: 1, value: "" }, { col: 2, value: null }] },
    { index: 3, cells: [{ col: 2, value: "Balance générale — Les Amis du Musée" }] },
    { index: 1, cells: [{ col: 1, value: "N° compte" }, { col: 2, value: "Intitulé" }] },
    { index: 3, cells: [{ col: 2, value: "Les Amis du Musée — Balance 2025" }] },
    { index: 5, cells: [{ col: 3, value: 10 }, { col: 1, value: "Dons" }] },
    ...Array.from({ length: 50 }, (_, i) => ({ index: 10 + i, cells: [{ col: 1, value: `Ligne ${i}` }, { col: 3, value: i }] })),
  ];

  it("gives the first rows of the whole sheet's grid, as they stand", () => {
    const whole = new SheetGrid(sheet(rows));
    for (const count of [1, 3, 4, 20]) expect(top(new SheetGrid(sheetHead(sheet(rows), count)), count)).toEqual(top(whole, count));
    expect(top(new SheetGrid(sheetHead(sheet(rows), 3)), 3).map(([r]) => r)).toEqual([1, 3, 5]);
    expect(new SheetGrid(sheetHead(sheet(rows), 3)).value(3, 2)).toBe("Les Amis du Musée — Balance 2025");
  });

  it("keeps the rows asked for by number, and nothing else beyond the first ones", () => {
    const head = new SheetGrid(sheetHead(sheet(rows), 0, [1, 40]));
    expect(head.rowIndexes()).toEqual([1, 40]);
    expect(head.value(40, 1)).toBe("Ligne 30");
    expect(new SheetGrid(sheetHead(sheet(rows), 2, [2])).rowIndexes()).toEqual([1, 3]);
  });

  it("is the sheet itself when a row has no number a host writes", () => {
    const odd = sheet([{ index: Number.NaN, cells: [{ col: 1, value: "x" }] }, ...rows]);
    expect(sheetHead(odd, 3)).toBe(odd);
  });
});
