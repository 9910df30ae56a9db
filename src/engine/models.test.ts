import { describe, expect, it } from "vitest";
import { classifyModel, MODELS, type MixInput } from "./models.ts";
import { defaultParameters } from "./parameters.ts";

const mix = (pub: number, priv: number, act: number, extra: Partial<MixInput> = {}): MixInput => ({
  byNature: { public: pub, private: priv, activity: act },
  byMixLever: { public_grants: pub, donations: priv, sales_services: act },
  publicPayerActivity: 0,
  volunteeringShare: 0,
  ...extra,
});

describe("the 7 models", () => {
  const params = defaultParameters();
  it.each([
    [[100, 0, 0], "public"],
    [[0, 100, 0], "private"],
    [[0, 0, 100], "activity"],
    [[50, 50, 0], "public_private"],
    [[50, 0, 50], "public_activity"],
    [[0, 50, 50], "private_activity"],
    [[34, 33, 33], "hybrid"],
    [[80, 19.9, 0.1], "public"],
    [[80, 20, 0], "public_private"],
  ] as const)("shares %j make the %s model", ([a, b, c], id) => {
    expect(classifyModel(mix(a * 100, b * 100, c * 100), params).id).toBe(id);
  });

  it("follows the significance threshold given as a parameter", () => {
    expect(classifyModel(mix(8500, 1500, 0), params).id).toBe("public");
    expect(classifyModel(mix(8500, 1500, 0), { ...params, significanceThreshold: 0.15 }).id).toBe("public_private");
  });

  it("reports the dominant nature, close calls and the profile", () => {
    const m = classifyModel(mix(7300, 1800, 900), params);
    expect(m.dominant).toBe("public");
    expect(m.closeCalls).toEqual(["private"]);
    expect(m.profile).toBe("general_interest");
    expect(classifyModel(mix(1000, 0, 9000), params).profile).toBe("social_utility");
  });

  it("names the nearest reference model from the levers", () => {
    const members = classifyModel(mix(0, 100, 0, { byMixLever: { membership_fees: 70, donations: 30 } }), params);
    expect(members.reference?.id).toBe("members");
    const philanthropy = classifyModel(mix(0, 100, 0, { byMixLever: { membership_fees: 30, donations: 70 } }), params);
    expect(philanthropy.reference?.id).toBe("philanthropy");
    const operator = classifyModel(mix(0, 0, 100, { publicPayerActivity: 60 }), params);
    expect(operator.reference?.id).toBe("public_service");
    expect(classifyModel(mix(0, 0, 100, { publicPayerActivity: 40 }), params).reference?.id).toBe("market");
  });

  it("measures lever concentration (Herfindahl) and the top lever", () => {
    const m = classifyModel(mix(50, 50, 0, { byMixLever: { public_grants: 50, donations: 50 } }), params);
    expect(m.concentration).toBeCloseTo(0.5, 6);
    expect(m.topLever?.share).toBeCloseTo(0.5, 6);
  });

  it("says the model cannot be established when there is no resource in the mix", () => {
    const m = classifyModel(mix(0, 0, 0), params);
    expect(m.id).toBeNull();
    expect(m.shares).toEqual({ public: 0, private: 0, activity: 0 });
    expect(m.name.fr).toBe("Modèle indéterminé");
  });

  it("writes a French sentence with the three shares", () => {
    expect(classifyModel(mix(7300, 1800, 900), params).sentence.fr).toBe(
      "73\u00a0% de vos ressources sont publiques, 18\u00a0% privées, 9\u00a0% issues de votre activité.",
    );
  });

  it("warns an operator that relies on gifts or heavy volunteering", () => {
    expect(classifyModel(mix(0, 2000, 8000), params).profileWarning).not.toBeNull();
    expect(classifyModel(mix(0, 500, 9500, { byMixLever: { sales_services: 9500, membership_fees: 500 } }), params).profileWarning).toBeNull();
  });

  it("has seven distinct models covering the seven non-empty sets of natures", () => {
    const keys = MODELS.map((m) => [...m.natures].sort().join("+"));
    expect(new Set(keys).size).toBe(7);
  });
});
