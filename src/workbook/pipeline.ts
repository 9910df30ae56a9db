// snapshot → budgets → lines → classified lines → analyses: the one pipeline every host runs.
import { analyze, classifyLines, type Analysis } from "../engine/analyze.ts";
import { EquilibreError } from "../engine/errors.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { ClassifiedLine, Correction } from "../engine/types.ts";
import type { ReadIssue, ReadResult } from "./budget.ts";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { isEquilibreSheet, placeCorrections, readCorrectionRecords } from "./corrections.ts";
import { readNegativeSections } from "./signs.ts";
import { shareTableIn } from "./sharesOnly.ts";

export interface WorkbookAnalysis extends ReadResult {
  fileName: string;
  parameters: Parameters;
  classified: ClassifiedLine[];
  analyses: Analysis[];
  /** Équilibre's sheets of an earlier run: named by the saved state, or recognised by their content when the state was lost. */
  ownSheets?: string[];
  /** Équilibre's sheets of an earlier run as read: the notes a user typed in them are carried into the new ones. */
  earlierSheets?: SheetSnapshot[];
  /** The cells Équilibre wrote in those sheets, as the saved state records them. */
  ownCells?: Record<string, unknown>;
  /** The corrections in effect, by line id: read back from the mapping table (or given), each on its own line. */
  corrections: ReadonlyMap<string, Correction>;
}

export interface RunOptions {
  /** Keep only this amount column (a scenario name), as `--column` asks. */
  column?: string | null;
  /** Corrections by line id (or correction key); default: read back from Équilibre's mapping table in the snapshot. */
  corrections?: ReadonlyMap<string, Correction>;
}

/** Reads the budgets of a snapshot and analyses them; throws `no_budget` (or `empty_workbook`) when there is none. */
export function analyzeSnapshot(snapshot: WorkbookSnapshot, parameters: Parameters, options: RunOptions = {}): WorkbookAnalysis {
  // Équilibre's own sheets are never budgets, even when the marker that names them was lost.
  const own = new Set([...(snapshot.ownSheets ?? []), ...snapshot.sheets.filter(isEquilibreSheet).map((s) => s.name)]);
  const read = readBudgets({ ...snapshot, ownSheets: [...own] });
  if (read.budgets.length === 0) {
    // Data on a hidden sheet is not an empty workbook: the no-budget message says to check the sheet is visible.
    const hasData = snapshot.sheets.some((s) => !own.has(s.name) && s.rows.some((r) => r.cells.length > 0));
    // A table of shares (« Part des recettes (%) »): said so, with what to type, rather than « no amount column ».
    const shares = hasData ? shareTableIn(snapshot.sheets.filter((s) => !own.has(s.name))) : null;
    if (shares) throw new EquilibreError("shares_only", { file: snapshot.name, sheet: shares.sheet, header: shares.header, cell: shares.cell });
    throw new EquilibreError(hasData ? "no_budget" : "empty_workbook", { file: snapshot.name });
  }
  let lines = read.lines;
  if (options.column) {
    const scenarios = [...new Set(lines.map((l) => l.scenario))];
    if (!scenarios.includes(options.column)) {
      throw new EquilibreError("unknown_column", { column: options.column, columns: scenarios.map((s) => `« ${s} »`).join(", ") });
    }
    lines = lines.filter((l) => l.scenario === options.column);
  }
  // Corrections typed in the mapping table belong to their line (its source cell), not to every line of that label.
  const placed = options.corrections ? null : placeCorrections(readCorrectionRecords(snapshot), lines);
  const corrections = options.corrections ?? placed!.byLine;
  const signed = readNegativeSections(classifyLines(lines, { inKindNumbering: parameters.inKindNumbering }, corrections));
  const classified = signed.lines;
  const analyses = analyze(classified, parameters);
  const issues: ReadIssue[] = [...read.issues, ...signed.issues, ...(placed?.issues ?? [])];
  // A budget that does not balance is a result (« Déficit de 1 200 € »), shown with the totals: not a point to check.
  return { ...read, lines, issues, fileName: snapshot.name, parameters, classified, analyses, ownSheets: [...own], earlierSheets: snapshot.sheets.filter((s) => own.has(s.name)), ...(snapshot.ownCells ? { ownCells: snapshot.ownCells } : {}), corrections };
}
