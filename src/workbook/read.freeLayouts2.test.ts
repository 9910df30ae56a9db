// Layouts of a second round of held-out workbooks written by openpyxl in shapes the team did not design (issue 10 and
// 11: every amount cell a line or said, nothing counted twice).
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet, withFormulas } from "../../tests/gridSheet.ts";

const read = (name: string, rows: CellValue[][]) => analyzeSnapshot({ name: "b.xlsx", sheets: [gridSheet(name, rows)] }, defaultParameters());
const cells = (r: ReturnType<typeof read>) => r.classified.map((l) => `${l.amountCell}=${l.amount.kind === "value" ? l.amount.cents / 100 : "?"}`);

describe("nine exercises side by side and their cumul", () => {
  const rows: CellValue[][] = [
    ["Code", "Poste", "Exercice 2017", "Exercice 2018", "Exercice 2019", "Cumul 2017-2019"],
    [null, "PRODUITS", null, null, null, null],
    ["P1", "Dons et mécénat", 1614.73, 541.3, 3446.65, 5602.68],
    ["P2", "Cotisations / adhésions", 277.73, "—", 115.05, 392.78],
    [null, "CHARGES", null, null, null, null],
    ["C1", "Frais bancaires", 120, 130, "—", 250],
  ];

  it("reads each year as its own budget, never the cumul as one more", () => {
    const r = read("Comptes", rows);
    expect(new Set(r.classified.map((l) => l.scenario))).toEqual(new Set(["Exercice 2017", "Exercice 2018", "Exercice 2019"]));
    expect(cells(r)).not.toContain("F3=5602.68");
  });

  it("takes « — » typed in an empty year for nothing there: no line of zero, no « amount typed as text »", () => {
    const r = read("Comptes", rows);
    expect(cells(r)).not.toContain("D4=0");
    expect(cells(r)).not.toContain("E6=0");
    expect(r.issues.filter((i) => i.code === "amounts_as_text")).toEqual([]);
  });
});

describe("columns titled by their side", () => {
  it("« Activité | Charges 2026 | Produits 2026 | Solde de l'activité »: each activity's charge and produit are two lines, the solde none", () => {
    const r = read("Budget 2026 par activité", [
      ["Activité", "Charges 2026", "Produits 2026", "Solde de l'activité"],
      ["LICENCES + ADHESIONS", 7300, 9000, 1700],
      ["BOUTIQUE CLUB", 1300, 1500, 200],
      ["SUBVENTION MAIRIE", null, 550, 550],
      ["SEJOUR ARDECHE", 3510, 3510, 0],
      ["FRAIS ADMINISTRATIFS", 600, null, -600],
      ["TOTAL", 12710, 14560, 1850],
    ]);
    const sided = r.classified.map((l) => `${l.label}:${l.section}:${l.amount.kind === "value" ? l.amount.cents / 100 : "?"}`).sort();
    expect(sided).toEqual(
      [
        "BOUTIQUE CLUB:expense:1300",
        "BOUTIQUE CLUB:income:1500",
        "FRAIS ADMINISTRATIFS:expense:600",
        "LICENCES + ADHESIONS:expense:7300",
        "LICENCES + ADHESIONS:income:9000",
        "SEJOUR ARDECHE:expense:3510",
        "SEJOUR ARDECHE:income:3510",
        "SUBVENTION MAIRIE:income:550",
      ].sort(),
    );
  });

  it("« Action | Dépense | Remarque » on a school's sheet: every action is spent, however it reads", () => {
    const r = read("Maternelle", [
      ["Dépenses de l'école maternelle"],
      [null],
      ["Action", "Dépense", "Remarque"],
      ["Spectacle de Noël", 340, null],
      ["Sortie rando", 200, null],
      ["Réparation du four", 450, "four de la classe de cuisine"],
    ]);
    expect(r.classified.map((l) => l.section)).toEqual(["expense", "expense", "expense"]);
  });

  it("while « Dépensé » beside « Budget alloué » is what was spent of it: two versions of the charges", () => {
    const r = read("État des résultats", [
      ["Poste", "Budget alloué", "Dépensé"],
      ["Dépenses", null, null],
      ["Congrès", 6000, 10516],
      ["Camps de formation", 5500, 12350],
    ]);
    expect(new Set(r.classified.map((l) => l.scenario))).toEqual(new Set(["Budget alloué", "Dépensé"]));
  });
});

