// What the reader weighed to give a line its side when the sheet's words disagreed: a heading « Ressources » over
// a block of purchases is read as charges, and the line says so and asks to be checked (docs/methode.md).
import { REVIEW_CONFIDENCE } from "./classify.ts";
import type { BudgetLine, Classification } from "./types.ts";

/** The confidence of a line whose side went against its heading: under the review threshold, whatever the label says. */
export const SIDE_NOTE_CONFIDENCE = Math.min(0.5, REVIEW_CONFIDENCE - 0.05);

/** The classification with the reader's note on the side added to its reason, and a confidence that asks to check. */
export function withSideNote(line: BudgetLine, c: Classification): Classification {
  const note = line.context.sideNote;
  if (!note) return c;
  return { ...c, confidence: Math.min(c.confidence, SIDE_NOTE_CONFIDENCE), reason: `${c.reason} ; ${note.fr}`, reasonEn: `${c.reasonEn}; ${note.en}` };
}
