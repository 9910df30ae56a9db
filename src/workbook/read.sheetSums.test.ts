// A line whose amount happens to equal the sum of the lines under it (a forecast's « Nouveaux serveurs 6 000 » over
// 1 000 + 4 000 + 1 000, issue 11): the sheet's own total, which adds them all, says it is one more line.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet, withFormulas } from "../../tests/gridSheet.ts";

const sheetWith = (rows: CellValue[][], formulas: Record<string, string>) => readBudgets({ name: "test.xlsx", sheets: [withFormulas(gridSheet("Prévisionnel 2013", rows), formulas)] });

const FORECAST: CellValue[][] = [
  ["Poste", "Dépenses", "Recettes"],
  ["Dons", null, 15000],
  ["Disques durs de remplacement", 2000, null],
  ["Nouveaux serveurs", 6000, null],
  ["Boite pour événements", 1000, null],
  ["Communication, matériels promotionnels", 4000, null],
  ["Prise en charge déplacements", 1000, null],
  ["Total", 14000, 15000],
];

describe("a line the sheet's total adds with the lines under it", () => {
  it("is a line, not their subtotal, when the total's SUM counts them all", () => {
    const r = sheetWith(FORECAST, { B8: "SUM(B3:B7)", C8: "SUM(C2:C2)" });
    expect(r.lines.map((l) => l.label)).toContain("Nouveaux serveurs");
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("while a chapter over its lines stays their subtotal inside the same SUM", () => {
    const r = sheetWith(
      [
        ["Poste", "Montant"],
        ["Dépenses", null],
        ["Achats", 6000],
        ["Fournitures", 1000],
        ["Matériel", 5000],
        ["Loyer", 800],
        ["Total", 12800],
      ],
      { B7: "SUM(B3:B6)" },
    );
    expect(r.lines.map((l) => l.label)).not.toContain("Achats");
  });
});

describe("a line the sheet's typed total counts (no formula)", () => {
  const GIVERS: CellValue[][] = [
    ["Ressources", "Montant"],
    ["Ressources collectées auprès du public", null],
    ["Particuliers", 12000],
    ["Entreprises", 5000],
    ["Fondations", 3000],
    ["Organismes de droit privé", 2000],
    ["Financements publics", null],
    ["Etat", 4000],
    ["Total ressources", 26000],
  ];

  it("is a line when the lines fall short of the total by exactly its amount", () => {
    const r = sheetWith(GIVERS, {});
    expect(r.lines.map((l) => l.label)).toContain("Entreprises");
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("stays a subtotal when the typed total counts its lines, not it", () => {
    const rows = GIVERS.map((r) => [...r]);
    rows[8] = ["Total ressources", 21000];
    const r = sheetWith(rows, {});
    expect(r.lines.map((l) => l.label)).not.toContain("Entreprises");
  });

  it("while a chapter stays the subtotal of its lines whatever a typed total says", () => {
    const r = sheetWith(
      [
        ["Poste", "Montant"],
        ["Charges", null],
        ["ACHATS", 6000],
        ["Fournitures", 1000],
        ["Matériel", 5000],
        ["Loyer", 800],
        ["Total des charges", 12800],
      ],
      {},
    );
    expect(r.lines.map((l) => l.label)).not.toContain("ACHATS");
  });
});

describe("a line whose amount is the sum of the lines under the next heading", () => {
  it("is a line: its would-be parts belong to another heading", () => {
    const r = sheetWith(
      [
        ["Produits", "Montant"],
        ["Ventes", null],
        ["Buvette", 1200],
        ["Collectivités", 3000],
        ["Dons", null],
        ["Particuliers", 1000],
        ["Entreprises", 2000],
        ["Charges", "Montant"],
        ["Achats buvette", 900],
      ],
      {},
    );
    expect(r.lines.map((l) => l.label)).toEqual(expect.arrayContaining(["Collectivités", "Particuliers", "Entreprises"]));
  });

  it("while a chapter over its lines under a sub-heading stays their subtotal", () => {
    const r = sheetWith(
      [
        ["Poste", "Montant"],
        ["Charges", null],
        ["ACHATS", 3000],
        ["Fournitures", 1000],
        ["Matériel", 2000],
      ],
      {},
    );
    expect(r.lines.map((l) => l.label)).not.toContain("ACHATS");
  });
});
