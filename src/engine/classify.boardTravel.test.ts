// What the board's members spend travelling for the association is a volunteer's cost (they serve unpaid), and a
// trip is travel whatever word says it (« trajets »).
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "expense" } });

describe("the board's travel", () => {
  it.each(["Remboursements trajets CA", "Déplacements des administrateurs", "Frais de déplacement du conseil d'administration"])("« %s » → the volunteers' costs (human resources)", (label) => {
    expect(c(label)).toMatchObject({ lever: "volunteer_expenses", pillar: "human" });
  });

  it("« Remboursements trajets » said of nobody is travel (62)", () => {
    expect(c("Remboursements trajets")).toMatchObject({ lever: "other_external_services" });
    expect(c("Remboursements trajets").confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("« Transport matériel » stays travel and transport", () => {
    expect(c("Transport matériel").lever).toBe("other_external_services");
  });
});
