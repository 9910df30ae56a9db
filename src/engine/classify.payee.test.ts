// Whom a charge is paid to decides what it is (issue 11): a « cotisation » to a bank or an insurer is a fee or a
// premium, a network's name under « Déplacements » is a trip, and an account number outside the chart or titled
// « divers » never makes a sure reading against a label that plainly says another pillar.
import { describe, expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";
import type { LeverId } from "./types.ts";

const charge = (label: string, extra: { heading?: string; chapter?: string } = {}, account: string | null = null) =>
  classify({ label, account, context: { sectionHint: "expense", ...extra } });

describe("a due is what the one paid makes it", () => {
  it.each<[string, LeverId]>([
    ["Cotisations auprès des banques / assurances", "other_external_services"],
    ["Cotisation assurance", "external_services"],
    ["Cotisation annuelle banque", "other_external_services"],
  ])("« %s » paid to a bank or an insurer is %s, not network dues", (label, lever) => {
    expect(charge(label).lever).toBe(lever);
  });

  it.each(["Cotisation à la fédération", "Cotisations à des associations", "Cotisation FFF", "Adhésion au réseau régional"])(
    "« %s » is paid to a network: dues",
    (label) => {
      expect(charge(label).lever).toBe("network_dues");
    },
  );

  it("a network's name says whom; a block that says what for decides, and asks", () => {
    const trip = charge("FFDN", { heading: "Déplacements" });
    expect(trip.lever).toBe("other_external_services");
    expect(trip.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(charge("Ligue de Bretagne", { heading: "Formation" }).lever).toBe("training");
    // A block that names only a catch-all says no more than the network's name.
    expect(charge("FFF", { heading: "Autres services extérieurs" }).lever).toBe("network_dues");
    expect(charge("Fédération", { heading: "Cotisations" }).lever).toBe("network_dues");
  });

  it("going to a network's general meeting or a congress is a cost of the meeting, not dues", () => {
    expect(charge("AG FFDN 2020").lever).toBe("other_external_services");
    expect(charge("Congrès").lever).toBe("other_external_services");
    expect(charge("AG FFDN 2020", {}, "6251").lever).toBe("other_external_services");
  });
});

describe("an account number against a label that says another pillar", () => {
  it("a number outside the chart (Swiss 6520) says only its chapter: the label's reading wins, not surely", () => {
    const r = charge("Cotisations à des associations", {}, "6520");
    expect(r.lever).toBe("network_dues");
    expect(r.confidence).toBeLessThan(0.85);
    expect(r.reason).toContain("absent du plan comptable");
  });

  it("an account titled « divers » (658) is kept, but asked", () => {
    const r = charge("Cotisations à des associations", {}, "6581");
    expect(r.pillar).toBe("financial");
    expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it("an account with a title of its own, or a label that also reads as the account, stays sure", () => {
    expect(charge("Salaires", {}, "657").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    expect(charge("Rémunération d'intervenants extérieurs (cours)", {}, "628").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    expect(charge("Fournitures", {}, "6064").confidence).toBeGreaterThanOrEqual(0.85);
  });
});