describe("groups closed by Excel's Data > Subtotal", () => {
  it("« TOTAL =SUBTOTAL(9,B3:B10) » over « Sous-total =SUBTOTAL(9,…) » rows adds the lines alone, as Excel does: no false alarm", () => {
    const sheet = gridSheet("BP 2020", [
      ["Poste", "Budget 2020"],
      ["CHARGES", null],
      ["Achats", null],
      ["Médicaments", 5000],
      ["Fournitures bureau", 200],
      ["Sous-total achats", 5200],
      ["Services extérieurs", null],
      ["Déplacements", 2300],
      ["Assurances", 830],
      ["Sous-total services extérieurs", 3130],
      ["TOTAL CHARGES", 8330],
    ]);
    const r = analyzeSnapshot({ name: "b.xlsx", sheets: [withFormulas(sheet, { B6: "SUBTOTAL(9,B4:B5)", B10: "SUBTOTAL(9,B8:B9)", B11: "SUBTOTAL(9,B3:B10)" })] }, defaultParameters());
    expect(r.classified.map((l) => l.label)).toEqual(["Médicaments", "Fournitures bureau", "Déplacements", "Assurances"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });
});

describe("an English summary", () => {
  it("« % of total » is a share, « Net income (revenue minus spending) » the result, « Where we received money from » the income", () => {
    const r = read("2025 Summary", [
      ["Item", "Amount (USD)", "% of total"],
      ["WHERE WE RECEIVED MONEY FROM", null, null],
      ["Donations via the website", 6267.46, 0.87],
      ["Checks", 956.25, 0.13],
      ["Total revenue", 7223.71, 1],
      ["WHAT WE SPENT MONEY ON", null, null],
      ["Amazon Web Services (AWS)", 2024.92, 0.68],
      ["Banking Fees", 72, 0.32],
      ["Total spent", 2096.92, 1],
      ["Net income (revenue minus spending)", 5126.79, null],
    ]);
    expect(r.classified.map((l) => `${l.label}:${l.section}:${l.amountCell}`)).toEqual([
      "Donations via the website:income:B3",
      "Checks:income:B4",
      "Amazon Web Services (AWS):expense:B7",
      "Banking Fees:expense:B8",
    ]);
  });
});

describe("one list of signed amounts, no side said", () => {
  it("reads positive amounts as produits and negative ones as charges, whatever the labels, and says so", () => {
    const r = read("Budget 2026", [
      ["Royal Cercle de Voile – recettes en positif, dépenses en négatif"],
      [null],
      ["Poste", "Budget 2026"],
      ["Rentrées consommations", 7200],
      ["Rentrées école voile", 4200],
      ["Echos & publicité", 1700],
      ["Echos & publicité", -100],
      ["Repas boissons", -6500],
      ["Assurances", -3300],
    ]);
    expect(r.classified.map((l) => `${l.label}:${l.section}:${l.amount.kind === "value" ? l.amount.cents / 100 : "?"}`)).toEqual([
      "Rentrées consommations:income:7200",
      "Rentrées école voile:income:4200",
      "Echos & publicité:income:1700",
      "Echos & publicité:expense:100",
      "Repas boissons:expense:6500",
      "Assurances:expense:3300",
    ]);
    expect(r.issues.find((i) => i.code === "side_guessed")?.message).toContain("les 3 montants positifs comme des recettes et les 3 négatifs comme des dépenses");
  });
});

describe("a project budget numbered in its first column", () => {
  const rows: CellValue[][] = [
    ["N°", "Poste", "Montant (k€)"],
    ["DÉPENSES DU PROJET", null, null],
    [1, "Un poste de médiateur", 40],
    [2, "Véhicule et équipements", 13.8],
    [null, "Total des dépenses", 53.8],
    ["Apports bénévoles des experts du réseau (valorisation, hors budget financier)", null, null],
    [null, "Appui technique sur la conception des outils", 1.2],
    [null, "Coût total du projet, valorisation comprise", 55],
    ["PLAN DE FINANCEMENT", null, null],
    [null, "Fondation de France", 30],
    [null, "Agence Régionale de Santé de Mayotte", 23.8],
    [null, "Total des financements", 53.8],
    [null, "Solde (financements – dépenses)", 0],
  ];

  it("takes the headings typed in the N° column for the blocks' headings: the funders are produits", () => {
    const r = read("Budget projet", rows);
    const side = Object.fromEntries(r.classified.map((l) => [l.label, l.section]));
    expect(side["Agence Régionale de Santé de Mayotte"]).toBe("income");
    expect(side["Un poste de médiateur"]).toBe("expense");
    expect(["in_kind_use", "in_kind_resource"]).toContain(side["Appui technique sur la conception des outils"]);
  });

  it("« Coût total du projet » and « Solde (financements – dépenses) » are the budget's own totals, no lines", () => {
    const labels = read("Budget projet", rows).classified.map((l) => l.label);
    expect(labels).not.toContain("Coût total du projet, valorisation comprise");
    expect(labels).not.toContain("Solde (financements – dépenses)");
  });
});
