// « PRODUITS | en € | en VND », « Euros | Ariary », « Montant (€) | Montant (FCFA) »: an association that works abroad
// gives the same lines in two currencies. They are one budget said twice, never two actions to add (euros plus dongs
// made a « Total » in neither): each currency's column is analysed apart, and the sheet is told so.
import type { ReadIssue } from "./budget.ts";
import { cellAddress, columnLetters } from "./snapshot.ts";

/** Currencies as treasurers title their columns: the code, the symbol, the name. */
const CURRENCIES: { code: string; re: RegExp }[] = [
  { code: "EUR", re: /€|\beur\b|\beuros?\b/ },
  { code: "VND", re: /\bvnd\b|\bdongs?\b/ },
  { code: "XOF", re: /\bf ?cfa\b|\bcfa\b|\bxof\b|\bxaf\b/ },
  { code: "USD", re: /\$|\busd\b|\bdollars?\b/ },
  { code: "CHF", re: /\bchf\b|\bfrancs? suisses?\b/ },
  { code: "GBP", re: /£|\bgbp\b|\blivres? sterling\b/ },
  { code: "MGA", re: /\bmga\b|\bariary\b/ },
  { code: "MAD", re: /\bmad\b|\bdirhams?\b/ },
  { code: "TND", re: /\btnd\b|\bdinars?\b/ },
  { code: "HTG", re: /\bhtg\b|\bgourdes?\b/ },
  { code: "XPF", re: /\bxpf\b|\bf ?cfp\b/ },
  { code: "CAD", re: /\bcad\b/ },
];

/** The one currency a column's title names, or null (none, or several: « € / $ »). */
export function currencyOf(header: string | null): string | null {
  if (!header) return null;
  const h = header.toLowerCase();
  const named = CURRENCIES.filter((c) => c.re.test(h));
  // « $ » inside a euro title is rare; a title naming two currencies says neither column.
  return named.length === 1 ? named[0]!.code : null;
}

interface Kinded {
  col: number;
  header: string | null;
  kind: string;
}

/**
 * The columns of the block that give the same lines in another currency than their neighbour's: when the amount
 * columns' titles name two currencies or more, every column that names one is its own analysis (kind « period »),
 * never an action to add. Returns the kinds and the columns concerned (empty when one currency or none).
 */
export function currencyColumns<K extends Kinded>(kinds: K[]): { kinds: K[]; cols: K[] } {
  const money = kinds.filter((k) => k.kind !== "total" && k.kind !== "derived" && k.kind !== "quantity");
  const named = money.filter((k) => currencyOf(k.header) !== null);
  if (new Set(named.map((k) => currencyOf(k.header))).size < 2) return { kinds, cols: [] };
  const cols = new Set(named.map((k) => k.col));
  return { kinds: kinds.map((k) => (cols.has(k.col) ? { ...k, kind: "period" } : k)), cols: named };
}

export function currencyIssue(sheet: string, row: number, cols: readonly Kinded[]): ReadIssue {
  const fr = cols.map((k) => `${columnLetters(k.col)} « ${k.header} »`).join(" et ");
  const en = cols.map((k) => `${columnLetters(k.col)} “${k.header}”`).join(" and ");
  const euro = cols.find((k) => currencyOf(k.header) === "EUR") ?? cols[0]!;
  return {
    sheet,
    cell: cellAddress(row, cols[0]!.col),
    code: "other_currency",
    message: `Les colonnes ${fr} donnent les mêmes lignes dans des monnaies différentes : Équilibre les analyse chacune à part et ne les additionne pas. Les écarts en euros sont ceux de la colonne « ${euro.header} » (en ligne de commande : --column « ${euro.header} »).`,
    messageEn: `Columns ${en} give the same lines in different currencies: Équilibre analyses each on its own and does not add them. The gaps in euros are those of the column “${euro.header}” (on the command line: --column “${euro.header}”).`,
  };
}
