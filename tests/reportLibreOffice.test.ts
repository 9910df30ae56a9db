// The written report, recalculated by a real spreadsheet engine (LibreOffice headless): every figure the
// report computes equals the engine's, corrections typed in the file move the figures and survive a re-run,
// source cells never change, and two runs give the same workbook.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultParameters } from "../src/engine/parameters.ts";
import { runScenario, type Scenario } from "../src/engine/scenario.ts";
import { readSnapshotFromFile } from "../src/hosts/file/node.ts";
import { writeReportFile } from "../src/hosts/file/node.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import type { ReportPlan } from "../src/workbook/plan.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { MAP_COL, MAPPING_FIRST_ROW } from "../src/workbook/reportText.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";
import { cachedValues, libreOfficeAvailable, namedValues, recalculate } from "./libreoffice.ts";

const ROOT = join(import.meta.dirname, "..");
const NOW = new Date(Date.UTC(2026, 10, 24, 12));
const fixture = (name: string) => join(FIXTURES_DIR, `${name}.xlsx`);

async function writeReport(input: string, output: string, lang: "fr" | "en" = "fr", scenarios: Scenario[] = []): Promise<{ plan: ReportPlan; names: string[] }> {
  const snapshot = await readSnapshotFromFile(input);
  const result = analyzeSnapshot(snapshot, defaultParameters());
  const plan = buildReportPlan(result, { lang, date: NOW, previousSheets: snapshot.ownSheets ?? [], scenarios });
  const written = await writeReportFile(input, output, plan, NOW);
  return { plan, names: written.sheets.map((s) => s.name) };
}

/** Compares every formula cell that has an expected value with LibreOffice's result; returns the mismatches. */
function mismatches(plan: ReportPlan, values: Map<string, Map<string, string | number | boolean>>): string[] {
  const out: string[] = [];
  for (const s of plan.sheets) {
    const cells = values.get(s.name);
    if (!cells) {
      out.push(`sheet ${s.name} missing`);
      continue;
    }
    for (const c of s.cells) {
      if (!c.formula || c.expected === undefined || c.expected === null) continue;
      const got = cells.get(c.ref) ?? "";
      const same = typeof c.expected === "number" ? typeof got === "number" && Math.abs(got - c.expected) < 0.011 : got === c.expected;
      if (!same) out.push(`${s.name}!${c.ref}: expected ${JSON.stringify(c.expected)}, LibreOffice gives ${JSON.stringify(got)}`);
    }
  }
  return out;
}

const countChecked = (plan: ReportPlan) => plan.sheets.flatMap((s) => s.cells).filter((c) => c.formula && c.expected !== undefined && c.expected !== null).length;

/** Formula cells of the plan that carry no expected value, or whose written file holds no cached value. */
function uncached(plan: ReportPlan, written: Map<string, Map<string, string | number | boolean>>): string[] {
  const out: string[] = [];
  for (const s of plan.sheets)
    for (const c of s.cells) {
      if (!c.formula) continue;
      if (c.expected === undefined || c.expected === null) out.push(`${s.name}!${c.ref}: no expected value`);
      else if (!written.get(s.name)?.has(c.ref)) out.push(`${s.name}!${c.ref}: no cached value in the file`);
    }
  return out;
}

