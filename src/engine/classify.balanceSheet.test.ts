import { describe, expect, it } from "vitest";
import { isBalanceSheetHeading, isBalanceSheetLine, isClosingEntry, namesAFlow } from "./classify.ts";

const isCashPositionLabel = (label: string) => isBalanceSheetLine(label, null);
const isCashPositionHeading = isBalanceSheetHeading;

// Balance-sheet money (classes 1–5) written among the lines: what is never a produit nor a charge, and what is.
describe("cash positions, receivables, debts and loans (classes 1–5)", () => {
  it("a bank or savings account, a cash box, a receivable, a sum to pass on, a loan: never a line of the year", () => {
    for (const label of [
      "Compte chèque",
      "Compte Chèque",
      "Compte courant au 31/12/2022",
      "Compte portefeuille (placement) au 07/11/2022",
      "Compte épargne Crédit Mutuel",
      "Livret A",
      "Livret Bleu",
      // A Belgian savings book and a deposit account, and money moved into them.
      "Carnet de dépôt",
      "Carnet d'épargne",
      "Compte de dépôt",
      "Transfert vers carnet dépôt",
      "Livret CMB",
      "Livret BRED au 31/12",
      "Caisse",
      "Fonds de caisse",
      "Quelques Factures 2017 en cours de recouvrement",
      "Des factures en cours",
      "Factures à encaisser",
      "Créances clients",
      "À reverser à la fondation dons 2023",
      "A reverser à l'AUI : Dons 2019 + 10 % coti AFLLU",
      "Reste à reverser",
      "Prêt CMB (hors frais et intérêt)",
      "Prêt LCL",
      "Emprunt BNP Paribas",
      "Déblocage du prêt",
      "Emprunt bancaire",
      "Prêt d'honneur",
      "Subvention d'investissement Région",
      "Subventions d'équipement",
      // The cash position alone or at a date (issue 11, kind 7).
      "Trésorerie",
      "Disponibilités",
      "Solde bancaire",
      "Caisse au 1er janvier",
      "Banque au 31/12/2023",
      "Trésorerie au 31 décembre",
      "Report à nouveau",
      "Emprunt",
      // Listed by a letter or a numeral; charged straight to a reserve.
      "B – Report situation antérieure",
      "II. Trésorerie",
      "Travaux au temple et à la maison paroissiale, imputés au compte réserve immobilière",
      "Frais de procès imputés sur le fonds de réserve",
      "Solde créditeur",
      "Trésorerie fin d'année",
      "Fonds de roulement",
      "Capital restant dû",
      "Emprunts et dettes",
      // Its own money moved into or out of its savings.
      "Virement sur le livret A",
      "Placement sur livret",
      "Transfert vers le compte épargne",
      "Virement du livret",
    ]) {
      expect(isCashPositionLabel(label), label).toBe(true);
    }
  });

  it("fees and interest said of those accounts are flows; things lent free of charge are in kind; look-alikes are lines", () => {
    for (const label of [
      "Frais bancaires",
      "Frais de tenue de compte",
      "Intérêts du livret",
      "Intérêts Livret A",
      "Commission PayPal",
      "Cotisation carte business",
      "Frais liés au prêt",
      "Intérêts d'emprunt",
      "Prêt de salle par la mairie",
      "Prêt gratuit de matériel",
      "Livret d'accueil des bénévoles",
      "Impression du livret",
      "Caisse d'Allocations Familiales",
      "Caisse d'Epargne (mécénat)",
      "Caisse buvette",
      "Pertes de caisse",
      "Facture solde lumière",
      "Factures EDF",
      "Subvention de fonctionnement",
      "Dons reversés à la fondation",
      "Virement de la CAF",
      "Versement sur le compte de l'association partenaire",
      "A - Recettes",
      "I - Achats",
      "Caisse de retraite complémentaire",
      "Caisse du 14 juillet",
      "Caisse enregistreuse",
      "Frais de caisse",
    ]) {
      expect(isCashPositionLabel(label), label).toBe(false);
    }
    expect(namesAFlow("Prêt CMB (hors frais et intérêt)")).toBe(false);
    expect(namesAFlow("Frais bancaires")).toBe(true);
  });

  it("headings over balances, receivables or a financing plan of equipment", () => {
    for (const heading of [
      "Etat des fonds (au 30 janvier 2018)",
      "Etat des comptes au 05.01.2019",
      "Situation financière de l'association AFLLU",
      "Avoirs FABLAB",
      "Comptes bancaires BRED",
      "Soldes bancaires",
      "Trésorerie au 31/12",
      "Disponibilités",
      "Non encaissé",
      "Dossier Investissements : montant déblocable",
      "Plan de financement des équipements",
    ]) {
      expect(isCashPositionHeading(heading), heading).toBe(true);
    }
    for (const heading of [
      "Non encaissé : pertes",
      "Quelques éléments clefs de la trésorerie 2018",
      "2017 : grosse année côté investissement",
      "Plan de financement du projet",
      "Dépenses — Frais bancaires",
      "Recettes",
      "Banque",
    ]) {
      expect(isCashPositionHeading(heading), heading).toBe(false);
    }
  });
});

