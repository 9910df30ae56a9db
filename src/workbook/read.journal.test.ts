// Journals, typed lists and one-line tables read as their blocks are (issue 11): a journal with one side empty is
// still a budget, a column with a single number is an amount column when the header or the table says so.
import { describe, expect, it } from "vitest";
import { classify } from "../engine/classify.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][], name = "Récapitulatif") => readBudgets({ name: "test.xlsx", sheets: [gridSheet(name, rows)] });
const sides = (r: ReturnType<typeof read>) => r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null, l.context.sectionHint]);

describe("a journal « Poste | Dépenses | Recettes | Bénéfice » with one side empty", () => {
  it("is a budget of expenses when its Recettes column is empty (a budget request)", () => {
    const r = read([
      ["Demande de budget 2013-2014"],
      [],
      ["Poste", "Dépenses", "Recettes", "Bénéfice"],
      ["NDD", 8, null, -8],
      ["Hébergement", 216, null, -216],
      ["Ordinateur Portable", 1059.9, null, -1059.9],
      ["Projecteur", 743, null, -743],
      ["Polos", 576, null, -576],
      ["Total", 2602.9, null, -2602.9],
    ]);
    expect(r.budgets).toHaveLength(1);
    expect(sides(r)).toEqual([
      ["NDD", 8, "expense"],
      ["Hébergement", 216, "expense"],
      ["Ordinateur Portable", 1059.9, "expense"],
      ["Projecteur", 743, "expense"],
      ["Polos", 576, "expense"],
    ]);
  });

  it("is still one when a signature under it, or the header repeated, writes in the empty column", () => {
    const r = read([
      ["Poste", "Dépenses", "Recettes", "Bénéfice"],
      ["NDD", 8, null, -8],
      ["Hébergement", 216, null, -216],
      ["Poste", "Dépenses", "Recettes", "Bénéfice"],
      ["Projecteur", 743, null, -743],
      ["Polos", 576, null, -576],
      [],
      ["Le trésorier", null, "La présidente"],
    ]);
    expect(sides(r).map((l) => l[0])).toEqual(["NDD", "Hébergement", "Projecteur", "Polos"]);
  });

  it("is a budget of produits when its Dépenses column, the last, is empty", () => {
    const r = read([
      ["Poste", "Recettes", "Dépenses"],
      ["Pycon", 150],
      ["Sprint", 80],
      ["Meetup", 40],
    ]);
    expect(sides(r)).toEqual([
      ["Pycon", 150, "income"],
      ["Sprint", 80, "income"],
      ["Meetup", 40, "income"],
    ]);
  });
});

describe("a journal « Poste | Dépenses | Recettes | Bénéfice »: the column an amount is typed in says its side", () => {
  // A society's accounts typed as a journal: « produits financiers » has nothing this year, so its row looks like a
  // heading, and the charges typed under it in the Dépenses column were read as negative produits financiers.
  it("a charge typed in Dépenses under a row that reads as a heading of produits is a charge", () => {
    const r = read([
      ["Poste", "Dépenses", "Recettes", "Bénéfice"],
      ["cotisations année en cours", null, 2000, 2000],
      ["vente publication", null, 875, 875],
      ["produits financiers", null, null, 0],
      ["autres produits", null, 150, 150],
      ["frais de poste", 1200, null, -1200],
      ["achat ordinateur", 1400, null, -1400],
    ]);
    expect(sides(r)).toEqual([
      ["cotisations année en cours", 2000, "income"],
      ["vente publication", 875, "income"],
      ["autres produits", 150, "income"],
      ["frais de poste", 1200, "expense"],
      ["achat ordinateur", 1400, "expense"],
    ]);
  });

  it("a Recettes amount under « Dépenses » is a produit; a debit under « Produits » in Débit | Crédit stays a reduction", () => {
    const journal = read([["Poste", "Dépenses", "Recettes"], ["Dépenses", null, null], ["Location", 300, null], ["Revente du matériel", null, 120]]);
    expect(sides(journal)).toEqual([
      ["Location", 300, "expense"],
      ["Revente du matériel", 120, "income"],
    ]);
    const ledger = read([["Libellé", "Débit", "Crédit"], ["Produits", null, null], ["Ventes", null, 900], ["Remboursement aux clients", 50, null]]);
    expect(sides(ledger)).toEqual([
      ["Ventes", 900, "income"],
      ["Remboursement aux clients", -50, "income"],
    ]);
  });
});

