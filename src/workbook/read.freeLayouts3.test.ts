// Layouts of a third round of held-out workbooks written by openpyxl (corpus/free3): what accounting software, a
// Swiss treasurer, a Québec accountant and a UK charity write.
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import type { CellValue, SheetSnapshot } from "./snapshot.ts";
import { gridSheet, withFormulas } from "../../tests/gridSheet.ts";

const analyze = (...sheets: SheetSnapshot[]) => analyzeSnapshot({ name: "b.xlsx", sheets }, defaultParameters());
const read = (name: string, rows: CellValue[][], formulas: Record<string, string> = {}) => analyze(withFormulas(gridSheet(name, rows), formulas));

describe("three cash boxes stacked on one sheet, a currency column, and their recap", () => {
  const rows: CellValue[][] = [
    ["CAISSE ROMANDIE", null, null],
    ["Recettes", "Monnaie", "Montant"],
    ["Cotisations", "CHF", 18463],
    ["Dons", "CHF", 17705.05],
    ["Total recettes", "CHF", 36168.05],
    ["Dépenses", "Monnaie", "Montant"],
    ["Journal", "CHF", 38909.1],
    ["Taxes du centre de calcul (PTT)", "CHF", 564.1],
    ["Total dépenses", "CHF", 39473.2],
    [null, null, null],
    ["Récapitulatif", null, null],
    ["Romandie", null, 39473.2],
    ["Ensemble", null, 39473.2],
  ];
  const r = () => read("Bilan 1996", rows, { C5: "SUM(C3:C4)", C9: "SUM(C7:C8)", C12: "C9", C13: "SUM(C12:C12)" });

  it("reads the labels, never the « CHF » of each row, with their sides", () => {
    expect(r().classified.map((l) => `${l.label}:${l.section}`)).toEqual(["Cotisations:income", "Dons:income", "Journal:expense", "Taxes du centre de calcul (PTT):expense"]);
  });

  it("a recap row that takes a total again (« =C9 »), and the recap's sum, are no lines", () => {
    expect(r().classified.map((l) => l.label)).not.toContain("Romandie");
    expect(r().classified.map((l) => l.label)).not.toContain("Ensemble");
  });
});

describe("a document's title names no payer", () => {
  it("on a sheet « État des résultats », a produit with no keyword is not the State's grant", () => {
    const r = read("État des résultats", [["Produits", "2018"], ["honoraires de gestion", 1200], ["commandites", 800], ["annonces publicitaires", 400]]);
    expect(r.classified.map((l) => l.nature)).not.toContain("public");
    expect(r.classified.find((l) => l.label === "commandites")?.lever).toBe("sponsorship");
  });
});

describe("a UK charity's statement of financial activities for a month", () => {
  it("reads « Total funds July 2009 » as the row's total of the funds, and « Net incoming resources for the month » as the result", () => {
    const r = read(
      "SOFA July 2009",
      [
        [null, "Unrestricted funds", "Restricted funds", "Total funds July 2009"],
        ["INCOMING RESOURCES", null, null, null],
        ["Donations", 448.2, null, 448.2],
        ["Subscriptions", 420, null, 420],
        ["RESOURCES EXPENDED", null, null, null],
        ["Rent", 400, null, 400],
        ["NET INCOMING RESOURCES FOR THE MONTH", 468.2, null, 468.2],
      ],
      { D3: "B3+C3", D4: "B4+C4", D6: "B6+C6" },
    );
    expect(r.classified.map((l) => `${l.label}:${l.amountCell}`)).toEqual(["Donations:D3", "Subscriptions:D4", "Rent:D6"]);
  });

  it("« Result of the conference (income − expenses) » and « Balance after the carry-over » are no lines", () => {
    const r = read("PyCon", [["Item", "CZK '000"], ["Income", null], ["Tickets", 1200], ["Expenses", null], ["Venue", 900], ["Result of the conference (income − expenses)", 300], ["Balance after the carry-over", 520]]);
    expect(r.classified.map((l) => l.label)).toEqual(["Tickets", "Venue"]);
  });
});

