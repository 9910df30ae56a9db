// Kinds of reading failure seen on real budgets nobody on the team had seen (issue 11, the seventh blind sets):
// each a small grid laid out as the treasurer laid it out, failing without its fix.
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][], name = "Budget") => readBudgets({ name: "test.xlsx", sheets: [gridSheet(name, rows)] });
const amounts = (r: ReturnType<typeof readBudgets>) => r.lines.map((l) => [l.label, l.column, l.amount.kind === "value" ? l.amount.cents / 100 : null]);

describe("a text in the first amount row is typed on a line, not the column's title", () => {
  it("« NaN » beside a heading under « Montant » leaves the column named « Montant »", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Recettes", "NaN"],
      ["Cotisations", 500],
      ["Dons", 1000],
      ["Dépenses", null],
      ["Loyer", 800],
    ]);
    expect(amounts(r)).toEqual([
      ["Cotisations", "Montant", 500],
      ["Dons", "Montant", 1000],
      ["Loyer", "Montant", 800],
    ]);
  });

  it("« à définir » on the first line is said as a text where an amount belongs, the column stays « Montant »", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Cotisations", "à définir"],
      ["Dons", 1000],
      ["Loyer", 800],
    ]);
    expect(r.lines.map((l) => l.column)).toEqual(["Montant", "Montant"]);
    expect(r.issues.filter((i) => i.code === "text_not_a_number").map((i) => i.cell)).toEqual(["B2"]);
  });

  it("while a second header row under the first still names the columns (« Action A » under « Budget 2025 »)", () => {
    const r = read([
      ["Poste", "Budget 2025", null],
      [null, "Action A", "Action B"],
      ["Loyer", 500, 300],
      ["Subvention", 500, 300],
    ]);
    expect(r.lines.map((l) => l.column)).toEqual(["Action A", "Action B", "Action A", "Action B"]);
  });
});

describe("a header row of years is a header whatever the century", () => {
  it("« Poste | 1899 | 1900 » names two years of historical accounts, never a line « Poste » of 1 899 €", () => {
    const r = read([
      ["Poste", 1899, 1900],
      ["Cotisations", 120, 130],
      ["Dons", 50, 60],
      ["Loyer", 80, 90],
    ]);
    expect(r.lines.map((l) => l.label)).not.toContain("Poste");
    expect([...new Set(r.lines.map((l) => l.scenario))]).toEqual(["1899", "1900"]);
  });

  it("« 1850-1851 | 1851-1852 » are two exercises, each its own analysis, not two actions added", () => {
    const r = read([
      ["Recettes", "1850-1851", "1851-1852"],
      ["Cotisations", 120, 130],
      ["Dons", 50, 60],
      ["Dépenses", null, null],
      ["Loyer", 80, 90],
    ]);
    expect(r.budgets[0]!.layout).toBe("multi_year");
    expect([...new Set(r.lines.map((l) => l.scenario))]).toEqual(["1850-1851", "1851-1852"]);
  });

  it("while an older number that is no run of years is an amount (« Charges | 1850 | 1920 »)", () => {
    const r = read([
      ["Libellé", "Budget", "Réalisé"],
      ["Charges", 1850, 1920],
      ["Loyer", 1850, 1920],
      ["Produits", null, null],
      ["Cotisations", 1850, 1920],
    ]);
    expect(r.lines.filter((l) => l.label === "Loyer").map((l) => l.amount)).toEqual([
      { kind: "value", cents: 185000 },
      { kind: "value", cents: 192000 },
    ]);
  });
});

describe("a block of running costs after the receipts switches to charges", () => {
  it("« Frais d'exploitation » after « Recettes » makes its lines charges, without the word « charges »", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Recettes", null],
      ["Cotisations", 500],
      ["Subvention commune", 700],
      ["Frais d'exploitation", null],
      ["Location salle", 800],
      ["Fournitures", 200],
    ]);
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Cotisations", "income"],
      ["Subvention commune", "income"],
      ["Location salle", "expense"],
      ["Fournitures", "expense"],
    ]);
  });
});

