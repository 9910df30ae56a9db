// « Libellé | Bénéfice net » under « Bilan des manifestations de l'année »: a parents' association reports each event
// by what it brought in, net. A column of net results (« Bénéfice net », « Résultat », « Solde », « Net ») is no amount
// column beside « Dépenses | Recettes » (it is their difference), but when it is the block's only column of numbers, it
// is the budget: one line per event, on the produits side (an event's net result is activity income) unless a heading
// says otherwise. The sheet was « Aucun budget trouvé ».
import { normalizeText } from "../engine/text.ts";
import type { HeaderKind } from "./sections.ts";

/** The header of a column of net results, with at most a year or a currency after it. */
const NET_HEADER = /^(?:benefices?|resultats?|soldes?|nets?|marges?|gains?|excedents?)(?: nets?| nettes?)?(?: (?:19|20)\d{2}| euros?| eur| en euros?)?$/;

export function isNetHeader(header: string | null): boolean {
  return header !== null && NET_HEADER.test(normalizeText(header.replace(/€/g, " euros")));
}

/**
 * The block's column of net results when it is its only column of numbers to read (nothing but totals, quantities or
 * derived columns beside it) and the block has no account numbers (« Solde » beside accounts is a trial balance).
 */
export function netResultColumn(kinds: readonly { col: number; header: string | null; kind: HeaderKind }[], hasAccounts: boolean): number | null {
  if (hasAccounts) return null;
  const net = kinds.filter((k) => isNetHeader(k.header) && (k.kind === "derived" || k.kind === "balance" || k.kind === "other"));
  if (net.length !== 1) return null;
  const others = kinds.filter((k) => k.col !== net[0]!.col && k.kind !== "total" && k.kind !== "derived" && k.kind !== "quantity");
  return others.length === 0 ? net[0]!.col : null;
}
