// Labels written the way treasurers of other times and places write them (issue 11, fifth blind set): a funder named
// alone, members counted by class, the verb « payé », old words for interest, a label's head noun, words one letter away
// from a keyword, equipment bought to last. Each rule is checked on labels of its kind, not only the one that showed it.
import { describe, expect, it } from "vitest";
import { classify, isBalanceSheetLine, isInvestmentLine, REVIEW_CONFIDENCE } from "./classify.ts";
import type { LeverId, Nature, Section } from "./types.ts";

const c = (label: string, section: Section | null = "income", extra = {}) => classify({ label, account: null, context: { sectionHint: section, ...extra } });

describe("a public body named alone among the produits gives a grant", () => {
  it.each([
    "L'ONU",
    "DRJSCS (Intégration et accès à la nationalité française)",
    "DGS (Centre Primo Levi)",
    "DDCS du Rhône",
    "Union européenne",
    "FSE",
    "UNESCO",
    "Milieudefensie (UE) : pour la campagne sur les industries extractives",
    "Direction régionale des affaires culturelles",
    "Ambassade de France",
  ])("« %s » → public grant", (label) => {
    const r = c(label, "income", { heading: "Recettes" });
    expect(r.lever).toBe("public_grants");
    expect(r.nature).toBe("public");
  });

  it("« campagne » is no « camp » sold", () => {
    expect(c("Campagne d'adhésion").lever).not.toBe("sales_services");
    expect(c("Camp d'été").lever).toBe("sales_services");
  });

  it("a collective or a student association named alone gives private money, and asks", () => {
    for (const label of ["D'autres collectifs", "De la part du BDE de l'UTC", "Collectif Alternatiba"]) {
      const r = c(label);
      expect(r.nature, label).toBe("private");
      expect(r.confidence, label).toBeLessThan(REVIEW_CONFIDENCE);
    }
  });
});

describe("money given by a public body is a grant, whatever word names the giving", () => {
  it.each([
    ["Souscription ministérielle", "public"],
    ["Don de la mairie", "public"],
    ["Dons de la Région", "public"],
    // The public body is where gifts were collected, not who gave.
    ["Dons collectés à la mairie", "private"],
    ["Souscription des membres", "private"],
  ] as [string, Nature][])("« %s » → %s", (label, nature) => {
    expect(c(label).nature).toBe(nature);
  });
});