describe("a total is a sum of something", () => {
  it("« Charges 120 » between two charges that it does not add up is a line, and « Produits 40 » among receipts too", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Dépenses", null],
      ["Loyer", 800],
      ["Charges", 120],
      ["Assurance", 200],
      ["Recettes", null],
      ["Cotisations", 500],
      ["Produits", 40],
      ["Dons", 60],
    ]);
    expect(amounts(r).map((a) => a[0])).toEqual(["Loyer", "Charges", "Assurance", "Cotisations", "Produits", "Dons"]);
  });

  it("while « Charges 1 000 » over the lines it adds, or under them, is their total", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", 1000],
      ["Loyer", 800],
      ["Assurance", 200],
      ["Recettes", null],
      ["Cotisations", 300],
      ["Dons", 200],
      ["Produits", 500],
    ]);
    expect(r.skipped.map((s) => [s.label, s.why])).toEqual([
      ["Produits", "total"],
      ["Charges", "total"],
    ]);
  });
});

describe("one amount column per partner: every partner's amounts are read", () => {
  it("« Asso C » holding a single number beside « Asso A | Asso B » is that partner's column, its row a line", () => {
    const r = read([
      ["Poste", "Asso A", "Asso B", "Asso C"],
      ["Charges", null, null, null],
      ["Loyer", 800, 300, null],
      ["Assurance", 200, 100, null],
      ["Salaires", null, null, 900],
      ["Produits", null, null, null],
      ["Cotisations", 500, 400, null],
    ]);
    expect(amounts(r)).toContainEqual(["Salaires", "Asso C", 900]);
    expect(r.lines.filter((l) => l.label === "Salaires").map((l) => l.amountCell)).toEqual(["D5"]);
  });
});

describe("a loss on what debtors owe is a charge (654), not a balance", () => {
  it("« Perte sur débiteurs », « Créances irrécouvrables », « Pertes sur créances irrécouvrables » are read and filed as other operating costs", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", null],
      ["Loyer", 800],
      ["Perte sur débiteurs", 150],
      ["Créances irrécouvrables", 60],
      ["Pertes sur créances irrécouvrables", 95],
      ["Produits", null],
      ["Cotisations", 500],
    ]);
    expect(r.skipped).toEqual([]);
    const losses = classifyLines(r.lines).filter((l) => l.label !== "Loyer" && l.label !== "Cotisations");
    expect(losses.map((l) => [l.label, l.section, l.lever])).toEqual([
      ["Perte sur débiteurs", "expense", "other_operating"],
      ["Créances irrécouvrables", "expense", "other_operating"],
      ["Pertes sur créances irrécouvrables", "expense", "other_operating"],
    ]);
  });

  it("while « Créances » owed at the year's end stays a balance row", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", null],
      ["Loyer", 800],
      ["Créances", 300],
      ["Produits", null],
      ["Cotisations", 500],
    ]);
    expect(r.skipped.map((s) => [s.label, s.why])).toEqual([["Créances", "balance_sheet_account"]]);
  });
});

describe("a total that adds up nothing is a line", () => {
  it("« Total manifestation 1 200 » alone under its heading, with nothing above or below that sums to it, is the event's line", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Dépenses", null],
      ["Loyer", 800],
      ["Assurance", 200],
      ["Manifestation", null],
      ["Total manifestation", 1200],
      ["Recettes", null],
      ["Cotisations", 500],
      ["Dons", 1500],
    ]);
    expect(amounts(r).map((a) => a[0])).toEqual(["Loyer", "Assurance", "Total manifestation", "Cotisations", "Dons"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("the only row under « Dépenses » is the block's line", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Dépenses", null],
      ["Total sortie au zoo", 640],
      ["Recettes", null],
      ["Participation des familles", 300],
      ["Subvention commune", 340],
    ]);
    expect(amounts(r)).toContainEqual(["Total sortie au zoo", "Montant", 640]);
    expect(r.skipped).toEqual([]);
  });

  it("a charge is no subtotal of the produits under it: « Sortie au zoo 640 » over 300 + 340 of receipts is a line", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Dépenses", null],
      ["Sortie au zoo", 640],
      ["Recettes", null],
      ["Participation des familles", 300],
      ["Subvention commune", 340],
    ]);
    expect(amounts(r).map((a) => a[0])).toEqual(["Sortie au zoo", "Participation des familles", "Subvention commune"]);
  });

  it("while a lone total that the lines above add up stays their total, and « Total du bilan », « Total actif », « Total passif » stay skipped", () => {
    const recap = read([
      ["Libellé", "Montant"],
      ["Dépenses", null],
      ["Loyer", 800],
      ["Assurance", 200],
      ["Récapitulatif", null],
      ["Total manifestation", 1000],
      ["Recettes", null],
      ["Cotisations", 1000],
    ]);
    expect(recap.skipped.map((s) => [s.label, s.why])).toEqual([["Total manifestation", "total"]]);
    for (const label of ["Total du bilan", "Total actif", "Total passif"]) {
      const r = read([
        ["Libellé", "Montant"],
        ["Charges", null],
        ["Loyer", 800],
        ["Produits", null],
        ["Cotisations", 900],
        ["Bilan", null],
        [label, 7000],
      ]);
      expect(r.lines.map((l) => l.label), label).toEqual(["Loyer", "Cotisations"]);
    }
  });
});

