// The column shapes of real budgets (issue 11): each as a small grid, with the lines, amounts and totals a treasurer
// expects — N-1 beside N, planned beside actual and their gap, a column of shares, a total beside the actions, the
// currency or comments in a column of their own, months and their year total, a price times a quantity.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue, WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Budget", rows)] } satisfies WorkbookSnapshot);
/** Each line as « label: amount in euros [column] », the column left out when the table has a single one. */
const lines = (r: ReturnType<typeof read>) => r.lines.map((l) => `${l.label}: ${l.amount.kind === "value" ? l.amount.cents / 100 : "?"}${l.column && r.budgets[0]!.amountColumns.length > 1 ? ` [${l.column}]` : ""}`);
/** The euros read per scenario (the analyses the report shows), whatever the section. */
const perScenario = (r: ReturnType<typeof read>) => {
  const out: Record<string, number> = {};
  for (const l of r.lines) out[l.scenario] = (out[l.scenario] ?? 0) + (l.amount.kind === "value" ? l.amount.cents / 100 : 0);
  return out;
};
const codes = (r: ReturnType<typeof read>) => r.issues.map((i) => i.code);

const blocks = (cols: (string | null)[], charges: CellValue[][], produits: CellValue[][]): CellValue[][] => [
  ["Poste", ...cols],
  ["Charges", ...cols.map(() => null)],
  ...charges,
  ["Produits", ...cols.map(() => null)],
  ...produits,
];

