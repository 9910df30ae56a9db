// Which side and which block a row belongs to, read through the real reader on small literal grids: block headings, journals.
import { describe, expect, it } from "vitest";
import { REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { readBudgets } from "./read.ts";
import { sectionOfBlockHeading } from "./sections.ts";
import type { SheetSnapshot } from "./snapshot.ts";
import { classifiedLines } from "../../tests/classifiedLines.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const read = (...sheets: SheetSnapshot[]) => readBudgets({ name: "test.xlsx", sheets });
const classified = classifiedLines;

describe("a block of money paid to partners", () => {
  it("is a block of charges, after a block of produits, whatever its lines name", () => {
    const r = read(
      sheet("Rapport financier 2013", [
        ["Libellé", "2013"],
        ["Recettes", null],
        ["Conseil Général (réhabilitation maisons)", 5000],
        ["Subventions versées à Fonhsud", null],
        ["Salaire du comptable", 4800],
        ["Réhabilitation maisons", 11190],
        ["Projet citernes", 19850],
        ["Total des subventions versées à Fonhsud", 35840],
      ]),
    );
    const lines = classified(r);
    expect(lines.map((l) => [l.label, l.section])).toEqual([
      ["Conseil Général (réhabilitation maisons)", "income"],
      ["Salaire du comptable", "expense"],
      ["Réhabilitation maisons", "expense"],
      ["Projet citernes", "expense"],
    ]);
    // The partner's accountant is paid by the partner: a grant paid (657), not staff, and not asked when the block says so.
    for (const l of lines.slice(1)) {
      expect(l.lever, l.label).toBe("other_operating");
      expect(l.confidence, l.label).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    }
  });

  it("is told by the participle of paying out, never by the money received from a payer", () => {
    for (const h of ["Subventions versées à FPS", "Aides versées", "Dons versés", "Reversements aux partenaires", "Aides accordées aux familles", "Subventions aux associations partenaires"]) {
      expect(sectionOfBlockHeading(h), h).toBe("expense");
    }
    for (const h of ["Subventions versées par la CAF", "Subventions", "Aides reçues", "Dons"]) {
      expect(sectionOfBlockHeading(h), h).not.toBe("expense");
    }
  });
});

describe("a heading that says what money is for", () => {
  it("the cost of something (« Voyage de fin d'année (coût de la sortie) ») heads charges: its lines are charges after a block of sales", () => {
    const r = read(
      sheet("Etat des finances", [
        ["Libellé", "Montant"],
        ["Kermesse", null],
        ["Vente de gâteaux", 120],
        ["Buvette de la kermesse", 240],
        ["Classe verte (coût du séjour)", null],
        ["Autocars", 900],
        ["Entrées au musée", 300],
      ]),
    );
    expect(classified(r).map((l) => [l.label, l.section])).toEqual([
      ["Vente de gâteaux", "income"],
      ["Buvette de la kermesse", "income"],
      ["Autocars", "expense"],
      ["Entrées au musée", "expense"],
    ]);
  });

  it("what a collection is for heads charges, and the cost of a thing too; the words alone do not", () => {
    for (const h of ["Les objectifs de la cagnotte", "Utilisation des fonds collectés", "À quoi servira votre don", "Coût du voyage", "Sortie : coût du car"]) expect(sectionOfBlockHeading(h), h).toBe("expense");
    for (const h of ["La cagnotte", "Objectifs", "Voyage de fin d'année"]) expect(sectionOfBlockHeading(h), h).toBeNull();
  });

  it("the association's running costs head charges (« Frais d'exploitation »), what members pay does not", () => {
    for (const h of ["Frais d'exploitation", "Frais de fonctionnement", "Les frais de personnel", "Frais généraux"]) expect(sectionOfBlockHeading(h), h).toBe("expense");
    for (const h of ["Frais d'inscription", "Frais de participation", "Frais de dossier"]) expect(sectionOfBlockHeading(h), h).toBeNull();
  });
});

describe("blocks and rows that are not lines of the year", () => {
  it("skips the balances listed under « Balances au … », a carry-forward and a closing entry, and says them skipped", () => {
    const r = read(
      sheet("Bilan 2024", [
        ["Libellé", "2024"],
        ["Recettes", null],
        ["Report solde 2023", 812.4],
        ["Dons", 2500],
        ["Dépenses", null],
        ["Hébergement serveurs", 1668],
        ["Part sociale Crédit Coopératif", 20],
        ["Balances au 31/01/2025", null],
        ["Crédit Mutuel courant", 9814.2],
        ["Crédit Mutuel livret bleu", 20000],
        ["Paypal", 1203.5],
        ["Stripe", 411.7],
      ]),
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Dons", "Hébergement serveurs"]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual([
      "Report solde 2023",
      "Part sociale Crédit Coopératif",
      "Crédit Mutuel courant",
      "Crédit Mutuel livret bleu",
      "Paypal",
      "Stripe",
    ]);
  });

  it("skips a journal's closing entries on the side a result cannot be on, and keeps an event's proceeds", () => {
    const r = read(
      sheet("Marché", [
        ["Date", "Libellé", "Montant"],
        [null, "Doit", null],
        ["2025-05-01", "Caisse à Marché - Achat denrées", 1200],
        ["2025-05-10", "Marché à Produits - Bénéfices Marché", 1618.2],
        [null, "Avoir", null],
        ["2025-05-04", "Twint à Marché - Vente marché", 2818.2],
        ["2025-05-04", "Caisse à Produits - Bénéfice loto", 300],
        ["2025-12-31", "Frais à PP - Produits et frais (perte)", 80],
      ]),
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Caisse à Marché - Achat denrées", "Twint à Marché - Vente marché", "Caisse à Produits - Bénéfice loto"]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual(["Marché à Produits - Bénéfices Marché", "Frais à PP - Produits et frais (perte)"]);
  });
});

describe("a journal row whose amount is zero", () => {
  it("takes the side of the column its zero is typed in", () => {
    const r = read(
      sheet("Budget", [
        ["Poste", "Dépenses", "Recettes", "Bénéfice"],
        ["Cotisations", null, 2200, 2200],
        ["Subventions d'exploitation", null, 0, 0],
        ["Stages", null, 1750, 1750],
        ["Licences fédérales", 3900, null, -3900],
        ["Matériel", 0, null, 0],
        ["Assurance", 450, null, -450],
      ]),
    );
    expect(classified(r).map((l) => [l.label, l.section])).toEqual([
      ["Cotisations", "income"],
      ["Subventions d'exploitation", "income"],
      ["Stages", "income"],
      ["Licences fédérales", "expense"],
      ["Matériel", "expense"],
      ["Assurance", "expense"],
    ]);
  });
});

describe("a budget whose sides are said by a heading or a column, not by its labels", () => {
  // Sections of a club named by their names (« Los Aganits », « N.P.I. »): no label says a kind of charge.
  const sections: [string, number][] = [
    ["Fonctionnement", 423],
    ["Los Aganits", 1128],
    ["N.P.I.", 990],
    ["Les Baladeuses du 82", 1902],
  ];

  it("« Budget global » then « Financé par »: what pays for the budget is the produits, the rest its charges", () => {
    const r = read(
      sheet("Bilan 2017-2018", [
        ["Libellé", "Montant"],
        ["Budget global", null],
        ...sections,
        ["Financé par", null],
        ["Cotisations et dons", 890],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([...sections.map(([label]) => [label, "expense"]), ["Cotisations et dons", "income"]]);
  });

  it("a journal « Poste | Dépenses | Recettes » is a budget whatever its labels", () => {
    const r = read(
      sheet("Bilan 2017-2018", [
        ["Poste", "Dépenses", "Recettes"],
        ...sections.map(([label, amount]) => [label, amount, null]),
        ["Cotisations et dons", null, 890],
        ["Total", 4443, 890],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ...sections.map(([label]) => [label, "expense"]),
      ["Cotisations et dons", "income"],
    ]);
  });
});

describe("a table that names one side only", () => {
  it("gives the other side to the blocks above it (« Ventes », « Subventions » then « Dépenses »)", () => {
    const r = read(
      sheet("Coopérative 2023-24", [
        ["Libellé", "Montant"],
        ["Ventes", null],
        ["Pizzas", 62],
        ["Album de l'école", 200],
        ["Subventions", null],
        ["APEF : projet équitation", 1500],
        ["Dons en nature", null],
        ["Comité des fêtes : lots pour le loto", 350],
        ["Dépenses", null],
        ["Film des CM : location de matériel", 384.2],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Pizzas", "income"],
      ["Album de l'école", "income"],
      ["APEF : projet équitation", "income"],
      ["Comité des fêtes : lots pour le loto", "in_kind_resource"],
      ["Film des CM : location de matériel", "expense"],
    ]);
  });

  it("never in a journal, whose columns say each row's side, and not from a line called « Entrées »", () => {
    const r = read(
      sheet("Budget 2022", [
        ["Poste", "Dépenses", "Recettes"],
        ["Affiches", 772, null],
        ["Hébergement", 3174, null],
        ["Entrées web", null, 750],
        ["Entrées", null, 2234],
        ["Sponsors", null, 110],
        ["Total", 3946, 3094],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint, l.amount])).toEqual([
      ["Affiches", "expense", { kind: "value", cents: 77200 }],
      ["Hébergement", "expense", { kind: "value", cents: 317400 }],
      ["Entrées web", "income", { kind: "value", cents: 75000 }],
      ["Entrées", "income", { kind: "value", cents: 223400 }],
      ["Sponsors", "income", { kind: "value", cents: 11000 }],
    ]);
  });

  it("leaves a table that names no side, or both, as it is", () => {
    const r = read(
      sheet("Budget", [
        ["Libellé", "Montant"],
        ["Pizzas", 62],
        ["Recettes", null],
        ["Cotisations", 500],
        ["Dépenses", null],
        ["Assurance", 120],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Pizzas", null],
      ["Cotisations", "income"],
      ["Assurance", "expense"],
    ]);
  });
});

describe("a section heading that names whose money it is", () => {
  it("« Dépenses de la coopérative », the sheet's only block, opens the charges", () => {
    const r = read(
      sheet("Coopérative", [
        ["Libellé", "Montant"],
        ["Dépenses de la coopérative", null],
        ["Sortie à la ferme des lamas et des alpagas : transport", 263],
        ["Sortie à la ferme des lamas et des alpagas : visite (2 × 200 €)", 400],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Sortie à la ferme des lamas et des alpagas : transport", "expense"],
      ["Sortie à la ferme des lamas et des alpagas : visite (2 × 200 €)", "expense"],
    ]);
  });

  it("is told by a body that holds a budget, never by what the block buys", () => {
    expect(["Dépenses de la coopérative scolaire", "Charges du club", "Dépenses de l'école"].map(sectionOfBlockHeading)).toEqual(["expense", "expense", "expense"]);
    expect(["Recettes de l'école", "Produits de l'association"].map(sectionOfBlockHeading)).toEqual(["income", "income"]);
    expect(["Produits d'entretien", "Ressources humaines", "Produits alimentaires (buvette)"].map(sectionOfBlockHeading)).toEqual([null, null, null]);
    // « Charges de personnel » names the side it is a part of.
    expect(sectionOfBlockHeading("Charges de personnel")).toBe("expense");
  });
});

describe("a section heading with more words than the section word", () => {
  it("opens its side when its leading noun names one, whatever follows", () => {
    const expense = ["Les dépenses des coopératives de classe", "Dépenses provisoire", "Charges de fonctionnement prévues", "Budget des dépenses", "Principales dépenses", "Dépenses de la journée", "Voyage de fin d'année (coût de la sortie)", "Ce que nous avons dépensé"];
    const income = ["Recettes de la journée", "Principales recettes", "Nos ressources 2024", "Autres recettes", "Ce que nous avons reçu", "Sommes encaissées"];
    expect(expense.map((h) => [h, sectionOfBlockHeading(h)])).toEqual(expense.map((h) => [h, "expense"]));
    expect(income.map((h) => [h, sectionOfBlockHeading(h)])).toEqual(income.map((h) => [h, "income"]));
    // Tickets, outings, jobs are as often lines: their nouns name a side only with a qualifier.
    expect(["Entrées au parc", "Sorties scolaires", "Emplois aidés", "Ressources pédagogiques"].map(sectionOfBlockHeading)).toEqual([null, null, null, null]);
  });

  it("names no side when it names both, and its block's lines are sided one by one", () => {
    expect(["Principales recettes / dépenses", "Recettes et dépenses de la journée", "Dépenses / Recettes"].map(sectionOfBlockHeading)).toEqual([null, null, null]);
    const r = read(
      sheet("Bilan", [
        ["Libellé", "Montant"],
        ["Dépenses", null],
        ["Location de la salle", 300],
        ["Principales recettes / dépenses de la fête", null],
        ["Subvention de la mairie", 800],
      ]),
    );
    const subsidy = r.lines.find((l) => l.label === "Subvention de la mairie")!;
    expect(subsidy.context.sectionHint).not.toBe("expense");
    expect(classifiedLines(r).find((l) => l.label === "Subvention de la mairie")!.section).toBe("income");
  });

  it("sides the lines under it: a school cooperative's expenses, a fishing day's income then its costs", () => {
    const coop = read(
      sheet("Dépenses par élève", [
        ["Libellé", "Par élève"],
        ["Les dépenses des coopératives de classe", null],
        ["Cotisations Assurance (MAE contrat école et adhésion à l'OCCE)", 2],
        ["Classes : sorties éducatives", 4.5],
        ["Classes : livres, abonnements", 4],
      ]),
    );
    expect(classified(coop).map((l) => [l.label, l.section])).toEqual([
      ["Cotisations Assurance (MAE contrat école et adhésion à l'OCCE)", "expense"],
      ["Classes : sorties éducatives", "expense"],
      ["Classes : livres, abonnements", "expense"],
    ]);
    const day = read(
      sheet("Journée", [
        ["Libellé", "Montant"],
        ["Recettes de la journée", null],
        ["Jeu de la ficelle (50 × 2 €)", 100],
        ["Caisse du bar", 352.1],
        ["Dépenses provisoire", null],
        ["Buvette provisoire (Intermarché)", 45.26],
        ["Pub (Alliance Pub)", 70],
      ]),
    );
    expect(classified(day).map((l) => [l.label, l.section])).toEqual([
      ["Jeu de la ficelle (50 × 2 €)", "income"],
      ["Caisse du bar", "income"],
      ["Buvette provisoire (Intermarché)", "expense"],
      ["Pub (Alliance Pub)", "expense"],
    ]);
  });

  it("is a line, not a heading, when it has an amount", () => {
    const r = read(
      sheet("Fête", [
        ["Libellé", "Montant"],
        ["Dépenses", null],
        ["Achats de boissons", 120],
        ["Recettes", null],
        ["Recettes de la buvette", 420],
        ["Recettes de la tombola", 180],
      ]),
    );
    expect(classified(r).map((l) => [l.label, l.section])).toEqual([
      ["Achats de boissons", "expense"],
      ["Recettes de la buvette", "income"],
      ["Recettes de la tombola", "income"],
    ]);
  });
});

describe("an in-kind heading that names its side after it", () => {
  it("« Contributions volontaires (emplois) » is the use (86), « (ressources) » the resource (87)", () => {
    const r = read(
      sheet("Mur de tir 2015", [
        ["Libellé", "Coût"],
        ["Dépenses", null],
        ["Panneaux", 300],
        ["Contributions volontaires (emplois)", null],
        ["Bénévolat : 229 h × 10 €", 2290],
        ["Recettes", null],
        ["Subvention", 300],
        ["Contributions volontaires (ressources)", null],
        ["Bénévolat", 2290],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Panneaux", "expense"],
      ["Bénévolat : 229 h × 10 €", "in_kind_use"],
      ["Subvention", "income"],
      ["Bénévolat", "in_kind_resource"],
    ]);
  });
});

describe("« Financement » in the singular", () => {
  it("heads the resources as « Financements » does", () => {
    const r = read(
      sheet("Projet", [
        ["Libellé", "Montant"],
        ["Dépenses", null],
        ["Location de la salle", 300],
        ["Divers", 50],
        ["Financement", null],
        ["Divers", 120],
        ["Apport de l'association", 230],
      ]),
    );
    expect(classified(r).map((l) => [l.label, l.section])).toEqual([
      ["Location de la salle", "expense"],
      ["Divers", "expense"],
      ["Divers", "income"],
      ["Apport de l'association", "income"],
    ]);
  });
});
