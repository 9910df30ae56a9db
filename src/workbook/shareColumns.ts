// A column of shares beside the amounts (« Montant | Répartition », or a column with no title): 81,8 / 18,2 under
// the charges and 72,7 / 27,3 under the produits are percentages of each block's total, never euros to add.

/** A table of shares is a page of lines, not a ledger: beyond this, no column is looked at as one. */
const MAX_ROWS = 500;

/** A cell pair of one row: the share column's value and the amount beside it. */
export interface SharePair {
  share: number;
  amount: number;
}

/**
 * Whether a column is each line's share of its block: its values (total rows left out) add up to 100 per block (or to
 * 1, written as fractions) for one to three blocks, and on each run of consecutive rows they are the amounts beside
 * them times one ratio (100 / the block's total), to the rounding of one decimal place. A money column that happens
 * to add up to 200 is not proportional to another one.
 */
export function isShareColumn(pairs: readonly SharePair[]): boolean {
  if (pairs.length < 2 || pairs.length > MAX_ROWS || pairs.some((p) => p.share < 0 || p.share > 100 || p.amount <= 0)) return false;
  const sum = pairs.reduce((n, p) => n + p.share, 0);
  const fractions = pairs.every((p) => p.share <= 1);
  const unit = fractions ? 1 : 100;
  const blocks = Math.round(sum / unit);
  if (blocks < 1 || blocks > 3 || Math.abs(sum - blocks * unit) > blocks * unit * 0.011) return false;
  // Rounded to the percent (or to 0,01 written as fractions), each share is within half a unit of its exact value.
  const tolerance = unit * 0.0051;
  let runs = 0;
  let shares = 0;
  let amounts = 0;
  let start = 0;
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    const ratio = (shares + p.share) / (amounts + p.amount);
    const fits = i > start && pairs.slice(start, i + 1).every((q) => Math.abs(q.share - ratio * q.amount) <= tolerance);
    if (i === start || fits) {
      shares += p.share;
      amounts += p.amount;
      if (i === start) runs++;
      continue;
    }
    start = i;
    shares = p.share;
    amounts = p.amount;
    runs++;
  }
  return runs <= blocks;
}
