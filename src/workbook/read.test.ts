import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "../engine/classify.ts";
import { readBudgets } from "./read.ts";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

/** A sheet from a grid of values (row 1 first, column A first). */
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "test.xlsx", sheets });

describe("readBudgets on hand-made layouts", () => {
  it("reads a table that does not start in A1, with amounts typed as French text", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          [null, null, null],
          [null, null, null],
          [null, "Budget 2026 de l'association", null],
          [null, "DÉPENSES", "Montant"],
          [null, "Achats fournitures", "1 200,50 €"],
          [null, "Assurance", 300],
          [null, "RECETTES", null],
          [null, "Subvention mairie", "1\u202f500"],
          [null, "Cotisations", "(0,50)"],
          [null, "Total recettes", 1499.5],
        ]),
      ),
    );
    expect(r.budgets).toHaveLength(1);
    expect(r.lines.map((l) => [l.label, l.amount, l.context.sectionHint])).toEqual([
      ["Achats fournitures", { kind: "value", cents: 120050 }, "expense"],
      ["Assurance", { kind: "value", cents: 30000 }, "expense"],
      ["Subvention mairie", { kind: "value", cents: 150000 }, "income"],
      ["Cotisations", { kind: "value", cents: -50 }, "income"],
    ]);
    expect(r.skipped).toEqual([{ sheet: "Budget", row: 10, cell: "B10", label: "Total recettes", why: "total" }]);
  });

  it("takes a chapter row that sums the lines under it for a subtotal, and a lone chapter with its own amount for a line", () => {
    const r = readBudgets(
      book(
        sheet("B", [
          ["Charges", "Montant"],
          ["Achats", 800],
          ["Fournitures", 500],
          ["Petit matériel", 300],
          ["Charges de personnel", 4000],
          ["Impôts et taxes", 100],
          ["Produits", null],
          ["Subventions", 3000],
          ["Subvention Région", 2000],
          ["Subvention commune", 1000],
          ["Dons", 1900],
        ]),
      ),
    );
    expect(r.skipped.map((s) => [s.label, s.why])).toEqual([
      ["Achats", "subtotal"],
      ["Subventions", "subtotal"],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["Fournitures", "Petit matériel", "Charges de personnel", "Impôts et taxes", "Subvention Région", "Subvention commune", "Dons"]);
  });

  it("never adds a « dont » row twice", () => {
    const r = readBudgets(
      book(
        sheet("B", [
          ["Dépenses", "Montant"],
          ["Salaires", 5000],
          ["dont coordination", 2000],
          ["Loyer", 1000],
        ]),
      ),
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Salaires", "Loyer"]);
    expect(r.skipped).toEqual([{ sheet: "B", row: 3, cell: "A3", label: "dont coordination", why: "breakdown" }]);
  });

  it("reports an error cell as an issue and keeps the line without summing it", () => {
    const r = readBudgets(
      book(
        sheet("B", [
          ["Recettes", "Montant"],
          ["Subvention DRAC", { error: "#REF!" }],
          ["Billetterie", 3000],
          ["Dons", 100],
        ]),
      ),
    );
    expect(r.lines[0]!.amount).toEqual({ kind: "error", error: "#REF!" });
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["cell_error", "B2"]]);
    expect(r.issues[0]!.message).toMatch(/#REF!.*n'est pas compté/);
  });

  it("reads a budget split over two sheets, Ressources and Emplois, as one scenario", () => {
    const r = readBudgets(
      book(
        sheet("Ressources", [
          ["Libellé", "Budget 2026"],
          ["Subvention Département", 10000],
          ["Cotisations", 2000],
        ]),
        sheet("Emplois", [
          ["Libellé", "Montant"],
          ["Salaires", 9000],
          ["Loyer", 3000],
        ]),
      ),
    );
    expect(r.budgets.map((b) => b.sheet)).toEqual(["Ressources", "Emplois"]);
    expect(new Set(r.lines.map((l) => l.scenario))).toEqual(new Set(["Budget 2026"]));
    expect(r.lines.map((l) => l.context.sectionHint)).toEqual(["income", "income", "expense", "expense"]);
  });

  it("reads a journal with Débit and Crédit on the same row", () => {
    const r = readBudgets(
      book(
        sheet("Journal", [
          ["Date", "Libellé", "Débit", "Crédit"],
          ["2026-01-05", "Achat fournitures bureau", 120, null],
          ["2026-01-09", "Subvention mairie", null, 1500],
          ["2026-02-01", "Cotisations adhérents", null, 600],
          ["2026-02-03", "Assurance MAIF", 280, null],
        ]),
      ),
    );
    expect(r.budgets[0]!.layout).toBe("journal");
    expect(r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents : null, l.context.sectionHint])).toEqual([
      ["Achat fournitures bureau", 12000, "expense"],
      ["Subvention mairie", 150000, "income"],
      ["Cotisations adhérents", 60000, "income"],
      ["Assurance MAIF", 28000, "expense"],
    ]);
  });

  it("takes a row of years under the column titles for a header, not for a line", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          [null, "Réalisé", "Budget", "Prévisionnel"],
          ["Poste", 2024, 2025, 2026],
          ["Charges", null, null, null],
          ["Achats", 5000, 5200, 5600],
          ["Assurance", 2000, 2000, 2100],
          ["Produits", null, null, null],
          ["Subventions", 4000, 4100, 4200],
          ["Cotisations", 3000, 3100, 3200],
        ]),
      ),
    );
    expect(r.budgets.map((b) => b.amountColumns)).toEqual([["Réalisé 2024", "Budget 2025", "Prévisionnel 2026"]]);
    expect([...new Set(r.lines.map((l) => l.label))]).toEqual(["Achats", "Assurance", "Subventions", "Cotisations"]);
    expect(r.lines.find((l) => l.label === "Assurance" && l.scenario === "Réalisé 2024")!.amount).toEqual({ kind: "value", cents: 200000 });
  });

  it("skips a summary sheet whose amounts are formulas over the detailed budget, so nothing counts twice", () => {
    const detail = sheet("Budget détaillé", [["Charges", "Montant"], ["Achats", 1200], ["Loyer", 6000], ["Salaires", 30000], ["Produits", null], ["Subvention Région", 20000], ["Ventes", 17200]]);
    const f = (formula: string, value: number) => ({ value, formula });
    const summary: SheetSnapshot = {
      ...sheet("Synthèse", [["Charges", "Montant"], ["Achats et loyer", 7200], ["Personnel", 30000], ["Produits", null], ["Subventions", 20000], ["Ventes", 17200]]),
    };
    summary.rows = summary.rows.map((r) => ({
      ...r,
      cells: r.cells.map((c) =>
        c.col !== 2 || typeof c.value !== "number"
          ? c
          : { ...c, ...f({ 2: "'Budget détaillé'!B2+'Budget détaillé'!B3", 3: "'Budget détaillé'!B4", 5: "SUM('Budget détaillé'!B6)", 6: "'budget détaillé'!B7" }[r.index]!, c.value) },
      ),
    }));
    const r = readBudgets(book(detail, summary));
    expect(r.budgets.map((b) => b.sheet)).toEqual(["Budget détaillé"]);
    expect(r.lines.map((l) => l.label)).toEqual(["Achats", "Loyer", "Salaires", "Subvention Région", "Ventes"]);
    expect(r.skipped.filter((s) => s.why === "summary").map((s) => s.label)).toEqual(["Achats et loyer", "Personnel", "Subventions", "Ventes"]);
    expect(r.issues.map((i) => i.code)).toContain("summary_sheet");
    // Two sheets with their own amounts are two budgets, both read.
    const other = sheet("Budget 2", [["Charges", "Montant"], ["Achats", 100], ["Loyer", 200], ["Produits", null], ["Subvention", 300]]);
    expect(readBudgets(book(detail, other)).budgets.map((b) => b.sheet)).toEqual(["Budget détaillé", "Budget 2"]);
  });

  it("never adds the quantity or unit-price columns of a detailed budget to the amounts", () => {
    const r = readBudgets(
      book(
        sheet("Projet", [
          ["Dépenses", "Quantité", "Prix unitaire", "Montant", "Commentaire"],
          ["Intervenant (jours)", 20, 250, 5000, "devis reçu"],
          ["Outillage", 10, 45, 450, null],
          ["Recettes", null, null, null, null],
          ["Subvention politique de la ville", null, null, 4950, "acquis"],
          ["Participation des habitants", 50, 10, 500, null],
        ]),
      ),
    );
    expect(r.budgets.map((b) => [b.layout, b.amountColumns])).toEqual([["vertical_sections", ["Montant"]]]);
    expect(r.lines.map((l) => [l.label, l.amountCell, l.amount])).toEqual([
      ["Intervenant (jours)", "D2", { kind: "value", cents: 500000 }],
      ["Outillage", "D3", { kind: "value", cents: 45000 }],
      ["Subvention politique de la ville", "D5", { kind: "value", cents: 495000 }],
      ["Participation des habitants", "D6", { kind: "value", cents: 50000 }],
    ]);
  });

  it("reads a second table under the first with the column its own header names", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Charges", "Réalisé 2025", "Budget 2026"],
          ["Achats", 1000, 1200],
          ["Salaires", 20000, 21000],
          [null, null, null],
          ["Produits", "Budget 2026", null],
          ["Subvention Région", 18000, null],
          ["Ventes", 4200, null],
        ]),
      ),
    );
    expect(r.budgets.map((b) => b.amountColumns)).toEqual([["Réalisé 2025", "Budget 2026"]]);
    expect(r.lines.map((l) => [l.label, l.scenario, l.amount])).toEqual([
      ["Achats", "Réalisé 2025", { kind: "value", cents: 100000 }],
      ["Achats", "Budget 2026", { kind: "value", cents: 120000 }],
      ["Salaires", "Réalisé 2025", { kind: "value", cents: 2000000 }],
      ["Salaires", "Budget 2026", { kind: "value", cents: 2100000 }],
      ["Subvention Région", "Budget 2026", { kind: "value", cents: 1800000 }],
      ["Ventes", "Budget 2026", { kind: "value", cents: 420000 }],
    ]);
  });

  it("takes a Type column for each row's section, and « Entrées » for ticket income unless it adds up its section", () => {
    const r = readBudgets(
      book(
        sheet("Concert", [
          ["Type", "Poste", "Montant"],
          ["Dépense", "Location salle des fêtes", 800],
          ["Dépense", "Cachets artistes", 3000],
          ["Recette", "Entrées", 3500],
          ["Recette", "Buvette", 900],
          ["Recette", "Mairie", 1000],
        ]),
      ),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Location salle des fêtes", "expense"],
      ["Cachets artistes", "expense"],
      ["Entrées", "income"],
      ["Buvette", "income"],
      ["Mairie", "income"],
    ]);
    expect(r.skipped).toEqual([]);
    const totals = readBudgets(book(sheet("B", [["Poste", "Montant"], ["SORTIES", 1100], ["Achats", 800], ["Loyer", 300], ["ENTRÉES", 1100], ["Subvention", 1100]])));
    expect(totals.lines.map((l) => l.label)).toEqual(["Achats", "Loyer", "Subvention"]);
    expect(totals.skipped.map((s) => [s.label, s.why])).toEqual([
      ["ENTRÉES", "total"],
      ["SORTIES", "total"],
    ]);
  });

  it("reads a column in k€ as thousands of euros, and says so", () => {
    const r = readBudgets(book(sheet("B", [["Poste", "Montant (k€)"], ["Charges", null], ["Salaires", 152.5], ["Loyer", 18], ["Produits", null], ["Subventions", 170.5]])));
    expect(r.lines.map((l) => l.amount)).toEqual([
      { kind: "value", cents: 15_250_000 },
      { kind: "value", cents: 1_800_000 },
      { kind: "value", cents: 17_050_000 },
    ]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["in_thousands", "B1"]]);
    expect(readBudgets(book(sheet("B", [["Poste", "Montant (€)"], ["Charges", null], ["Loyer", 18], ["Produits", null], ["Dons", 18]]))).lines[0]!.amount).toEqual({ kind: "value", cents: 1800 });
  });

  it("takes « Libellé | 2026 » for a header, and « Assurance | 2000 » for a line", () => {
    const r = readBudgets(book(sheet("B", [["Libellé", 2026], ["Charges", null], ["Assurance", 2000], ["Loyer", 6000], ["Produits", null], ["Subvention commune", 8000]])));
    expect(r.budgets.map((b) => b.amountColumns)).toEqual([["2026"]]);
    expect(r.lines.map((l) => [l.label, l.amount])).toEqual([
      ["Assurance", { kind: "value", cents: 200000 }],
      ["Loyer", { kind: "value", cents: 600000 }],
      ["Subvention commune", { kind: "value", cents: 800000 }],
    ]);
  });

  it("reads a trial balance whose credit columns start far below their header (charges listed first)", () => {
    const charges = ["Achats", "Loyer", "Assurance", "Honoraires", "Salaires", "Charges sociales"].map((l, i): CellValue[] => [`6${i}1000`, l, 100 * (i + 1), 0, 100 * (i + 1), null]);
    const r = readBudgets(
      book(
        sheet("Balance", [
          ["N° compte", "Intitulé du compte", "Total débit", "Total crédit", "Solde débiteur", "Solde créditeur"],
          ...charges,
          ["706000", "Prestations", 0, 900, null, 900],
          ["741000", "Subvention commune", 0, 1200, null, 1200],
        ]),
      ),
    );
    expect(r.budgets.map((b) => b.layout)).toEqual(["trial_balance"]);
    expect(r.lines).toHaveLength(8);
    expect(r.lines.filter((l) => l.context.sectionHint === "expense").map((l) => l.amount)).toEqual(charges.map((c) => ({ kind: "value", cents: (c[4] as number) * 100 })));
    expect(r.lines.filter((l) => l.context.sectionHint === "income").map((l) => [l.label, l.amountCell])).toEqual([
      ["Prestations", "F8"],
      ["Subvention commune", "F9"],
    ]);
  });

  it("reads as a budget a list whose labels are recognised but to check (missions, labels that read both ways)", () => {
    // A compte d'emploi laid as one list, under headings that name no side (FIDH 2017).
    const r = readBudgets(
      book(
        sheet("Rapport financier", [
          ["FIDH (Fédération internationale pour les droits humains) — Rapports financiers 2017-2018 : total des dépenses par priorité et revenus (en tête des états financiers de l'exercice clos le 31 décembre 2018)", null, null],
          [null, null, null],
          ["Libellé", "2017", "2018"],
          ["Revenu", null, null],
          ["Cotisation et contribution des membres", 153271, 123380],
          ["Subventions et donations spécifiques", 5641159, 5459447],
          ["Subventions et donations non-affectées", 2598874, 2439647],
          ["Autres revenus", 422876, 456563],
          ["Revenus financier et extraordinaire", 64436, 181622],
          ["Revenu total", 8880616, 8660659],
          [null, null, null],
          ["Total des dépenses par priorité", null, null],
          ["Protéger les défenseurs des droits humains", 1019016, 724041],
          ["Encourager un climat qui soit favorable à la démocratie et aux libertés", 1057133, 1483900],
          ["Promoting women's rights", 208494, 171499],
          ["Lutter contre la discrimination et les violence basées sur l'orientation et l'identité sexuelle", null, 13112],
          ["Promouvoir les droits des migrants", 99912, 57507],
          ["Lutter contre l'impunité et protéger les populations contre les crimes les plus graves", 3056637, 2523002],
          ["Promouvoir le respect des droits humains par les acteurs économiques", 370674, 167939],
          ["Renforcer le réseau de la FIDH", 1050928, 1080722],
          ["Renforcer la mobilisation externe/SENSIBILISER", 535579, 573688],
          ["Dépenses logistiques", 313277, 241558],
          ["Collecte de fonds, comptabilité, administration et dépenses en matière de ressources humaines", 1121152, 1164035],
          ["Autres dépenses", null, 188003],
          ["Total Expenses", 8832802, 8389006],
          [null, null, null],
          ["Résultat", 47814, 271653],
        ]),
      ),
    );
    expect(r.budgets).toHaveLength(1);
    // 5 revenues and 10 expenses: « Revenu total » (typed, not a formula) is the revenues' total, not a 16th line.
    expect(r.lines.filter((l) => l.column === "2017")).toHaveLength(15);
    expect(r.lines.map((l) => l.label)).not.toContain("Revenu total");
  });

  it("counts the association's own accounts among a table's budget words: a journal whose sales say little is still a budget", () => {
    const r = readBudgets(
      book(
        sheet("Bilan 2019", [
          ["Poste", "Dépenses", "Recettes", "Bénéfice"],
          ["Découpes lasers : 812 1/4H (env 4000€)", null, 4000, 4000],
          ["Adhésions : 96 (107 sur papier)", null, 2574, 2574],
          ["OORobots : 40 (640€ env de marge)", null, 1840, 1840],
          ["Libre en Fête 2016 - RedHat", null, 1242, 1242],
          ["Impression 3D : 115 impressions (env 500€)", null, 500, 500],
          ["Vie du fablab", 4100, null, -4100],
          ["Projets", 1800, null, -1800],
          ["Des factures en cours", null, 605, 605],
          ["Pertes de caisse", 58.28, null, -58.28],
          ["Compte Chèque", null, 1911.8, 1911.8],
          ["Livret CMB", null, 20841.33, 20841.33],
          ["Paypal", null, 106.98, 106.98],
          ["Caisse", null, 22.87, 22.87],
        ]),
      ),
    );
    expect(r.budgets).toHaveLength(1);
    expect(r.skipped.filter((x) => x.why === "balance_sheet_account").map((x) => x.label)).toEqual(["Des factures en cours", "Compte Chèque", "Livret CMB", "Caisse"]);
  });

  it("ignores hidden sheets, Équilibre's own sheets and an inventory", () => {
    const budget = [
      ["Charges", "Montant"],
      ["Achats", 100],
      ["Assurance", 50],
    ] as CellValue[][];
    const inventory = [
      ["Objet", "Quantité"],
      ["Chaises", 40],
      ["Tables", 12],
      ["Sono", 1],
    ] as CellValue[][];
    const r = readBudgets({
      name: "x.xlsx",
      sheets: [sheet("Caché", budget, { visibility: "hidden" }), sheet("Équilibre", budget), sheet("Inventaire", inventory)],
      ownSheets: ["Équilibre"],
    });
    expect(r.budgets).toEqual([]);
  });
});