describe("a partner's costs under a block of money paid out, two headings up", () => {
  it("« Salaires » under « Partenaire B » under « Subventions versées à … » is a grant paid (657), not the association's staff", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", null],
      ["Subventions versées aux associations partenaires", null],
      ["Partenaire B", null],
      ["Salaires", 900],
      ["Loyer", 300],
      ["Frais de fonctionnement", null],
      ["Salaires", 1000],
      ["Produits", null],
      ["Cotisations", 2500],
    ]);
    expect(classifyLines(r.lines).map((l) => [l.label, l.row, l.lever])).toEqual([
      ["Salaires", 5, "other_operating"],
      ["Loyer", 6, "other_operating"],
      // A heading of the association's own costs after the block ends it.
      ["Salaires", 8, "staff"],
      ["Cotisations", 10, "membership_fees"],
    ]);
  });

  it("a total of the block ends it too, and « Reversements aux partenaires » opens such a block as well", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Dépenses", null],
      ["Reversements aux partenaires", null],
      ["Comité de Dakar", null],
      ["Salaires", 900],
      ["Total des reversements aux partenaires", 900],
      ["Salaires", 1000],
      ["Recettes", null],
      ["Cotisations", 1900],
    ]);
    expect(classifyLines(r.lines).map((l) => [l.label, l.row, l.lever])).toEqual([
      ["Salaires", 5, "common_operations"],
      ["Salaires", 7, "staff"],
      ["Cotisations", 9, "membership_fees"],
    ]);
  });
});

describe("a sheet named by its side says the side of its lines, one line or many", () => {
  it("a sheet « Ressources » holding one row « Cotisations | 500 » is a budget of one produit", () => {
    const r = read([["Cotisations", 500]], "Ressources");
    expect(r.lines.map((l) => [l.label, l.amount, l.context.sectionHint])).toEqual([["Cotisations", { kind: "value", cents: 50000 }, "income"]]);
  });

  it("a sheet « EMPLOI » (or « Emploi ») is a sheet of charges, one line or many", () => {
    const one = read([["Loyer", 500]], "EMPLOI");
    expect(one.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([["Loyer", "expense"]]);
    const many = read([["Libellé", "Montant"], ["Intervenants", 500], ["Cotisation fédération", 300]], "Emploi");
    expect(many.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Intervenants", "expense"],
      ["Cotisation fédération", "expense"],
    ]);
  });

  it("while a one-row sheet of a number under no side (« Feuil1 », « Adhérents ») is no budget", () => {
    expect(read([["Cotisations", 500]], "Feuil1").budgets).toEqual([]);
    expect(read([["Martin", 42]], "Adhérents").budgets).toEqual([]);
  });
});