describe("column shapes of real budgets", () => {
  it("« Réalisé 2023 | Budget 2024 »: two analyses, each line once in each, never added together", () => {
    const r = read(blocks(["Réalisé 2023", "Budget 2024"], [["Loyer", 900, 950], ["Assurance", 200, 210]], [["Cotisations", 800, 900], ["Subvention", 300, 260]]));
    expect(r.budgets[0]!.amountColumns).toEqual(["Réalisé 2023", "Budget 2024"]);
    expect(perScenario(r)).toEqual({ "Réalisé 2023": 2200, "Budget 2024": 2320 });
  });

  it("« Prévu | Réalisé | Écart »: the gap is never an amount", () => {
    const r = read(blocks(["Prévu", "Réalisé", "Écart"], [["Loyer", 900, 950, 50], ["Assurance", 200, 210, 10]], [["Cotisations", 800, 900, 100], ["Subvention", 300, 260, -40]]));
    expect(r.budgets[0]!.amountColumns).toEqual(["Prévu", "Réalisé"]);
    expect(perScenario(r)).toEqual({ Prévu: 2200, Réalisé: 2320 });
  });

  it("a column of shares with no title, or titled « Répartition », is not money: said, never counted", () => {
    for (const title of [null, "Répartition"]) {
      const r = read(blocks(["Montant", title], [["Loyer", 900, 81.8], ["Assurance", 200, 18.2]], [["Cotisations", 800, 0.727 * 100], ["Subvention", 300, 27.3]]));
      expect(lines(r)).toEqual(["Loyer: 900", "Assurance: 200", "Cotisations: 800", "Subvention: 300"]);
      const said = r.issues.find((i) => i.code === "share_column");
      expect(said?.cell).toBe("C1");
      expect(said?.message).toContain("pourcentages");
    }
  });

  it("shares written as fractions (0,818) are shares too", () => {
    const r = read(blocks(["Montant", "Poids"], [["Loyer", 900, 0.818], ["Assurance", 200, 0.182]], [["Cotisations", 800, 0.727], ["Subvention", 300, 0.273]]));
    expect(lines(r)).toEqual(["Loyer: 900", "Assurance: 200", "Cotisations: 800", "Subvention: 300"]);
    expect(codes(r)).toContain("share_column");
  });

  it("a second money column that happens to add up to 200 is not taken for shares", () => {
    const r = read(blocks(["Action 1", "Action 2"], [["Loyer", 900, 50], ["Assurance", 200, 50]], [["Cotisations", 800, 30], ["Subvention", 300, 70]]));
    expect(r.budgets[0]!.amountColumns).toEqual(["Action 1", "Action 2"]);
    expect(codes(r)).not.toContain("share_column");
  });

  it("« Action 1 | Action 2 | Total »: the total is each line's amount, the actions are its parts, never added on top", () => {
    const r = read(blocks(["Action 1", "Action 2", "Total"], [["Loyer", 500, 400, 900]], [["Cotisations", 500, 400, 900]]));
    expect(lines(r)).toEqual(["Loyer: 900", "Cotisations: 900"]);
    expect(r.budgets[0]!.amountColumns).toEqual(["Total"]);
  });

  it("« Ateliers | Festival | Total » where an action has a single number: that number is a part of its row's total, not a lone number to check", () => {
    const r = read(blocks(["Ateliers", "Festival", "Total"], [["Paiements à la fédération, assurances", 1036.2, 690.8, 1727]], [["Ventes de cartes", null, 2411, 2411]]));
    expect(lines(r)).toEqual(["Paiements à la fédération, assurances: 1727", "Ventes de cartes: 2411"]);
    expect(codes(r)).not.toContain("lone_number");
  });

  it("« Action 1 | Action 2 | Total » where a row's total is not the sum of its actions: the actions are read, the total not on top", () => {
    const r = read(blocks(["Action 1", "Action 2", "Total"], [["Loyer", 500, 400, 900], ["Assurance", 100, 100, 350]], [["Cotisations", 500, 400, 900]]));
    expect(lines(r)).toContain("Loyer: 500 [Action 1]");
    expect(lines(r)).not.toContain("Loyer: 900 [Total]");
  });

  it("the currency in a column of its own, before or after the amounts, is neither a label nor an amount", () => {
    for (const [cols, row] of [
      [["Montant", "Devise"], (l: string, n: number) => [l, n, "€"]],
      [["Devise", "Montant"], (l: string, n: number) => [l, "EUR", n]],
    ] as const) {
      const r = read([["Poste", ...cols], ["Charges", null, null], row("Loyer", 900), row("Assurance", 200), ["Produits", null, null], row("Cotisations", 1100)]);
      expect(lines(r)).toEqual(["Loyer: 900", "Assurance: 200", "Cotisations: 1100"]);
    }
  });

  it("a comments column with numbers in it (« 3 devis », « 2 x 150 », « 12 ») is never an amount, nor a text to report", () => {
    const r = read(blocks(["Montant", "Remarques"], [["Loyer", 900, 12], ["Matériel", 300, "2 x 150"], ["Assurance", 200, "3 devis"]], [["Cotisations", 800, 40], ["Subvention", 600, null]]));
    expect(lines(r)).toEqual(["Loyer: 900", "Matériel: 300", "Assurance: 200", "Cotisations: 800", "Subvention: 600"]);
    expect(codes(r)).not.toContain("text_not_a_number");
  });

  it("months with a year total, however sparse the months: the total is each line's amount, the months are not added again", () => {
    for (const total of ["Total", "Total 2024"]) {
      const r = read(blocks(["Janv", "Févr", "Mars", total], [["Loyer", 300, 300, 300, 900], ["Assurance", 200, null, null, 200]], [["Cotisations", 800, null, null, 800], ["Subvention", null, 300, null, 300]]));
      expect(lines(r)).toEqual(["Loyer: 900", "Assurance: 200", "Cotisations: 800", "Subvention: 300"]);
      expect(r.budgets[0]!.amountColumns).toEqual([total]);
    }
  });

  it("months with no total: each month's amount is read, a month with a single amount too", () => {
    const r = read(blocks(["Janv", "Févr", "Mars"], [["Loyer", 300, 300, 300], ["Assurance", 200, null, null]], [["Cotisations", 800, null, null], ["Subvention", null, 300, null]]));
    expect(perScenario(r)).toEqual({ Total: 2200 });
    expect(lines(r)).toContain("Loyer: 300 [Mars]");
  });

  it("« Prix | Quantité | Total »: the price beside a quantity is a unit price, the total is the line's amount", () => {
    const r = read([
      ["Poste", "Prix", "Quantité", "Total"],
      ["Dépenses", null, null, null],
      ["NDD", 8, 1, 8],
      ["Hébergement", 18, 12, 216],
      ["Polos", 14.4, 40, 576],
      ["Total", null, null, 800],
    ]);
    expect(lines(r)).toEqual(["NDD: 8", "Hébergement: 216", "Polos: 576"]);
    expect(r.budgets[0]!.amountColumns).toEqual(["Total"]);
    expect(codes(r)).not.toContain("total_mismatch");
  });

  it("a grant's one-line table « Proposé (F) | Sollicité (F) », « Proposé | Demandé par le vœu », « Budget (F) | Voté (F) »: both sums read, as two analyses, never added", () => {
    for (const [a, b] of [
      ["Proposé (F)", "Sollicité (F)"],
      ["Proposé", "Demandé par le vœu"],
      ["Budget de la compagnie (F)", "Voté (F)"],
    ] as const) {
      const r = read([["Libellé", a, b], ["Recettes", null, null], ["Subvention de fonctionnement de la Ville de Paris", 3000, 9000]]);
      expect(r.budgets[0]?.amountColumns).toEqual([a, b]);
      expect(perScenario(r)).toEqual({ [a]: 3000, [b]: 9000 });
      expect(codes(r)).not.toContain("lone_number");
    }
  });

  it("a one-line table under a letterhead whose « Exercice | 2025 » puts a second number above it: the other column's one number is said, never dropped in silence", () => {
    const r = read([["ASSOCIATION SPORTIVE", null, null], ["Exercice", 2025, null], [null, null, null], ["Libellé", "Subvention proposée", "Selon le critère de 13 € par licencié"], ["Recettes", null, null], ["Subvention annuelle de fonctionnement de la Ville de Paris", 650, 1261]]);
    const counted = r.lines.some((l) => l.amount.kind === "value" && l.amount.cents === 126100);
    const said = r.issues.some((i) => i.cell === "C6");
    expect(counted || said).toBe(true);
  });

  it("a column titled with a euro sign among words (« Selon le critère de 13 € par licencié ») is a column of its own, its title no amount", () => {
    const r = read([["Libellé", "Subvention proposée", "Selon le critère de 13 € par licencié"], ["Recettes", null, null], ["Subvention annuelle de fonctionnement de la Ville de Paris", 650, 1261]]);
    expect(perScenario(r)).toEqual({ "Subvention proposée": 650, "Selon le critère de 13 € par licencié": 1261 });
    expect(codes(r)).toEqual([]);
  });
});

