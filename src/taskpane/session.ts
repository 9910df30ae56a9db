// The pane's model: the snapshot read from the host, the user's corrections and parameters, and the
// analysis they give. Pure functions over the engine and workbook layers; React only renders it.
import { isEquilibreError } from "../engine/errors.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { Scenario } from "../engine/scenario.ts";
import type { ClassifiedLine, Correction, Lang } from "../engine/types.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { WorkbookSnapshot } from "../workbook/snapshot.ts";
import { kit, loadKit } from "./kit.ts";

export interface Session {
  snapshot: WorkbookSnapshot;
  /** By line id (`Budget!C12`: the line's amount cell), as the mapping table places them: two « Divers » stay two lines. */
  corrections: ReadonlyMap<string, Correction>;
  parameters: Parameters;
  result: WorkbookAnalysis | null;
  error: string | null;
  /** The scenarios saved in the workbook (its sheet « Équilibre – scénarios »), read back as the pane opens it. */
  scenarios: Scenario[];
}

/** The first analysis reads the corrections typed in the workbook's mapping table, each placed on its own line, and the scenarios saved in it. */
export async function startSession(snapshot: WorkbookSnapshot, parameters: Parameters, lang: Lang): Promise<Session> {
  const { readScenarioInputs } = await loadKit();
  return analyse({ snapshot, corrections: null, parameters, result: null, error: null, scenarios: readScenarioInputs(snapshot) }, lang);
}

export function analyse(session: Omit<Session, "corrections"> & { corrections: ReadonlyMap<string, Correction> | null }, lang: Lang): Session {
  const corrections = session.corrections ?? new Map<string, Correction>();
  try {
    const result = kit().analyzeSnapshot(session.snapshot, session.parameters, session.corrections ? { corrections: session.corrections } : {});
    return { ...session, corrections: result.corrections, result, error: null };
  } catch (e) {
    if (isEquilibreError(e)) return { ...session, corrections, result: null, error: e.messageIn(lang) };
    throw e;
  }
}

/**
 * A correction belongs to the line the user clicked, in every amount column of its row (same sheet, same label
 * cell, same label): another line with the same label elsewhere — « Divers » the charge and « Divers » the
 * produit — keeps its own lever. Keyed by line id, as the mapping table's corrections are placed.
 */
export function correct(session: Session, line: ClassifiedLine, correction: Correction, lang: Lang): Session {
  const corrections = new Map(session.corrections);
  for (const l of session.result?.classified ?? []) {
    if (l.sheet !== line.sheet || l.cell !== line.cell || l.label !== line.label) continue;
    corrections.set(l.id, { ...corrections.get(l.id), ...correction });
  }
  return analyse({ ...session, corrections }, lang);
}

/** One row per source line (not per amount column), lowest confidence first. */
export function reviewRows(result: WorkbookAnalysis, scenario: string | null): ClassifiedLine[] {
  const seen = new Map<string, ClassifiedLine>();
  for (const l of result.classified) {
    const key = `${l.sheet}!${l.cell}`;
    if (!seen.has(key) || l.scenario === scenario) seen.set(key, l);
  }
  return [...seen.values()].sort((a, b) => a.automatic.confidence - b.automatic.confidence || a.row - b.row);
}

export const LOW_CONFIDENCE = 0.6;