describe("a pivot table pasted as values for the general assembly, alone in the workbook", () => {
  it("is read as the budget: its groups' sides and words title the rows, its subtotals and grand total are no lines, and it is said", () => {
    const r = read("TCD 2014", [
      ["Exercice", 2014],
      [null, null],
      ["Étiquettes de lignes", "Somme de Montant"],
      ["DEPENSES", 101274.58],
      ["Dépenses nourriture", 20453.53],
      ["Frais vétérinaires", 80821.05],
      ["RECETTES - Fondations", 5180],
      ["30 Millions d'Amis : bons de stérilisation", 3680],
      ["30 Millions d'Amis : pour achat de croquettes", 1500],
      ["RECETTES - Subventions et conventions - Collectivités locales", 1250],
      ["Angoulins", 250],
      ["Aytré", 1000],
      ["Total général", 107704.58],
    ]);
    expect(r.classified.map((l) => `${l.label}:${l.section}:${l.nature ?? "-"}`)).toEqual([
      "Dépenses nourriture:expense:-",
      "Frais vétérinaires:expense:-",
      "30 Millions d'Amis : bons de stérilisation:income:private",
      "30 Millions d'Amis : pour achat de croquettes:income:private",
      "Angoulins:income:public",
      "Aytré:income:public",
    ]);
    expect(r.issues.find((i) => i.code === "pivot_table")?.message).toContain("seule donnée du classeur");
  });
});

describe("a Cerfa's totals that add the contributions in kind to the side's total", () => {
  it("« TOTAL =B12+SUM(B14:B14) » is checked against the cells it names: no false « il manque »", () => {
    const r = read(
      "Compte rendu financier",
      [
        ["CHARGES", "Réalisation"],
        ["Achats matières et fournitures", 199.3],
        ["Déplacements, missions", 975.16],
        ["TOTAL DES CHARGES", 1174.46],
        ["86 – Emplois des contributions volontaires en nature", null],
        ["864. Personnel bénévole", 47864],
        ["TOTAL", 49038.46],
        ["PRODUITS", "Réalisation"],
        ["70 - Vente de prestations", 6722],
        ["74 - Subventions d'exploitation", 3000],
        ["756. Cotisations", 272],
        ["TOTAL DES PRODUITS", 9994],
        ["87 – Contributions volontaires en nature", null],
        ["875. Bénévolat", 47864],
        ["TOTAL", 57858],
      ],
      { B4: "SUM(B2:B3)", B7: "B4+SUM(B6:B6)", B12: "SUM(B9:B11)", B15: "B12+SUM(B14:B14)" },
    );
    expect(r.classified.map((l) => l.label)).toEqual(["Achats matières et fournitures", "Déplacements, missions", "864. Personnel bénévole", "70 - Vente de prestations", "74 - Subventions d'exploitation", "756. Cotisations", "875. Bénévolat"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });
});

describe("a PDF converted to Excel", () => {
  it("a label cut over two cells, the second in lower case, is one label", () => {
    const r = read("Table 1", [
      ["Désignation", null, null, null, "Réalisé 2025", null, null],
      ["RECETTES", null, null, null, null, null, null],
      ["Offrandes", null, null, null, "25 397,14", null, "€"],
      ["Don pour un frère", null, "parti en étude", null, "1 008,00", null, "€"],
      ["DÉPENSES", null, null, null, null, null, null],
      ["EDF - Électricité", null, null, null, "1 060,65", null, "€"],
      ["Frais de tenue de", null, "compte bancaire", null, "401,08", null, "€"],
      ["AG2R - Retraite", null, "complémentaire", null, "3 273,52", null, "€"],
      ["Loyer Macouria", null, null, null, "2 000,00", null, "€"],
    ]);
    const labels = r.classified.map((l) => l.label);
    expect(labels).toEqual(["Offrandes", "Don pour un frère parti en étude", "EDF - Électricité", "Frais de tenue de compte bancaire", "AG2R - Retraite complémentaire", "Loyer Macouria"]);
    expect(r.classified.find((l) => l.label === "AG2R - Retraite complémentaire")?.lever).toBe("staff");
  });
});
