// Confidence that means something: a reading from weak evidence contradicted by the label asks to be checked.
import { describe, expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";

const under = (label: string, chapter: string) => classify({ label, account: null, context: { sectionHint: "expense", chapter } });

describe("a chapter alone against the label", () => {
  it("a chapter of several pillars (62 holds 621 staff) under a label of another pillar is asked", () => {
    for (const label of ["Indemnités de notre aide Madi", "Salaire de l'animatrice"]) {
      const r = under(label, "62 - Autres services extérieurs");
      expect(r.confidence, label).toBeLessThan(REVIEW_CONFIDENCE);
      expect(r.reason, label).toContain("mais le libellé dit");
    }
  });

  it("a chapter that says its pillar, or a label of the chapter's own pillar, stays sure", () => {
    expect(under("Indemnités", "64 - Charges de personnel").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    expect(under("Honoraires", "62 - Autres services extérieurs").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    expect(under("Fournitures", "60 - Achats").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });
});
