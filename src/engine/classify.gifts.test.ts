// Gifts, dues and public money whose label names no usual keyword (issue 11): an online kitty collects gifts, a tax
// the State levies for the association is public money, what members pay as members is their dues.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import type { LeverId, Section } from "./types.ts";

const c = (label: string, section: Section = "income", extra = {}, account: string | null = null) =>
  classify({ label, account, context: { sectionHint: section, ...extra } });

describe("online kitties and crowdfunding collect gifts", () => {
  it.each(["Leetchi", "Leetchi (Previsions)", "Cagnotte Le Pot Commun", "Ulule", "KissKiss", "GoFundMe", "Miimosa"])("« %s » among the produits is a gift", (label) => {
    const r = c(label);
    expect(r.lever).toBe("donations");
    expect(r.nature).toBe("private");
  });

  it("tickets or goods sold through a platform stay sales", () => {
    expect(c("Billets vendus sur Ulule").lever).toBe("sales_services");
    expect(c("Ventes de livres Ulule").lever).toBe("sales_services");
  });

  it("among the charges, a kitty's name is its fee", () => {
    const r = c("Frais Leetchi", "expense");
    expect(r.lever).toBe("other_external_services");
    expect(r.section).toBe("expense");
  });
});

describe("a tax levied for the association is public money", () => {
  it.each(["Taxe parafiscale", "Taxe affectée", "Produit de la taxe sur les spectacles"])("« %s » among the produits is public", (label) => {
    const r = c(label);
    expect(r.nature).toBe("public");
    expect(r.lever).toBe("public_grants");
  });

  it("a charge's tax refunded is still a reversal, and a tax paid is a tax", () => {
    expect(c("Taxe foncière").nature).toBe("neutral");
    expect(c("Taxe foncière", "expense").lever).toBe("taxes");
  });
});

describe("what members pay as members", () => {
  it.each<[string, LeverId]>([
    ["Contributions des membres actifs", "membership_fees"],
    ["Contribution des adhérents", "membership_fees"],
    ["Contributions membres", "membership_fees"],
  ])("« %s » is %s", (label, lever) => {
    expect(c(label).lever).toBe(lever);
    expect(c(label, "income", {}, "3410").lever).toBe(lever);
  });
});

describe("a due paid to a bank, under a chapter that holds dues too", () => {
  it("« Cotisations auprès des banques / assurances » under 62 is a bank fee, not dues", () => {
    expect(c("Cotisations auprès des banques / assurances", "expense", { chapter: "62 - Autres services extérieurs" }).lever).toBe("other_external_services");
    expect(c("Cotisations auprès des banques / assurances", "expense", {}, "62").lever).toBe("other_external_services");
    // Typed under 6281, the dues account, it is what the treasurer filed.
    expect(c("Cotisations auprès des banques / assurances", "expense", {}, "6281").lever).toBe("network_dues");
  });
});

describe("a grant filed under chapter 75, not 74", () => {
  it("comes from another body (7551), asked; one that names its public payer stays public", () => {
    const r = c("Subvention de NLNet", "income", { chapter: "75 - Autres produits de gestion courante" });
    expect(r.lever).toBe("foundations");
    expect(r.confidence).toBeLessThan(0.6);
    expect(c("Subvention de la mairie", "income", { chapter: "75 - Autres produits de gestion courante" }).nature).toBe("public");
    expect(c("Subvention de NLNet", "income", { chapter: "74 - Subventions d'exploitation" }).lever).toBe("public_grants");
  });
});
