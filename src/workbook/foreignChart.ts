// An account column that does not follow the French chart of accounts. A Swiss association numbers its income 3xxx
// and its event costs 4xxx (the Swiss SME chart); read as the French chart, those are stocks and third parties
// (classes 3 and 4, balance sheet): every income line was set aside as a balance-sheet account, and « 6520
// Cotisations à des associations » became the French 65 with confidence. Where the sheet's own headings say the
// side of the rows and most numbers disagree with it, the numbers are the treasurer's own references: the lines are
// read by their labels, and the user is told.
import { accountSection } from "../engine/classify.ts";
import type { Section } from "../engine/types.ts";

/** One numbered row of a block: its account and the side its block's heading said (null when none said one). */
export interface NumberedRow {
  account: string;
  side: Section | null;
}

/** Whether the French class of an account contradicts the side its heading says. */
function contradicts(row: NumberedRow): boolean {
  const french = accountSection(row.account);
  if (row.side === "income") return french !== "income" && french !== "in_kind_resource";
  if (row.side === "expense") return french !== "expense" && french !== "in_kind_use";
  return false;
}

/**
 * Whether a block's account numbers follow another chart: at least two numbers (of three digits or more) sit under
 * a heading whose side their French class contradicts, and they are at least half of the numbers under a side. One
 * bank account filed among the produits (512 under « Recettes ») is a slip in a French chart, not another chart.
 */
export function followsAnotherChart(rows: readonly NumberedRow[]): boolean {
  const sided = rows.filter((r) => r.account.length >= 3 && (r.side === "income" || r.side === "expense"));
  const against = sided.filter(contradicts).length;
  return against >= 2 && against * 2 >= sided.length;
}
