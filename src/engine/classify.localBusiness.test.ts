// A local business named alone among the produits (« Le magasin Flower & Déco », « Optic 2000 Quétigny », « Garage
// Martin ») is a company that gives to the association: private money (patronage), at a confidence that asks to check —
// not an unknown produit kept as activity income. The goods a fête sells (« Pâtisserie, boissons ») stay sales.
import { expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "income" } });

it.each(["Le magasin Flower & Déco", "Optic 2000 Quétigny", "Garage Martin", "Boulangerie Dupont", "Intermarché de Saussy"])("« %s » among the produits is a company's gift", (label) => {
  const r = c(label);
  expect(r).toMatchObject({ lever: "corporate_patronage", nature: "private" });
  expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
});

it.each(["Pâtisserie, boissons", "Vente de charcuterie", "Buvette"])("« %s » stays a sale", (label) => {
  expect(c(label).nature).toBe("activity");
});

it.each(["Stains - participation groupe", "Participation groupe scolaire"])("« %s » is what a group pays, not a company's gift", (label) => {
  expect(c(label).nature).toBe("activity");
});

it("« Groupe Casino » is a company", () => {
  expect(c("Groupe Casino").nature).toBe("private");
});
