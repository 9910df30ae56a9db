// Full runs of the Excel host through the harness (read, analyse, plan, write), shared by tests and the bench.
import { defaultParameters } from "../../src/engine/parameters.ts";
import { ExcelHost, type ExcelApi, type ExcelHostOptions } from "../../src/hosts/excel/excelHost.ts";
import { analyzeSnapshot } from "../../src/workbook/pipeline.ts";
import { buildReportPlan } from "../../src/workbook/reportPlan.ts";
import { createExcelHarness, type ExcelHarness, type HarnessOptions } from "./harness.ts";
import { simFromRows } from "./seed.ts";
import type { SimWorkbook } from "./simWorkbook.ts";

export const NOW = new Date(Date.UTC(2026, 10, 24));

/** A budget of `lines` classified lines: account, label, amount (labels vary, as in a real trial balance). */
export function generatedBudget(lines: number): SimWorkbook {
  const rows: (string | number | null)[][] = [["Compte", "Libellé", "Budget 2026"], [null, "CHARGES", null]];
  for (let i = 0; i < lines; i++) rows.push([i % 2 ? "6061" : "741", i % 2 ? `Achats de fournitures pour l'atelier n° ${i}` : `Subvention de la commune pour l'action ${i}`, 100 + (i % 1000)]);
  return simFromRows("gros.xlsx", [{ name: "Budget", rows }]);
}

export function hostOn(h: ExcelHarness, options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost(h.Excel as ExcelApi, options);
}

export async function fullRun(host: ExcelHost, lang: "fr" | "en" = "fr") {
  const snapshot = await host.readSnapshot();
  const result = analyzeSnapshot(snapshot, defaultParameters());
  const plan = buildReportPlan(result, { lang, date: NOW, previousSheets: snapshot.ownSheets ?? [] });
  const applied = await host.apply(plan);
  return { snapshot, result, plan, applied };
}

/** One full run on a generated budget, with the batches it took. */
export async function measuredRun(lines: number, options: HarnessOptions = {}) {
  const h = createExcelHarness(generatedBudget(lines), options);
  const host = hostOn(h);
  const first = await fullRun(host);
  const firstBatches = [...h.batches];
  h.reset();
  // A second run reads back Équilibre's own sheets too (the mapping sheet is the largest response).
  await fullRun(host);
  return { harness: h, first: firstBatches, rerun: [...h.batches], plan: first.plan };
}