describe("a monthly finance sheet is one budget, its months never actions", () => {
  const M = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre"];
  it("with no total column, each line's months are its parts, added in one analysis (not twelve actions)", () => {
    const r = read([
      ["Poste", ...M],
      ["Recettes"],
      ["Cotisations", 100, null, null, null, null, null, null, null, 200, null, null, null],
      ["Subvention mairie", null, null, null, 1500, null, null, null, null, null, null, null, null],
      ["Dépenses"],
      ["Loyer", 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50],
    ]);
    expect(r.budgets.map((b) => b.layout)).toEqual(["vertical_sections"]);
    expect(r.budgets[0]!.columns.map((c) => c.role)).toEqual(M.map(() => "scenario"));
    expect(new Set(r.lines.map((l) => l.scenario)).size).toBe(1);
    expect(r.lines.some((l) => l.context.analyticColumn)).toBe(false);
    const byLabel = new Map<string, number>();
    for (const l of r.lines) byLabel.set(l.label, (byLabel.get(l.label) ?? 0) + (l.amount.kind === "value" ? l.amount.cents / 100 : 0));
    expect([...byLabel]).toEqual([
      ["Cotisations", 300],
      ["Subvention mairie", 1500],
      ["Loyer", 600],
    ]);
  });

  it("« 2024 » typed alone above the months is the table's year: « Janvier » stays a month, the « Total » the amounts", () => {
    for (const year of ["2024", 2024]) {
      const r = read([
        ["", year],
        ["", ...M, "Total"],
        ["Cotisations", ...M.map(() => 10), 120],
        ["Loyer", ...M.map(() => 50), 600],
      ]);
      expect(amounts(r), String(typeof year)).toEqual([
        ["Cotisations", "Total", 120],
        ["Loyer", "Total", 600],
      ]);
    }
  });

  it("months typed as dates (« janv.-24 », given as 2024-01-01) title their columns as months, and say no « date where an amount belongs »", () => {
    const D = M.map((_, i) => `2024-${String(i + 1).padStart(2, "0")}-01`);
    const r = read([
      ["Poste", ...D],
      ["Cotisations", ...D.map(() => 10)],
      ["Loyer", ...D.map(() => 50)],
    ]);
    expect(r.budgets[0]!.columns.map((c) => c.header).slice(0, 3)).toEqual(["janvier 2024", "février 2024", "mars 2024"]);
    expect(r.budgets[0]!.layout).not.toBe("analytic_columns");
    expect(new Set(r.lines.map((l) => l.scenario)).size).toBe(1);
    expect(r.issues.filter((i) => i.code === "date_not_an_amount")).toEqual([]);
  });

  it("« Total saison » after « Septembre … Août » is the months' total: the budget's amounts, the months not added again", () => {
    const season = ["Septembre", "Octobre", "Novembre", "Décembre", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août"];
    const r = read(
      [
        ["", ...season, "Total saison"],
        ["Licences", 1000, 200, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1250],
        ["Salaire entraîneur", 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 0, 0, 3000],
      ],
      "Finances",
    );
    expect(amounts(r)).toEqual([
      ["Licences", "Total saison", 1250],
      ["Salaire entraîneur", "Total saison", 3000],
    ]);
  });
});

describe("a balance or a result row is no line and no total of the lines", () => {
  it("« Soldes » and « Soldes de l'exercice » under the produits are the year's result, set aside, not a produit", () => {
    for (const label of ["Soldes", "Soldes de l'exercice"]) {
      const r = read([
        ["Libellé", "Montant"],
        ["Charges", null],
        ["Loyer", 800],
        ["Produits", null],
        ["Cotisations", 1500],
        ["Total produits", 1500],
        [label, 700],
      ]);
      expect(r.lines.map((l) => l.label), label).toEqual(["Loyer", "Cotisations"]);
      expect(r.skipped.map((s) => [s.label, s.why]), label).toContainEqual([label, "result"]);
    }
  });

  it("« Solde » written among the charges to balance them (charges + solde = produits) raises no false total_mismatch", () => {
    const r = read([
      ["Libellé", "Budget", "Réalisé"],
      ["Charges", null, null],
      ["Loyer", 800, 750],
      ["Assurance", 200, 210],
      ["Solde", 500, 540],
      ["Total charges", 1500, 1500],
      ["Produits", null, null],
      ["Cotisations", 1500, 1500],
      ["Total produits", 1500, 1500],
    ]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
    expect(r.lines.map((l) => l.label)).not.toContain("Solde");
  });

  it("while a total that a line is missing from still says so, a result beside it or not", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", null],
      ["Loyer", 800],
      ["Solde", 500],
      ["Total charges", 1600],
      ["Produits", null],
      ["Cotisations", 1300],
    ]);
    expect(r.issues.filter((i) => i.code === "total_mismatch").map((i) => i.cell)).toEqual(["B5"]);
  });
});

