// One workbook: read, analyse, and (with -o) write the report into a copy.
import { basename } from "node:path";
import { EquilibreError } from "../engine/errors.ts";
import { resolveParameters, type Parameters } from "../engine/parameters.ts";
import type { Lang } from "../engine/types.ts";
import { readWorkbook } from "../hosts/file/readSnapshot.ts";
import { toAnalysisJson, type AnalysisJson } from "../workbook/analysisJson.ts";
import { analyzeSnapshot, type WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { ScenarioJson } from "../workbook/scenarioJson.ts";
import { say } from "../engine/i18n/index.ts";
import { readEarlierReport, withEarlierReport } from "./earlierReport.ts";
import { readInputBytes, readInputFile } from "./inputFile.ts";
import { isSameFile, reportPath } from "./outputPath.ts";
import { scenariosJson, type ScenarioFile } from "./scenarioFile.ts";
import { writeReport } from "./writeReport.ts";
import { readScenarioInputs } from "../workbook/scenarioSheet.ts";
import type { PlanOptions } from "../workbook/reportPlan.ts";
import { snapshotForReport } from "../workbook/reportSnapshot.ts";

export interface FileRun {
  result: WorkbookAnalysis;
  doc: AnalysisJson & { scenarios?: ScenarioJson[] };
  written: { path: string; warnings: string[] } | null;
}

export async function loadParameters(path: string | null): Promise<Parameters> {
  if (!path) return resolveParameters({});
  let text: string;
  try {
    // The same checks as a workbook: a regular file, a size cap, a sentence for each file system error.
    const { bytes } = await readInputBytes(path, 1 << 20);
    text = new TextDecoder().decode(bytes);
  } catch (e) {
    if (e instanceof EquilibreError && e.code === "file_too_large") throw new EquilibreError("bad_usage", { detail: `Le fichier de paramètres « ${path} » est trop gros pour des paramètres (plus d'1 Mo).` });
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EquilibreError("bad_usage", { detail: `Le fichier de paramètres « ${path} » n'est pas du JSON valide.` });
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new EquilibreError("bad_usage", { detail: `Le fichier de paramètres « ${path} » doit contenir un objet JSON, par exemple {"significanceThreshold": 0.25}.` });
  }
  return resolveParameters(parsed as Record<string, unknown>);
}

/**
 * The input's snapshot and package, with the sheets an earlier report at `output` holds (what the user typed in it
 * goes into the new one, not away with the old). In a function of its own: the caller holds the snapshot through
 * one variable only, so its grid can go once the budgets are read.
 */
async function readWithEarlierReport(bytes: Uint8Array, input: string, output: string | null, lang: Lang) {
  const read = await readWorkbook(bytes, basename(input));
  const earlier = output ? await readEarlierReport(output, read.snapshot.sheets.map((s) => s.name)) : null;
  const snapshot = earlier ? withEarlierReport(read.snapshot, earlier) : read.snapshot;
  const tookOver = snapshot !== read.snapshot ? say(lang, "report.earlierTakenOver", { file: basename(output!) }) : null;
  return { snapshot, pkg: read.pkg, tookOver };
}

export async function analyzeFile(
  input: string,
  options: { params: Parameters; column: string | null; output: string | null; lang: Lang; now?: Date; scenarios?: readonly ScenarioFile[]; comparedWith?: PlanOptions["comparedWith"] },
): Promise<FileRun> {
  const file = await readInputFile(input);
  const target = options.output ? reportPath(options.output, file.format.macro, options.lang) : null;
  if (target && (await isSameFile(input, target.path, file))) throw new EquilibreError("output_is_input", { file: target.path });
  const opened = await readWithEarlierReport(file.bytes, input, target?.path ?? null, options.lang);
  const { pkg, tookOver } = opened;
  let snapshot = opened.snapshot;
  opened.snapshot = null!; // held here, the whole grid would stay until the report is written
  const result = analyzeSnapshot(snapshot, options.params, { column: options.column });
  let written: FileRun["written"] = null;
  if (target) {
    // --scenario's scenarios come first in the scenario sheet (the report's block and its names show the first),
    // then those the workbook's scenario sheet already held under other names: a re-run keeps what was typed.
    const asked = (options.scenarios ?? []).map((s) => ({ name: s.name, column: s.column, changes: s.changes }));
    const scenarios = [...asked, ...readScenarioInputs(snapshot).filter((t) => !asked.some((a) => a.name === t.name))];
    // `compare -o` compares the first analysed column: the report (and the names the comparison reads) show that one.
    const shownColumn = options.comparedWith ? result.analyses[0]!.scenario : null;
    // The user's rows are not needed to write the report: not held while its cells are made.
    snapshot = snapshotForReport(snapshot, result);
    const report = await writeReport(pkg, target.path, snapshot, result, options.lang, options.now ?? new Date(), asked[0]?.column ?? shownColumn, scenarios, options.comparedWith);
    written = { path: report.path, warnings: [target.notice, tookOver, ...report.warnings].filter((w): w is string => w !== null) };
  }
  // The JSON document (one entry per line) is made once the report is written: not held beside the report's cells.
  const doc: FileRun["doc"] = toAnalysisJson(result, options.lang);
  if (options.scenarios?.length) doc.scenarios = scenariosJson(result.classified, options.params, options.scenarios, options.lang);
  return { result, doc, written };
}