const linesOf = (r: ReturnType<typeof readBudgets>) => r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null, l.context.sectionHint]);

describe("readBudgets on real budgets' layouts", () => {
  it("a chapter row whose amount could be a year is a line, not the header row; its single sub-line is the line", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Compte", "Libellé", "Montant"],
          ["70", "Produits des activités", 2100],
          ["706", "Prestations de services", 2100],
          ["74", "Subventions", 5000],
          ["60", "Achats", 7100],
        ]),
      ),
    );
    expect(r.budgets[0]!.amountColumns).toEqual(["Montant"]);
    expect(linesOf(r).map((l) => l[0])).toEqual(["Prestations de services", "Subventions", "Achats"]);
    expect(r.skipped.map((s) => [s.label, s.why])).toEqual([["Produits des activités", "subtotal"]]);
  });

  it("a Type cell first, then the label, then an amount that could be a year (« Charges | Achats | 2000 ») is a line, not a header", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Nature", "Libellé", "Montant"],
          ["Charges", "Achats", 2000],
          ["Charges", "Salaires", 2500],
          ["Produits", "Subvention", 3000],
          ["Produits", "Adhésions", 2100],
          ["Produits", "Dons", 1700],
        ]),
      ),
    );
    expect(linesOf(r).map((l) => [l[0], l[1]])).toEqual([
      ["Achats", 2000],
      ["Salaires", 2500],
      ["Subvention", 3000],
      ["Adhésions", 2100],
      ["Dons", 1700],
    ]);
  });

  it("a journal row with both a credit and a debit is two lines: the income and the charge", () => {
    const r = readBudgets(
      book(
        sheet("Fête", [
          ["Poste", "Crédit", "Débit"],
          ["Gobelets", 50, 450],
          ["Buvette", 1200, "income"],
          ["Sono", null, 300],
        ]),
      ),
    );
    expect(linesOf(r)).toEqual([
      ["Gobelets", 50, "income"],
      ["Gobelets", 450, "expense"],
      ["Buvette", 1200, "income"],
      ["Sono", 300, "expense"],
    ]);
  });

  it("a Type column after the label gives each row its section; a journal's Bénéfice column is not money to add", () => {
    const typed = readBudgets(
      book(
        sheet("Coop", [
          ["Libellé", "Type", "Montant"],
          ["Pizzas", "Recette", 62],
          ["Loto", "Recette", 1320],
          ["Comité des fêtes : lots pour le loto", "Don en nature", 350],
          ["Location de matériel", "Dépense", 384.2],
        ]),
      ),
    );
    expect(linesOf(typed)).toEqual([
      ["Pizzas", 62, "income"],
      ["Loto", 1320, "income"],
      ["Comité des fêtes : lots pour le loto", 350, "in_kind_resource"],
      ["Location de matériel", 384.2, "expense"],
    ]);
    const journal = readBudgets(
      book(
        sheet("Marché", [
          ["Poste", "Dépenses", "Recettes", "Bénéfice"],
          ["Gerbes", 338, 1427, 1089],
          ["Pâtisserie, boissons", 106.28, 451.55, 345.27],
        ]),
      ),
    );
    expect(linesOf(journal)).toEqual([
      ["Gerbes", 1427, "income"],
      ["Gerbes", 338, "expense"],
      ["Pâtisserie, boissons", 451.55, "income"],
      ["Pâtisserie, boissons", 106.28, "expense"],
    ]);
  });

  it("where accounts exist, a subtotal is the chapter of the lines it sums: 621 is not the subtotal of 6181 and 6188", () => {
    const r = readBudgets(
      book(
        sheet("B", [
          ["Compte", "Libellé", "Montant"],
          ["60", "Achats", 900],
          ["6050", "Matériel", 400],
          ["6064", "Fournitures", 500],
          ["621", "Personnel extérieur", 300],
          ["6181", "Documentation", 100],
          ["6188", "Autres frais", 200],
          ["756", "Cotisations", 1200],
        ]),
      ),
    );
    expect(r.lines.map((l) => l.account)).toEqual(["6050", "6064", "621", "6181", "6188", "756"]);
    expect(r.skipped.map((s) => [s.label, s.why])).toEqual([["Achats", "subtotal"]]);
  });

  it("checks the lines read against the sheet's own totals, and names the cells that explain a difference", () => {
    const s = sheet("Budget", [
      ["Charges", "Montant"],
      ["Achats", 1000],
      ["Loyer", 2000],
      ["Assurance", "5 950 €"],
      ["Total des charges", 3000],
      ["Produits", null],
      ["Cotisations", 4000],
      ["Subvention mairie", 5000],
      ["TOTAL PRODUITS", 9500],
    ]);
    s.rows.find((r) => r.index === 5)!.cells.find((c) => c.col === 2)!.formula = "SUM(B2:B4)";
    const r = readBudgets(book(s));
    const mismatches = r.issues.filter((i) => i.code === "total_mismatch");
    expect(mismatches.map((i) => i.cell)).toEqual(["B5", "B9"]);
    expect(mismatches[0]!.message).toBe(
      "Les lignes lues font 8\u00a0950\u00a0€, votre total B5 (« Total des charges ») dit 3\u00a0000\u00a0€ : la cellule B4 contient un montant saisi comme du texte, que votre formule SOMME ignore ; saisissez ce montant comme un nombre.",
    );
    expect(mismatches[1]!.message).toMatch(/il manque 500/);
    // Totals that agree say nothing, Cerfa totals over chapter subtotals included.
    const ok = sheet("Cerfa", [
      ["CHARGES", "Montant"],
      ["65 - Autres charges de gestion courante", 900],
      ["Cadeaux de Noël", 400],
      ["Voyage scolaire", 500],
      ["TOTAL DES CHARGES", 900],
    ]);
    ok.rows.find((x) => x.index === 2)!.cells.find((c) => c.col === 2)!.formula = "SUM(B3:B4)";
    ok.rows.find((x) => x.index === 5)!.cells.find((c) => c.col === 2)!.formula = "SUM(B2:B2)";
    expect(readBudgets(book(ok)).issues).toEqual([]);
  });

  it("says so when a sheet under a section word has amounts but yields no line", () => {
    const r = readBudgets(book(sheet("Produits", [["Cotisations", 800], ["Dons", 200]]), sheet("Charges", [["Total", 700], ["Total", 300]])));
    expect(r.issues.filter((i) => i.code === "section_not_read").map((i) => i.sheet)).toEqual(["Charges"]);
  });

  it("reads a charges sheet broken down by mission (compte d'emploi): missions are actions, fundraising and administration engineering", () => {
    const r = readBudgets(
      book(
        sheet("Ressources", [["Ressources", "Montant"], ["Dons", 120000], ["Legs", 30000], ["Subventions", 25000]]),
        sheet("Emplois", [
          ["Emplois par mission", "Montant"],
          ["Protéger les océans", 80000],
          ["Renforcer le réseau des bénévoles", 30000],
          ["Dépenses logistiques", 20000],
          ["Frais de recherche de fonds", 15000],
          ["Collecte de fonds, comptabilité, administration", 30000],
        ]),
      ),
    );
    const emplois = r.lines.filter((l) => l.sheet === "Emplois");
    expect(emplois.map((l) => l.context.sectionHint)).toEqual(["expense", "expense", "expense", "expense", "expense"]);
    const dest = emplois.map((l) => classify({ label: l.label, account: l.account, context: l.context }).destination);
    expect(dest).toEqual(["action", "action", "action", "engineering", "engineering"]);
  });

  it("a year typed as text heads its column; a section word alone in its section is its only line; an in-kind heading opens 87", () => {
    const r = readBudgets(
      book(
        sheet("Comptes", [
          ["Libellé", "2016"],
          ["Produits", null],
          ["Recettes d'exploitation", 270000],
          ["Subventions exceptionnelles", 231000],
          ["Charges", null],
          ["Charges d'exploitation", 204000],
          ["Soutiens en nature (hors trésorerie)", null],
          ["Mise à disposition des locaux (Ville de Genas)", 5000],
        ]),
      ),
    );
    expect(r.budgets[0]!.amountColumns).toEqual(["2016"]);
    expect(linesOf(r)).toEqual([
      ["Recettes d'exploitation", 270000, "income"],
      ["Subventions exceptionnelles", 231000, "income"],
      ["Charges d'exploitation", 204000, "expense"],
      ["Mise à disposition des locaux (Ville de Genas)", 5000, "in_kind_resource"],
    ]);
    // « CHARGES 800 » above the lines it adds is still their total.
    const t = readBudgets(book(sheet("B", [["Poste", "Montant"], ["CHARGES", 800], ["Achats", 500], ["Loyer", 300], ["PRODUITS", 800], ["Cotisations", 800]])));
    expect(linesOf(t).map((l) => l[0])).toEqual(["Achats", "Loyer", "Cotisations"]);
  });

  it("a bank balance typed among the produits is not income", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Produits", "Montant"],
          ["Cotisations", 800],
          ["Subvention mairie", 1500],
          ["Compte courant disponible", 4200],
          ["512 Banque", 300],
          ["Remboursement d'emprunt", 1000],
          ["Charges", null],
          ["Achats", 2000],
        ]),
      ),
    );
    expect(linesOf(r).map((l) => l[0])).toEqual(["Cotisations", "Subvention mairie", "Achats"]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual(["Compte courant disponible", "512 Banque", "Remboursement d'emprunt"]);
  });

  it("equipment bought to last among the charges is an asset, not a charge of the year; among the produits it is money put in", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Produits", "Montant"],
          ["Investissement initial des fondateurs", 1700],
          ["Cotisations", 800],
          ["Charges", null],
          ["Investissements : matériel informatique", 6781],
          ["Immobilisations corporelles", 900],
          ["Amortissements", 1800],
        ]),
      ),
    );
    expect(linesOf(r).map((l) => l[0])).toEqual(["Investissement initial des fondateurs", "Cotisations", "Amortissements"]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual(["Investissements : matériel informatique", "Immobilisations corporelles"]);
  });

  it("the rows under a « Soldes » heading are account balances, whatever their labels", () => {
    const r = readBudgets(
      book(
        sheet("Bilan 2020", [
          ["Recettes", "2020"],
          ["Cotisation", 1030],
          ["Don", 280],
          ["Dépenses", null],
          ["Assurance", 381.41],
          ["Soldes", null],
          ["SociétéGénérale", 5528.71],
          ["PayPal", 2821.27],
          ["Total", 8349.98],
        ]),
      ),
    );
    expect(linesOf(r).map((l) => l[0])).toEqual(["Cotisation", "Don", "Assurance"]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual(["SociétéGénérale", "PayPal"]);
    // Their own total adds balances, not lines: no difference to report.
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
    // After the balances' total, the lines read again; a grant's last payment (« Solde subvention ») is a line.
    const u = readBudgets(
      book(sheet("B", [["Recettes", "2020"], ["Cotisations", 200], ["Trésorerie au 31/12", null], ["Banque", 900], ["Total", 900], ["Solde subvention Région", 1500], ["Dépenses", null], ["Achats", 400]])),
    );
    expect(linesOf(u).map((l) => l[0])).toEqual(["Cotisations", "Solde subvention Région", "Achats"]);
    // A heading that only looks like one keeps its lines.
    const t = readBudgets(book(sheet("B", [["Recettes", "2020"], ["Cotisations", 200], ["Soldes des ventes", null], ["Vente de livres", 300], ["Dépenses", null], ["Achats", 400]])));
    expect(linesOf(t).map((l) => l[0])).toEqual(["Cotisations", "Vente de livres", "Achats"]);
  });
});