describe("« Comptes 2012 | Budget 2013 | Comptes 2013 »: the accounts of a year are money, not account numbers", () => {
  // A Swiss party's statement: « Comptes 2012 » is the year's accounts (its figures), and figures of five to seven
  // digits under it (75 653, 1 687 961) look like account numbers 7…: the column was taken for accounts, and the
  // lines read by them (« Entretien » under 77904 became an exceptional produit) or lost.
  const grid = (first: string): CellValue[][] => [
    ["Libellé", "Type", first, "Budget 2013", "Comptes 2013"],
    ["Cotisations des membres", "Recette", 1687961, 1699100, 1659294],
    ["Dons divers", "Recette", 75653, 10000, 84193],
    ["Courriels", "Dépense", 43501, 32000, 33067],
    ["Frais de personnel", "Dépense", 2292921, 2255400, 2445778],
    ["Entretien, réparations, leasing", "Dépense", 77904, 54950, 79380],
  ];
  it.each(["Comptes 2012", "Comptes N-1", "Compte 2012"])("« %s » is an analysis of its own, every line read in it", (first) => {
    const r = read(grid(first));
    expect(r.budgets[0]!.amountColumns).toEqual([first, "Budget 2013", "Comptes 2013"]);
    expect(r.lines.filter((l) => l.scenario === "Budget 2013").map((l) => `${l.label}: ${l.amount.kind === "value" ? l.amount.cents / 100 : "?"} ${l.context?.sectionHint}`)).toEqual([
      "Cotisations des membres: 1699100 income",
      "Dons divers: 10000 income",
      "Courriels: 32000 expense",
      "Frais de personnel: 2255400 expense",
      "Entretien, réparations, leasing: 54950 expense",
    ]);
    expect(r.lines.every((l) => l.account === null)).toBe(true);
  });

  it("a « N° de compte » column of account numbers stays the accounts", () => {
    const r = read([["N° de compte", "Libellé", "Budget 2013"], [6061, "Fournitures", 300], [7061, "Ventes", 900], [6411, "Salaires", 2000]]);
    expect(r.lines.map((l) => l.account)).toEqual(["6061", "7061", "6411"]);
  });
});
