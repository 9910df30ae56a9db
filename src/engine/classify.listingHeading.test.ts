// A heading that lists several things (« Divers (CNP, mise à disposition de salles, Symbiose, dons) ») does not say
// which of them a line under it is: the one lever word it holds is a guess the user is asked to check. A heading that
// names one thing (« Dons ») stays as good as a keyword.
import { expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";

const under = (label: string, heading: string) => classify({ label, account: null, context: { sectionHint: "income", heading } });

it("« dont salles » under an enumerating heading is asked", () => {
  expect(under("dont salles", "Divers (CNP, mise à disposition de salles, Symbiose, dons)").confidence).toBeLessThan(REVIEW_CONFIDENCE);
});

it("« Martine Dupont » under « Dons » is read as a gift without asking", () => {
  expect(under("Martine Dupont", "Dons")).toMatchObject({ lever: "donations" });
  expect(under("Martine Dupont", "Dons").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
});

it("a produit whose one lever word sits in the list after its head (« VIE DU CLUB (galette, apéros, décès, subventions etc) ») is asked", () => {
  const r = classify({ label: "VIE DU CLUB (galette, apéros, décès, cadeaux sortants, subventions etc", account: null, context: { sectionHint: "income" } });
  expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
});

it("a head that says the lever decides, whatever its list: « Subvention Communes (Lacave, Meyronne, St-Sozy) »", () => {
  const r = classify({ label: "Subvention Communes (Lacave, Meyronne, St-Sozy)", account: null, context: { sectionHint: "income" } });
  expect(r.lever).toBe("public_grants");
  expect(r.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
});
