import { describe, expect, it } from "vitest";
import { classifyLines } from "./analyze.ts";
import { defaultParameters } from "./parameters.ts";
import { alliance, fourThirds, status, tiersOnTop } from "./ratios.ts";
import { line } from "./budgetLine.test-helpers.ts";


describe("tiers on top (67/33)", () => {
  const params = defaultParameters();
  it("computes engineering over total expenses and the engineering to negotiate", () => {
    const lines = classifyLines([line("Salaires animateurs", 67000, "expense"), line("Salaire coordinatrice", 10000, "expense")]);
    const r = tiersOnTop(lines, params);
    expect(r.value).toBeCloseTo(10000 / 77000, 6);
    // E* = P × 33/67 = 33 000 €: 23 000 € missing.
    expect(r.gapCents).toBe(2300000);
    expect(r.status).toBe("below");
    expect(r.drivers[0]!.label).toBe("Salaire coordinatrice");
    expect(r.recommendation.fr).toContain("23\u00a0000\u00a0€");
  });
  it("is reached at a third and says so", () => {
    const lines = classifyLines([line("Salaires animateurs", 67000, "expense"), line("Coordination", 33000, "expense")]);
    const r = tiersOnTop(lines, params);
    expect(r.status).toBe("reached");
    expect(r.recommendation.fr).toContain("elle est financée");
  });
  it("cannot be measured without expenses, and never returns NaN", () => {
    const r = tiersOnTop(classifyLines([line("Subvention", 100, "income")]), params);
    expect(r.value).toBeNull();
    expect(Number.isFinite(r.gapCents)).toBe(true);
  });
});

describe("status", () => {
  it("is reached at the target, close within 20 % of it, else below", () => {
    expect(status(0.33, 0.33, 0.2)).toBe("reached");
    expect(status(0.27, 0.33, 0.2)).toBe("close");
    expect(status(0.26, 0.33, 0.2)).toBe("below");
    expect(status(null, 0.33, 0.2)).toBe("below");
  });
});

describe("four thirds", () => {
  const params = defaultParameters();
  it("uses valued volunteering once (87, else 86) over monetary expenses", () => {
    const lines = classifyLines([
      line("Salaires", 30000, "expense"),
      line("Bénévolat", 6000, "in_kind_resource", "870"),
      line("Personnel bénévole", 6000, "in_kind_use", "864"),
    ]);
    const r = fourThirds(lines, params);
    expect(r.value).toBeCloseTo(0.2, 6);
    expect(r.gapCents).toBe(400000);
    expect(r.humanResources).toEqual({ employees: true, volunteers: true, civicService: false, skillsPatronage: false });
  });
  it("values hours × rate × coefficient when nothing is recorded", () => {
    const lines = classifyLines([line("Achats", 10000, "expense")]);
    const r = fourThirds(lines, { ...params, volunteerHours: 200, volunteerHourlyRate: 12.02, employerChargeCoefficient: 1.5 });
    expect(r.valuedFromHours).toBe(true);
    expect(r.numeratorCents).toBe(360600);
    expect(r.recommendation.fr).toContain("200 heures");
  });
  it("says volunteering is not valued, and how many hours would reach the target", () => {
    const r = fourThirds(classifyLines([line("Achats", 12020, "expense")]), params);
    expect(r.value).toBe(0);
    expect(r.recommendation.fr).toMatch(/n'est pas valorisé.*334 heures/);
  });
});

describe("10+1 % alliance premium", () => {
  const params = defaultParameters();
  it("counts partners' in-kind support in pooling and network dues in the premium, each euro in one sub-rule", () => {
    const lines = classifyLines([
      line("Salaires", 90000, "expense"),
      line("Cotisation fédération", 1000, "expense"),
      line("Quote-part opération commune", 2000, "expense", "655"),
      line("Mise à disposition gratuite de locaux (mairie)", 4000, "in_kind_resource"),
    ]);
    const r = alliance(lines, params);
    // The 3 000 € of network dues and joint operations are the premium's, not also pooling (docs/spec.md §4).
    expect(r.pooling.numeratorCents).toBe(400000);
    expect(r.pooling.value).toBeCloseTo(4000 / 93000, 6);
    expect(r.premium.numeratorCents).toBe(300000);
    expect(r.premium.status).toBe("reached");
    expect(r.pooling.status).toBe("below");
    expect(r.recommendation.fr).toMatch(/il manque .*moyens partagés/);
  });
});
