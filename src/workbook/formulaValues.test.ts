import { describe, expect, it } from "vitest";
import { withComputedFormulas } from "./formulaValues.ts";
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "./snapshot.ts";

type Cell = string | number | null | { f: string };
const sheet = (name: string, rows: Cell[][]): SheetSnapshot => ({
  name,
  visibility: "visible",
  protected: false,
  merges: [],
  rows: rows.map((cells, i) => ({
    index: i + 1,
    cells: cells.flatMap((v, c): SnapshotCell[] => (v === null ? [] : typeof v === "object" ? [{ col: c + 1, value: null, formula: v.f, uncached: true }] : [{ col: c + 1, value: v }])),
  })),
});
const valueAt = (wb: WorkbookSnapshot, s: number, row: number, col: number) => withComputedFormulas(wb).sheets[s]!.rows.find((r) => r.index === row)!.cells.find((c) => c.col === col)!;

describe("formulas a script saved without their result", () => {
  it("are calculated as Excel would on opening: arithmetic, SUM of ranges, other sheets, percentages", () => {
    const wb: WorkbookSnapshot = {
      name: "b.xlsx",
      sheets: [
        sheet("Charges", [["Loyer", { f: "100*12" }], ["Salaires", { f: "2000+500" }], ["Total", { f: "SUM(B1:B2)" }], ["Part", { f: "B1/B3" }]]),
        sheet("Synthèse générale", [["Charges", { f: "Charges!B3" }], ["Moitié", { f: "'Synthèse générale'!B1*50%" }], ["Deux", { f: "SUM(Charges!B1,Charges!B2;-B1)" }]]),
      ],
    };
    expect(valueAt(wb, 0, 1, 2)).toEqual({ col: 2, value: 1200, formula: "100*12" });
    expect(valueAt(wb, 0, 3, 2).value).toBe(3700);
    expect(valueAt(wb, 0, 4, 2).value).toBeCloseTo(1200 / 3700, 12);
    expect(valueAt(wb, 1, 1, 2).value).toBe(3700);
    expect(valueAt(wb, 1, 2, 2).value).toBe(1850);
    expect(valueAt(wb, 1, 3, 2).value).toBe(0);
  });

  it("leave to Excel what is not a budget's arithmetic, and say it as before: a lookup, a cycle, a division by zero, a text", () => {
    const wb: WorkbookSnapshot = {
      name: "b.xlsx",
      sheets: [sheet("Budget", [["Tarif", { f: "VLOOKUP(A1,Tarifs!A:B,2,FALSE)" }], ["Boucle", { f: "B3+1" }], ["Retour", { f: "B2*2" }], ["Zéro", { f: "10/0" }], ["Texte", { f: "A1*2" }], ["Inconnue", { f: "Ailleurs!B1" }]])],
    };
    for (const row of [1, 2, 3, 4, 5, 6]) expect(valueAt(wb, 0, row, 2)).toMatchObject({ value: null, uncached: true });
  });

  it("SUM leaves out text and empty cells, as Excel does; a referenced empty cell is 0", () => {
    const wb: WorkbookSnapshot = { name: "b.xlsx", sheets: [sheet("Budget", [["a", 10], ["b", "note"], ["c", null], ["d", 5], ["t", { f: "SUM(B1:B4)" }], ["e", { f: "B3+B4" }]])] };
    expect(valueAt(wb, 0, 5, 2).value).toBe(15);
    expect(valueAt(wb, 0, 6, 2).value).toBe(5);
  });
});
