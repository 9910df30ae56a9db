// « Dont … » rows read through the real reader on small literal grids: the detail of the row above them.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const read = (...sheets: SheetSnapshot[]) => readBudgets({ name: "test.xlsx", sheets });

/** The sheet with a formula in one cell (its cached value as typed in the grid), as Excel saves a SUM. */
function withFormula(s: SheetSnapshot, row: number, col: number, formula: string): SheetSnapshot {
  return { ...s, rows: s.rows.map((r) => (r.index !== row ? r : { ...r, cells: r.cells.map((c) => (c.col === col ? { ...c, formula } : c)) })) };
}

const loto = [
  ["Libellé", "Montant"],
  ["Recettes", null],
  ["Recettes du loto", 2005],
  ["Dont Buvette", 328],
  ["Dont Cartons/jetons", 1471],
  ["Dont Jambon", 98],
  ["Dont Bourriche", 108],
  ["Dépenses", null],
  ["Pub (Alliance Pub)", 70],
];

describe("« dont » rows that add up to the row above", () => {
  it("are the lines, and the row above is their subtotal (a SUM or typed amounts)", () => {
    for (const s of [sheet("Bilan du loto", loto), withFormula(sheet("Bilan du loto", loto), 3, 2, "SUM(B4:B7)")]) {
      const r = read(s);
      expect(r.lines.map((l) => [l.label, l.amount])).toEqual([
        ["Dont Buvette", { kind: "value", cents: 32800 }],
        ["Dont Cartons/jetons", { kind: "value", cents: 147100 }],
        ["Dont Jambon", { kind: "value", cents: 9800 }],
        ["Dont Bourriche", { kind: "value", cents: 10800 }],
        ["Pub (Alliance Pub)", { kind: "value", cents: 7000 }],
      ]);
      expect(r.skipped.map((x) => [x.label, x.why])).toEqual([["Recettes du loto", "subtotal"]]);
      // The row above is the block the detail belongs to.
      expect(r.lines[0]!.context.chapter).toBe("Recettes du loto");
      expect(r.lines.slice(0, 4).map((l) => l.context.sectionHint)).toEqual(["income", "income", "income", "income"]);
    }
  });

  it("under a Cerfa chapter that sums them: the chapter is the subtotal", () => {
    const r = read(
      sheet("Bilan", [
        ["CHARGES", "Montant", "PRODUITS", "Montant"],
        ["62 - Autres services extérieurs", 70, "70 - Vente de produits finis, de marchandises, prestations de services", 1799],
        ["Pub (Alliance Pub)", 70, "Dont Buvette", 328],
        [null, null, "Dont Cartons/jetons", 1471],
      ]),
    );
    expect(r.lines.map((l) => l.label).sort()).toEqual(["Dont Buvette", "Dont Cartons/jetons", "Pub (Alliance Pub)"]);
  });
});

describe("« dont » rows with no row above them to detail", () => {
  it("are lines: a list of « Dont … » rows with a Type column, a trial balance after another class", () => {
    const typed = read(
      sheet("Loto", [
        ["Libellé", "Type", "Montant"],
        ["Location de la salle", "Dépense", 500],
        ["Dont Buvette", "Recette", 328],
        ["Dont Jambon", "Recette", 98],
      ]),
    );
    expect(typed.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Location de la salle", "expense"],
      ["Dont Buvette", "income"],
      ["Dont Jambon", "income"],
    ]);
    const balance = read(
      sheet("Balance", [
        ["Compte", "Intitulé", "Débit", "Crédit"],
        ["625100", "Pub (Alliance Pub)", 700, 0],
        ["706000", "Dont Buvette", 0, 328],
        ["706000", "Dont Jambon", 0, 98],
      ]),
    );
    expect(balance.lines.map((l) => l.label)).toEqual(["Pub (Alliance Pub)", "Dont Buvette", "Dont Jambon"]);
    expect(balance.skipped.filter((s) => s.why === "breakdown")).toEqual([]);
  });
});

describe("a « dont » row that is only a part of the row above", () => {
  it("is not counted a second time: the row above stays the line, and an issue says so", () => {
    const r = read(
      sheet("Budget", [
        ["Recettes", "Montant"],
        ["Subventions", 10000],
        ["dont Région", 4000],
        ["Cotisations", 1200],
      ]),
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Subventions", "Cotisations"]);
    expect(r.skipped).toEqual([{ sheet: "Budget", row: 3, cell: "A3", label: "dont Région", why: "breakdown" }]);
    const issue = r.issues.find((i) => i.code === "partial_detail")!;
    expect(issue.cell).toBe("A2");
    expect(issue.message).toContain("« Subventions »");
    expect(issue.message).toContain("ne compte pas ce détail une seconde fois");
  });

  it("under an error cell: never counted in its place", () => {
    const r = read(
      sheet("Budget", [
        ["Recettes", "Montant"],
        ["Subventions", { error: "#REF!" }],
        ["dont Région", 4000],
      ]),
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Subventions"]);
    expect(r.skipped.map((s) => [s.label, s.why])).toEqual([["dont Région", "breakdown"]]);
  });
});

describe("the header typed again in the middle of the table (a page reprinted)", () => {
  it("does not cut a run of « dont » rows: all four are the detail of the row above them", () => {
    const r = read(sheet("Loto", [...loto.slice(0, 5), [], ["Libellé", "Montant"], ...loto.slice(5)]));
    expect(r.lines.map((l) => l.label)).toEqual(["Dont Buvette", "Dont Cartons/jetons", "Dont Jambon", "Dont Bourriche", "Pub (Alliance Pub)"]);
    expect(r.issues.filter((i) => i.code === "partial_detail")).toEqual([]);
  });

  it("is no line when it repeats, cell for cell, a header of years older than 1990 (« Libellé | 1989 | 1991 au 6/11 »)", () => {
    const r = read(
      sheet("Rapport", [
        ["Libellé", "1989", "1991 au 6/11"],
        ["Produits", null, null],
        ["cotisations année en cours", 16064.36, 22925.68],
        ["vente publication", null, 875],
        ["Libellé", "1989", "1991 au 6/11"],
        ["autres produits", 1000, 150],
      ]),
    );
    expect(r.lines.map((l) => l.label)).not.toContain("Libellé");
    expect(r.lines).toHaveLength(5);
  });

  it("is no line when it names its years (« Nature des opérations | 2025 | 2024 », the newer year first)", () => {
    const r = read(
      sheet("Budget", [
        ["Nature des opérations", 2025, 2024],
        ["Produits", null, null],
        ["Cotisations", 1600, 1500],
        ["Vente de calendriers", 450, 400],
        ["Nature des opérations", 2025, 2024],
        ["Subvention de la commune", 1000, 900],
        ["Charges", null, null],
        ["Frais de poste", 700, 650],
      ]),
    );
    expect(r.lines.map((l) => `${l.label} [${l.scenario}]`)).toEqual([
      "Cotisations [2025]",
      "Cotisations [2024]",
      "Vente de calendriers [2025]",
      "Vente de calendriers [2024]",
      "Subvention de la commune [2025]",
      "Subvention de la commune [2024]",
      "Frais de poste [2025]",
      "Frais de poste [2024]",
    ]);
  });
});
