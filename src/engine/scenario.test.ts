import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, classifyLines } from "./analyze.ts";
import { EquilibreError } from "./errors.ts";
import { goalSeek } from "./goalSeek.ts";
import { defaultParameters } from "./parameters.ts";
import { applyChanges, runScenario, spread, type Scenario } from "./scenario.ts";
import { analysisDifference, lineDrivers } from "./scenarioDifference.ts";
import { changePhrase, goalSentence, modelAdjective, scenarioSentences } from "./scenarioText.ts";
import type { BudgetLine, ClassifiedLine, Section } from "./types.ts";

type Row = [label: string, account: string | null, euros: number, section: Section];

/** A small social association: subsidies first, some activity, a few gifts. */
const BUDGET: Row[] = [
  ["Subvention Région", "741", 60000, "income"],
  ["Subvention Commune", "741", 20000, "income"],
  ["Participation des familles", "706", 15000, "income"],
  ["Dons manuels", "754", 3000, "income"],
  ["Dons HelloAsso", "754", 1000, "income"],
  ["Produits financiers", "76", 500, "income"],
  ["Achats de fournitures", "606", 30000, "expense"],
  ["Salaires des animateurs", "641", 50000, "expense"],
  ["Coordination et pilotage", "6226", 8000, "expense"],
  ["Cotisation à la fédération", "6281", 1000, "expense"],
];

function lines(rows: Row[], column = "Budget 2026"): ClassifiedLine[] {
  const budget: BudgetLine[] = rows.map(([label, account, euros, section], i) => ({
    id: `Budget!A${i + 2}#${column}`,
    sheet: "Budget",
    cell: `A${i + 2}`,
    row: i + 2,
    amountCell: `C${i + 2}`,
    label,
    account,
    column,
    scenario: column,
    amount: { kind: "value", cents: Math.round(euros * 100) },
    context: { sectionHint: section },
  }));
  return classifyLines(budget);
}

/** The budget with some lines' amounts edited, as a treasurer would type them. */
const edited = (edit: (r: Row) => number): Row[] => BUDGET.map((r) => [r[0], r[1], edit(r), r[3]]);

const params = defaultParameters();
const scenario = (changes: Scenario["changes"]): Scenario => ({ name: "Test", column: null, changes });
/** What a user compares: everything the analysis says but the line ids. */
const figures = (a: ReturnType<typeof analyze>[number]) => ({ totals: a.totals, model: a.model, ratios: JSON.parse(JSON.stringify(a.ratios, (k, v) => (k === "lineId" ? undefined : v))) });

