// Budget lines for engine tests: one value cell per line, on sheet "S", the section given as the reader's hint.
import type { BudgetLine, Section } from "./types.ts";

let n = 0;
export function line(label: string, euros: number, section: Section, account: string | null = null): BudgetLine {
  n++;
  return {
    id: `S!A${n}`,
    sheet: "S",
    cell: `A${n}`,
    row: n,
    label,
    account,
    column: null,
    scenario: "Budget",
    amount: { kind: "value", cents: Math.round(euros * 100) },
    context: { sectionHint: section },
  };
}
