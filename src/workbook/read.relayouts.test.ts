// The shapes treasurers give the same budget (issue 11, corpus/variants.ts and corpus/layouts.ts re-lay every corpus
// budget in each): last year beside this year, actions beside their total, the printed Cerfa form. Each as a small
// grid with what a treasurer expects read.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue, WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Budget", rows)] } satisfies WorkbookSnapshot);
const lines = (r: ReturnType<typeof read>) => r.lines.map((l) => `${l.label}: ${l.amount.kind === "value" ? l.amount.cents / 100 : "?"} [${l.scenario}]`);
const perScenario = (r: ReturnType<typeof read>) => {
  const out: Record<string, number> = {};
  for (const l of r.lines) out[l.scenario] = (out[l.scenario] ?? 0) + (l.amount.kind === "value" ? l.amount.cents / 100 : 0);
  return out;
};

describe("the same budget in the shapes treasurers use", () => {
  it("« N-1 | N », « Réalisé N-1 | Prévisionnel N »: the letter N is the year, both columns money, each its own analysis", () => {
    for (const [before, now] of [["N-1", "N"], ["Réalisé N-1", "Prévisionnel N"], ["Budget N", "Budget N+1"]] as const) {
      const r = read([
        ["AAPPMA — rapport financier"],
        [],
        ["Libellé", before, now],
        ["Recettes", null, null],
        ["Permis", 2161, 2275],
        ["Subvention Fédé", 388, 400],
        ["Total recettes", 2549, 2675],
        ["Dépenses", null, null],
        ["Ré-empoissonnement", 1155, 1100],
        ["Divers (frais banque)", 110, 125],
      ]);
      expect(r.budgets[0]?.amountColumns, before).toEqual([before, now]);
      expect(perScenario(r), before).toEqual({ [before]: 3814, [now]: 3900 });
    }
  });

  it("a Cerfa form under « N-1 | N » whose charges are a single line under its chapter: both halves read", () => {
    const r = read([
      ["CHARGES", "N-1", "N", "PRODUITS", "N-1", "N"],
      ["60 - Achats", null, null, "70 - Ventes", 81846, 83686],
      ["61 - Services extérieurs", null, null, "Paniers", 70000, 72000],
      [null, null, null, "Plants", 11846, 11686],
      ["64 - Charges de personnel", 600005, 500004, "74 - Subventions d'exploitation", 526204, 553899],
      ["Salaires", 600005, 500004, "Subvention de la Région", 526204, 553899],
      ["TOTAL DES CHARGES", 600005, 500004, "TOTAL DES PRODUITS", 608050, 637585],
    ]);
    expect(lines(r).filter((l) => l.startsWith("Salaires"))).toEqual(["Salaires: 600005 [N-1]", "Salaires: 500004 [N]"]);
    expect(perScenario(r)).toEqual({ "N-1": 1208055, N: 1137589 });
  });

  it("« N° | Libellé | Montant »: N° still titles the treasurer's numbering, never money", () => {
    const r = read([["N°", "Libellé", "Montant"], [null, "Dépenses", null], [1, "Loyer", 900], [2, "Assurance", 200], [3, "Fournitures", 150], [null, "Recettes", null], [4, "Cotisations", 1250]]);
    expect(perScenario(r)).toEqual({ Montant: 2500 });
  });

  it("« Ateliers | Festival | Total » with an action holding a single number: the total is read, never the actions", () => {
    const r = read([
      ["Libellé", "Ateliers", "Festival", "Total"],
      ["Recettes", null, null, null],
      ["Ventes de cartes", null, 2411, 2411],
      ["Dépenses", null, null, null],
      ["Assurances et bracelets", 1036.2, 690.8, 1727],
    ]);
    expect(lines(r)).toEqual(["Ventes de cartes: 2411 [Total]", "Assurances et bracelets: 1727 [Total]"]);
  });

  it("the printed Cerfa form: « Excédent » | « Insuffisance » balance the two sides and are no lines", () => {
    const r = read([
      ["CHARGES", "Montant", "PRODUITS", "Montant"],
      ["60 - Achats", 300, "70 - Vente de produits finis, de marchandises, prestations de services", 1200],
      ["Fournitures", 300, "Buvette", 1200],
      ["61 - Services extérieurs", 500, "74 - Subventions d'exploitation", 400],
      ["Assurance", 500, "Commune de Crolles", 400],
      ["TOTAL DES CHARGES", 800, "TOTAL DES PRODUITS", 1600],
      ["Excédent", 800, "Insuffisance", null],
      ["86 - Emplois des contributions volontaires en nature", null, "87 - Contributions volontaires en nature", null],
      ["TOTAL", 1600, "TOTAL", 1600],
    ]);
    expect(lines(r).sort()).toEqual(["Assurance: 500 [Montant]", "Buvette: 1200 [Montant]", "Commune de Crolles: 400 [Montant]", "Fournitures: 300 [Montant]"]);
  });

  it("the same form with the shortfall on the produits' side: « Insuffisance » is no produit", () => {
    const r = read([
      ["CHARGES", "Montant", "PRODUITS", "Montant"],
      ["Fournitures", 1300, "Buvette", 1200],
      ["Assurance", 500, "Commune de Crolles", 400],
      ["TOTAL DES CHARGES", 1800, "TOTAL DES PRODUITS", 1600],
      ["Excédent", null, "Insuffisance", 200],
    ]);
    expect(r.lines.map((l) => l.label)).not.toContain("Insuffisance");
    expect(perScenario(r)).toEqual({ Montant: 3400 });
  });
});