describe("members counted by their class of membership pay dues", () => {
  it.each(["15 membres bienfaiteurs", "56 membres actifs", "8 membres fondateurs", "Membres honoraires", "3 membres à vie", "Membres titulaires (120)"])(
    "« %s » → membership fees",
    (label) => {
      expect(c(label, "income", { heading: "Recettes" }).lever).toBe("membership_fees");
    },
  );

  it("a word of its own before the members still decides", () => {
    expect(c("Dons des membres bienfaiteurs").lever).toBe("donations");
    expect(c("Repas des membres actifs").lever).toBe("sales_services");
  });

  it("a society's entry fee said of its members is a due; « droit d'entrée » alone asks", () => {
    expect(c("Droit d'entrée des nouveaux membres").lever).toBe("membership_fees");
    for (const label of ["Pour droit d'entrée une somme de", "Droits d'entrée"]) expect(c(label).confidence, label).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe("old and formal wording", () => {
  it("« payé à … » is the verb: whom it is paid to says what, never a salary", () => {
    for (const label of ["Payé à l'imprimerie (plaquettes)", "Payé au traiteur", "Payé pour la location de la salle"]) {
      expect(c(label, "expense").pillar, label).toBe("financial");
    }
    expect(c("Paye du personnel", "expense").lever).toBe("staff");
    expect(c("Paie", "expense").lever).toBe("staff");
  });

  it.each(["Revenus des fonds placés", "Rentes", "Arrérages de rentes", "Revenus des titres"])("« %s » → financial income, out of the mix", (label) => {
    const r = c(label);
    expect(r.lever).toBe("financial_income");
    expect(r.nature).toBe("neutral");
  });

  it("an imprimerie is a printer: a service of communication", () => {
    expect(c("Imprimerie Dupont", "expense").lever).toBe("other_external_services");
  });
});

describe("with no side told, the label's first word is its head noun and says the side", () => {
  it.each<[string, Section, LeverId]>([
    ["Impression de tee-shirts", "expense", "purchases"],
    ["Achat de matériel audiovisuel pour la captation de nos conférences", "expense", "purchases"],
    ["Frais de déplacement pour proposer un remboursement des trajets de nos membres", "expense", "volunteer_expenses"],
    ["Vente de tee-shirts", "income", "sales_services"],
    ["Subvention pour achat de matériel", "income", "public_grants"],
  ])("« %s » → %s", (label, section, lever) => {
    const r = c(label, null);
    expect(r.section).toBe(section);
    expect(r.lever).toBe(lever);
  });

  it("an in-kind phrase is not a head noun and its complement", () => {
    expect(c("Loyer équivalent (ex-cantine)", null).section).toBe("in_kind_resource");
  });
});

describe("a real word is no typo of a keyword", () => {
  it.each<[string, Section]>([
    ["Don aux écoles publiques (maternelle Charles-Perrault)", "expense"],
    ["Pâte d'amande", "expense"],
    ["Cliché de la marque", "expense"],
    ["Rentrées diverses", "income"],
    ["Budget prévisionnel", "expense"],
    ["Installation et dépenses d'intérieur", "expense"],
  ])("« %s » is read by no near spelling", (label, section) => {
    expect(c(label, section).reason).not.toMatch(/orthographe approchée/);
  });

  it("a near spelling, one word, asks to be checked", () => {
    const r = c("Frais banquaire", "expense");
    expect(r.reason).toMatch(/orthographe approchée/);
    expect(c("Banquaire", "expense").confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe("equipment bought to last is no charge of the year", () => {
  it("« Investissements : … » among the charges is said so, never sure", () => {
    const r = c("Investissements : matériel informatique", "expense");
    expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(r.reason).toMatch(/investissement/);
    expect(isInvestmentLine("Immobilisations corporelles", "expense")).toBe(true);
  });

  it("said of the produits, or of volunteers' time, it is not an asset", () => {
    expect(isInvestmentLine("Investissement initial des fondateurs", "income")).toBe(false);
    expect(isInvestmentLine("Investissement bénévole", "expense")).toBe(false);
    expect(c("Amortissements", "expense").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });
});

describe("a cash account's opening and closing funds are no lines (sixth blind set)", () => {
  it.each([
    "Fonds le 1er janvier : En caisse",
    "Fonds le 1er janvier : Cotisations non payées",
    "Fonds restant le 31 décembre : Cotisations payées en 1948",
    "Nous avons en caisse en novembre 2017 la somme de",
    "Reste en caisse",
    "Solde au 31 décembre",
    "Cotisations non payées",
    "Prêt de 500€ par Pierre Lévy remboursé",
    "1. Excédant de recettes de l'exercice 1885",
  ])("« %s » is a balance-sheet row", (label) => {
    expect(isBalanceSheetLine(label, null)).toBe(true);
  });

  it.each(["Fonds de dotation", "Fonds de solidarité", "Cotisations", "Cotisations à recevoir (3 125,00), moins périmées (200,00)", "Excédent de recettes", "Reste à charge des familles", "Prêt de matériel", "Solde de la subvention 2023", "Avances de frais des bénévoles"])(
    "« %s » is a line",
    (label) => {
      expect(isBalanceSheetLine(label, null)).toBe(false);
    },
  );
});

describe("which way the money went, said by a participle", () => {
  it.each<[string, Section]>([
    ["Droits d'auteur versés à Hélène Cordeau pour les livres vendus", "expense"],
    ["Dons reçus de la fondation", "income"],
    ["Subvention versée par la mairie", "income"],
  ])("« %s » with no side told → %s", (label, section) => {
    expect(c(label, null).section).toBe(section);
  });
});

describe("under chapter 75, a label that says nothing is private money kept in the mix", () => {
  const chapter = "75 - Autres produits de gestion courante";
  it("an acronym is dues, a person a gift, both to check", () => {
    const dues = c("C.E.A.", "income", { chapter });
    expect(dues.lever).toBe("membership_fees");
    expect(dues.nature).toBe("private");
    expect(dues.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(c("Jean Dupont", "income", { chapter }).lever).toBe("donations");
  });

  it("a label that says « divers » keeps the catch-all", () => {
    expect(c("Divers", "income", { chapter }).lever).toBe("other_income");
  });
});

describe("a treasurer's abbreviations glued to the next word", () => {
  it.each<[string, LeverId]>([
    ["Loc.salle", "external_services"],
    ["Abt Wanadoo", "external_services"],
  ])("« %s » → %s", (label, lever) => {
    const r = c(label, "expense");
    expect(r.lever).toBe(lever);
    expect(r.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });
});

describe("confidence that means something: strong evidence that agrees is not asked", () => {
  it("a name under a heading that says its lever word for word is read without asking; at a near spelling it asks", () => {
    expect(c("Boulangerie Martin", "income", { heading: "Sponsors" }).confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    expect(c("Boulangerie Martin", "income", { heading: "Sponsros" }).confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe("a short keyword is read as a whole word, not inside a longer phrase that means something else (issue 11, kind 1)", () => {
  it("damages are an exceptional charge or produit, not interest", () => {
    for (const label of ["Dommages et intérêts", "Dommages-intérêts", "Dommages et intérêts (litige fournisseur)"]) {
      expect(c(label, "expense").lever, label).toBe("exceptional_charges");
      expect(c(label, "income").lever, label).toBe("exceptional_income");
    }
    expect(c("Intérêts du livret", "income").lever).toBe("financial_income");
    expect(c("Intérêts d'emprunt", "expense").lever).toBe("financial_charges");
  });

  it("« intérêt général », « intérêt public » earn and pay no interest", () => {
    for (const label of ["Messages d'intérêt général", "Spots d'intérêt public", "Projets d'intérêt collectif"]) {
      expect(c(label, "income").lever, label).not.toBe("financial_income");
      expect(c(label, "expense").lever, label).not.toBe("financial_charges");
    }
  });

  it("a short keyword is a whole word: « Posters » hold no post, « Primevères » no bonus, « Galaxie » no gala", () => {
    for (const label of ["Posters", "Postérité", "Primevères"]) expect(c(label, "expense").lever, label).not.toBe("staff");
    expect(c("Galaxie", "income").confidence).toBeLessThan(REVIEW_CONFIDENCE);
    for (const label of ["Postes", "Prime de fin d'année", "Retraite complémentaire", "Traitement du directeur"]) expect(c(label, "expense").lever, label).toBe("staff");
    expect(c("Gala", "income").lever).toBe("sales_services");
  });

  it("a parish's retreat is no pension, the treatment of waste no salary", () => {
    for (const label of ["Retraite spirituelle", "Retraite de confirmation"]) expect(c(label, "expense").lever, label).not.toBe("staff");
    expect(c("Traitement des déchets", "expense").lever).toBe("external_services");
  });

  it("a near spelling is not read onto a shorter word of another meaning: « Communiqués » is no « commune »", () => {
    for (const label of ["Communiqués", "Communiqués de presse"]) expect(c(label, "income").nature, label).not.toBe("public");
    expect(c("Comunes", "income").lever).toBe("public_grants");
  });
});

describe("an operating allotment from a public body is a grant (issue 11, kind 2)", () => {
  it.each(["Dotation de fonctionnement", "Dotation de fonctionnement de la commune", "Dotation de fonctionnement du Département", "Dotation de fonctionnement de l'État", "Dotation annuelle de fonctionnement", "Dotation communale"])(
    "« %s » → public grant",
    (label) => {
      const r = c(label, "income", { heading: "Recettes" });
      expect(r.lever).toBe("public_grants");
      expect(r.nature).toBe("public");
    },
  );

  it("from the parent body (a federation, another association) it is private money; a medico-social « dotation globale » stays a tariff", () => {
    expect(c("Dotation de fonctionnement de la fédération").nature).toBe("private");
    expect(c("Dotation globale de fonctionnement").lever).toBe("public_tariffs");
  });
});

describe("among the produits, crafts sold, money from another association and sponsorships are not dues (issue 11, kind 3)", () => {
  it("« Artisanat divers », « Objets artisanaux » are goods sold (707), not « divers »", () => {
    for (const label of ["Artisanat divers", "Objets artisanaux", "Vente d'artisanat"]) {
      expect(c(label, "income", { heading: "Recettes" }).lever, label).toBe("sales_services");
      expect(c(label, "income", { chapter: "75 - Autres produits de gestion courante" }).lever, label).toBe("sales_services");
    }
  });

  it("a sum paid by a body the label names is private money from another organisation, under a block of dues too", () => {
    for (const label of ["Somme versée par le Secours Catholique", "Somme reçue de la part des Amis de l'orgue", "De la part de Costech"]) {
      for (const context of [{}, { heading: "Cotisations" }, { chapter: "756 Cotisations" }, { chapter: "75 - Autres produits de gestion courante" }]) {
        const r = c(label, "income", context);
        expect(r.lever, `${label} ${JSON.stringify(context)}`).toBe("foundations");
        // Under chapter 75, which holds 7551, the reading is the chapter's own.
        if (!("chapter" in context)) expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
      }
    }
    // Members and families pay as users; a person named keeps what the block says.
    expect(c("Somme versée par les Familles", "income", { heading: "Cotisations" }).lever).toBe("sales_services");
    expect(c("Somme versée par M. Dupont", "income", { heading: "Cotisations" }).lever).toBe("membership_fees");
    // Under no block, a person who pays with nothing said for what gives.
    for (const label of ["Montant reçu de Jean Dupont", "Somme versée par M. Dupont"]) {
      const r = c(label, "income");
      expect(r.lever, label).toBe("donations");
      expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    }
  });

  it("« Parrainages » under a block of dues is sponsoring (a company's or people's: private), asked, not dues", () => {
    for (const context of [{ chapter: "756 Cotisations" }, { chapter: "75 - Autres produits de gestion courante" }, { heading: "Cotisations" }]) {
      const r = c("Parrainages", "income", context);
      expect(["sponsorship", "donations"], JSON.stringify(context)).toContain(r.lever);
      expect(r.nature).toBe(r.lever === "donations" ? "private" : "activity");
      expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    }
  });
});

describe("money set aside into a fund or taken out of it is a neutral allocation, not a bequest (issue 11, kind 4)", () => {
  it.each(["Affectation au fonds de legs", "Report en fonds dédiés", "Dotation à la réserve", "Affectation aux fonds dédiés", "Mise en réserve"])("« %s » among the charges → 689", (label) => {
    expect(c(label, "expense").lever).toBe("depreciation_provisions");
  });

  it.each(["Affectation au fonds de legs", "Report en fonds dédiés", "Utilisation du fonds de legs", "Prélèvement sur le fonds de legs"])("« %s » among the produits → neutral, no bequest", (label) => {
    const r = c(label, "income");
    expect(r.lever).not.toBe("bequests");
    expect(r.nature).toBe("neutral");
  });

  it("said with no side, setting money aside is a charge", () => {
    expect(c("Affectation au fonds de legs", null).section).toBe("expense");
  });

  it("a bequest received is still one", () => {
    expect(c("Legs de Mme Martin", "income").lever).toBe("bequests");
  });
});

describe("a post named as a charge line is that employee's pay (issue 11, kind 5)", () => {
  it.each(["Coût salarial", "Bedeau", "Organiste", "Animateur", "Animatrice", "Sacristain", "Secrétaire", "Coordinatrice", "Concierge", "Chargée de mission", "Moniteurs", "Pour le sonneur"])("« %s » → staff (64)", (label) => {
    expect(c(label, "expense", { heading: "Dépenses" }).lever).toBe("staff");
  });

  it("an older budget's « gages » are wages; « Cuisinière » may be a stove, not a post", () => {
    expect(c("Gages de la servante", "expense").lever).toBe("staff");
    expect(c("Cuisinière", "expense").lever).not.toBe("staff");
  });

  it("matched as whole words: the secretariat or the cleaning bought are services, a present for the secretary a purchase", () => {
    expect(c("Frais de secrétariat", "expense").lever).not.toBe("staff");
    expect(c("Ménage", "expense").lever).toBe("external_services");
    expect(c("Cadeau secrétaire", "expense").lever).toBe("purchases");
    expect(c("Portage salarial", "expense").lever).toBe("external_staff");
  });
});

describe("what a member body pays its federation, network or diocese is a charge, not dues received (issue 11, kind 6)", () => {
  it.each<[string, LeverId]>([
    ["Contribution au diocèse", "common_operations"],
    ["Contribution au diocèse et doyenné", "common_operations"],
    ["Contribution diocésaine", "common_operations"],
    ["Cible", "common_operations"],
    ["Cible consistoriale 2010", "common_operations"],
    ["Quote-part fédération", "common_operations"],
    ["Participation à la fédération", "common_operations"],
    ["Cotisation à la fédération", "network_dues"],
    ["Adhésion au réseau", "network_dues"],
    ["Part fédérale", "network_dues"],
    ["Quote-part fédérale des licences", "network_dues"],
  ])("« %s » → %s", (label, lever) => {
    expect(c(label, "expense").lever).toBe(lever);
    // Said with no side, it is paid.
    expect(c(label, null).section).toBe("expense");
  });

  it("among the produits, a sum said paid to the network is never read sure", () => {
    for (const label of ["Cotisation à la fédération", "Contribution au diocèse", "Quote-part fédération"]) {
      expect(c(label, "income").confidence, label).toBeLessThan(REVIEW_CONFIDENCE);
    }
    // Money from the federation is received.
    expect(c("Participation de la fédération", "income").nature).toBe("private");
    expect(c("Cotisations des membres", "income").lever).toBe("membership_fees");
  });

  it("a diocese, a consistory, a great charity give private money, not a public grant", () => {
    for (const label of ["Subvention diocésaine", "Aide du diocèse", "Versement du Secours Populaire", "Aide de la Croix-Rouge"]) {
      expect(c(label, "income").nature, label).toBe("private");
    }
  });

  it("a word one letter away is no share: « câbles » are bought", () => {
    expect(c("Des supports câbles/tendeurs", "expense").lever).not.toBe("common_operations");
  });
});

describe("a public body's word said of something else names no public body (issue 11, kind 1)", () => {
  it("« Salle commune », « Maison commune », « État des lieux », « en l'état », « Communion solennelle »", () => {
    for (const label of ["Maison commune", "Salle commune : locations", "État des lieux", "Dons en l'état", "Communion solennelle"]) {
      expect(c(label, "income").nature, label).not.toBe("public");
    }
    expect(c("Remise en état du local", "expense").lever).toBe("external_services");
    // The bodies themselves still give grants.
    for (const label of ["Commune de Lyon", "Subvention État", "Participation communale"]) expect(c(label, "income").nature, label).toBe("public");
  });
});

describe("taxes on wages are staff costs (631/633), however the line says it", () => {
  it.each([
    ["Sur rémunération", "63 - Impôts, taxes et versements assimilés"],
    ["sur salaires", "63 Impôts et taxes"],
    ["Impôts, taxes et versements assimilés sur rémunérations", null],
    ["Sur les rémunérations", null],
  ])("« %s » (under « %s ») → payroll taxes", (label, chapter) => {
    const r = c(label, "expense", { chapter });
    expect(r.lever).toBe("payroll_taxes");
    expect(r.pillar).toBe("human");
  });

  it("while the other taxes stay taxes", () => {
    expect(c("Autres impôts et taxes", "expense", { chapter: "63 - Impôts et taxes" }).lever).toBe("taxes");
    expect(c("Taxe foncière", "expense").lever).toBe("taxes");
  });
});

describe("the words of an audited compte de résultat and of a compte d'emploi des ressources (seventh blind set)", () => {
  it("« Subventions et autres concours publics » is public funding, a grant; the tarification's « Concours publics » alone stays 73", () => {
    expect(c("3- SUBVENTIONS & AUTRES CONCOURS PUBLICS").lever).toBe("public_grants");
    expect(c("Autres concours publics").nature).toBe("public");
    expect(c("Concours publics").lever).toBe("public_tariffs");
  });

  it("fees and postage are services bought, not pay nor a job: « Autres rémunérations et honoraires », « Expédition, Poste »", () => {
    expect(c(". Autres rémunérations et honoraires", "expense").lever).toBe("other_external_services");
    expect(c(". Expédition, Poste", "expense").lever).toBe("other_external_services");
    expect(c("Expédition des colis", "expense").lever).toBe("other_external_services");
    // Pay stays pay.
    expect(c("Rémunération du personnel", "expense").lever).toBe("staff");
    expect(c("Poste de coordinateur", "expense").lever).toBe("staff");
  });
});
