// « 2. id. à 15 fr » under « 1. Cotisations à 30 fr »: a ditto row (id., idem, d°, ″) says « the same as the row
// above », as old accounts and hand-kept books write it. Its reading is the row above's, never a guess of its own.
import type { BudgetLine } from "./types.ts";

/** A label that opens with a ditto mark, after an optional list number (« 2. », « b) », « IV. »). */
const DITTO = /^\s*(?:(?:\d{1,3}|[ivxlc]{1,5}|[a-z])\s*[.)°-]\s*)?(?:id\.|id|idem|d°|dito|ditto|["″〃]|item)(?=[\s.,:;]|$)/iu;

/** True when the label says « the same as above » (« id. à 15 fr », « Idem », « d° 2e semestre », « ″ »). */
export function isDittoLabel(label: string): boolean {
  return DITTO.test(label);
}

/**
 * For each line, the label whose reading it takes: its own, or for a ditto row the label of the nearest line above it
 * in the same sheet and column (itself resolved, for a run of ditto rows). Null where a ditto row has no line above.
 */
export function dittoLabels(lines: readonly BudgetLine[]): (string | null)[] {
  const resolved: (string | null)[] = [];
  const lastByColumn = new Map<string, { row: number; label: string | null }>();
  for (const line of lines) {
    const key = `${line.sheet}\u0000${line.column ?? ""}`;
    const above = lastByColumn.get(key);
    const label = !isDittoLabel(line.label) ? line.label : above && above.row < line.row ? above.label : null;
    resolved.push(label);
    lastByColumn.set(key, { row: line.row, label });
  }
  return resolved;
}
