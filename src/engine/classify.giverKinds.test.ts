// A compte d'emploi des ressources lists its produits by origin, each giver named by its kind: « Particuliers »,
// « Organismes de droit privé ». Who gives decides the nature (docs/spec.md §2): people give (754), private bodies pay
// private money; what a label says is sold to them is still a sale.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import type { LeverId } from "./types.ts";

const c = (label: string, heading?: string) => classify({ label, account: null, context: { sectionHint: "income", ...(heading ? { heading } : {}) } });

describe("givers named by their kind among the produits", () => {
  it.each<[string, LeverId]>([
    ["Particuliers", "donations"],
    ["Personnes physiques", "donations"],
    ["Organismes de droit privé", "foundations"],
    ["Organismes privés", "foundations"],
  ])("« %s » → %s, private money kept in the mix and asked", (label, lever) => {
    const r = c(label);
    expect(r).toMatchObject({ lever, nature: "private" });
    expect(r.confidence).toBeLessThan(0.6);
  });

  it.each(["Cours particuliers", "Ventes aux particuliers", "Prestations aux particuliers"])("« %s » is still what is sold", (label) => {
    expect(c(label).lever).toBe("sales_services");
  });
});
