// The lines a reading found, each as the classifier decides it from what the reader saw (label, account, block,
// column): how the reader's tests check that the evidence they pass on leads to the right answer.
import { classify } from "../src/engine/classify.ts";
import type { readBudgets } from "../src/workbook/read.ts";

export function classifiedLines(r: ReturnType<typeof readBudgets>) {
  return r.lines.map((l) => ({ label: l.label, ...classify({ label: l.label, account: l.account, context: l.context }) }));
}