describe("a scenario on one column", () => {
  it("analyses subsidies cut by 20 % exactly as the budget with each subsidy cell cut by hand", () => {
    const run = runScenario(lines(BUDGET), scenario([{ kind: "percent", lever: "public_grants", percent: -20 }]), params);
    const byHand = analyze(lines(edited((r) => (r[1] === "741" ? r[2] * 0.8 : r[2]))), params)[0]!;
    expect(figures(run.analysis)).toEqual(figures(byHand));
    expect(run.base.totals.byLever.public_grants).toBe(8_000_000);
    expect(run.analysis.totals.byLever.public_grants).toBe(6_400_000);
  });

  it("never touches the column's own lines", () => {
    const base = lines(BUDGET);
    const before = JSON.stringify(base);
    runScenario(base, scenario([{ kind: "percent", lever: "public_grants", percent: -50 }, { kind: "volunteerHours", hours: 100 }]), params);
    expect(JSON.stringify(base)).toBe(before);
  });

  it("spreads euros over the lever's lines in proportion, to the cent", () => {
    const run = runScenario(lines(BUDGET), scenario([{ kind: "amount", lever: "donations", cents: 100_001 }]), params);
    const gifts = run.lines.filter((l) => l.lever === "donations").map((l) => (l.amount.kind === "value" ? l.amount.cents : 0));
    expect(gifts.reduce((s, c) => s + c, 0)).toBe(400_000 + 100_001);
    expect(gifts[0]! - 300_000).toBeCloseTo(75_000.75, -1);
    expect(gifts[1]! - 100_000).toBeCloseTo(25_000.25, -1);
  });

  it("adds a line from the lever table when the lever has none (corporate patronage is private, tagged alliances)", () => {
    const run = runScenario(lines(BUDGET), scenario([{ kind: "amount", lever: "corporate_patronage", cents: 1_000_000 }]), params);
    const added = run.lines.filter((l) => l.lever === "corporate_patronage");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ section: "income", nature: "private", tags: ["alliances"] });
    expect(run.analysis.totals.byNature.private - run.base.totals.byNature.private).toBe(1_000_000);
  });

  it("refuses a cut larger than the lever, and a percentage below −100, with a sentence", () => {
    const cut = () => runScenario(lines(BUDGET), scenario([{ kind: "amount", lever: "donations", cents: -500_000 }]), params);
    expect(cut).toThrow(EquilibreError);
    expect(cut).toThrow(/dépasse son montant/);
    expect(() => runScenario(lines(BUDGET), scenario([{ kind: "percent", lever: "donations", percent: -120 }]), params)).toThrow(/−100 %/);
    expect(() => runScenario(lines(BUDGET), scenario([{ kind: "amount", lever: "bequests", cents: -100 }]), params)).toThrow(EquilibreError);
  });

  it("values added volunteer hours at the hourly rate as an 86/87 pair, counted once in the four-thirds rule", () => {
    const run = runScenario(lines(BUDGET), scenario([{ kind: "volunteerHours", hours: 500 }]), params);
    const value = Math.round(500 * params.volunteerHourlyRate * 100);
    expect(run.analysis.totals.bySection.in_kind_use).toBe(value);
    expect(run.analysis.totals.bySection.in_kind_resource).toBe(value);
    expect(run.analysis.ratios.fourThirds.numeratorCents).toBe(value);
    expect(run.analysis.model).toEqual(run.base.model);
  });

  it("adds hours to the parameters' hours when the column values volunteering from them", () => {
    const p = { ...params, volunteerHours: 200 };
    const run = runScenario(lines(BUDGET), scenario([{ kind: "volunteerHours", hours: 500 }]), p);
    expect(run.base.ratios.fourThirds.numeratorCents).toBe(Math.round(200 * p.volunteerHourlyRate * 100));
    expect(run.analysis.ratios.fourThirds.numeratorCents).toBe(Math.round(700 * p.volunteerHourlyRate * 100));
  });

  it("adds hours to the volunteering already recorded in 86/87", () => {
    const withVolunteers: Row[] = [...BUDGET, ["Bénévolat", "864", 1202, "in_kind_use"], ["Bénévolat", "870", 1202, "in_kind_resource"]];
    const run = runScenario(lines(withVolunteers), scenario([{ kind: "volunteerHours", hours: 100 }]), params);
    expect(run.analysis.ratios.fourThirds.numeratorCents - run.base.ratios.fourThirds.numeratorCents).toBe(120_200);
  });

  it("moves a line's destination, and the engineering share follows", () => {
    const run = runScenario(lines(BUDGET), scenario([{ kind: "destination", line: "Budget!C8", destination: "engineering" }]), params);
    expect(run.analysis.totals.byDestination.engineering - run.base.totals.byDestination.engineering).toBe(3_000_000);
    expect(run.analysis.ratios.tiersOnTop.value!).toBeGreaterThan(run.base.ratios.tiersOnTop.value!);
    expect(() => runScenario(lines(BUDGET), scenario([{ kind: "destination", line: "Budget!Z99", destination: "action" }]), params)).toThrow(/Budget!Z99/);
  });

  it("analyses the column the scenario names, and says which columns exist otherwise", () => {
    const two = [...lines(BUDGET, "Réalisé 2025"), ...lines(edited((r) => r[2] * 2), "Budget 2026")];
    const run = runScenario(two, { name: "x", column: "Budget 2026", changes: [] }, params);
    expect(run.base.totals.bySection.income).toBe(2 * 9_950_000);
    expect(() => runScenario(two, { name: "x", column: "Budget 2030", changes: [] }, params)).toThrow(/« Réalisé 2025 », « Budget 2026 »/);
  });
});

