// -o: the report written into a copy of the workbook (the input is never modified).
import { EquilibreError } from "../engine/errors.ts";
import type { Lang } from "../engine/types.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { WorkbookSnapshot } from "../workbook/snapshot.ts";

export async function writeReport(
  _input: string,
  _output: string,
  _snapshot: WorkbookSnapshot,
  _result: WorkbookAnalysis,
  _lang: Lang,
  _now: Date,
): Promise<{ path: string; warnings: string[] }> {
  throw new EquilibreError("writing_unavailable");
}
