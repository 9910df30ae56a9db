// « Soutien exceptionnel du conseil municipal »: « exceptionnel » says how often the money comes, not whose it is. A
// named funder decides the nature (docs/spec.md §2), so an exceptional support is that funder's grant, kept in the mix;
// an exceptional item with no funder stays an exceptional income (77), outside the mix.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import type { LeverId } from "./types.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "income" } });

describe("an exceptional support from a named funder is that funder's money", () => {
  it.each<[string, LeverId]>([
    ["Soutien exceptionnel du conseil municipal", "public_grants"],
    ["Aide extraordinaire de la commune", "public_grants"],
    ["Soutien exceptionnel de la Fondation de France", "foundations"],
    ["Soutien exceptionnel du Crédit Mutuel", "corporate_patronage"],
    ["Conseil municipal", "public_grants"],
  ])("« %s » → %s", (label, lever) => {
    expect(c(label).lever).toBe(lever);
  });

  it.each(["Produits exceptionnels", "Recette exceptionnelle", "Produit exceptionnel sur exercice antérieur"])("« %s » stays an exceptional income, outside the mix", (label) => {
    expect(c(label)).toMatchObject({ lever: "exceptional_income", nature: "neutral" });
  });
});
