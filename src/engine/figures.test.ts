import { describe, expect, it } from "vitest";
import { analyze, classifyLines } from "./analyze.ts";
import { eurosCentsText, eurosText, evaluatePillars, groupedInteger, leverCounts, percentText, RULES } from "./figures.ts";
import { defaultParameters } from "./parameters.ts";
import { line } from "./budgetLine.test-helpers.ts";


// Staff, purchases and network dues are three expense levers (two staff lines, one lever); a small budget with both sides of its volunteering (86 and 87) and a sports federation's dues.
const budget = () =>
  classifyLines([
    line("Salaires", 40000, "expense", "641"),
    line("Charges sociales", 16000, "expense", "645"),
    line("Achats", 4000, "expense", "606"),
    line("Affiliation à la fédération", 1000, "expense", "6281"),
    line("Subvention Commune", 30000, "income", "74"),
    line("Cotisations", 12000, "income", "756"),
    line("Mécénat d'entreprise", 5000, "income", "7542"),
    line("Produits financiers", 500, "income", "76"),
    line("Personnel bénévole", 9000, "in_kind_use", "864"),
    line("Bénévolat", 9000, "in_kind_resource", "870"),
    line("Mise à disposition de locaux par la mairie", 3000, "in_kind_use", "861"),
    line("Dons en nature", 3000, "in_kind_resource", "875"),
  ]);

describe("the budget as the treasurer knows it", () => {
  it("gives total charges, total produits, the result with its word, and the in-kind once", () => {
    const [a] = analyze(budget(), defaultParameters());
    expect(a!.budget).toMatchObject({ expenseCents: 6100000, incomeCents: 4750000, resultCents: -1350000, result: "deficit", inKindCents: 1200000 });
  });
  it("counts only the levers that carry an amount, per section", () => {
    const lines = [...budget(), ...classifyLines([line("Autres impôts et taxes", 0, "expense", "635")])];
    expect(leverCounts(lines)).toEqual({ income: 4, expense: 3, inKind: 2 });
  });
});

describe("the three pillars, each euro once", () => {
  const pillars = Object.fromEntries(evaluatePillars(budget()).map((p) => [p.pillar, p]));
  it("counts volunteering once in the human pillar, beside staff costs", () => {
    expect(pillars.human!.cents).toBe(5600000 + 900000);
    expect(pillars.human!.parts).toEqual([
      { id: "employees", cents: 5600000 },
      { id: "volunteers", cents: 900000 },
      { id: "skillsPatronage", cents: 0 },
    ]);
  });
  it("makes the financial pillar the produits of the mix, outside-the-mix shown beside", () => {
    expect(pillars.financial!.cents).toBe(4700000);
    expect(pillars.financial!.beside).toEqual([{ id: "neutral", cents: 50000 }]);
  });
  it("counts what partners bring in the alliances pillar, and what goes to the collective beside it", () => {
    expect(pillars.alliances!.cents).toBe(500000 + 300000);
    expect(pillars.alliances!.beside).toEqual([{ id: "collective", cents: 100000 }]);
  });
});

describe("the rules of the registry", () => {
  it("never count a euro in both alliance sub-rules", () => {
    const [a] = analyze(budget(), defaultParameters());
    const { pooling, premium } = a!.ratios.alliance;
    expect(premium.numeratorCents).toBe(100000);
    expect(pooling.numeratorCents).toBe(300000);
  });
  it("each have a sentence for every case, in both languages, with no placeholder left", () => {
    const lines = budget();
    for (const hours of [0, 500]) {
      const [a] = analyze(lines, { ...defaultParameters(), volunteerHours: hours });
      for (const s of [a!.ratios.tiersOnTop.sentence, a!.ratios.fourThirds.sentence, a!.ratios.alliance.pooling.sentence, a!.ratios.alliance.premium.sentence]) {
        expect(s.fr).not.toMatch(/\{|\}/);
        expect(s.en).not.toMatch(/\{|\}|«|»| :/);
      }
    }
    expect(RULES.map((r) => r.id)).toEqual(["tiersOnTop", "fourThirds", "pooling", "premium"]);
  });
});

describe("numbers in sentences", () => {
  it("group digits with no-break spaces in French and commas in English", () => {
    expect(groupedInteger(1234567, "fr")).toBe("1\u00a0234\u00a0567");
    expect(groupedInteger(999, "en")).toBe("999");
    expect(eurosText(-764000, "fr")).toBe("7\u00a0640\u00a0€");
    expect(eurosText(764000, "en")).toBe("€7,640");
    expect(eurosCentsText(1202, "fr")).toBe("12,02\u00a0€");
    expect(percentText(0.325, "en")).toBe("33%");
    expect(percentText(0.18, "fr")).toBe("18\u00a0%");
  });
});
