// context.sync() round trips of a full run (read, analyse, write the report) in the fake Excel.
import { defaultParameters } from "../src/engine/parameters.ts";
import { ExcelHost, type ExcelApi } from "../src/hosts/excel/excelHost.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { createFakeExcel, fakeSheet } from "../tests/fakeExcel.ts";

export async function syncsForFullRun(lines: number): Promise<{ syncs: number; ms: number }> {
  const rows: (string | number | null)[][] = [["Compte", "Libellé", "Budget 2026"]];
  for (let i = 0; i < lines; i++) rows.push([i % 2 ? "6061" : "741", i % 2 ? `Achats ${i % 50}` : `Subvention commune ${i % 50}`, 100 + (i % 1000)]);
  const excel = createFakeExcel({ name: "bench.xlsx", settings: new Map(), sheets: [fakeSheet("Budget", rows)] }, { maxCellsPerSync: Infinity });
  const host = new ExcelHost(excel as unknown as ExcelApi, { maxCellsPerSync: Number.MAX_SAFE_INTEGER });
  const start = performance.now();
  const snapshot = await host.readSnapshot();
  const result = analyzeSnapshot(snapshot, defaultParameters());
  await host.apply(buildReportPlan(result, { lang: "fr", date: new Date() }));
  return { syncs: excel.syncCount, ms: performance.now() - start };
}
