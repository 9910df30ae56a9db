// « Versements des membres et parrains »: what the members pay, with no sale named, is what they pay as members —
// private money, in the mix — not an unknown produit kept as activity income at a low confidence (issue 11, blind set).
import { expect, it } from "vitest";
import { classify } from "./classify.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "income" } });

it.each(["Versements des membres", "Versements des membres et parrains", "Apports des adhérents"])("« %s » is the members' dues, private", (label) => {
  expect(c(label)).toMatchObject({ lever: "membership_fees", nature: "private" });
});

it("« Participation des membres à la sortie » stays a sale to the members", () => {
  expect(c("Participation des membres à la sortie").nature).toBe("activity");
});

it.each(["Membre", "Fondateur", "Bienfaiteurs"])("« %s » named alone among the produits is that class of member's dues", (label) => {
  expect(c(label)).toMatchObject({ lever: "membership_fees", nature: "private" });
});

it.each(["Repas des membres", "Sortie membres", "Tee-shirts membres"])("« %s » is what the members buy", (label) => {
  expect(c(label).nature).toBe("activity");
});
