// The pane's model: the snapshot read from the host, the user's corrections and parameters, and the
// analysis they give. Pure functions over the engine and workbook layers; React only renders it.
import { correctionKey } from "../engine/analyze.ts";
import { isEquilibreError } from "../engine/errors.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { ClassifiedLine, Correction, Lang } from "../engine/types.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { WorkbookSnapshot } from "../workbook/snapshot.ts";
import { kit, loadKit } from "./kit.ts";

export interface Session {
  snapshot: WorkbookSnapshot;
  corrections: Map<string, Correction>;
  parameters: Parameters;
  result: WorkbookAnalysis | null;
  error: string | null;
}

export async function startSession(snapshot: WorkbookSnapshot, parameters: Parameters, lang: Lang): Promise<Session> {
  const { readCorrections } = await loadKit();
  const corrections = readCorrections(snapshot);
  return analyse({ snapshot, corrections, parameters, result: null, error: null }, lang);
}

export function analyse(session: Session, lang: Lang): Session {
  try {
    const result = kit().analyzeSnapshot(session.snapshot, session.parameters, { corrections: session.corrections });
    return { ...session, result, error: null };
  } catch (e) {
    if (isEquilibreError(e)) return { ...session, result: null, error: e.messageIn(lang) };
    throw e;
  }
}

/** A correction applies to the line in every amount column (same sheet, label and account). */
export function correct(session: Session, line: ClassifiedLine, correction: Correction, lang: Lang): Session {
  const corrections = new Map(session.corrections);
  for (const l of session.result?.classified ?? []) {
    if (l.sheet !== line.sheet || l.label !== line.label || l.account !== line.account) continue;
    const key = correctionKey(l);
    const merged = { ...corrections.get(key), ...correction };
    corrections.set(key, merged);
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
