// Big workbooks of a federation: 50 sheets; a sheet whose used range is 16,384 columns wide because of one
// stray cell far right (100,000 rows in one sheet: hundredThousandRows.test.ts, a file of its own as it is slow). Each is read, analysed and reported through the whole
// file path (and the wide one through the Excel host too, which reads in blocks under Office's limits).
// No timing here: `npm run bench` measures; these tests only say it works and every figure adds up.
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../../src/engine/parameters.ts";
import { ExcelHost, type ExcelApi } from "../../src/hosts/excel/excelHost.ts";
import { analyzeSnapshot } from "../../src/workbook/pipeline.ts";
import { buildReportPlan } from "../../src/workbook/reportPlan.ts";
import { createFakeExcel, fakeSheet, type FakeWorkbookData } from "../fakeExcel.ts";
import { expectFinitePlan, expectSoundRun, NOW, runWholePath, xlsx, type Outcome } from "./pipeline.ts";

type Analysed = Extract<Outcome, { kind: "analysis" }>;

async function analysed(bytes: Uint8Array, name: string): Promise<Analysed> {
  const outcome = await runWholePath(bytes, name);
  if (outcome.kind === "error") throw outcome.error;
  return outcome;
}

describe("a federation's workbook with 50 sheets", () => {
  it("reads a budget on every sheet and reports them together", async () => {
    const clubs = Array.from({ length: 50 }, (_, i) => `Club ${String(i + 1).padStart(2, "0")}`);
    let expense = 0;
    let income = 0;
    const input = await xlsx((wb) => {
      clubs.forEach((name, i) => {
        const rows: (string | number | null)[][] = [[`${name} — budget prévisionnel 2026`], [], ["Libellé", "Budget 2026"], ["CHARGES", null]];
        const charges: [string, number][] = [["Achats fournitures", 1000 + i], ["Loyer", 2400], ["Salaires", 12_000 + 10 * i], ["Assurance", 300]];
        const produits: [string, number][] = [["Subvention commune", 5000 + i], ["Cotisations des adhérents", 3000], ["Billetterie", 7000 + 10 * i], ["Dons", 700 + i]];
        rows.push(...charges, ["PRODUITS", null], ...produits);
        expense += charges.reduce((s, [, v]) => s + v, 0);
        income += produits.reduce((s, [, v]) => s + v, 0);
        wb.addWorksheet(name).addRows(rows);
      });
    });
    const run = await analysed(input, "federation.xlsx");
    await expectSoundRun(input, run);
    expect(new Set(run.doc.budgets.map((b) => b.sheet))).toEqual(new Set(clubs));
    expect(run.doc.lines).toHaveLength(50 * 8);
    expect(run.doc.analyses).toHaveLength(1);
    expect(run.doc.analyses[0]!.totals.expense).toBe(expense);
    expect(run.doc.analyses[0]!.totals.income).toBe(income);
    expect(run.back.sheets.map((s) => s.name)).toEqual([...clubs, "Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios", "_equilibre"]);
    const mapping = run.back.sheets.find((s) => s.name === "Équilibre – lignes")!;
    expect(mapping.rows.filter((r) => r.index > 4)).toHaveLength(400);
  }, 60_000);
});

describe("a sheet 16,384 columns wide because of one stray cell", () => {
  const budget: (string | number | null)[][] = [
    ["Association Les Ateliers — budget 2026"],
    [],
    ["Libellé", "Budget 2026"],
    ["CHARGES", null],
    ["Achats fournitures", 1200],
    ["Salaires", 24_000],
    ["PRODUITS", null],
    ["Subvention Région", 15_000],
    ["Cotisations", 4000],
    ["Ventes de repas", 6200],
  ];

  it("is read, analysed and reported by the file host; the stray cell stays where it was", async () => {
    const input = await xlsx((wb) => {
      const ws = wb.addWorksheet("Budget");
      ws.addRows(budget);
      ws.getCell("XFD3").value = "note égarée";
      ws.getCell("XFD3000").value = 1;
    });
    const run = await analysed(input, "large.xlsx");
    await expectSoundRun(input, run);
    expect(run.snapshot.sheets[0]!.usedRange).toBe("A1:XFD3000");
    expect(run.doc.lines.map((l) => [l.label, l.amount])).toEqual([
      ["Achats fournitures", 1200],
      ["Salaires", 24_000],
      ["Subvention Région", 15_000],
      ["Cotisations", 4000],
      ["Ventes de repas", 6200],
    ]);
    const far = run.back.sheets.find((s) => s.name === "Budget")!.rows.flatMap((r) => r.cells.filter((c) => c.col === 16_384).map((c) => [r.index, c.value]));
    expect(far).toEqual([
      [3, "note égarée"],
      [3000, 1],
    ]);
  }, 60_000);

  // The host reads the whole used range (16,384 × 3,000 cells, almost all empty) in blocks under Office's
  // limits: it works, in several hundred round trips rather than 4 (the design's budget holds only while
  // the used range fits one response). The fake enforces the per-sync limits; the count is not asserted.
  it("is read in blocks by the Excel host, which finds the same lines and writes the report", async () => {
    const sheet = fakeSheet("Budget", budget);
    sheet.cells.set(`2,16383`, { value: "note égarée" });
    sheet.cells.set(`2999,16383`, { value: 1 });
    const data: FakeWorkbookData = { name: "large.xlsx", settings: new Map(), sheets: [sheet] };
    const excel = createFakeExcel(data);
    const host = new ExcelHost(excel as unknown as ExcelApi);
    const snapshot = await host.readSnapshot();
    const result = analyzeSnapshot(snapshot, defaultParameters());
    expect(result.classified.map((l) => l.label)).toEqual(["Achats fournitures", "Salaires", "Subvention Région", "Cotisations", "Ventes de repas"]);
    const plan = buildReportPlan(result, { lang: "fr", date: NOW, previousSheets: snapshot.ownSheets ?? [] });
    expectFinitePlan(plan);
    const applied = await host.apply(plan);
    expect(applied.sheets.map((x) => x.name)).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
    expect(excel.syncCount).toBeGreaterThanOrEqual(4);
  });
});
