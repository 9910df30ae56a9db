// Reading a vertical sheet of headed blocks as treasurers write a general-assembly report: the year's produits and
// charges, then the cash positions, receivables, loans and the contributions in kind (issue 11).
import { describe, expect, it } from "vitest";
import { REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { classifiedLines } from "../../tests/classifiedLines.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "test.xlsx", sheets });
const labels = (r: ReturnType<typeof readBudgets>) => r.lines.map((l) => l.label);
const classified = classifiedLines;
const sides = (r: ReturnType<typeof readBudgets>) => classifiedLines(r).map((c) => [c.label, c.section]);
const balances = (r: ReturnType<typeof readBudgets>) => r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label);

describe("balance-sheet money among the lines", () => {
  it("skips cash positions under their heading, keeps the fees and interest listed there, and the self-check stays right", () => {
    const r = readBudgets(
      book(
        sheet("Bilan 2017", [
          ["Libellé", "2017"],
          ["Recettes", null],
          ["Cotisations", 1470],
          ["Vente de kits", 1800],
          ["Total recettes", 3270],
          ["Dépenses", null],
          ["Assurance", 200],
          ["Total dépenses", 200],
          ["Etat des fonds (au 30 janvier 2018)", null],
          ["Compte chèque", 10718.16],
          ["Livret Bleu", 3516.26],
          ["Quelques factures 2017 en cours de recouvrement", 291.1],
          ["Intérêts du livret", 35],
          ["Frais bancaires", 12],
        ]),
      ),
    );
    expect(balances(r)).toEqual(["Compte chèque", "Livret Bleu", "Quelques factures 2017 en cours de recouvrement"]);
    expect(labels(r)).toEqual(["Cotisations", "Vente de kits", "Assurance", "Intérêts du livret", "Frais bancaires"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("a loan and a multi-year financing plan among the resources are not the year's income; a total over them is not a mismatch", () => {
    const r = readBudgets(
      book(
        sheet("Bilan", [
          ["Libellé", "2017"],
          ["Recettes", null],
          ["Prêt CMB (hors frais et intérêt)", 25000],
          ["Subvention Région", 18308],
          ["Subvention LTC", 4000],
          ["Total investissement", 47308],
          ["Dossier investissements : montant déblocable", null],
          ["Etat", 5000],
          ["Région", 23351],
          ["Propre", 13420.73],
          ["Total", 41771.73],
          ["Dépenses", null],
          ["Frais liés au prêt", 382],
          ["Scanner 3D", 3499],
        ]),
      ),
    );
    expect(balances(r)).toEqual(["Prêt CMB (hors frais et intérêt)", "Etat", "Région", "Propre"]);
    expect(labels(r)).toEqual(["Subvention Région", "Subvention LTC", "Frais liés au prêt", "Scanner 3D"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });
});

describe("the section comes from the block", () => {
  const read = (grid: (string | number | null)[][]) => classified(readBudgets(book(sheet("Compte d'exploitation 2022", grid))));

  it("a heading that opens with a section word and says more (« Dépenses — Frais bancaires », « Revenus principaux ») gives its lines its side", () => {
    const lines = read([
      ["Libellé", "2022"],
      ["Revenus — cotisations et dons", null],
      ["Cotisation membres", 1320],
      ["Dons AFLLU", 3030],
      ["Sous-total", 4350],
      ["Revenus — rencontres", null],
      ["Rencontre nationale Lumière 2022", 2520],
      ["Trenders", 67],
      ["Sous-total", 2587],
      ["Dépenses — Frais de fonctionnement", null],
      ["Virement Dons et cotisation AUI", 1929.69],
      ["Frais Dons AUI", 55.87],
      ["Total", 1985.56],
      ["Dépenses — Frais Internet", null],
      ["Hébergement Linux", 108],
      ["Facture solde lumière", 3392.02],
      ["Sous-total", 3500.02],
    ]);
    expect(lines.map((l) => [l.label, l.section])).toEqual([
      ["Cotisation membres", "income"],
      ["Dons AFLLU", "income"],
      ["Rencontre nationale Lumière 2022", "income"],
      ["Trenders", "income"],
      ["Virement Dons et cotisation AUI", "expense"],
      ["Frais Dons AUI", "expense"],
      ["Hébergement Linux", "expense"],
      ["Facture solde lumière", "expense"],
    ]);
    // The word still chooses the lever within the block's side: gifts passed on, hosting bought.
    expect(lines.find((l) => l.label.startsWith("Virement"))!.lever).toBe("common_operations");
    expect(lines.find((l) => l.label.startsWith("Hébergement"))!.lever).not.toBe("sales_services");
  });

  it("a label that says the other side plainly keeps the block's side, at a confidence that asks to check", () => {
    const lines = read([
      ["Libellé", "2017"],
      ["Revenus principaux", null],
      ["Cotisations Particuliers (49)", 1470],
      ["Cotisations Sociales (10)", 100],
      ["Dépenses principales", null],
      ["Subvention de la Région", 500],
      ["Frais banquaire (hors intérêt prêt)", 101.37],
      ["Salarié mis à disposition par la mairie", 300],
    ]);
    const of = (label: string) => lines.find((l) => l.label === label)!;
    expect(of("Cotisations Sociales (10)")).toMatchObject({ section: "income", lever: "membership_fees" });
    expect(of("Cotisations Sociales (10)").confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(of("Subvention de la Région").section).toBe("expense");
    expect(of("Subvention de la Région").confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(of("Frais banquaire (hors intérêt prêt)").section).toBe("expense");
    expect(of("Cotisations Particuliers (49)").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    // A public body that lends staff is not a grant received: no doubt from the other side.
    expect(of("Salarié mis à disposition par la mairie").reason).not.toMatch(/bloc dit/);
  });

  it("a heading about the turnover, the detail of a side, or a side after the colon opens that side", () => {
    const lines = read([
      ["Libellé", "2019"],
      ["Plus gros contributeurs au CA", null],
      ["Découpes lasers : 812 1/4H (env 4000€)", 4000],
      ["OORobots : 40 (640€ env de marge)", 1840],
      ["Répartition des dépenses", null],
      ["Vie du fablab", 4100],
      ["Projets", 1800],
      ["Non encaissé : pertes", null],
      ["Pertes de caisse", 58.28],
    ]);
    expect(lines.map((l) => [l.label, l.section])).toEqual([
      ["Découpes lasers : 812 1/4H (env 4000€)", "income"],
      ["OORobots : 40 (640€ env de marge)", "income"],
      ["Vie du fablab", "expense"],
      ["Projets", "expense"],
      ["Pertes de caisse", "expense"],
    ]);
  });

  it("« Ressources humaines », « Produits d'entretien » are not a side", () => {
    const lines = read([
      ["Libellé", "2022"],
      ["Dépenses", null],
      ["Ressources humaines", null],
      ["Salaires", 1000],
      ["Produits d'entretien", null],
      ["Lessive", 20],
    ]);
    expect(lines.map((l) => l.section)).toEqual(["expense", "expense"]);
  });
});

describe("a ledger kept in two blocks, « Doit » then « Avoir »", () => {
  it("reads the debit block as charges and the credit block as produits; « Avoir » alone is not a list of bank balances", () => {
    const r = readBudgets(
      book(
        sheet("Marché", [
          ["Libellé", "CHF"],
          ["Doit", null],
          ["Caisse à Marché - Achat pain", 30],
          ["Raiffeisen à Marché - Achat boissons", 318.7],
          ["Caisse à Marché - Achat vin", 1360],
          ["Avoir", null],
          ["Twint à Marché - Vente marché", 1514],
          ["Caisse à Marché - Produit caisse marché", 2460.75],
          ["Raiffeisen à Marché - Produit école de musique", 211],
          ["Avoirs au 31/12", null],
          ["Compte Raiffeisen", 5200],
        ]),
      ),
    );
    const side = (label: string) => classified(r).find((l) => l.label === label)?.section;
    expect(side("Caisse à Marché - Achat vin")).toBe("expense");
    expect(side("Twint à Marché - Vente marché")).toBe("income");
    expect(side("Raiffeisen à Marché - Produit école de musique")).toBe("income");
    expect(balances(r)).toEqual(["Compte Raiffeisen"]);
  });
});

describe("a list's own section headings", () => {
  it("« Recettes attendues » then « Dépenses prévues » open the two sides: the lines after the second are charges whatever their words", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Libellé", "Budget"],
          ["Recettes attendues", null],
          ["Dons en ligne", 3000],
          ["Dépenses prévues", null],
          ["Tee-shirts", 200],
          ["Rencontre annuelle", 500],
        ]),
      ),
    );
    expect(sides(r)).toEqual([
      ["Dons en ligne", "income"],
      ["Tee-shirts", "expense"],
      ["Rencontre annuelle", "expense"],
    ]);
  });
});

describe("a chapter that carries its SUM", () => {
  it("« Personnel =SUM(B4:B5) » heads the two posts it sums, not the top-level lines after them", () => {
    const s = sheet("Budget", [
      ["Libellé", "Budget"],
      ["Dépenses", null],
      ["Personnel", 3000],
      ["Animatrice", 2000],
      ["Agent d'accueil", 1000],
      ["Projet Kerguelen", 700],
      ["Bulletin des membres", 300],
    ]);
    s.rows[2]!.cells[1]!.formula = "=SUM(B4:B5)";
    const r = readBudgets(book(s));
    const heading = (label: string) => r.lines.find((l) => l.label === label)?.context.heading;
    expect(heading("Animatrice")).toBe("Personnel");
    expect(heading("Projet Kerguelen")).toBe("Dépenses");
    expect(heading("Bulletin des membres")).toBe("Dépenses");
    expect(classified(r).find((l) => l.label === "Projet Kerguelen")?.pillar).not.toBe("human");
  });
});

describe("a block's total written on its heading, above its lines (« DÉPENSES =SUM(B8:B12) »)", () => {
  /** A grid whose rows `sums` carry =SUM of the rows under them: down to a row (a range), or a list of rows (1-based). */
  const withSums = (rows: (string | number | null)[][], sums: Record<number, number | number[]>) => {
    const s = sheet("Budget", rows);
    for (const [row, end] of Object.entries(sums)) {
      const r = s.rows.find((x) => x.index === Number(row))!;
      for (const c of r.cells.slice(1)) {
        const L = String.fromCharCode(64 + c.col);
        c.formula = Array.isArray(end) ? `=SUM(${end.map((e) => `${L}${e}`).join(",")})` : `=SUM(${L}${Number(row) + 1}:${L}${end})`;
      }
    }
    return readBudgets(book(s));
  };

  it("« Subventions versées à Fonhsud » with its sum heads a block of charges, as it does without", () => {
    const r = withSums(
      [["Libellé", "2013"], ["Recettes", null], ["Conseil Général (réhabilitation maisons)", 5000], [], ["Subventions versées à Fonhsud", 27090], ["Salaire du comptable", 4800], ["Réhabilitation maisons", 11190], ["Projet citernes", 11100]],
      { 5: 8 },
    );
    expect(sides(r)).toEqual([
      ["Conseil Général (réhabilitation maisons)", "income"],
      ["Salaire du comptable", "expense"],
      ["Réhabilitation maisons", "expense"],
      ["Projet citernes", "expense"],
    ]);
  });

  it("« Total des dépenses par priorité » above the priorities it sums (a range or a list of cells) heads them as charges", () => {
    const r = withSums(
      [["Libellé", "2017"], ["Revenu", 2400], ["Cotisation et contribution des membres", 400], ["Subventions et donations", 2000], [], ["Total des dépenses par priorité", 2300], ["Protéger les défenseurs des droits humains", 1000], ["Promouvoir les droits des migrants", 900], ["Dépenses logistiques", 400]],
      { 2: 4, 6: [7, 8, 9] },
    );
    expect(sides(r)).toEqual([
      ["Cotisation et contribution des membres", "income"],
      ["Subventions et donations", "income"],
      ["Protéger les défenseurs des droits humains", "expense"],
      ["Promouvoir les droits des migrants", "expense"],
      ["Dépenses logistiques", "expense"],
    ]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });
});
