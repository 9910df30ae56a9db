// A report written over an earlier report (the same -o again, or a folder analysed again into the same folder):
// the corrections, notes and scenario inputs the user typed into the earlier report would go with it. Its
// Équilibre sheets join the input's snapshot, so the new report reads them back as a re-run of that report would:
// each correction on its own line (source cell, label as a check), each note in its cell or with its line.
import { basename } from "node:path";
import { readWorkbook } from "../hosts/file/readSnapshot.ts";
import { isEquilibreSheet } from "../workbook/corrections.ts";
import type { WorkbookSnapshot } from "../workbook/snapshot.ts";
import { readInputBytes } from "./inputFile.ts";
import { workbookFormat } from "./inputFormat.ts";

/**
 * The snapshot of the Équilibre report at `path`, or null when there is none there (or it cannot be read). Its
 * sheets named as one of `inputSheets` are listed by name only: withEarlierReport never takes them (the input's
 * own are read from the input), and reading them again made a re-run cost half as much again as a first run.
 */
export async function readEarlierReport(path: string, inputSheets: readonly string[] = []): Promise<WorkbookSnapshot | null> {
  try {
    const { bytes } = await readInputBytes(path);
    if (!workbookFormat(bytes, path).equilibreReport) return null;
    return (await readWorkbook(bytes, basename(path), { namesOnly: new Set(inputSheets.map((n) => n.toLowerCase())) })).snapshot;
  } catch {
    // Nothing readable to take over: the new report is written as a first run's.
    return null;
  }
}

/**
 * The input's snapshot with the earlier report's Équilibre sheets added, as if they were its own. An input that
 * already holds Équilibre's sheets keeps its own (they are the ones the user works in); a sheet of the input never
 * gives way to one of the report's; the report of a workbook with no sheet name in common is not this one's.
 */
export function withEarlierReport(input: WorkbookSnapshot, earlier: WorkbookSnapshot): WorkbookSnapshot {
  if ((input.ownSheets?.length ?? 0) > 0 || input.sheets.some(isEquilibreSheet)) return input;
  const own = new Set([...(earlier.ownSheets ?? []), ...earlier.sheets.filter(isEquilibreSheet).map((s) => s.name)]);
  const taken = new Set(input.sheets.map((s) => s.name.toLowerCase()));
  // The report of another workbook (no sheet in common) has nothing typed about this one's lines.
  if (!earlier.sheets.some((s) => !own.has(s.name) && taken.has(s.name.toLowerCase()))) return input;
  const sheets = earlier.sheets.filter((s) => own.has(s.name) && !taken.has(s.name.toLowerCase()));
  if (sheets.length === 0) return input;
  return { ...input, sheets: [...input.sheets, ...sheets], ownSheets: sheets.map((s) => s.name), ...(earlier.ownCells ? { ownCells: earlier.ownCells } : {}) };
}
