// One workbook: read, analyse, and (with -o) write the report into a copy.
import { resolve } from "node:path";
import { readFile } from "node:fs/promises";
import { EquilibreError } from "../engine/errors.ts";
import { resolveParameters, type Parameters } from "../engine/parameters.ts";
import type { Lang } from "../engine/types.ts";
import { readSnapshotFromFile } from "../hosts/file/node.ts";
import { toAnalysisJson, type AnalysisJson } from "../workbook/analysisJson.ts";
import { analyzeSnapshot, type WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { ScenarioJson } from "../workbook/scenarioJson.ts";
import { scenariosJson, type ScenarioFile } from "./scenarioFile.ts";
import { writeReport } from "./writeReport.ts";

export interface FileRun {
  result: WorkbookAnalysis;
  doc: AnalysisJson & { scenarios?: ScenarioJson[] };
  written: { path: string; warnings: string[] } | null;
}

export async function loadParameters(path: string | null): Promise<Parameters> {
  if (!path) return resolveParameters({});
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new EquilibreError("file_not_found", { file: path });
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

export async function analyzeFile(
  input: string,
  options: { params: Parameters; column: string | null; output: string | null; lang: Lang; now?: Date; scenarios?: readonly ScenarioFile[] },
): Promise<FileRun> {
  if (options.output && resolve(options.output) === resolve(input)) throw new EquilibreError("output_is_input", { file: options.output });
  const snapshot = await readSnapshotFromFile(input);
  const result = analyzeSnapshot(snapshot, options.params, { column: options.column });
  const doc: FileRun["doc"] = toAnalysisJson(result, options.lang);
  if (options.scenarios?.length) doc.scenarios = scenariosJson(result.classified, options.params, options.scenarios, options.lang);
  const written = options.output ? await writeReport(input, options.output, snapshot, result, options.lang, options.now ?? new Date()) : null;
  return { result, doc, written };
}
