// Every line of every fixture's expected analysis, fed to the classifier and the analysis as given
// (label, account, section, column): lines, totals and models must come out exactly.
import { describe, expect, it } from "vitest";
import { analyze, classifyLines } from "../src/engine/analyze.ts";
import { eurosToCents, centsToEuros } from "../src/engine/money.ts";
import { defaultParameters } from "../src/engine/parameters.ts";
import type { BudgetLine, Section } from "../src/engine/types.ts";
import { loadExpectations, matchesExpected, type Expected, type ExpectedTotals } from "./fixtureExpectations.ts";

const ANALYTIC_SCENARIO = "Budget";

function linesOf(fx: Expected): BudgetLine[] {
  const out: BudgetLine[] = [];
  fx.lines.forEach((l, i) => {
    l.amounts.forEach((amount, k) => {
      const column = l.column ?? fx.amountColumns[k] ?? null;
      out.push({
        id: `${l.sheet}!${i}@${column}`,
        sheet: l.sheet,
        cell: `A${l.row}`,
        row: l.row,
        label: l.label,
        account: l.account,
        column,
        scenario: l.column ? ANALYTIC_SCENARIO : (fx.amountColumns[k] ?? "Montant"),
        amount: amount === "error" ? { kind: "error", error: "#REF!" } : { kind: "value", cents: eurosToCents(amount) },
        context: { sectionHint: l.expect.section as Section, columnHeader: l.column ?? null, analyticColumn: Boolean(l.column) },
      });
    });
  });
  return out;
}

function expectTotals(actual: ReturnType<typeof analyze>[number], expected: ExpectedTotals) {
  const t = actual.totals;
  expect(centsToEuros(t.bySection.income)).toBe(expected.income);
  expect(centsToEuros(t.bySection.expense)).toBe(expected.expense);
  expect(centsToEuros(t.bySection.in_kind_use)).toBe(expected.in_kind_use);
  expect(centsToEuros(t.bySection.in_kind_resource)).toBe(expected.in_kind_resource);
  for (const [k, v] of Object.entries(expected.nature)) expect(centsToEuros(t.byNature[k as keyof typeof t.byNature]), `nature ${k}`).toBe(v);
  for (const [k, v] of Object.entries(expected.pillar)) expect(centsToEuros(t.byPillar[k as keyof typeof t.byPillar]), `pillar ${k}`).toBe(v);
  for (const [k, v] of Object.entries(expected.destination)) expect(centsToEuros(t.byDestination[k as keyof typeof t.byDestination]), `destination ${k}`).toBe(v);
}

describe.each(loadExpectations())("fixture $name", (fx) => {
  const params = defaultParameters();
  const classified = classifyLines(linesOf(fx), { inKindNumbering: params.inKindNumbering });
  const analyses = analyze(classified, params);

  it("classifies every line right (section, pillar, nature, lever, destination)", () => {
    const expectedById = new Map(linesOf(fx).map((l) => [l.id, fx.lines[Number(l.id.split("!")[1]!.split("@")[0])]!]));
    const wrong = classified
      .map((c) => ({ c, e: expectedById.get(c.id)! }))
      .filter(({ c, e }) => !matchesExpected(c, e.expect))
      .map(({ c, e }) => `${c.label}: got ${c.lever}/${c.nature}/${c.destination}, expected ${e.expect.lever}/${e.expect.nature}/${e.expect.destination}`);
    expect(wrong).toEqual([]);
  });

  it("gives the expected totals", () => {
    const byColumn = fx.totalsByColumn ?? [fx.totals];
    expect(analyses).toHaveLength(byColumn.length);
    byColumn.forEach((t, k) => expectTotals(analyses[k]!, t));
  });

  it("names the expected model with its shares and close calls", () => {
    const models = fx.modelByColumn ?? [fx.model];
    models.forEach((m, k) => {
      const got = analyses[k]!.model;
      expect(got.id).toBe(m.id);
      for (const [n, share] of Object.entries(m.shares)) expect(got.shares[n as "public"]).toBeCloseTo(share, 3);
      expect([...got.closeCalls].sort()).toEqual([...m.closeCalls].sort());
    });
  });

  it.runIf(fx.ratios?.tiersOnTop)("computes the tiers-on-top ratio", () => {
    const r = analyses[0]!.ratios.tiersOnTop;
    expect(centsToEuros(r.numeratorCents)).toBe(fx.ratios!.tiersOnTop!.engineering);
    expect(r.value).toBeCloseTo(fx.ratios!.tiersOnTop!.share, 4);
  });
});
