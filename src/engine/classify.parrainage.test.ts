// « Parrainages » among an association's produits: in the budgets associations publish, people sponsoring a child or
// a project — a gift — far more often than a company's sponsoring, which says so (« entreprise », « sponsor »,
// « publicité », a company's name). Either way it is asked (issue 11: four blind NGO budgets read child sponsorship
// as sponsoring, activity income).
import { expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "income" } });

it.each(["Parrainages", "Parrainages / Colis mensuels", "parrainages"])("« %s » is people's gifts, asked", (label) => {
  const r = c(label);
  expect(r).toMatchObject({ lever: "donations", nature: "private" });
  expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
});

it.each(["Parrainage entreprises", "Parrainage et sponsoring", "Parrainages Crédit Agricole", "Parrainage maillots"])("« %s » is a company's sponsoring", (label) => {
  expect(c(label).lever).toBe("sponsorship");
});

it("« Parrainages » under a chapter of gifts (« 754 Dons manuels », « 75 ») is gifts; under « 7063 » or « 70 » sponsoring", () => {
  const under = (chapter: string) => classify({ label: "Parrainages", account: null, context: { sectionHint: "income", chapter } }).lever;
  expect(under("754 - Dons manuels")).toBe("donations");
  expect(under("75 - Autres produits de gestion courante")).toBe("donations");
  expect(under("7063 Parrainage")).toBe("sponsorship");
  expect(under("70 - Ventes de produits finis, prestations de services, marchandises")).toBe("sponsorship");
});

it("« Cadeau parrain/marraine », « Versements des parrains », lines under « Soutien aux familles parrainées » are people's gifts", () => {
  expect(c("Cadeau parrain/marraine").nature).toBe("private");
  expect(c("Versements des parrains").lever).toBe("donations");
  const under = classify({ label: "Scolarité Dung à Phuc Tuê", account: null, context: { sectionHint: "income", chapter: "6-SOUTIEN AUX FAMILLES PARRAINEES" } });
  expect(under.lever).toBe("donations");
});
