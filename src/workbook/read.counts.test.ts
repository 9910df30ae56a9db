// A count before a word (« 87 adhésions », « 60 cartes + adhésion au mouvement ») in a foyer rural's cash book
// (issue 11, held-out set D): « 87 » was read as the chapter of contributions in kind and opened it for every produit
// after it.
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { leadingAccount } from "../engine/classify.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const sides = (rows: CellValue[][]) => classifyLines(readBudgets({ name: "test.xlsx", sheets: [gridSheet("2025-2026", rows)] }).lines).map((l) => [l.label, l.section]);

describe("a count is no account", () => {
  it("« 87 adhésions » among the produits leaves the lines after it in the produits", () => {
    const out = sides([
      ["DÉPENSES", "Montant (€)", "RECETTES", "Montant (€)"],
      ["60 cartes + adhésion au mouvement", 688.6, "loc salle Famille Martin", 50],
      ["Congélateur", 199.99, "87 adhésions", 696],
      [null, null, "Loc salle Durand (Chèque) dont 80 de chauffage", 180],
      [null, null, "5 adhésions", 40],
    ]);
    expect(out.filter(([, s]) => s !== "expense" && s !== "income")).toEqual([]);
    expect(out.find(([l]) => l === "Loc salle Durand (Chèque) dont 80 de chauffage")?.[1]).toBe("income");
  });

  it("while « 60 Achats », « 74 subventions », « 87 - adhésions » keep their chapter", () => {
    expect(["60 Achats", "74 subventions", "87 - adhésions", "870 bénévolat", "64 salaires"].map(leadingAccount)).toEqual(["60", "74", "87", "870", "64"]);
    expect(["87 adhésions", "70 repas", "65 tee-shirts"].map(leadingAccount)).toEqual([null, null, null]);
  });
});