describe("what the previous year left and what closes the year (classes 11, 12, 26)", () => {
  it("a carry-forward, a closing transfer of the result, a bank share: never a line", () => {
    for (const label of ["Report solde 2013", "Report de l'exercice précédent", "Report N-1", "Reports des soldes", "Virement du bénéfice", "Affectation du résultat 2022", "Part sociale CMMC", "Parts sociales Crédit Coopératif", "Souscription de parts sociales"]) {
      expect(isCashPositionLabel(label), label).toBe(true);
    }
    for (const label of ["Report de ressources non utilisées", "Subvention reportée", "Bénéfice loto", "Reprise sur provisions", "Partenariat social"]) {
      expect(isCashPositionLabel(label), label).toBe(false);
    }
  });

  it("a result moved between a journal's accounts, into « PP » or on the side a result cannot be on", () => {
    expect(isClosingEntry("Frais à PP - Produits et frais (perte)", "income")).toBe(true);
    expect(isClosingEntry("Produits à Pertes et profits - Clôture", "expense")).toBe(true);
    // A profit among the charges is a profit taken out of its account; among the produits, an event's proceeds.
    expect(isClosingEntry("Marché à Produits - Bénéfices Marché", "expense")).toBe(true);
    expect(isClosingEntry("Marché à Produits - Bénéfices Marché", "income")).toBe(false);
    expect(isClosingEntry("Caisse à Produits - Bénéfice loto", "income")).toBe(false);
    expect(isClosingEntry("Déficit de l'exercice", "income")).toBe(true);
    // A profit given away is a gift passed on, an insurance payout for a loss is income: lines.
    expect(isClosingEntry("Bénéfices reversés au Téléthon", "expense")).toBe(false);
    expect(isClosingEntry("Assurance perte d'exploitation", "income")).toBe(false);
    expect(isClosingEntry("Indemnité d'assurance perte", "income")).toBe(false);
    expect(isClosingEntry("Twint à Frais - Frais Twint", "expense")).toBe(false);
  });

  it("a heading « Balances au … » lists account balances", () => {
    expect(isCashPositionHeading("Balances au 31/12/2020")).toBe(true);
    expect(isCashPositionHeading("Balances au 31/01/2025")).toBe(true);
    expect(isCashPositionHeading("Balance des paiements du projet")).toBe(false);
  });
});

