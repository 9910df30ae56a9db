// Who pays, and what for: a funder word counts where it names the payer, a treasurer's abbreviations are read
// written out, a person or a club named among the produits gives, a predecessor's cash is no income (issue 11).
import { describe, expect, it } from "vitest";
import { expandAbbreviations } from "./abbreviations.ts";
import { classifyLines } from "./analyze.ts";
import { classify, isBalanceSheetLine, REVIEW_CONFIDENCE } from "./classify.ts";
import type { BudgetLine, LeverId, Nature, Section } from "./types.ts";

const c = (label: string, section: Section = "income", extra = {}) => classify({ label, account: null, context: { sectionHint: section, ...extra } });

describe("a funder word names a payer only where a payer is named", () => {
  it.each<[string, Nature]>([
    // Adjectives of an event or of a thing sold: no public payer.
    ["Tournoi régional", "activity"],
    ["Buvette du tournoi régional", "activity"],
    ["Championnat départemental", "activity"],
    ["Fête communale", "activity"],
    ["Vente CD", "activity"],
    // The body as complement of an event's noun names the event, and a « concours » an adjective qualifies is a
    // competition: takings, not public money.
    ["Tournoi de la ville de Nantes", "activity"],
    ["Stand au concours départemental", "activity"],
    ["Ventes de CD", "activity"],
    // The payer itself, or the complement of money given: public.
    ["Région Bretagne", "public"],
    ["CD 35", "public"],
    ["Aide du CD", "public"],
    ["Concours du département", "public"],
    ["Subvention régionale", "public"],
    ["Aide départementale", "public"],
    ["Participation communale", "public"],
    ["Subvention du Conseil Départemental", "public"],
  ])("« %s » → %s", (label, nature) => {
    expect(c(label).nature).toBe(nature);
  });

  it("the town whose festival it is does not buy the drinks sold there", () => {
    expect(c("Buvette de la fête de la commune").lever).toBe("sales_services");
    expect(c("Buvette de la fête de la commune").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });

  it("an adjective is no public payer of the sale it qualifies", () => {
    expect(c("Tournoi régional").lever).toBe("sales_services");
    expect(c("Vente CD").lever).toBe("sales_services");
  });

  it("« Marché » alone is a market stall or a walk; public procurement says so or names its public buyer", () => {
    expect(c("Marché").lever).toBe("sales_services");
    expect(c("Marche nordique").lever).toBe("sales_services");
    expect(c("Marché public").lever).toBe("public_procurement");
    expect(c("Marché mairie").lever).toBe("public_procurement");
  });

  it("an aid « à » someone is a service, not money received", () => {
    expect(c("Aide aux devoirs").nature).toBe("activity");
    expect(c("Aide au poste").lever).toBe("public_grants");
  });
});

describe("a treasurer's abbreviations, as a lexicon", () => {
  it.each<[string, string]>([
    ["PAF CD distribués", "participation aux frais CD distribués"],
    ["Remb. assurance", "remboursement assurance"],
    ["Part. familles", "participation familles"],
    ["Frais AG", "Frais assemblée générale"],
    ["Subv. Région", "subvention Région"],
  ])("« %s » reads « %s »", (label, long) => {
    expect(expandAbbreviations(label)).toBe(long);
  });

  it("an abbreviation is a whole word: « Part » without its full stop, « paf » in small letters are left as written", () => {
    expect(expandAbbreviations("Part sociale")).toBe("Part sociale");
    expect(expandAbbreviations("Quote-part")).toBe("Quote-part");
    expect(expandAbbreviations("Repas")).toBe("Repas");
  });

  it.each<[string, LeverId]>([
    ["PAF CD distribués", "sales_services"],
    ["recettes de PAF CD hors ci-dessous", "sales_services"],
    ["PAF soirée", "sales_services"],
    ["Remb. assurance", "reversals_transfers"],
    ["Cotis. 2024", "membership_fees"],
  ])("« %s » → %s", (label, lever) => {
    expect(c(label).lever).toBe(lever);
  });
});

describe("who gives: a person, a club", () => {
  it.each(["Stéphane", "M. Dupont", "Mme Martin", "Famille Lefebvre", "DUPONT Marie", "Marie-Claire Durand"])("« %s » among the produits is a gift, asked", (label) => {
    const r = c(label);
    expect(r).toMatchObject({ lever: "donations", nature: "private" });
    expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it("a person under a block that says what is paid follows the block; a word that reads is no name", () => {
    expect(c("Stéphane", "income", { heading: "Sponsors" }).lever).toBe("sponsorship");
    expect(c("Vente Paul").lever).toBe("sales_services");
    expect(c("Familles").lever).toBe("sales_services");
  });

  it.each(["Aide du Rotary de Crépy-en-Valois", "Don du Lions Club", "Soutien du Kiwanis", "Participation du club tiers monde"])("« %s »: a club gives private money", (label) => {
    expect(c(label).nature).toBe("private");
  });
});

describe("what is paid back among the produits", () => {
  it("the refund of something the association sells is the participants' share, asked", () => {
    for (const label of ["Remb. sortie", "Remboursement repas", "Twint à Produits - Remb. sortie (315 CHF) jours"]) {
      const r = c(label);
      expect(r.lever, label).toBe("sales_services");
      expect(r.confidence, label).toBeLessThan(REVIEW_CONFIDENCE);
    }
    expect(c("Remboursement assurance").lever).toBe("reversals_transfers");
  });
});

describe("the association's own funds are no income of the year", () => {
  it.each(["reçu de la défunte association de fait", "Apport initial", "Apports des fondateurs", "Fonds associatif", "Report à nouveau", "Dévolution de l'actif de l'ancienne association", "Solde de l'association de fait"])(
    "« %s » is a balance-sheet amount",
    (label) => {
      expect(isBalanceSheetLine(label, null)).toBe(true);
    },
  );

  it("a gift from another association, an association's own line, stay lines", () => {
    for (const label of ["Don de l'association des parents", "Association de fait", "Report de ressources", "Apport en nature"]) expect(isBalanceSheetLine(label, null), label).toBe(false);
  });

  it("what the association invests of its own is neutral, not sales", () => {
    expect(c("Investissement initial Hackstub")).toMatchObject({ lever: "reversals_transfers", nature: "neutral" });
  });
});

describe("a grant whose label does not say « subvention »", () => {
  it("the instruments of a grant are grants: « Convention d'objectifs 2004/2005 », « CPO »", () => {
    expect(c("Convention d'objectifs 2004/2005").lever).toBe("public_grants");
    expect(c("CPO Ville").nature).toBe("public");
  });

  it("the sheet's name says what a line with no clue of its own is, asked; a title of the document says nothing", () => {
    const r = c("Part non reconductible", "income", { heading: "Recettes", sheet: "Subventions Ville de Paris" });
    expect(r).toMatchObject({ lever: "public_grants", nature: "public" });
    expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    // A heading is stronger than the sheet; a label that reads is stronger than both.
    expect(c("Part non reconductible", "income", { heading: "Cotisations", sheet: "Subventions" }).lever).toBe("membership_fees");
    expect(c("Billetterie", "income", { sheet: "Subventions" }).lever).toBe("sales_services");
    expect(c("Extincteurs", "expense", { sheet: "BILAN PREVISIONNEL" }).lever).toBe("other_external_services");
    // The association's own name on its sheet names no funder.
    expect(c("Benne à papiers", "income", { sheet: "APE avril 2016" }).nature).toBe("activity");
  });

  it("the lines of a budget are classified with their sheet's name", () => {
    const line = (label: string, sheet: string): BudgetLine => ({
      id: `${sheet}!A1`, sheet, cell: "A1", row: 1, label, account: null, column: null, scenario: "B", amount: { kind: "value", cents: 70000 }, context: { sectionHint: "income", heading: "Recettes" },
    });
    const [a, b] = classifyLines([line("Part non reconductible", "Subventions Ville de Paris"), line("Part non reconductible", "Feuil1")]);
    expect(a!.nature).toBe("public");
    expect(b!.nature).toBe("activity");
  });
});
