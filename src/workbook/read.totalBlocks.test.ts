// A total row ends its block (issue 11): a real line above « Total produits » was skipped as the subtotal of lines
// below it whose amounts happened to add up to it, so a line was lost and the sheet's own total said to be wrong.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][], name = "Budget") => readBudgets({ name: "test.xlsx", sheets: [gridSheet(name, rows)] });
const amounts = (r: ReturnType<typeof readBudgets>) => r.lines.map((l) => [l.label, l.column, l.amount.kind === "value" ? l.amount.cents / 100 : null]);

describe("a total row ends its block: no row above it is the subtotal of rows below it", () => {
  it("« Dons 1 000 » above « Total produits » is a line, though « Loyer 800 » and « Assurance 200 » under it make 1 000", () => {
    const r = read([
      ["Poste", "Montant"],
      ["Produits", null],
      ["Cotisations", 500],
      ["Dons", 1000],
      ["Total produits", 1500],
      ["Charges", null],
      ["Loyer", 800],
      ["Assurance", 200],
      ["Total charges", 1000],
    ]);
    expect(amounts(r)).toEqual([
      ["Cotisations", "Montant", 500],
      ["Dons", "Montant", 1000],
      ["Loyer", "Montant", 800],
      ["Assurance", "Montant", 200],
    ]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("nor is a produit the subtotal of the charges after it when no total stands between (the side changes)", () => {
    const r = read([
      ["Poste", "Montant"],
      ["Recettes", null],
      ["Cotisations", 500],
      ["Dons", 1000],
      ["Dépenses", null],
      ["Loyer", 800],
      ["Assurance", 200],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["Cotisations", "Dons", "Loyer", "Assurance"]);
  });
});

describe("a person's name is never a subtotal", () => {
  it("« Renaud BOURDIN-GRIMAUD 30 » over gifts of 10 and 20 in a list of donors is a gift", () => {
    const r = read([
      ["Donateur", "Montant"],
      ["Donateurs", null],
      ["RICHARD AUGER", 50],
      ["Renaud BOURDIN-GRIMAUD", 30],
      ["Marie Dupont", 10],
      ["Jean MARTIN", 20],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["RICHARD AUGER", "Renaud BOURDIN-GRIMAUD", "Marie Dupont", "Jean MARTIN"]);
  });

  it("while « ACHATS 30 » over 10 and 20 stays their subtotal", () => {
    const r = read([
      ["Poste", "Montant"],
      ["Charges", null],
      ["ACHATS", 30],
      ["Fournitures", 10],
      ["Petit matériel", 20],
    ]);
    expect(r.skipped.map((s) => [s.label, s.why])).toContainEqual(["ACHATS", "subtotal"]);
  });
});