describe.runIf(libreOfficeAvailable() || process.env.CI)("the report recalculated by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "equilibre-lo-"));

  it.each(["01-cerfa-12156-ateliers-du-quartier", "02-club-sportif-recettes-depenses", "03-balance-comptable-nature-en-garonne", "04-festival-budget-pluriannuel", "05-budget-analytique-par-action", "92-feuille-protegee"])(
    "%s: every figure on the report equals the engine's",
    async (name) => {
      const out = join(dir, `${name}-rapport.xlsx`);
      const { plan } = await writeReport(fixture(name), out);
      const values = await cachedValues(recalculate(out, join(dir, `recalc-${name}`)));
      // Every formula cell, sentences included, carries the engine's value, and LibreOffice gives the same.
      expect(uncached(plan, await cachedValues(out))).toEqual([]);
      expect(mismatches(plan, values)).toEqual([]);
      expect(countChecked(plan)).toBeGreaterThan(40);
      // The model's name on the report is a formula result too.
      const report = values.get("Équilibre")!;
      const result = analyzeSnapshot(await readSnapshotFromFile(fixture(name)), defaultParameters());
      const main = result.analyses[result.analyses.length - 1]!;
      expect([...report.values()]).toContain(main.model.name.fr);
      // The budget's own figures, recalculated: total charges, total produits and the result with its word.
      const beside = (label: string, col = "C") => {
        const row = [...report.entries()].find(([ref, v]) => ref.startsWith("A") && v === label)?.[0].slice(1);
        return row ? report.get(`${col}${row}`) : undefined;
      };
      expect(beside("Total des charges")).toBeCloseTo(main.budget.expenseCents / 100, 2);
      expect(beside("Total des produits")).toBeCloseTo(main.budget.incomeCents / 100, 2);
      expect(beside("Résultat (produits − charges)")).toBeCloseTo(main.budget.resultCents / 100, 2);
      expect(beside("Résultat (produits − charges)", "D")).toBe({ surplus: "Excédent", deficit: "Déficit", balanced: "Équilibre" }[main.budget.result]);
      if (name.startsWith("01-")) expect(beside("Richesses humaines")).toBe(152748);
    },
  );

  it.each(["01-cerfa-12156-ateliers-du-quartier", "04-festival-budget-pluriannuel"])("%s in English: every figure and sentence equals the engine's", async (name) => {
    const out = join(dir, `${name}-report-en.xlsx`);
    const { plan } = await writeReport(fixture(name), out, "en");
    const values = await cachedValues(recalculate(out, join(dir, `recalc-en-${name}`)));
    expect(uncached(plan, await cachedValues(out))).toEqual([]);
    expect(mismatches(plan, values)).toEqual([]);
  });

  it.each([
    ["01-cerfa-12156-ateliers-du-quartier", "fr"],
    ["04-festival-budget-pluriannuel", "en"],
    ["03-balance-comptable-nature-en-garonne", "fr"],
  ] as const)("%s with scenarios written (%s): every figure of the scenario sheet and of the block equals the engine's scenario", async (name, lang) => {
    const scenarios: Scenario[] = [
      { name: "Subventions −50 %", column: null, changes: [{ kind: "percent", lever: "public_grants", percent: -50 }] },
      {
        name: "Mécénat et bénévoles",
        column: null,
        changes: [
          { kind: "amount", lever: "corporate_patronage", cents: 1_840_000 },
          { kind: "percent", lever: "staff", percent: 10 },
          { kind: "amount", lever: "network_dues", cents: 50_000 },
          { kind: "volunteerHours", hours: 500 },
        ],
      },
    ];
    const out = join(dir, `${name}-scenarios-${lang}.xlsx`);
    const { plan } = await writeReport(fixture(name), out, lang, scenarios);
    const values = await cachedValues(recalculate(out, join(dir, `recalc-scenarios-${name}`)));
    expect(uncached(plan, await cachedValues(out))).toEqual([]);
    expect(mismatches(plan, values)).toEqual([]);
    // The block's first scenario is the engine's run of that scenario on the column the report shows.
    const result = analyzeSnapshot(await readSnapshotFromFile(fixture(name)), defaultParameters());
    const main = result.analyses[result.analyses.length - 1]!;
    const run = runScenario(result.classified, { ...scenarios[0]!, column: main.scenario }, result.parameters);
    expect([...values.get(plan.sheets[0]!.name)!.values()]).toContain(run.analysis.model.name[lang]);
  });

  describe("a variation typed into the scenario sheet", () => {
    const name = "01-cerfa-12156-ateliers-du-quartier";
    let edited: string;
    let before: Map<string, string | number | boolean>;
    let after: Map<string, string | number | boolean>;
    let run: ReturnType<typeof runScenario>;
    beforeAll(async () => {
      const out = join(dir, "scenario-rapport.xlsx");
      await writeReport(fixture(name), out);
      before = await namedValues(recalculate(out, join(dir, "recalc-scenario-before")));
      // The user opens the file and types −50 % beside « Subventions publiques », with no add-in.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet("Équilibre – scénarios")!;
      let row = 0;
      ws.eachRow((r, i) => {
        if (r.getCell("A").value === "Subventions publiques") row = i;
      });
      expect(ws.getCell("C6").value).toBe("Variation (%)");
      ws.getCell(`C${row}`).value = -0.5;
      edited = join(dir, "scenario-saisi.xlsx");
      await wb.xlsx.writeFile(edited);
      after = await namedValues(recalculate(edited, join(dir, "recalc-scenario-after")));
      const result = analyzeSnapshot(await readSnapshotFromFile(fixture(name)), defaultParameters());
      const main = result.analyses[result.analyses.length - 1]!;
      run = runScenario(result.classified, { name: "x", column: main.scenario, changes: [{ kind: "percent", lever: "public_grants", percent: -50 }] }, result.parameters);
    });

    it("moves EquilibreScenarioModele to the engine's scenario model, and leaves EquilibreModele", () => {
      expect(before.get("EquilibreScenarioModele")).toBe(before.get("EquilibreModele"));
      expect(after.get("EquilibreModele")).toBe(before.get("EquilibreModele"));
      expect(after.get("EquilibreScenarioModele")).toBe(run.analysis.model.name.fr);
      expect(after.get("EquilibreScenarioModele")).not.toBe(run.base.model.name.fr);
      expect(after.get("EquilibreScenarioPartPublique")).toBeCloseTo(run.analysis.model.shares.public, 6);
      expect(after.get("EquilibreScenarioTotalProduits")).toBeCloseTo(run.analysis.budget.incomeCents / 100, 2);
      expect(after.get("EquilibreScenarioEcartTiersOnTop")).toBeCloseTo(run.analysis.ratios.tiersOnTop.gapCents / 100, 2);
      expect(after.get("EquilibreTotalProduits")).toBeCloseTo(run.base.budget.incomeCents / 100, 2);
    });

    it("is kept by a re-run of the command, with the block still showing it", async () => {
      const again = join(dir, "scenario-relance.xlsx");
      const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", edited, "-o", again], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      const cells = (await cachedValues(again)).get("Équilibre – scénarios")!;
      const row = [...cells.entries()].find(([ref, v]) => ref.startsWith("A") && v === "Subventions publiques")![0].slice(1);
      expect(cells.get(`C${row}`)).toBe(-0.5);
      // The cached values the command wrote are the engine's run of the scenario read back.
      expect((await namedValues(again)).get("EquilibreScenarioModele")).toBe(run.analysis.model.name.fr);
    });
  });

  it("-o with --scenario writes the scenario's inputs into the scenario sheet, and the block shows it", async () => {
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify({ name: "Région en baisse", changes: [{ lever: "public_grants", percent: -50 }, { volunteerHours: 200 }] }));
    const out = join(dir, "scenario-cli.xlsx");
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", fixture("01-cerfa-12156-ateliers-du-quartier"), "--scenario", file, "--json", "-o", out], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const cells = (await cachedValues(out)).get("Équilibre – scénarios")!;
    const at = (label: string) => [...cells.entries()].find(([ref, v]) => ref.startsWith("A") && v === label)![0].slice(1);
    expect(cells.get("C5")).toBe("Région en baisse");
    expect(cells.get(`C${at("Subventions publiques")}`)).toBe(-0.5);
    expect(cells.get(`C${at("Heures de bénévolat en plus")}`)).toBe(200);
    const values = await namedValues(recalculate(out, join(dir, "recalc-scenario-cli")));
    expect(values.get("EquilibreScenarioModele")).toBe(doc.scenarios[0].analysis.model.name);
    expect(values.get("EquilibreScenarioPartPublique")).toBeCloseTo(doc.scenarios[0].analysis.model.shares.public, 4);
  });

  describe("a correction typed into the mapping table", () => {
    let corrected: string;
    let before: Map<string, Map<string, string | number | boolean>>;
    const name = "01-cerfa-12156-ateliers-du-quartier";
    beforeAll(async () => {
      const out = join(dir, "correction-rapport.xlsx");
      await writeReport(fixture(name), out);
      before = await cachedValues(recalculate(out, join(dir, "recalc-before")));
      // The user opens the file and corrects "Mécénat d'entreprises (Crédit Coopératif)" into a public grant.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet("Équilibre – lignes")!;
      let row = 0;
      ws.eachRow((r, i) => {
        if (String(r.getCell(MAP_COL.label).value).startsWith("Mécénat d'entreprises")) row = i;
      });
      expect(row).toBeGreaterThanOrEqual(MAPPING_FIRST_ROW);
      ws.getCell(`${MAP_COL.correctedLever}${row}`).value = "Subventions publiques";
      corrected = join(dir, "corrige.xlsx");
      await wb.xlsx.writeFile(corrected);
    });

    it("moves the figures when the workbook is recalculated, without the add-in", async () => {
      const after = await cachedValues(recalculate(corrected, join(dir, "recalc-after")));
      const find = (values: typeof before, label: string) => {
        const report = values.get("Équilibre")!;
        const row = [...report.entries()].find(([ref, v]) => ref.startsWith("A") && v === label)?.[0].slice(1);
        return report.get(`C${row}`);
      };
      // Public funding grows by 12 000 €, private shrinks by as much.
      expect(find(before, "Financements publics")).toBe(115350);
      expect(find(after, "Financements publics")).toBe(127350);
      expect(find(after, "Financements privés")).toBe(16500);
    });

    it("is kept by a re-run of the command, marked corrected, and wins", () => {
      const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", corrected, "--json"], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      const line = doc.lines.find((l: { label: string }) => l.label.startsWith("Mécénat d'entreprises"));
      expect(line).toMatchObject({ lever: "public_grants", nature: "public", corrected: true });
      expect(doc.lines.filter((l: { corrected: boolean }) => l.corrected)).toHaveLength(1);
      expect(doc.analyses[0].totals.byNature.public).toBe(127350);
      // Équilibre's own sheets are not read as budgets.
      expect(doc.budgets.map((b: { sheet: string }) => b.sheet)).toEqual(["Budget prévisionnel 2026", "Budget prévisionnel 2026"]);
    });

    it("stays in the new mapping table of the next run", async () => {
      const again = join(dir, "corrige-2.xlsx");
      const { names } = await writeReport(corrected, again);
      expect(names).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
      const values = await cachedValues(recalculate(again, join(dir, "recalc-again")));
      const mapping = values.get("Équilibre – lignes")!;
      const row = [...mapping.entries()].find(([ref, v]) => ref.startsWith(MAP_COL.label) && String(v).startsWith("Mécénat d'entreprises"))![0].slice(1);
      expect(mapping.get(`${MAP_COL.correctedLever}${row}`)).toBe("Subventions publiques");
      expect(mapping.get(`${MAP_COL.nature}${row}`)).toBe("Financements publics");
    });
  });

  it("never changes a source cell, keeps the protected sheet protected, and two runs give the same workbook", async () => {
    const input = join(dir, "protegee.xlsx");
    copyFileSync(fixture("92-feuille-protegee"), input);
    const original = readFileSync(input);
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    await writeReport(input, a);
    await writeReport(input, b);
    expect(readFileSync(input).equals(original)).toBe(true);
    const [va, vb, src] = await Promise.all([cachedValues(a), cachedValues(b), cachedValues(input)]);
    expect([...va.keys()]).toEqual(["Budget", "Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios", "_equilibre"]);
    expect(va.get("Budget")).toEqual(src.get("Budget"));
    for (const [sheet, cells] of va) expect([...cells.entries()], sheet).toEqual([...vb.get(sheet)!.entries()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    const sp = (wb.getWorksheet("Budget") as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } }).sheetProtection;
    expect(sp?.sheet).toBe(true);
    expect(sp?.hashValue).toMatch(/^Z6HVe/);
  });

  it("writes into « Équilibre (2) » when the user already has a sheet called « Équilibre »", async () => {
    const input = join(dir, "homonyme.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture("02-club-sportif-recettes-depenses"));
    wb.addWorksheet("Équilibre").getCell("A1").value = "Mes notes d'équilibre";
    await wb.xlsx.writeFile(input);
    const out = join(dir, "homonyme-rapport.xlsx");
    const { plan, names } = await writeReport(input, out);
    expect(names[0]).toBe("Équilibre (2)");
    const values = await cachedValues(recalculate(out, join(dir, "recalc-homonyme")));
    expect(values.get("Équilibre")!.get("A1")).toBe("Mes notes d'équilibre");
    // Formulas follow the renamed sheets: recalculated figures still equal the engine's.
    const renamed: ReportPlan = { ...plan, sheets: plan.sheets.map((s, i) => ({ ...s, name: names[i]! })) };
    expect(mismatches(renamed, values)).toEqual([]);
  });
});
