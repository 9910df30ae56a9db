// An NGO's produits name who pays in its own words: « Subvention associative » (from other associations), « Eglise
// Valdese » (a church), « Expertise France » or the AFD (the State's agencies for cooperation). The funder decides the
// nature (docs/spec.md §2). And what a project builds abroad (« Construction Poste de santé Karang ») is no post.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import type { LeverId, Section } from "./types.ts";

const c = (label: string, section: Section = "income") => classify({ label, account: null, context: { sectionHint: section } });

describe("who pays an NGO", () => {
  it.each<[string, LeverId]>([
    ["Subvention associative", "foundations"],
    ["Eglise Valdese", "foundations"],
    ["Expertise France", "public_grants"],
    ["Subvention AFD", "public_grants"],
  ])("« %s » → %s", (label, lever) => {
    expect(c(label).lever).toBe(lever);
  });

  it.each(["Vie associative", "Dons pour mise à disposition de l'église"])("« %s » names no payer", (label) => {
    expect(c(label).lever).not.toBe("foundations");
  });
});

describe("what a project builds", () => {
  it.each(["Construction Poste de santé Karang (solde + abri)", "Construction d'un puits"])("« %s » is bought, not a post", (label) => {
    expect(c(label, "expense")).toMatchObject({ lever: "purchases", pillar: "financial" });
  });

  it("« Création de poste » is still a post", () => {
    expect(c("Création de poste", "expense").lever).toBe("staff");
  });
});

describe("what an NGO pays the people it helps", () => {
  it.each(["Bourse d'étude et de formation", "Bourses d'études", "Bourse scolaire"])("« %s » among the charges is aid paid, not staff training", (label) => {
    expect(c(label, "expense")).toMatchObject({ lever: "other_operating", pillar: "financial" });
  });
});

describe("a block of grants paid by private bodies", () => {
  const under = (chapter: string) => classify({ label: "Dermatrop", account: null, context: { sectionHint: "income", chapter } });

  it.each(["Subventions associatives", "Subventions des fondations"])("a name under « %s » is a private body's grant", (chapter) => {
    expect(under(chapter)).toMatchObject({ lever: "foundations", nature: "private" });
  });

  it.each(["Subventions", "Subventions de la commune"])("a name under « %s » stays a public grant", (chapter) => {
    expect(under(chapter).nature).toBe("public");
  });
});