describe("a column with a single amount", () => {
  it("is an amount column when its header names a side: the one produit of a journal of expenses is read", () => {
    const r = read([
      ["Poste", "Dépenses", "Recettes"],
      ["Location de la salle", 300, null],
      ["Affiches", 120, null],
      ["Buvette", null, 450],
      ["Sono", 200, null],
    ]);
    expect(sides(r)).toEqual([
      ["Location de la salle", 300, "expense"],
      ["Affiches", 120, "expense"],
      ["Buvette", 450, "income"],
      ["Sono", 200, "expense"],
    ]);
  });

  it("under no money header is not counted, and the number beside a line is said, never dropped in silence", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Location de la salle", 300],
      ["Affiches", 120, 2],
      ["Sono", 200],
    ]);
    expect(sides(r).map((l) => l[1])).toEqual([300, 120, 200]);
    const said = r.issues.find((i) => i.cell === "C3");
    expect(said?.code).toBe("lone_number");
    expect(said?.message).toContain("« Affiches »");
  });
});

describe("a Type-column list of a single operation", () => {
  it("is a budget: the Type cell says its side, the label stays the label", () => {
    const r = read(
      [
        ["Libellé", "Type", "2012"],
        ["Subvention exceptionnelle de la Ville", "Recette", 90000],
        [],
        ["Total des recettes", null, 90000],
        ["Total des dépenses", null, 0],
      ],
      "MJC 2012",
    );
    expect(sides(r)).toEqual([["Subvention exceptionnelle de la Ville", 90000, "income"]]);
  });
});

describe("a « Poste » or « Type » column beside the labels", () => {
  it("is each line's block, as a heading is in a vertical budget: a grant paid to a partner's salaries is no staff", () => {
    const r = read([
      ["Date", "Poste", "Libellé", "Dépenses", "Recettes"],
      ["2017-01-10", "Subventions versées à FONHSUD", "Salaires", 10800, null],
      ["2017-02-01", "Dons", "Stripe", null, 1373.24],
      ["2017-03-01", "Manifestations", "Buvette", null, 450],
      ["2017-05-01", "Frais bancaires", "Crédit Mutuel", 60, null],
    ]);
    expect(r.lines.map((l) => [l.label, l.context.heading])).toEqual([
      ["Salaires", "Subventions versées à FONHSUD"],
      ["Stripe", "Dons"],
      ["Buvette", "Manifestations"],
      ["Crédit Mutuel", "Frais bancaires"],
    ]);
    const salaries = r.lines[0]!;
    expect(classify({ label: salaries.label, context: salaries.context }).lever).toBe("other_operating");
  });

  it("« Type | Intitulé | Montant », the type naming kinds (« Dons », « Cotisations »), not sides", () => {
    const r = read([
      ["Type", "Intitulé", "Montant"],
      ["Dons", "Stripe", 1373.24],
      ["Dons", "Paypal", 779.8],
      ["Cotisations", "Adhésions 2020", 1200],
    ]);
    expect(r.lines.map((l) => [l.label, l.context.heading])).toEqual([
      ["Stripe", "Dons"],
      ["Paypal", "Dons"],
      ["Adhésions 2020", "Cotisations"],
    ]);
  });
});

describe("a table of one line", () => {
  it("reads each titled column's number as that line's amount: what was asked and what was granted are two versions", () => {
    const r = read(
      [
        ["CILOE — Conseil de Paris, septembre 1998"],
        [],
        ["Libellé", "Proposé (F)", "Sollicité (F)"],
        ["Recettes"],
        ["Subvention de fonctionnement de la Ville de Paris", 3000, 9000],
      ],
      "CILOE 1998",
    );
    expect(r.budgets.map((b) => [b.layout, b.amountColumns])).toEqual([["multi_year", ["Proposé (F)", "Sollicité (F)"]]]);
    expect(r.lines.map((l) => [l.scenario, l.amount.kind === "value" ? l.amount.cents / 100 : null])).toEqual([
      ["Proposé (F)", 3000],
      ["Sollicité (F)", 9000],
    ]);
  });

  it("leaves out a number whose title says it is no money (« Téléphone », « Âge »)", () => {
    const r = read([
      ["Libellé", "Téléphone", "Âge", "Montant"],
      ["Recettes"],
      ["Cotisation de l'école de musique", 612345678, 12, 50],
    ]);
    expect(r.lines.map((l) => [l.scenario, l.amount.kind === "value" ? l.amount.cents / 100 : null])).toEqual([["Montant", 50]]);
  });

  it("takes a title with a sum in it for the column's title when it sits in the header row", () => {
    const r = read([
      ["Libellé", "Voté", "Selon le critère de 13 € par licencié"],
      ["Recettes"],
      ["Subvention annuelle de fonctionnement de la Ville de Paris", 650, 1261],
    ]);
    expect(r.budgets[0]?.amountColumns).toEqual(["Voté", "Selon le critère de 13 € par licencié"]);
  });
});
