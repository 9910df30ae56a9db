// Builds the whole report plan: the report sheet, the mapping table, the levers table and the state.
import type { Scenario } from "../engine/scenario.ts";
import type { Lang } from "../engine/types.ts";
import { carryNotes } from "./keptNotes.ts";
import { recordCells, recordValues, valuesKey } from "./ownCells.ts";
import { buildLeversSheet, buildMappingSheet } from "./mappingSheet.ts";
import type { WorkbookAnalysis } from "./pipeline.ts";
import { englishStyles, type ReportPlan } from "./plan.ts";
import { buildReport } from "./reportSheet.ts";
import { sheetNames } from "./reportText.ts";
import { buildScenarioSheet, runSheetScenarios, scenarioSheetLayout } from "./scenarioSheet.ts";
import { buildComparisonSheet, namedFigureValues } from "./comparisonSheet.ts";
import { say } from "../engine/i18n/index.ts";
import type { PlannedSheet } from "./plan.ts";

export const STATE_SCHEMA_VERSION = 1;
export const ENGINE_VERSION = "0.1.0";

export interface PlanOptions {
  lang: Lang;
  /** The run date, shown on the report (the only thing that differs between two runs). */
  date: Date;
  /** Main scenario; default: the last amount column (the budget being prepared). */
  scenario?: string | null;
  /** Association name for the header; default: the workbook's title, else its file name. */
  title?: string | null;
  /** Équilibre's sheets from an earlier run, replaced by this one. */
  previousSheets?: string[];
  /**
   * The scenarios whose inputs the written scenario sheet holds, side by side (up to MAX_SHEET_SCENARIOS;
   * a destination change has no cell there and is not written). Default: none, the sheet's inputs are empty.
   * To keep what the user typed, pass `readScenarioInputs(snapshot)`. The sheet's formulas follow the column
   * the report shows, whatever a scenario's `column`.
   */
  scenarios?: Scenario[];
  /**
   * `compare BEFORE AFTER -o`: the other workbook's analysis (BEFORE, this plan's workbook being AFTER), shown
   * beside this one's live figures in the sheet « Équilibre – comparaison ».
   */
  comparedWith?: { file: string; result: WorkbookAnalysis; column: string };
}

export function buildReportPlan(result: WorkbookAnalysis, options: PlanOptions): ReportPlan {
  const names = sheetNames(options.lang);
  const scenario = options.scenario ?? result.analyses[result.analyses.length - 1]!.scenario;
  const dateText = formatDate(options.date, options.lang);
  const title = options.title ?? result.fileName.replace(/\.xlsx$/i, "");
  const main = result.analyses.find((a) => a.scenario === scenario) ?? result.analyses[result.analyses.length - 1]!;
  const layout = scenarioSheetLayout(result, names, options.scenarios ?? [], options.lang);
  const runs = runSheetScenarios(result, layout, main.scenario);
  const report = buildReport(result, names, { lang: options.lang, scenario, dateText, title, scenarios: { layout, runs } });
  const mapping = buildMappingSheet(names, result.classified, options.lang);
  const levers = buildLeversSheet(names, options.lang);
  const scenarios = buildScenarioSheet(result, names, layout, report, main.scenario, options.lang, runs);
  const replaces = replacedSheets(result, options.previousSheets ?? []);
  // What the user typed in the sheets this run replaces goes into the new ones.
  const earlier = (result.earlierSheets ?? []).filter((s) => replaces.includes(s.name));
  const comparison = options.comparedWith ? comparisonSheet(options, report.sheet, report.names, dateText) : null;
  // Recorded before the notes are carried: on the next run, a carried note is still the user's.
  const ownCells = Object.fromEntries(
    [report.sheet, levers, ...(comparison ? [comparison] : [])].flatMap((s) => {
      const record = recordCells(s);
      const values = recordValues(s);
      return record === null ? [] : [[s.role, record], ...(values === null ? [] : [[valuesKey(s.role), values]])];
    }),
  );
  const warnings = [
    ...scenarioWarnings(options.scenarios ?? [], layout, options.lang),
    ...carryNotes(earlier, [report.sheet, mapping, levers, ...(comparison ? [comparison] : [])], result.classified, options.lang, result.ownCells),
  ];
  const sheets = [report.sheet, mapping, levers, scenarios, ...(comparison ? [comparison] : [])];
  return {
    // English money cells after the notes are carried, so that a carried cell is formatted too.
    sheets: options.lang === "en" ? englishStyles(sheets) : sheets,
    names: report.names,
    replaces,
    warnings,
    state: {
      schemaVersion: STATE_SCHEMA_VERSION,
      engineVersion: ENGINE_VERSION,
      reportSheet: names.report,
      mappingSheet: names.mapping,
      leversSheet: names.levers,
      parameters: { ...result.parameters },
      language: options.lang,
      ownCells,
    },
  };
}

/** What of the asked scenarios the sheet cannot hold: a destination change (no cell), a scenario beyond the sheet's columns. */
function scenarioWarnings(asked: readonly Scenario[], layout: ReturnType<typeof scenarioSheetLayout>, lang: Lang): string[] {
  const out = layout.dropped.flatMap((count, k) => (count > 0 ? [say(lang, "scenarioSheet.notWritten", { name: layout.scenarios[k]!.name, count, sheet: layout.sheet })] : []));
  const left = asked.slice(layout.scenarios.length).map((s) => say(lang, "quoted", { text: s.name }));
  if (left.length > 0) out.push(say(lang, "scenarioSheet.tooMany", { max: layout.scenarios.length, names: left.join(", "), sheet: layout.sheet }));
  return out;
}

/** The comparison sheet: the other workbook's figures as its own report would show them, beside this one's. */
function comparisonSheet(options: PlanOptions, report: PlannedSheet, names: ReportPlan["names"], dateText: string): PlannedSheet {
  const other = options.comparedWith!;
  const before = buildReportPlan(other.result, { lang: options.lang, date: options.date, scenario: other.column });
  const figures = namedFigureValues(before.sheets, before.names ?? []);
  return buildComparisonSheet({ file: other.file, column: other.column, figures, dateText }, namedFigureValues([report], names ?? []), options.lang);
}

export function formatDate(date: Date, lang: Lang): string {
  const d = String(date.getUTCDate()).padStart(2, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const y = date.getUTCFullYear();
  return lang === "fr" ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/**
 * The sheets this run replaces: those the saved state names, and Équilibre's own recognised by their content
 * under the names Équilibre gives them (the state is lost when the sheets are copied into another workbook:
 * without this, the next run would add « Équilibre (2) » beside them). A user's sheet is never among them.
 */
function replacedSheets(result: WorkbookAnalysis, previous: readonly string[]): string[] {
  const names = new Set([...Object.values(sheetNames("fr")), ...Object.values(sheetNames("en")), say("fr", "sheet.comparison"), say("en", "sheet.comparison")]);
  return [...new Set([...previous, ...(result.ownSheets ?? []).filter((n) => names.has(n))])];
}
