// @vitest-environment happy-dom
// One rule changed in the registry of figures changes, together, the engine's figure, the report's formula
// and its expected value, the pane and the consultant's CSV: no other place restates what a rule sums.
import { cleanup, render, screen } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { csvRows } from "../src/cli/folder.ts";
import { RULES, type RuleDef } from "../src/engine/figures.ts";
import { defaultParameters } from "../src/engine/parameters.ts";
import { readSnapshotFromFile } from "../src/hosts/file/node.ts";
import { Results } from "../src/taskpane/Results.tsx";
import { strings } from "../src/taskpane/strings.ts";
import { toAnalysisJson } from "../src/workbook/analysisJson.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";

const FIXTURE = `${FIXTURES_DIR}/01-cerfa-12156-ateliers-du-quartier.xlsx`;

async function everything() {
  const result = analyzeSnapshot(await readSnapshotFromFile(FIXTURE), defaultParameters());
  const main = result.analyses[result.analyses.length - 1]!;
  const report = buildReportPlan(result, { lang: "fr", date: new Date(Date.UTC(2026, 10, 24)) }).sheets[0]!;
  const premiumRow = report.cells.find((c) => c.value === "10+1 % : prime collective")!.ref.slice(1);
  const reportCell = (col: string) => report.cells.find((c) => c.ref === `${col}${premiumRow}`)!;
  const csv = csvRows("01.xlsx", toAnalysisJson(result, "fr"), "fr")[0]!;
  const header = (await import("../src/cli/folder.ts")).csvHeader("fr");
  render(createElement(Results, { analyses: result.analyses, main, s: strings("fr"), lang: "fr", parameters: result.parameters, onParameters: () => {}, onNext: () => {} }));
  const pane = screen.getByText("10+1 % : prime collective").parentElement!.textContent!;
  cleanup();
  return { premium: main.ratios.alliance.premium, numeratorFormula: reportCell("J").formula!, value: reportCell("C").expected, csvPercent: csv[header.indexOf("Prime collective (%)")], pane };
}

afterEach(cleanup);

describe("the registry of figures", () => {
  it("drives the engine, the report, the pane and the CSV from one entry", async () => {
    const before = await everything();
    const premium = RULES.find((r) => r.id === "premium")! as { -readonly [K in keyof RuleDef]: RuleDef[K] };
    const saved = premium.numerator;
    // The collective premium now also counts training (a change made in the registry only).
    premium.numerator = [{ kind: "sum", of: [{ section: "expense", levers: ["network_dues", "common_operations", "other_external_services"] }] }];
    try {
      const after = await everything();
      expect(after.premium.numeratorCents).toBeGreaterThan(before.premium.numeratorCents);
      expect(before.numeratorFormula).not.toContain('"Autres services extérieurs"');
      expect(after.numeratorFormula).toContain('"Autres services extérieurs"');
      expect(after.value).toBeCloseTo(after.premium.value!, 9);
      expect(after.value).not.toBeCloseTo(before.value as number, 3);
      expect(after.csvPercent).toBe(Math.round(after.premium.value! * 1000) / 10);
      expect(after.csvPercent).not.toBe(before.csvPercent);
      expect(after.pane).toContain(after.premium.sentence.fr);
      expect(after.pane).not.toEqual(before.pane);
    } finally {
      premium.numerator = saved;
    }
  });
});
