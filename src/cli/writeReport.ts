// -o: the report written into a copy of the workbook (the input is never modified).
import type { Lang } from "../engine/types.ts";
import { writeReportFrom } from "../hosts/file/node.ts";
import type { XlsxPackage } from "../hosts/file/xlsxPackage.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import { buildReportPlan } from "../workbook/reportPlan.ts";
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
): Promise<{ path: string; warnings: string[] }> {
  const plan = buildReportPlan(result, { lang, date: now, scenario, title: associationName(snapshot, result.budgets), previousSheets: snapshot.ownSheets ?? [] });
  const written = await writeReportFrom(input, output, plan, now);
  return { path: output, warnings: written.warnings };
}
