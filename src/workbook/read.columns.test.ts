// Text columns beside the labels: a « Catégorie » that files each line under a block, a Type column, and amounts
// that look like years (issue 11: the same budget read the same way whatever columns the treasurer adds).
import { describe, expect, it } from "vitest";
import { classify } from "../engine/classify.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Budget", rows)] });

describe("a « Catégorie » column beside the labels", () => {
  it("is the block each line is filed under, and the label stays the label", () => {
    const r = read([
      ["Libellé", "Catégorie", "Type", "Montant"],
      ["Conseil Général (réhabilitation maisons)", "Subventions reçues", "Recette", 5000],
      ["Salaire du comptable", "Subventions versées à Fonhsud", "Dépense", 4800],
      ["Projet citernes", "Subventions versées à Fonhsud", "Dépense", 19850],
      ["Éducation civique", "Subventions versées à Fonhsud", "Dépense", 7900],
    ]);
    expect(r.lines.map((l) => [l.label, l.context.heading, l.context.sectionHint])).toEqual([
      ["Conseil Général (réhabilitation maisons)", "Subventions reçues", "income"],
      ["Salaire du comptable", "Subventions versées à Fonhsud", "expense"],
      ["Projet citernes", "Subventions versées à Fonhsud", "expense"],
      ["Éducation civique", "Subventions versées à Fonhsud", "expense"],
    ]);
    // Under its block, the partner's accountant is a grant paid out, not the association's staff.
    const salary = r.lines[1]!;
    expect(classify({ label: salary.label, context: salary.context }).lever).toBe("other_operating");
  });

  it("in a journal with a date column, named by its header even where its values do not repeat", () => {
    const r = read([
      ["Date", "Libellé", "Catégorie", "Dépenses", "Recettes"],
      ["2024-01-03", "Stripe", "DONS", null, 1448.26],
      ["2024-01-05", "AFNIC", "MÉCÉNAT", null, 500],
      ["2024-02-01", "OVH", "FRAIS INTERNET", 14.28, null],
      ["2024-02-03", "Framasoft", "DONS", 453, null],
      ["Total", null, null, 467.28, 1948.26],
    ]);
    expect(r.lines.map((l) => [l.label, l.context.heading])).toEqual([
      ["Stripe", "DONS"],
      ["AFNIC", "MÉCÉNAT"],
      ["OVH", "FRAIS INTERNET"],
      ["Framasoft", "DONS"],
    ]);
  });
});

describe("an amount that looks like a year", () => {
  it("is a line when its row's label is a line, even beside a cell that says « Recettes »", () => {
    const r = read([
      ["Libellé", "Catégorie", "Type", "2013"],
      ["Sponsor Pycon", "Recettes", "Recette", 3700],
      ["Cotisation", "Recettes", "Recette", 2050],
      ["Vente Goodies", "Recettes", "Recette", 906],
      ["Alim", "Dépenses", "Dépense", 939],
    ]);
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Sponsor Pycon", "income"],
      ["Cotisation", "income"],
      ["Vente Goodies", "income"],
      ["Alim", "expense"],
    ]);
  });

  it("is a header in « Type | Poste | 2011 »", () => {
    const r = read([
      ["Type", "Poste", "2011"],
      ["Recette", "Sponsor", 3200],
      ["Recette", "Cotisation", 1160],
      ["Dépense", "Goodies", 120],
    ]);
    expect(r.lines.map((l) => [l.label, l.column])).toEqual([
      ["Sponsor", "2011"],
      ["Cotisation", "2011"],
      ["Goodies", "2011"],
    ]);
  });
});

describe("figures typed as text under a money header", () => {
  it("« 1000 », « 3000 » in a « Montant » column (formatted Texte, or imported from a CSV) are amounts, not account numbers, and are said", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["CHARGES", null],
      ["Achats", "1000"],
      ["Salaires", 2500],
      ["Loyer", "1200"],
      ["PRODUITS", null],
      ["Subvention", "3000"],
      ["Cotisations", 2000],
      ["Dons", "1700"],
    ]);
    expect(r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null])).toEqual([
      ["Achats", 1000],
      ["Salaires", 2500],
      ["Loyer", 1200],
      ["Subvention", 3000],
      ["Cotisations", 2000],
      ["Dons", 1700],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["amounts_as_text", "B3"]]);
  });

  it("under an account header the same figures stay account numbers", () => {
    const r = read([
      ["Compte", "Libellé", "Montant"],
      ["6060", "Achats", 1000],
      ["6410", "Salaires", 2500],
      ["7400", "Subvention", 3000],
    ]);
    expect(r.lines.map((l) => [l.account, l.amount.kind === "value" ? l.amount.cents / 100 : null])).toEqual([
      ["6060", 1000],
      ["6410", 2500],
      ["7400", 3000],
    ]);
  });
});

describe("a « Montant » column beside a « Budget 2027 » column", () => {
  const rows: CellValue[][] = [
    ["Poste", "Montant", "Budget 2027"],
    ["CHARGES", null, null],
    ["Loyer", 1200, 1300],
    ["Salaires", 5000, 5200],
    ["PRODUITS", null, null],
    ["Subvention de la commune", 4000, 4500],
    ["Dons", 2200, 2000],
  ];

  it("are two versions of the budget, each read apart, never two actions added (Loyer was 2 500 €); the choice is said", () => {
    const r = read(rows);
    expect(r.budgets[0]!.layout).toBe("multi_year");
    expect(r.budgets[0]!.columns.map((k) => k.role)).toEqual(["scenario", "scenario"]);
    expect(r.lines.filter((l) => l.label === "Loyer").map((l) => [l.scenario, l.amount])).toEqual([
      ["Montant", { kind: "value", cents: 120000 }],
      ["Budget 2027", { kind: "value", cents: 130000 }],
    ]);
    const said = r.issues.filter((i) => i.code === "amount_versions");
    expect(said).toHaveLength(1);
    expect(said[0]!.message).toContain("B « Montant » et C « Budget 2027 » sont lues comme des versions du même budget");
    expect(said[0]!.message).toContain("--column « Budget 2027 »");
  });

  it("while columns named as actions beside each other stay actions of one budget", () => {
    const r = read(rows.map((row, i) => (i === 0 ? ["Poste", "Fonctionnement", "Festival"] : row)));
    expect(r.budgets[0]!.layout).toBe("analytic_columns");
    expect(r.issues.some((i) => i.code === "amount_versions")).toBe(false);
  });
});
