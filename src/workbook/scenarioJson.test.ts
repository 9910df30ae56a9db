import { describe, expect, it } from "vitest";
import { analyze, classifyLines } from "../engine/analyze.ts";
import { goalSeek } from "../engine/goalSeek.ts";
import { defaultParameters } from "../engine/parameters.ts";
import type { BudgetLine, Section } from "../engine/types.ts";
import { analysisJson } from "./analysisJson.ts";
import { scenarioJson } from "./scenarioJson.ts";

const ROWS: [string, string, number, Section][] = [
  ["Subvention Département", "741", 40000, "income"],
  ["Billetterie", "706", 30000, "income"],
  ["Cotisations", "756", 5000, "income"],
  ["Achats", "606", 25000, "expense"],
  ["Salaires", "641", 45000, "expense"],
  ["Honoraires comptables", "622", 5000, "expense"],
];
const lines = classifyLines(
  ROWS.map(([label, account, euros, section], i): BudgetLine => ({
    id: `B!A${i + 1}`,
    sheet: "B",
    cell: `A${i + 1}`,
    row: i + 1,
    amountCell: `B${i + 1}`,
    label,
    account,
    column: "Budget",
    scenario: "Budget",
    amount: { kind: "value", cents: euros * 100 },
    context: { sectionHint: section },
  })),
);
const params = defaultParameters();

describe("a scenarios entry of the JSON document", () => {
  const changes = [
    { kind: "percent", lever: "public_grants", percent: -25 },
    { kind: "amount", lever: "donations", cents: 250_050 },
    { kind: "volunteerHours", hours: 100 },
    { kind: "destination", line: "B!B5", destination: "engineering" },
  ] as const;
  const doc = scenarioJson(lines, { name: "Plan B", column: null, changes: [...changes] }, params, "fr", (l, p) => [
    { reach: "fourThirds", result: goalSeek(l, p, { kind: "volunteerHours" }, { kind: "rule", rule: "fourThirds" }) },
  ]);

  it("writes the changes as the scenario file does, in euros", () => {
    expect(doc.name).toBe("Plan B");
    expect(doc.column).toBe("Budget");
    expect(doc.changes).toEqual([
      { lever: "public_grants", percent: -25 },
      { lever: "donations", amount: 2500.5 },
      { volunteerHours: 100 },
      { line: "B!B5", destination: "engineering" },
    ]);
  });

  it("gives the analysis in the shape of an entry of analyses, and the difference in euros and points", () => {
    const base = analysisJson(analyze(lines, params)[0]!, "fr");
    expect(Object.keys(doc.analysis).sort()).toEqual(Object.keys(base).sort());
    expect(doc.difference.byNature.public).toEqual({ before: 40000, after: 30000, amount: -10000, shareBefore: Math.round((40000 / 75000) * 1e6) / 1e6, shareAfter: Math.round((30000 / 67500.5) * 1e6) / 1e6, points: expect.any(Number) });
    expect(doc.difference.byLever.donations!.amount).toBe(2500.5);
    expect(doc.difference.byDestination.engineering.amount).toBe(45000);
    expect(doc.difference.ratios.fourThirds.valueBefore).toBe(0);
    expect(doc.difference.ratios.tiersOnTop.statusAfter).toBe(doc.analysis.ratios.tiersOnTop.status);
    expect(doc.sentences).toHaveLength(5);
  });

  it("answers the goal-seek questions with a sentence", () => {
    expect(doc.goals).toEqual([
      { volunteerHours: true, reach: "fourThirds", reached: true, amount: null, hours: expect.any(Number), model: doc.analysis.model.id, sentence: expect.stringMatching(/heures de bénévolat en plus vous feraient atteindre la règle des 4 tiers\.$/) },
    ]);
  });
});