describe("a balance sheet beside the budget is set aside, never read as charges or produits", () => {
  const skippedAs = (r: ReturnType<typeof readBudgets>, why: string) => r.skipped.filter((s) => s.why === why).map((s) => s.label);
  it("« Actif » and « Passif » blocks under the budget: their rows are balance rows, skipped with that reason", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", null],
      ["Loyer", 800],
      ["Produits", null],
      ["Cotisations", 900],
      [null, null],
      ["Actif", null],
      ["Matériel", 5000],
      ["Banque", 2000],
      ["Total actif", 7000],
      ["Passif", null],
      ["Fonds propres", 4000],
      ["Dettes fournisseurs", 3000],
      ["Total passif", 7000],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["Loyer", "Cotisations"]);
    expect(skippedAs(r, "balance_sheet_account")).toEqual(["Matériel", "Banque", "Fonds propres", "Dettes fournisseurs"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  // « Compte courant | 2000 » is that account's balance, not a header row naming the year 2000 (it was lost in silence).
  it("« ACTIF | Montant » typed as a second table's header, and « Actif immobilisé », « Passif circulant » as headings, too", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", null],
      ["Loyer", 800],
      ["Produits", null],
      ["Cotisations", 900],
      ["ACTIF", "Montant"],
      ["Actif immobilisé", null],
      ["Matériel informatique", 5000],
      ["Actif circulant", null],
      ["Compte courant", 2000],
      ["PASSIF", "Montant"],
      ["Passif circulant", null],
      ["Emprunt", 3000],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["Loyer", "Cotisations"]);
    expect(skippedAs(r, "balance_sheet_account")).toEqual(["Matériel informatique", "Compte courant", "Emprunt"]);
  });

  it("« Actif | Montant » and « Passif | Montant » tables beside the budget are set aside with that reason, not dropped in silence", () => {
    const r = read([
      ["Libellé", "Montant", null, "Actif", "Montant", "Passif", "Montant"],
      ["Charges", null, null, "Immobilisations", 5000, "Fonds associatifs", 4000],
      ["Loyer", 800, null, "Disponibilités", 2000, "Dettes", 3000],
      ["Produits", null, null, "Total actif", 7000, "Total passif", 7000],
      ["Cotisations", 900],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["Loyer", "Cotisations"]);
    expect(skippedAs(r, "balance_sheet_account").sort()).toEqual(["Dettes", "Disponibilités", "Fonds associatifs", "Immobilisations"]);
    expect(skippedAs(r, "total").sort()).toEqual(["Total actif", "Total passif"]);
  });

  it("« Total du bilan » under « Bilan / Actif / Passif » is the balance sheet's own total, checked against no line", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Charges", null],
      ["Loyer", 800],
      ["Produits", null],
      ["Cotisations", 900],
      ["Bilan", null],
      ["Actif", null],
      ["Matériel informatique", 5000],
      ["Livret A", 2000],
      ["Passif", null],
      ["Fonds propres", 4000],
      ["Emprunt", 3000],
      ["Total du bilan", 7000],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["Loyer", "Cotisations"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("while « Actif » / « Passif » alone, an old cash account's receipts and payments (« État financier 1907 »), are its lines", () => {
    const r = read(
      [
        ["Libellé", "1907 (francs)"],
        ["Actif", null],
        ["Pensions des pupilles", 7787],
        ["Vente de cartes postales", 157.95],
        ["Passif", null],
        ["Alimentation : pain", 1825.75],
        ["Loyer", 900],
      ],
      "État financier 1907",
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Pensions des pupilles", "Vente de cartes postales", "Alimentation : pain", "Loyer"]);
  });

  it("while a sheet « Bilan 2024 » of charges and produits (a year's report) is read", () => {
    const r = read([["Libellé", "Montant"], ["Charges", null], ["Loyer", 800], ["Produits", null], ["Cotisations", 900]], "Bilan 2024");
    expect(r.lines.map((l) => l.label)).toEqual(["Loyer", "Cotisations"]);
  });
});

describe("a cash book's running balance is no amount", () => {
  it("« Recettes | Dépenses | Solde »: each line is its receipt or payment, not the balance after it", () => {
    const r = read([
      ["Date", "Libellé", "Recettes", "Dépenses", "Solde"],
      ["02/01", "Cotisations", 500, null, 1500],
      ["03/01", "Loyer", null, 300, 1200],
      ["04/01", "Dons", 100, null, 1300],
      ["05/01", "Assurance", null, 200, 1100],
    ]);
    expect(r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null, l.context.sectionHint])).toEqual([
      ["Cotisations", 500, "income"],
      ["Loyer", 300, "expense"],
      ["Dons", 100, "income"],
      ["Assurance", 200, "expense"],
    ]);
  });

  it("while a trial balance's « Solde », the row's debit less its credit, is still read as the account's amount", () => {
    const r = read([
      ["Compte", "Intitulé", "Débit", "Crédit", "Solde"],
      ["606000", "Fournitures", 150, 30, 120],
      ["706000", "Ventes", 0, 500, -500],
    ]);
    expect(r.lines.map((l) => [l.label, l.amountCell])).toEqual([
      ["Fournitures", "E2"],
      ["Ventes", "E3"],
    ]);
  });
});
