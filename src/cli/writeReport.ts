// -o: the report written into a copy of the workbook (the input is never modified).
import type { Scenario } from "../engine/scenario.ts";
import type { Lang } from "../engine/types.ts";
import { writeReportFrom } from "../hosts/file/node.ts";
import type { XlsxPackage } from "../hosts/file/xlsxPackage.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import { buildReportPlan, type PlanOptions } from "../workbook/reportPlan.ts";
import { readScenarioInputs } from "../workbook/scenarioSheet.ts";
import type { WorkbookSnapshot } from "../workbook/snapshot.ts";
import { associationName } from "../workbook/title.ts";

export async function writeReport(
  /** The workbook's package as it was read (or its bytes): it is not read again. */
  input: Uint8Array | XlsxPackage,
  output: string,
  snapshot: WorkbookSnapshot,
  result: WorkbookAnalysis,
  lang: Lang,
  now: Date,
  scenario: string | null = null,
  /** The scenario sheet's inputs: default, what the workbook's scenario sheet holds (a re-run keeps what was typed). */
  scenarios: Scenario[] = readScenarioInputs(snapshot),
  /** `compare -o`: the other workbook, shown in the comparison sheet. */
  comparedWith?: PlanOptions["comparedWith"],
): Promise<{ path: string; warnings: string[] }> {
  const title = associationName(snapshot, result.budgets);
  const plan = buildReportPlan(result, { lang, date: now, scenario, title, previousSheets: snapshot.ownSheets ?? [], scenarios, comparedWith });
  const written = await writeReportFrom(input, output, plan, now);
  return { path: output, warnings: written.warnings };
}