describe("spread", () => {
  it("gives parts that add up exactly, in proportion, and equal parts over lines that sum to zero", () => {
    expect(spread([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(spread([300, 100], -4)).toEqual([-3, -1]);
    expect(spread([0, 0], 7).reduce((s, x) => s + x, 0)).toBe(7);
    expect(spread([], 5)).toEqual([]);
  });
});

describe("the difference from the column", () => {
  it("gives each nature's move in euros and in points, and the model before and after", () => {
    const run = runScenario(lines(BUDGET), scenario([{ kind: "percent", lever: "public_grants", percent: -50 }]), params);
    const d = analysisDifference(run.base, run.analysis);
    expect(d.byNature.public.cents).toBe(-4_000_000);
    expect(d.byNature.public.points).toBeCloseTo(run.analysis.model.shares.public - run.base.model.shares.public, 12);
    expect(d.byLever.public_grants!.cents).toBe(-4_000_000);
    expect(d.byLever.donations!.cents).toBe(0);
    expect(d.result.cents).toBe(-4_000_000);
    expect(d.model).toEqual({ from: run.base.model.id, to: run.analysis.model.id, changed: run.base.model.id !== run.analysis.model.id });
    expect(d.ratios.tiersOnTop.points).toBe(0);
  });
});

describe("the sentences", () => {
  it("says what each change does to the share it touches, and whether the model stays", () => {
    const changes: Scenario["changes"] = [
      { kind: "percent", lever: "public_grants", percent: -20 },
      { kind: "percent", lever: "sponsorship", percent: 10 },
      { kind: "volunteerHours", hours: 500 },
    ];
    const run = runScenario(lines(BUDGET), scenario(changes), params);
    const s = scenarioSentences(lines(BUDGET), changes, params, run.base, run.analysis, "Baisse région");
    // Sponsorship has no amount: nothing to say about it.
    expect(s.map((x) => x.change?.kind ?? "whole")).toEqual(["percent", "volunteerHours", "whole"]);
    const before = Math.round(run.base.model.shares.public * 100);
    expect(s[0]!.text.fr).toMatch(new RegExp(`^Avec « Subventions publiques » en baisse de 20\u00a0%, votre part publique passe de ${before}\u00a0% à \\d+\u00a0% ; le modèle (reste|devient) .+\\.$`));
    expect(s[0]!.text.en).toMatch(/^With “Public grants” down 20%, your public share goes from \d+% to \d+%; the model (stays|becomes) .+\.$/);
    expect(s[1]!.text.fr).toContain("500 heures de bénévolat en plus");
    expect(s[2]!.text.fr).toContain("« Baisse région »");
  });
});

describe("goal-seek", () => {
  it("finds, to the euro, the patronage that changes the model", () => {
    const base = lines(BUDGET);
    const g = goalSeek(base, params, { kind: "lever", lever: "corporate_patronage", direction: 1 }, { kind: "model", model: null });
    expect(g.cents).not.toBeNull();
    const at = (cents: number) => runScenario(base, scenario([{ kind: "amount", lever: "corporate_patronage", cents }]), params).analysis.model.id;
    const baseModel = analyze(base, params)[0]!.model.id;
    expect(at(g.cents!)).not.toBe(baseModel);
    expect(at(g.cents! - 100)).toBe(baseModel);
    expect(goalSentence(g).fr).toMatch(/^\d[\d\u00a0]*\u00a0€ de mécénat d'entreprise en plus vous rendraient .+\.$/);
  });

  it("walks past a first change of model to the one asked for, or says none is reachable", () => {
    const base = lines(BUDGET);
    const hybrid = goalSeek(base, params, { kind: "lever", lever: "membership_fees", direction: 1 }, { kind: "model", model: "hybrid" });
    if (hybrid.cents !== null) expect(hybrid.model).toBe("hybrid");
    const none = goalSeek(base, params, { kind: "lever", lever: "donations", direction: -1 }, { kind: "model", model: "private" });
    expect(none.cents).toBeNull();
    expect(goalSentence(none).fr).toMatch(/ne suffit pas/);
  });

  it("finds the volunteer hours that reach the four-thirds rule, to the hour", () => {
    const base = lines(BUDGET);
    const g = goalSeek(base, params, { kind: "volunteerHours" }, { kind: "rule", rule: "fourThirds" });
    const status = (hours: number) => applyAndStatus(base, hours);
    expect(status(g.hours!)).toBe("reached");
    expect(status(g.hours! - 1)).not.toBe("reached");
    expect(goalSentence(g).fr).toMatch(/heures de bénévolat en plus vous feraient atteindre la règle des 4 tiers\.$/);
  });

  it("finds, to the euro, the engineering budget that reaches the third-on-top rule", () => {
    const base = lines(BUDGET);
    const g = goalSeek(base, params, { kind: "lever", lever: "other_external_services", direction: 1 }, { kind: "rule", rule: "tiersOnTop" });
    const status = (cents: number) => runScenario(base, scenario([{ kind: "amount", lever: "other_external_services", cents }]), params).analysis.ratios.tiersOnTop.status;
    expect(status(g.cents!)).toBe("reached");
    expect(status(g.cents! - 100)).not.toBe("reached");
    expect(goalSentence(g).en).toMatch(/^€[\d,]+ more in other external services would reach the third-on-top rule\.$/);
  });

  it("says so when more of a lever moves the rule away from its target", () => {
    const g = goalSeek(lines(BUDGET), params, { kind: "lever", lever: "purchases", direction: 1 }, { kind: "rule", rule: "tiersOnTop" });
    expect(g.cents).toBeNull();
  });
});

function applyAndStatus(base: ClassifiedLine[], hours: number) {
  const c = applyChanges(base, [{ kind: "volunteerHours", hours }], params, base[0]!.scenario);
  return analyze(c.lines, c.parameters)[0]!.ratios.fourThirds.status;
}

describe("the words of a change, in French and in English", () => {
  const base = lines(BUDGET);
  it("names each kind of change", () => {
    const say = (c: Scenario["changes"][number]) => changePhrase(c, base, params);
    expect(say({ kind: "percent", lever: "donations", percent: 10 })).toEqual({ fr: "Avec « Dons » en hausse de 10\u00a0%", en: "With “Donations” up 10%" });
    expect(say({ kind: "amount", lever: "purchases", cents: -50_000 })).toEqual({ fr: "Avec 500\u00a0€ d'achats en moins", en: "With €500 less in purchases" });
    expect(say({ kind: "volunteerHours", hours: 10 }).en).toBe("With 10 more volunteer hours (€120 valued)");
    expect(say({ kind: "destination", line: "Budget!C10", destination: "action" })).toEqual({ fr: "Avec la ligne « Coordination et pilotage » comptée dans les actions", en: "With the line “Coordination et pilotage” counted as actions" });
  });

  it("says the result for a change outside the mix, and the rule that moves for an expense", () => {
    const run = (c: Scenario["changes"][number]) => {
      const r = runScenario(base, scenario([c]), params);
      return scenarioSentences(base, [c], params, r.base, r.analysis, "x")[0]!.text;
    };
    expect(run({ kind: "amount", lever: "financial_income", cents: 100_000 }).fr).toMatch(/, le résultat passe d'un excédent de 10\u00a0500\u00a0€ à un excédent de 11\u00a0500\u00a0€ ; le modèle reste public\.$/);
    expect(run({ kind: "amount", lever: "network_dues", cents: 100_000 }).en).toMatch(/goes from .* of your expenses/);
    expect(run({ kind: "amount", lever: "in_kind_goods", cents: 100_000 }).fr).toMatch(/^Avec 1\u00a0000\u00a0€ de dons et mises à disposition en nature en plus, la mutualisation passe de/);
  });

  it("names the models as a sentence needs them", () => {
    expect(modelAdjective("public", "fr")).toBe("public");
    expect(modelAdjective("activity", "fr")).toBe("un modèle d'activité");
    expect(modelAdjective("public_private", "en")).toBe("mixed public–private");
    expect(modelAdjective(null, "en")).toBe("undetermined");
  });

  it("answers goal-seek questions in English too, and says when a cut cannot do it", () => {
    const g = goalSeek(base, params, { kind: "lever", lever: "public_grants", direction: -1 }, { kind: "model", model: null });
    expect(g.cents).not.toBeNull();
    expect(goalSentence(g).en).toMatch(/^€[\d,]+ less in public grants would make you .+\.$/);
    const none = goalSeek(base, params, { kind: "volunteerHours" }, { kind: "model", model: "private" });
    expect(goalSentence(none)).toEqual({ fr: "Ajouter des heures de bénévolat ne suffit pas pour devenir privé.", en: "Adding volunteer hours is not enough to become private." });
  });
});

describe("the lines that explain a change between two budgets", () => {
  it("matches lines by label whatever their cell, and counts a line found on one side from zero", () => {
    const before = lines(BUDGET);
    const after = lines([...edited((r) => (r[0] === "Subvention Région" ? 45000 : r[2])).slice(1), ["SUBVENTION   région", "741", 45000, "income"], ["Mécénat d'entreprise", "7542", 9000, "income"]]);
    const d = lineDrivers(before, after);
    expect(d.map((x) => [x.label, x.cents])).toEqual([
      ["Subvention Région", -1_500_000],
      ["Mécénat d'entreprise", 900_000],
    ]);
    expect(d[1]!.before).toBeNull();
    expect(d[0]!.after).toMatch(/^Budget!C\d+$/);
  });
});

describe("scenarios on random budgets (properties)", () => {
  const row = fc.tuple(
    fc.constantFrom<[string, string, Section]>(
      ["Subvention", "741", "income"],
      ["Billetterie", "706", "income"],
      ["Dons", "754", "income"],
      ["Cotisations", "756", "income"],
      ["Mécénat", "7542", "income"],
      ["Achats", "606", "expense"],
      ["Salaires", "641", "expense"],
      ["Coordination", "6226", "expense"],
      ["Cotisation fédération", "6281", "expense"],
      ["Bénévolat", "864", "in_kind_use"],
      ["Bénévolat", "870", "in_kind_resource"],
    ),
    fc.integer({ min: 0, max: 5_000_000 }),
  );
  const budget = fc.array(row, { minLength: 1, maxLength: 25 }).map((rows) => lines(rows.map(([[label, account, section], cents], i) => [`${label} ${i}`, account, cents / 100, section])));
  const lever = fc.constantFrom("public_grants", "sales_services", "donations", "corporate_patronage", "purchases", "staff", "volunteering", "bequests" as const);

  it("a lever changed by some euros, then by as many euros back, gives the column's own figures to the cent", () => {
    fc.assert(
      fc.property(budget, lever, fc.integer({ min: 1, max: 10_000_000 }), (base, id, cents) => {
        const there = applyChanges(base, [{ kind: "amount", lever: id, cents }], params, base[0]!.scenario);
        const back = applyChanges(there.lines, [{ kind: "amount", lever: id, cents: -cents }], params, base[0]!.scenario);
        const a = analyze(back.lines, params)[0]!;
        const b = analyze(base, params)[0]!;
        expect(a.totals).toEqual({ ...b.totals, byLever: { ...b.totals.byLever, ...Object.fromEntries(Object.keys(a.totals.byLever).filter((k) => !(k in b.totals.byLever)).map((k) => [k, 0])) } });
        expect(a.model.id).toBe(b.model.id);
      }),
      { numRuns: 150 },
    );
  });

  it("moves exactly the euros asked on the lever, and nothing on the other levers", () => {
    fc.assert(
      fc.property(budget, lever, fc.integer({ min: -100, max: 200 }), (base, id, percent) => {
        const run = runScenario(base, scenario([{ kind: "percent", lever: id, percent }]), params);
        const d = analysisDifference(run.base, run.analysis);
        for (const [k, c] of Object.entries(d.byLever)) if (k !== id) expect(c!.cents, k).toBe(0);
        const byHand = base.filter((l) => l.lever === id).reduce((s, l) => s + (l.amount.kind === "value" ? Math.round((l.amount.cents * (100 + percent)) / 100) - l.amount.cents : 0), 0);
        expect(d.byLever[id]?.cents ?? 0).toBe(byHand);
      }),
      { numRuns: 150 },
    );
  });

  it("goal-seek gives the least whole euro that changes the model, or says none does", () => {
    fc.assert(
      fc.property(budget, fc.constantFrom("public_grants", "sales_services", "donations" as const), (base, id) => {
        const g = goalSeek(base, params, { kind: "lever", lever: id, direction: 1 }, { kind: "model", model: null });
        const model = (cents: number) => analyze(applyChanges(base, [{ kind: "amount", lever: id, cents }], params, base[0]!.scenario).lines, params)[0]!.model.id;
        const start = analyze(base, params)[0]!.model.id;
        if (g.cents === null) expect(model(1_000_000_000)).toBe(start);
        else {
          expect(model(g.cents)).not.toBe(start);
          if (g.cents > 100) expect(model(g.cents - 100)).toBe(start);
        }
      }),
      { numRuns: 60 },
    );
  });
});
