// `--summary` with one workbook: the same CSV as a folder's, with that workbook's rows. Its place is tried
// before the analysis (a read-only disk is said at once, not after minutes), and it is never the input.
import { basename } from "node:path";
import { EquilibreError } from "../engine/errors.ts";
import type { Lang } from "../engine/types.ts";
import { checkWritable, writeFileAtomic } from "../hosts/file/atomicWrite.ts";
import type { AnalysisJson } from "../workbook/analysisJson.ts";
import { toCsv } from "./csv.ts";
import { csvHeader, csvRows } from "./folderCsv.ts";
import { isSameFile } from "./outputPath.ts";

/** Said before any analysis: the summary would replace the input, or cannot be written where asked. */
export async function checkSummary(input: string, summary: string): Promise<void> {
  if (await isSameFile(input, summary)) throw new EquilibreError("output_is_input", { file: summary });
  await checkWritable(summary, "--summary");
}

/** Writes the workbook's summary rows; the sentence to show on stderr is returned. */
export async function writeFileSummary(summary: string, input: string, doc: AnalysisJson, lang: Lang): Promise<string> {
  await writeFileAtomic(summary, toCsv([csvHeader(lang), ...csvRows(basename(input), doc, lang)], lang), "--summary");
  return lang === "fr" ? `Synthèse écrite dans « ${summary} ».` : `Summary written to “${summary}”.`;
}
