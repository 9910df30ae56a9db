// « Artistes — cachets + répétitions » in a festival's budget (issue 11, held-out set D): paid through the GUSO, the
// artists were wages; the classifier read a show bought (62) at 0,75, never asked. The word alone does not say which.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";

const expense = (label: string) => classify({ label, account: null, context: { sectionHint: "expense" } });

describe("an artist's « cachet »", () => {
  it("said alone, is asked, with the two readings in its reason", () => {
    const c = expense("Artistes — cachets + répétitions");
    expect(c.confidence).toBeLessThan(0.6);
    expect(c.reason).toContain("GUSO");
  });

  it("while a show bought by contract stays sure", () => {
    expect(expense("Contrat de cession").confidence).toBeGreaterThanOrEqual(0.6);
  });
});
