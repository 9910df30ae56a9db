import { describe, expect, it } from "vitest";
import { resolveParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import { MAPPING_HEADERS } from "./reportText.ts";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";


/** A budget with two lines labelled « Divers »: one charge (B4), one produit (B8). */
const BUDGET = sheet("Budget", [
  ["Poste", "Montant"],
  ["CHARGES", null],
  ["Loyer", 1200],
  ["Divers", 300],
  ["Assurance", 400],
  ["PRODUITS", null],
  ["Subvention de la mairie", 1500],
  ["Divers", 400],
]);

/** Équilibre's lines table of an earlier run, with a lever typed on one row. */
function mapping(rows: { cell: string; label: string; amount: number; lever: string; section?: string }[]): SheetSnapshot {
  const h = MAPPING_HEADERS.fr;
  const grid: CellValue[][] = [["Équilibre — lignes du budget"], [], [], [...h]];
  for (const r of rows) {
    const row: CellValue[] = new Array(h.length).fill(null);
    row[0] = "Budget";
    row[1] = r.cell;
    row[2] = r.label;
    row[4] = "Montant";
    row[6] = r.section ?? null;
    row[7] = r.amount;
    row[14] = r.lever;
    grid.push(row);
  }
  return sheet("Équilibre – lignes", grid);
}

const run = (snapshot: WorkbookSnapshot) => analyzeSnapshot(snapshot, resolveParameters({}));
const leverOf = (r: ReturnType<typeof run>, cell: string) => r.classified.find((l) => l.amountCell === cell)!;

describe("corrections belong to a line", () => {
  it("a correction typed on the charge « Divers » leaves the produit « Divers » alone", () => {
    const r = run({ name: "b.xlsx", sheets: [BUDGET, mapping([{ cell: "B4", label: "Divers", amount: 300, lever: "Achats" }])] });
    expect(leverOf(r, "B4").corrected).toBe(true);
    expect(leverOf(r, "B8").corrected).toBe(false);
  });

  it("follows its line when rows were inserted above (same label and amount), and applies to none when several fit", () => {
    const moved = sheet("Budget", [["Poste", "Montant"], ["CHARGES", null], ["Nouvelle ligne", 50], ...BUDGET.rows.slice(2).map(() => [] as CellValue[])]);
    moved.rows = [...moved.rows.slice(0, 3), ...BUDGET.rows.slice(2).map((row) => ({ ...row, index: row.index + 1 }))];
    const r = run({ name: "b.xlsx", sheets: [moved, mapping([{ cell: "B4", label: "Divers", amount: 300, lever: "Achats" }])] });
    // B4 is now « Loyer »: the correction finds « Divers » 300 € at B5, and only it.
    expect(leverOf(r, "B5").corrected).toBe(true);
    expect(leverOf(r, "B4").corrected).toBe(false);
    expect(leverOf(r, "B9").corrected).toBe(false);

    const same = sheet("Budget", [["Poste", "Montant"], ["CHARGES", null], ["Divers", 300], ["Loyer", 1200], ["Divers", 300]]);
    const amb = run({ name: "b.xlsx", sheets: [same, mapping([{ cell: "B9", label: "Divers", amount: 300, lever: "Achats" }])] });
    expect(amb.classified.filter((l) => l.corrected)).toEqual([]);
    expect(amb.issues.map((i) => i.code)).toContain("correction_ambiguous");
  });

  it("reads a table of an earlier version (keyed by label): applied where one line fits", () => {
    const r = run({ name: "b.xlsx", sheets: [BUDGET, mapping([{ cell: "", label: "Loyer", amount: 1200, lever: "Achats" }])] });
    expect(leverOf(r, "B3").corrected).toBe(true);
    expect(r.classified.filter((l) => l.corrected)).toHaveLength(1);
  });

  it("tells two « Divers » of the same amount apart by their section when the cell moved", () => {
    const same = sheet("Budget", [["Poste", "Montant"], ["CHARGES", null], ["Nouvelle ligne", 50], ["Loyer", 1200], ["Divers", 300], ["PRODUITS", null], ["Subvention", 1500], ["Divers", 300]]);
    // The table of the earlier run named the charge at B4; rows were inserted since: B4 is now « Loyer ».
    const r = run({ name: "b.xlsx", sheets: [same, mapping([{ cell: "B4", label: "Divers", amount: 300, lever: "Achats", section: "Produits" }])] });
    expect(r.classified.filter((l) => l.corrected).map((l) => l.amountCell)).toEqual(["B8"]);
    const charge = run({ name: "b.xlsx", sheets: [same, mapping([{ cell: "B4", label: "Divers", amount: 300, lever: "Achats", section: "Charges" }])] });
    expect(charge.classified.filter((l) => l.corrected).map((l) => l.amountCell)).toEqual(["B5"]);
    expect(charge.issues.map((i) => i.code)).not.toContain("correction_ambiguous");
  });
});
