import { describe, expect, it } from "vitest";
import { EquilibreError } from "./errors.ts";
import { defaultParameters, PARAMETER_KEYS, PARAMETER_TABLE, resolveParameters } from "./parameters.ts";

describe("parameters", () => {
  it("have docs/spec.md's defaults", () => {
    expect(defaultParameters()).toMatchObject({
      significanceThreshold: 0.2,
      closeCallMargin: 0.05,
      tiersOnTopTarget: 0.33,
      poolingTarget: 0.1,
      premiumTarget: 0.01,
      volunteerHourlyRate: 12.02,
      employerChargeCoefficient: 1,
      inKindInMix: false,
    });
    expect(defaultParameters().fourThirdsTarget).toBeCloseTo(1 / 3, 10);
  });
  it("every parameter has a French and an English label", () => {
    for (const k of PARAMETER_KEYS) {
      expect(PARAMETER_TABLE[k].label.fr.length).toBeGreaterThan(5);
      expect(PARAMETER_TABLE[k].label.en.length).toBeGreaterThan(5);
    }
  });
  it("merges user values and refuses unknown keys or values out of range with a French sentence", () => {
    expect(resolveParameters({ significanceThreshold: 0.25 }).significanceThreshold).toBe(0.25);
    expect(() => resolveParameters({ seuil: 0.2 })).toThrow(EquilibreError);
    try {
      resolveParameters({ significanceThreshold: 3 });
    } catch (e) {
      expect((e as EquilibreError).code).toBe("invalid_parameter");
      expect((e as EquilibreError).message).toMatch(/il faut un nombre entre 0.01 et 0.5/);
    }
    expect(() => resolveParameters({ inKindInMix: "oui" })).toThrow(/true ou false/);
    expect(() => resolveParameters({ volunteerHours: Number.NaN })).toThrow(/un nombre/);
  });
});