describe("readBudgets on every layout of a budget (scripts/accuracy.ts --all-layouts)", () => {
  it("reads the produits half of a side-by-side table even when it has a single line", () => {
    const r = readBudgets(
      book(
        sheet("Rapport financier 2015", [
          ["CHARGES", "2015", "PRODUITS", "2015"],
          ["Publication au JO", 44, "Adhésions 2015", 280],
          ["Chéquier", 4.71, null, null],
          ["TOTAL DES CHARGES", 48.71, "TOTAL DES PRODUITS", 280],
        ]),
      ),
    );
    expect(linesOf(r)).toEqual([
      ["Publication au JO", 44, "expense"],
      ["Chéquier", 4.71, "expense"],
      ["Adhésions 2015", 280, "income"],
    ]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("reads a Ressources sheet of a single line beside its Emplois sheet", () => {
    const r = readBudgets(
      book(
        sheet("Ressources", [["Libellé", "2015"], ["Recettes", null], ["Adhésions 2015", 280]]),
        sheet("Emplois", [["Libellé", "2015"], ["Dépenses", null], ["Publication au JO", 44], ["Chéquier", 4.71]]),
      ),
    );
    expect(linesOf(r)).toEqual([
      ["Adhésions 2015", 280, "income"],
      ["Publication au JO", 44, "expense"],
      ["Chéquier", 4.71, "expense"],
    ]);
  });

  it("reads a list with a Type column whose labels name no kind of cost (a Christmas market's stalls)", () => {
    const r = readBudgets(
      book(
        sheet("Marché de Noël 2011", [
          ["Libellé", "Type", "Montant"],
          ["Gerbes (150)", "Dépense", 338],
          ["Brico. école", "Dépense", 60],
          ["Gerbes (150)", "Recette", 1427],
          ["Brico. école", "Recette", 235],
        ]),
      ),
    );
    expect(linesOf(r)).toEqual([
      ["Gerbes (150)", 338, "expense"],
      ["Brico. école", 60, "expense"],
      ["Gerbes (150)", 1427, "income"],
      ["Brico. école", 235, "income"],
    ]);
  });

  it("reads a trial balance under a title block, and a table above a signature block, as if neither were there", () => {
    const title = [["Association des Amis du Quartier"], ["12, rue des Écoles — 69003 Lyon"], ["Exercice du 01/09/2024 au 31/08/2025"], ["Document présenté à l'AG du 14/10/2025"], [null]];
    const balance = readBudgets(
      book(
        sheet("Balance", [
          ...title,
          ["Compte", "Intitulé", "Débit", "Crédit", "Solde"],
          ["606000", "Gerbes", 338, 0, 338],
          ["606000", "Bricolage", 60, 0, 60],
          ["706000", "Gerbes", 0, 1427, -1427],
        ]),
      ),
    );
    expect(balance.budgets.map((b) => b.layout)).toEqual(["trial_balance"]);
    expect(linesOf(balance)).toEqual([
      ["Gerbes", 338, "expense"],
      ["Bricolage", 60, "expense"],
      ["Gerbes", 1427, "income"],
    ]);
    const signed = readBudgets(
      book(
        sheet("Comptes", [
          ["CHARGES", "Réalisé 2017", "Prévu 2019"],
          ["Publication au JO", 44, null],
          ["Carte bancaire", null, 63],
          ["Nom de domaine", null, 18],
          [null],
          ["Fait à Lyon, le 14/10/2025"],
          ["Le trésorier", null, "La présidente"],
          ["(signature)", null, "(signature)"],
        ]),
      ),
    );
    expect(signed.lines.map((l) => [l.label, l.column])).toEqual([
      ["Publication au JO", "Réalisé 2017"],
      ["Carte bancaire", "Prévu 2019"],
      ["Nom de domaine", "Prévu 2019"],
    ]);
  });

  it("a Type column gives in-kind rows their side (« Valorisation (ressource) ») and skips balances (« Solde bancaire », « À reverser »)", () => {
    const r = readBudgets(
      book(
        sheet("2023", [
          ["Libellé", "Type", "2023"],
          ["Cotisations", "Recette", 1120],
          ["Déplacements", "Dépense", 188],
          ["Compte courant au 31/12", "Solde bancaire", 28421.24],
          ["Dons pour la Fondation 2019", "À reverser", 2240],
          ["Heures de bénévolat", "Valorisation (ressource)", 50000],
          ["Bénévolat", "Valorisation (emploi)", 50000],
        ]),
      ),
    );
    expect(linesOf(r)).toEqual([
      ["Cotisations", 1120, "income"],
      ["Déplacements", 188, "expense"],
      ["Heures de bénévolat", 50000, "in_kind_resource"],
      ["Bénévolat", 50000, "in_kind_use"],
    ]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual(["Compte courant au 31/12", "Dons pour la Fondation 2019"]);
  });

  it("a header row repeated mid-table keeps the lines above it, is not a line, and is not a block heading", () => {
    const journal = readBudgets(
      book(
        sheet("Bilan 2018", [
          ["Poste", "Dépenses", "Recettes"],
          ["Vente de marchandises", null, 705],
          ["Cotisations", null, 7641],
          [null],
          ["Poste", "Dépenses", "Recettes"],
          ["Dons", null, 17112],
          ["Achat matière 1ère", 201, null],
          ["Hosting", 900, null],
        ]),
      ),
    );
    expect(linesOf(journal)).toEqual([
      ["Vente de marchandises", 705, "income"],
      ["Cotisations", 7641, "income"],
      ["Dons", 17112, "income"],
      ["Achat matière 1ère", 201, "expense"],
      ["Hosting", 900, "expense"],
    ]);
    expect(journal.lines.map((l) => l.context.heading)).not.toContain("Poste");
    // Repeated inside a block of balances, it does not end the block.
    const balances = readBudgets(
      book(sheet("B", [["Libellé", "2018"], ["Cotisations", 900], ["Trésorerie au 31/12", null], ["Compte Chèque", 3128.21], ["Libellé", "2018"], ["Agglo", 8670], ["Dépenses", null], ["Assurance", 300]])),
    );
    expect(linesOf(balances).map((l) => l[0])).toEqual(["Cotisations", "Assurance"]);
    const years = readBudgets(
      book(
        sheet("Bilan", [
          ["Libellé", "2013", "Prévisionnel 2025"],
          ["Dépenses", null, null],
          ["Services bancaires", 1000, 500],
          [null],
          ["Libellé", "2013", "Prévisionnel 2025"],
          ["Mise aux normes électricité", 1000, 3000],
        ]),
      ),
    );
    expect(years.lines.map((l) => [l.label, l.column])).toEqual([
      ["Services bancaires", "2013"],
      ["Services bancaires", "Prévisionnel 2025"],
      ["Mise aux normes électricité", "2013"],
      ["Mise aux normes électricité", "Prévisionnel 2025"],
    ]);
  });

  it("twelve monthly columns and a Total: each line is read once, with its total, not once per month", () => {
    const months = ["Sept.", "Oct.", "Nov.", "Déc.", "Janv.", "Févr.", "Mars", "Avril", "Mai", "Juin", "Juil.", "Août"];
    const row = (label: string, total: number) => [label, ...months.map(() => total / 12), total];
    const r = readBudgets(
      book(
        sheet("Budget", [["Libellé", ...months, "Total"], ["Dépenses", null], row("Loyer", 1200), row("Assurance", 600), ["Recettes", null], row("Cotisations", 2400), row("Subvention mairie", 1200)]),
      ),
    );
    expect(r.lines.map((l) => [l.label, l.column, l.amount.kind === "value" ? l.amount.cents / 100 : null])).toEqual([
      ["Loyer", "Total", 1200],
      ["Assurance", "Total", 600],
      ["Cotisations", "Total", 2400],
      ["Subvention mairie", "Total", 1200],
    ]);
    // A sheet of one line: its months hold one number each, its Total is still the amount.
    const one = readBudgets(book(sheet("Ressources", [["Libellé", ...months, "Total"], ["Recettes", null], row("Adhésions", 240)])));
    expect(linesOf(one)).toEqual([["Adhésions", 240, "income"]]);
  });

  it("reads k€ to the cent before rounding, so small lines are not taken for sums of others", () => {
    // 16 €, 5 € and 14,68 € in k€: rounded to the cent first, they were 2, 1 and 1 cents, and 16 € « the sum » of the two.
    const r = readBudgets(book(sheet("B", [["Libellé", "2005 (k€)"], ["Dépenses", null], ["Assurance", 0.126], ["Adhésion COPRAE", 0.016], ["Actes colloque", 0.005], ["Enveloppes, timbres", 0.01468]])));
    expect(linesOf(r)).toEqual([
      ["Assurance", 126, "expense"],
      ["Adhésion COPRAE", 16, "expense"],
      ["Actes colloque", 5, "expense"],
      ["Enveloppes, timbres", 14.68, "expense"],
    ]);
  });

  it("takes « - » typed in an amount cell for zero: no « not an amount » warning, and a chapter of 0 over it stays a subtotal", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Compte", "PRODUITS", "Prévu"],
          [null, "74 - Subventions d'exploitation", 0],
          ["740", "Subventions d'exploitation", "-"],
          [null, "75 - Autres produits de gestion courante", 22050],
          ["756", "Cotisations des adhérents", "22.000"],
          ["758", "Autres produits", "50,00 €"],
        ]),
      ),
    );
    expect(r.issues.filter((i) => i.code === "text_not_a_number")).toEqual([]);
    expect(r.skipped.filter((s) => s.why === "subtotal").map((s) => s.label)).toEqual(["74 - Subventions d'exploitation", "75 - Autres produits de gestion courante"]);
    expect(r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null])).toEqual([
      ["Subventions d'exploitation", 0],
      ["Cotisations des adhérents", 22000],
      ["Autres produits", 50],
    ]);
  });

  it("a heading that carries its block's sum (=SUM of the rows under it) is that block's heading, and never a line", () => {
    const s = sheet("Bilan 2020", [
      ["Libellé", "2020"],
      ["Recettes", 1310],
      ["Cotisation", 1030],
      ["Don", 280],
      ["Dépenses — Frais bancaires", 55],
      ["Cotisation carte business", 40],
      ["Frais bancaires", 15],
      ["Soldes", 8349.98],
      ["SociétéGénérale", 5528.71],
      ["PayPal", 2821.27],
    ]);
    const sums: Record<number, string> = { 2: "SUM(B3:B4)", 5: "SUM(B6:B7)", 8: "SUM(B9:B10)" };
    for (const row of s.rows) for (const c of row.cells) if (c.col === 2 && sums[row.index]) c.formula = sums[row.index];
    const r = readBudgets(book(s));
    expect(r.lines.map((l) => [l.label, l.context.heading])).toEqual([
      ["Cotisation", "Recettes"],
      ["Don", "Recettes"],
      ["Cotisation carte business", "Dépenses — Frais bancaires"],
      ["Frais bancaires", "Dépenses — Frais bancaires"],
    ]);
    expect(r.skipped.filter((x) => x.why === "balance_sheet_account").map((x) => x.label)).toEqual(["Soldes", "SociétéGénérale", "PayPal"]);
  });

  it("a section heading merged across a table with an account column (its text in the account column) still heads its lines", () => {
    const r = readBudgets(
      book(
        sheet(
          "Bilan",
          [
            ["Compte", "Libellé", "Montant (€)"],
            ["Détail des recettes", null, null],
            ["756", "Cotisations adhérents", 17707.58],
            ["706", "Recettes événements", 3000.58],
            ["Détail des dépenses", null, null],
            ["606", "Achats de matériel", 163],
            ["616", "Assurance", 1146.84],
            ["Aides indirectes 2024 (mairie de Genas)", null, null],
            [null, "Location de salles", 5592],
          ],
          { merges: ["A2:C2", "A5:C5", "A8:C8"] },
        ),
      ),
    );
    expect(linesOf(r).at(-1)).toEqual(["Location de salles", 5592, "in_kind_resource"]);
    expect(r.lines.find((l) => l.label === "Assurance")!.context.heading).toBe("Détail des dépenses");
  });

  it("a Cerfa chapter over its one sub-line named like a section (« Charges d'exploitation ») is the subtotal; the sub-line is the line", () => {
    const r = readBudgets(
      book(
        sheet("Comptes 2016", [
          ["CHARGES", "2016", "PRODUITS", "2016"],
          ["62 - Autres services extérieurs", 204000, "74 - Subventions d'exploitation", 501000],
          ["Charges d'exploitation", 204000, "Subventions exceptionnelles", 501000],
          ["TOTAL DES CHARGES", 204000, "TOTAL DES PRODUITS", 501000],
        ]),
      ),
    );
    expect(linesOf(r).map((l) => l[0])).toEqual(["Charges d'exploitation", "Subventions exceptionnelles"]);
    expect(r.skipped.filter((s) => s.why === "subtotal").map((s) => s.label)).toEqual(["62 - Autres services extérieurs", "74 - Subventions d'exploitation"]);
  });
});

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("Total", "Charges", "PRODUITS", "Subvention mairie", "Achats", "60 - Achats", "dont x", "#N/A", "1 234,56 €", "(12)", "=SUM(A1)"),
  fc.double({ noNaN: false, min: -1e9, max: 1e9 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.boolean(),
  fc.constantFrom({ error: "#REF!" }, { error: "#VALUE!" }, { error: "#DIV/0!" }),
);

describe("readBudgets on random grids (fast-check)", () => {
  it("never throws, and every line it returns has a finite amount or an error", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 25 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
        (grid, merges) => {
          const r = readBudgets(book(sheet("S", grid, { merges })));
          for (const l of r.lines) {
            if (l.amount.kind === "value") expect(Number.isSafeInteger(l.amount.cents)).toBe(true);
            else expect(l.amount.error).toMatch(/^#/);
          }
          expect(r.lines.length).toBeGreaterThanOrEqual(0);
          // Every line is read exactly once.
          expect(new Set(r.lines.map((l) => l.id)).size).toBe(r.lines.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
