// « Comparer avec un autre classeur… »: the open budget against another workbook the user picks (read in the
// pane by the same pipeline, never uploaded). Pure functions over the engine's difference; Compare.tsx renders.
import type { Analysis } from "../engine/analyze.ts";
import { analysisDifference, leversThatMoved, lineDrivers, type AnalysisDifference, type LineDriver } from "../engine/scenarioDifference.ts";
import type { LeverId } from "../engine/types.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";

/** One side of the comparison: a workbook's file name, the column compared and its lines. */
export interface CompareSide {
  file: string;
  column: string;
  analysis: Analysis;
  lines: WorkbookAnalysis["classified"];
}

export interface Comparison {
  before: CompareSide;
  after: CompareSide;
  difference: AnalysisDifference;
  /** The levers whose amount moved most, largest first. */
  levers: LeverId[];
  lines: LineDriver[];
}

/** A workbook's column as a side: the one asked for, else the column of the same name as the open budget's, else the first. */
export function sideOf(result: WorkbookAnalysis, column: string | null, sameAs: string | null = null): CompareSide {
  const pick = (name: string | null) => (name === null ? undefined : result.analyses.find((a) => a.scenario === name));
  const analysis = pick(column) ?? pick(sameAs) ?? result.analyses[0]!;
  return { file: result.fileName, column: analysis.scenario, analysis, lines: result.classified.filter((l) => l.scenario === analysis.scenario) };
}

export function compare(before: CompareSide, after: CompareSide): Comparison {
  const difference = analysisDifference(before.analysis, after.analysis);
  return { before, after, difference, levers: leversThatMoved(difference).slice(0, 5), lines: lineDrivers(before.lines, after.lines) };
}

/** « +4,0 pt » / « −2,5 pt »: a change of share in points, signed. */
export function pointsText(points: number | null, lang: "fr" | "en"): string {
  if (points === null) return "—";
  const p = Math.round(points * 1000) / 10;
  const sign = p > 0 ? "+" : p < 0 ? "−" : "";
  const digits = Math.abs(p).toFixed(1);
  return `${sign}${lang === "fr" ? digits.replace(".", ",") : digits}\u00a0pt`;
}