describe("a chapter of classes 1–5 written with two digits", () => {
  it("« 51 - Banques, établissements financiers » is a balance, « 15 - Frais de banque » in a numbered list is a charge", () => {
    for (const label of ["51 - Banques, établissements financiers et assimilés", "53 Caisse", "16 - Emprunts et dettes assimilées", "10 Fonds associatifs", "40 - Fournisseurs et comptes rattachés"]) {
      expect(isBalanceSheetLine(label, null), label).toBe(true);
    }
    for (const label of ["15 - Frais de banque", "12 - Compte rendu de l'AG (impression)", "20 Stockage du matériel", "45 - Cadeaux aux bénévoles", "31 repas du club"]) {
      expect(isBalanceSheetLine(label, null), label).toBe(false);
    }
  });
});

describe("an account named by its bank", () => {
  it("« Crédit Mutuel courant », « Crédit Mutuel livret bleu »: the association's accounts, not interest nor a sponsor", () => {
    for (const label of ["Crédit Mutuel courant", "Crédit Mutuel livret bleu", "Banque Postale compte courant", "Raiffeisen compte épargne", "CCP compte"]) {
      expect(isCashPositionLabel(label), label).toBe(true);
    }
    // The bank alone may be a sponsor; its fees and interest are flows.
    for (const label of ["Crédit Agricole", "Intérêts Crédit Mutuel livret", "Frais Crédit Mutuel compte"]) {
      expect(isCashPositionLabel(label), label).toBe(false);
    }
  });
});

describe("a compte d'emploi des ressources' carried resources", () => {
  it("the public's gifts unused at the year's start or end are a stock, the dedicated resources carried and used a flow", () => {
    expect(isBalanceSheetLine("REPORT DES RESSOURCES COLLECTÉES AUPRÈS DU PUBLIC NON AFFECTÉES ET NON UTILISÉES EN DÉBUT D'EXERCICE", null)).toBe(true);
    expect(isBalanceSheetLine("Solde des ressources collectées auprès du public non affectées et non utilisées en fin d'exercice", null)).toBe(true);
    expect(isBalanceSheetLine("III- REPORT DES RESSOURCES AFFECTEES NON UTILISEES DES EXERCICES ANTERIEURS", null)).toBe(false);
    expect(isBalanceSheetLine("Ressources de l'exercice", null)).toBe(false);
  });
});

describe("an account named, then what kind of account it is", () => {
  it("« Livret Bleu (compte d'épargne) » is a balance; its interest and a line that only says where it was paid are flows", () => {
    expect(isBalanceSheetLine("Livret Bleu (compte d'épargne)", null)).toBe(true);
    expect(isBalanceSheetLine("Livret A (compte d'épargne)", null)).toBe(true);
    expect(isBalanceSheetLine("Intérêts livret bleu (compte d'épargne)", null)).toBe(false);
    expect(isBalanceSheetLine("Cotisations (compte courant)", null)).toBe(false);
  });
});

describe("a heading over what is owned and owed", () => {
  it.each(["Assets and debts at the start of 2022", "Avoirs et dettes au début de l'année 2022", "Créances et dettes au 31/12", "Liabilities at 31 December", "Bank balances", "Balances of the organization's accounts at the end of 2020"])("« %s » heads balances, not the year's flows", (heading) => {
    expect(isCashPositionHeading(heading)).toBe(true);
  });

  it.each(["Dettes et charges à payer de l'exercice", "Planned expenses for the year 2022", "Cash sales", "Balance of income and expenses"])("« %s » does not", (heading) => {
    expect(isCashPositionHeading(heading)).toBe(false);
  });
});

describe("money an earlier year or edition left, said in English", () => {
  it.each(["We started with a 102,000 CZK left over from PyCon CZ 2018", "there was some available amount from previous conferences", "Surplus carried over from 2019"])("« %s » is what the association held, no income", (label) => {
    expect(isCashPositionLabel(label)).toBe(true);
  });

  it.each(["Leftover food sold", "Remaining tickets"])("« %s » is a line", (label) => {
    expect(isCashPositionLabel(label)).toBe(false);
  });
});
