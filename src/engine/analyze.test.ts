import { describe, expect, it } from "vitest";
import { analyze, applyCorrection, classifyLines, correctionKey, totalsOf } from "./analyze.ts";
import { classify } from "./classify.ts";
import { defaultParameters } from "./parameters.ts";
import type { BudgetLine, Section } from "./types.ts";

let n = 0;
function line(label: string, euros: number | "error", section: Section, scenario = "Budget", account: string | null = null): BudgetLine {
  n++;
  return {
    id: `S!B${n}`,
    sheet: "S",
    cell: `A${n}`,
    row: n,
    label,
    account,
    column: scenario,
    scenario,
    amount: euros === "error" ? { kind: "error", error: "#REF!" } : { kind: "value", cents: Math.round(euros * 100) },
    context: { sectionHint: section },
  };
}

describe("analyze", () => {
  const params = defaultParameters();
  it("gives one analysis per scenario, in the order they appear", () => {
    const lines = classifyLines([line("Subvention", 100, "income", "2025"), line("Subvention", 200, "income", "2026"), line("Achats", 50, "expense", "2025")]);
    const a = analyze(lines, params);
    expect(a.map((x) => x.scenario)).toEqual(["2025", "2026"]);
    expect(a[0]!.totals.bySection).toMatchObject({ income: 10000, expense: 5000 });
    expect(a[0]!.resultCents).toBe(5000);
  });

  it("never sums an error cell, and lists it", () => {
    const lines = classifyLines([line("Subvention DRAC", "error", "income"), line("Billetterie", 300, "income")]);
    const [a] = analyze(lines, params);
    expect(a!.totals.bySection.income).toBe(30000);
    expect(a!.errorLines).toHaveLength(1);
  });

  it("keeps neutral income out of the mix but in the totals", () => {
    const lines = classifyLines([line("Intérêts livret", 100, "income", "B", "768"), line("Cotisations", 900, "income", "B")]);
    const [a] = analyze(lines, params);
    expect(a!.totals.byNature).toMatchObject({ neutral: 10000, private: 90000 });
    expect(a!.model.baseCents).toBe(90000);
    expect(a!.model.id).toBe("private");
  });

  it("counts in-kind resources in the mix only when the parameter says so", () => {
    const lines = classifyLines([line("Bénévolat", 500, "in_kind_resource", "B", "870"), line("Subvention", 500, "income", "B")]);
    expect(totalsOf(lines, params).byNature.private).toBe(0);
    expect(totalsOf(lines, { ...params, inKindInMix: true }).byNature.private).toBe(50000);
  });

  it("says what the levers that weigh most imply", () => {
    const [a] = analyze(classifyLines([line("Subvention Région", 800, "income"), line("Dons", 200, "income")]), params);
    expect(a!.implications[0]!.lever).toBe("public_grants");
    expect(a!.implications[0]!.text.fr).toMatch(/trésorerie/);
  });

  it("carries the parameters it used", () => {
    const custom = { ...params, significanceThreshold: 0.3 };
    expect(analyze(classifyLines([line("Dons", 1, "income")]), custom)[0]!.parameters.significanceThreshold).toBe(0.3);
  });
});

describe("corrections", () => {
  it("a corrected lever brings its own pillar, nature and section; the line is marked corrected", () => {
    const l = line("Participation de la ville", 1000, "income");
    const key = correctionKey(l);
    const [c] = classifyLines([l], {}, new Map([[key, { lever: "public_procurement" }]]));
    expect(c!.corrected).toBe(true);
    expect(c!.automatic.lever).not.toBe("public_procurement");
    expect([c!.lever, c!.nature, c!.payer, c!.section]).toEqual(["public_procurement", "activity", "public", "income"]);
  });
  it("a corrected destination changes only an expense's destination", () => {
    const auto = classify({ label: "Salaires", context: { sectionHint: "expense" } });
    expect(applyCorrection(auto, { destination: "engineering" }).destination).toBe("engineering");
    const income = classify({ label: "Dons", context: { sectionHint: "income" } });
    expect(applyCorrection(income, { destination: "engineering" })).toBe(income);
  });
  it("the key survives rows inserted above: it is sheet, label, account and column", () => {
    const a = line("Loyer", 10, "expense");
    const b = { ...a, row: a.row + 5, cell: "A99", id: "S!B99" };
    expect(correctionKey(a)).toBe(correctionKey(b));
  });
  it("the key ignores control characters a spreadsheet file cannot hold, as the written mapping table drops them", () => {
    const a = line("Loyer\u0001\u0007 annuel\u001b", 10, "expense");
    expect(correctionKey(a)).toBe(correctionKey({ ...a, label: "Loyer annuel" }));
    expect(correctionKey(a)).not.toBe(correctionKey({ ...a, label: "Loyer\tannuel" }));
  });
});
