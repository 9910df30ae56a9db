import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { runScenario, type Scenario } from "../engine/scenario.ts";
import { isEquilibreSheet } from "./corrections.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import type { PlannedSheet } from "./plan.ts";
import { buildReportPlan } from "./reportPlan.ts";
import { MAX_SHEET_SCENARIOS, readScenarioInputs, sheetScenario } from "./scenarioSheet.ts";
import { parseAddress, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";


/** A written sheet as a host reads it back: values, and formulas with the result they were written with. */
function asSnapshot(s: PlannedSheet): SheetSnapshot {
  const rows = new Map<number, { col: number; value: CellValue }[]>();
  for (const c of s.cells) {
    const { row, col } = parseAddress(c.ref)!;
    const value = (c.formula ? (c.expected ?? null) : (c.value ?? null)) as CellValue;
    if (value === null || value === "") continue;
    rows.set(row, [...(rows.get(row) ?? []), { col, value }]);
  }
  return { name: s.name, visibility: "visible", protected: false, merges: [], rows: [...rows].sort((a, b) => a[0] - b[0]).map(([index, cells]) => ({ index, cells: cells.sort((a, b) => a.col - b.col) })) };
}

const budget: WorkbookSnapshot = {
  name: "asso.xlsx",
  sheets: [
    sheet("Budget", [
      ["Poste", "Budget 2026"],
      ["CHARGES", null],
      ["Achats fournitures", 1200],
      ["Salaire coordinatrice", 21000],
      ["PRODUITS", null],
      ["Subvention Région", 16000],
      ["Cotisations", 6600],
      ["Dons", 400],
    ]),
  ],
};

const NOW = new Date(Date.UTC(2026, 10, 24));
const result = analyzeSnapshot(budget, defaultParameters());
const cut: Scenario = {
  name: "Région −20 %",
  column: null,
  changes: [
    { kind: "percent", lever: "public_grants", percent: -20 },
    { kind: "amount", lever: "donations", cents: 500_000 },
    { kind: "volunteerHours", hours: 300 },
  ],
};

describe("the scenario sheet", () => {
  it("joins the plan, one of Équilibre's own sheets, with a row per lever that carries an amount", () => {
    const plan = buildReportPlan(result, { lang: "fr", date: NOW });
    const s = plan.sheets.find((x) => x.role === "scenarios")!;
    expect(s.name).toBe("Équilibre – scénarios");
    const text = (ref: string) => s.cells.find((c) => c.ref === ref)?.value;
    const labels = s.cells.filter((c) => c.ref.startsWith("A")).map((c) => c.value);
    expect(labels).toEqual(expect.arrayContaining(["Subventions publiques", "Cotisations", "Heures de bénévolat en plus"]));
    expect(text("C6")).toBe("Variation (%)");
    expect(text("D6")).toBe("Variation (€)");
    expect(isEquilibreSheet(asSnapshot(s))).toBe(true);
    // Empty inputs: nothing to read back, and a re-run of the written workbook reads no budget from the sheet.
    expect(readScenarioInputs({ name: "x", sheets: [asSnapshot(s)] })).toEqual([]);
    const again = analyzeSnapshot({ ...budget, sheets: [...budget.sheets, asSnapshot(s)] }, defaultParameters());
    expect(again.budgets.map((b) => b.sheet)).toEqual(["Budget"]);
    expect(buildReportPlan(again, { lang: "fr", date: NOW }).replaces).toContain("Équilibre – scénarios");
  });

  it("writes a scenario's inputs and reads them back as the same scenario, in French and in English", () => {
    for (const lang of ["fr", "en"] as const) {
      const plan = buildReportPlan(result, { lang, date: NOW, scenarios: [cut] });
      const s = plan.sheets.find((x) => x.role === "scenarios")!;
      const [back] = readScenarioInputs({ name: "x", sheets: [asSnapshot(s)] });
      expect(back).toEqual({ ...cut, column: "Budget 2026" });
    }
  });

  it("keeps several scenarios side by side, up to the sheet's limit, and leaves unnamed empty ones out", () => {
    const many = Array.from({ length: MAX_SHEET_SCENARIOS + 1 }, (_, i): Scenario => ({ name: `S${i}`, column: null, changes: [{ kind: "percent", lever: "membership_fees", percent: 10 * (i + 1) }] }));
    const s = buildReportPlan(result, { lang: "fr", date: NOW, scenarios: many }).sheets.find((x) => x.role === "scenarios")!;
    const back = readScenarioInputs({ name: "x", sheets: [asSnapshot(s)] });
    expect(back.map((b) => b.name)).toEqual(many.slice(0, MAX_SHEET_SCENARIOS).map((m) => m.name));
    expect(back[2]!.changes).toEqual([{ kind: "percent", lever: "membership_fees", percent: 30 }]);
    const named = buildReportPlan(result, { lang: "fr", date: NOW, scenarios: [{ name: "Prudent", column: null, changes: [] }] }).sheets.find((x) => x.role === "scenarios")!;
    expect(readScenarioInputs({ name: "x", sheets: [asSnapshot(named)] })).toEqual([{ name: "Prudent", column: "Budget 2026", changes: [] }]);
  });

  it("reads inputs typed as text, in French, and ignores what is not a number", () => {
    const s = buildReportPlan(result, { lang: "fr", date: NOW }).sheets.find((x) => x.role === "scenarios")!;
    const snap = asSnapshot(s);
    const row = (label: string) => snap.rows.find((r) => r.cells.some((c) => c.col === 1 && c.value === label))!;
    row("Subventions publiques").cells.push({ col: 3, value: "-20 %" });
    row("Cotisations").cells.push({ col: 4, value: "1 500,50 €" }, { col: 3, value: "beaucoup" });
    row("Heures de bénévolat en plus").cells.push({ col: 3, value: 120 });
    for (const r of snap.rows) r.cells.sort((a, b) => a.col - b.col);
    const [back] = readScenarioInputs({ name: "x", sheets: [snap] });
    expect(back!.changes).toEqual([
      { kind: "amount", lever: "membership_fees", cents: 150_050 },
      { kind: "percent", lever: "public_grants", percent: -20 },
      { kind: "volunteerHours", hours: 120 },
    ]);
  });

  it("carries, in every helper cell, what the engine's scenario adds", () => {
    const plan = buildReportPlan(result, { lang: "fr", date: NOW, scenarios: [cut] });
    const s = plan.sheets.find((x) => x.role === "scenarios")!;
    const after = (label: string) => {
      const row = s.cells.find((c) => c.ref.startsWith("A") && c.value === label)!.ref.slice(1);
      return s.cells.find((c) => c.ref === `E${row}`)!.expected;
    };
    const run = runScenario(result.classified, cut, result.parameters);
    expect(after("Subventions publiques")).toBe((run.analysis.totals.byLever.public_grants ?? 0) / 100);
    expect(after("Subventions publiques")).toBe(12800);
    expect(after("Dons")).toBe(5400);
    // 300 hours at the parameters' rate × coefficient.
    expect(after("Heures de bénévolat en plus")).toBe(Math.round(300 * result.parameters.volunteerHourlyRate * result.parameters.employerChargeCoefficient * 100) / 100);
  });
});

describe("a scenario as the sheet holds it", () => {
  it("composes the changes of a lever into one percentage and one amount, adds the hours, drops destination moves", () => {
    const { scenario, dropped } = sheetScenario({
      name: "x",
      column: null,
      changes: [
        { kind: "amount", lever: "donations", cents: 10_000 },
        { kind: "percent", lever: "donations", percent: -50 },
        { kind: "volunteerHours", hours: 10 },
        { kind: "destination", line: "Budget!B3", destination: "engineering" },
        { kind: "volunteerHours", hours: 5 },
      ],
    });
    // (x + 100 €) × 0.5 = x × 0.5 + 50 €.
    expect(scenario.changes).toEqual([
      { kind: "percent", lever: "donations", percent: -50 },
      { kind: "amount", lever: "donations", cents: 5_000 },
      { kind: "volunteerHours", hours: 15 },
    ]);
    expect(dropped).toBe(1);
  });
});

describe("the documentation of the workbook names", () => {
  it("lists every name Équilibre writes, and the plan writes every name it lists", async () => {
    const { readFileSync } = await import("node:fs");
    const { EQUILIBRE_NAMES } = await import("./definedNames.ts");
    const doc = readFileSync(new URL("../../docs/noms-definis.md", import.meta.url), "utf8");
    const listed = [...doc.matchAll(/`(Equilibre\w+)`/g)].map((m) => m[1]!);
    expect(new Set(listed)).toEqual(new Set(EQUILIBRE_NAMES));
    const plan = buildReportPlan(result, { lang: "fr", date: NOW, scenarios: [cut] });
    expect(new Set(plan.names!.map((n) => n.name))).toEqual(new Set(EQUILIBRE_NAMES));
  });
});
