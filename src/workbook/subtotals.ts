// A chapter row whose amount equals the sum of the lines under it is a subtotal, not a line
// ("60 - Achats 8 400 €" above "Prestations 2 000 €", "Fournitures 4 900 €", "Autres 1 500 €").
import { leadingAccount } from "../engine/classify.ts";
import { namesABrand, namesAPerson } from "../engine/people.ts";
import { normalizeText, tokenize } from "../engine/text.ts";
import type { Amount } from "../engine/types.ts";
import { summedRows } from "./labelledLines.ts";
import { columnNumber } from "./snapshot.ts";

export interface SubtotalCandidate {
  row: number;
  account: string | null;
  label: string;
  /** One amount per amount column (null when the cell is empty). */
  amounts: (Amount | null)[];
  formulas: (string | null)[];
  amountCols: number[];
  /** The row's section when the reader knows one: a subtotal never adds lines of the other money side. */
  section?: string | null;
  /**
   * A total row (« Total produits ») lies between the previous candidate and this one: the block
   * above ended there, so no row above adds up this one and those after it (« Dons 1 000 » is not the subtotal of
   * « Loyer 800 » and « Assurance 200 » under « Total produits 1 500 »).
   */
  blockStart?: boolean;
  /**
   * A heading with no amount lies between the previous candidate and this one (« Dons » over « Particuliers »): a row
   * that is no chapter does not add up lines of another heading (« Collectivités 3 000 » above « Dons », then 1 000 and
   * 2 000, is one more line).
   */
  headingStart?: boolean;
}

/** « 5 Adhésions Durand », « 12 kerva »: a label that opens with how many items (not a chapter's number, not a year). */
function opensWithACount(label: string): boolean {
  const m = /^\s*(\d{1,4})\s*[x×*]?\s*\p{L}/u.exec(label);
  return m !== null && leadingAccount(label) === null && !/^(19|20)\d\d$/.test(m[1]!);
}

/** The rows a total row's SUM adds (« Total =SUM(B5:B13) »), in one amount column. */
export interface SheetSum {
  col: number;
  from: number;
  to: number;
}

/**
 * « Nouveaux serveurs 6 000 » over three lines that add up to 6 000, all inside « Total =SUM(B5:B13) »: the sheet's own
 * total adds the row and those lines together, so the row is one more line, not their subtotal (the total would count
 * them twice). A chapter (« 60 - Achats ») is its lines' subtotal whatever a careless SUM adds.
 */
function countedWithParts(sums: readonly SheetSum[], parent: SubtotalCandidate, lastPartRow: number, columns: readonly number[]): boolean {
  if (sums.length === 0 || parent.account !== null) return false;
  return columns.some((k) => sums.some((s) => s.col === parent.amountCols[k] && s.from <= parent.row && lastPartRow <= s.to));
}

/** Chapter titles of the charts of accounts, as budgets write them without their number. */
const CHAPTER_TITLES = new Set(
  [
    "achats", "services exterieurs", "autres services exterieurs", "impots et taxes", "charges de personnel", "frais de personnel",
    "autres charges de gestion courante", "charges financieres", "charges exceptionnelles", "dotations aux amortissements",
    "dotations aux amortissements et provisions", "charges indirectes", "ventes", "ventes de produits finis de marchandises prestations de services",
    "subventions", "subventions d exploitation", "autres produits de gestion courante", "produits financiers",
    "produits exceptionnels", "reprises sur amortissements et provisions", "transferts de charges", "dotations et produits de tarification",
    "emplois des contributions volontaires en nature", "contributions volontaires en nature", "personnel", "fonctionnement",
    "frais de fonctionnement", "communication", "deplacements", "fonds propres", "autofinancement", "financements publics", "financements prives",
  ].map((t) => t),
);

export function isChapterish(c: SubtotalCandidate, heading = isHeadingStyle(c)): boolean {
  if (c.account !== null && c.account.length <= 2) return true;
  if (heading) return true;
  return isChapterTitle(c.label);
}

/** A chapter of the charts of accounts written by its title, its number or not (« Achats », « 62 - Services extérieurs »). */
export function isChapterTitle(label: string): boolean {
  return CHAPTER_TITLES.has(normalizeText(label.replace(/^\s*\d{2,8}\s*[-–—.:)]?\s*/, "")));
}

/**
 * Written like a heading: in capitals or ending with a colon. Capitals: at least four characters of A–Z and
 * U+00C0–U+00FF, none of them one that upper case changes (a–z, ß, à–ÿ but ÷) — counted in place, not by building
 * the string of letters and its upper case (a trial balance asks it of each of its 20,000 labels).
 */
function isHeadingStyle(c: SubtotalCandidate): boolean {
  return writtenAsHeading(c.label);
}

/** A label written like a heading (see isHeadingStyle): the blank lines of a form are told from headings by it too. */
export function writtenAsHeading(label: string): boolean {
  if (/:\s*$/.test(label)) return true;
  let letters = 0;
  for (let i = 0; i < label.length; i++) {
    const ch = label.charCodeAt(i);
    if ((ch >= 65 && ch <= 90) || (ch >= 0xc0 && ch <= 0xde)) letters++;
    else if ((ch >= 97 && ch <= 122) || (ch >= 0xdf && ch <= 0xff && ch !== 0xf7)) return false;
    else if (ch === 0xf7) letters++;
  }
  return letters >= 4;
}

function level(c: SubtotalCandidate): number | null {
  return c.account !== null ? c.account.length : null;
}

/** True when `next` is at the same level as `parent` or above it: the parent's children stop before it. */
export function closes(parent: SubtotalCandidate, next: SubtotalCandidate): boolean {
  const lp = level(parent);
  const ln = level(next);
  // Numbered rows: the children of 60 are 6050, 6064…; a row outside the parent's account (6181 after 621) ends them.
  if (lp !== null && ln !== null) return ln <= lp || !next.account!.startsWith(parent.account!);
  if (lp !== null) return isHeadingStyle(next);
  return isChapterish(parent) && isChapterish(next) && (ln === null || ln <= 2);
}

/**
 * « Sponsoring ITNetwork 400 » over « Sponsoring ComSource 200 » and « Sponsoring OpenStudio 200 »: a row written
 * like the rows under it (the same first word, a name of its own after it) is one of them, whatever the amounts
 * add up to; a subtotal names what its lines share (« Sponsoring », « Frais de personnel »), not one more of them.
 */
export function siblingsShaped(parent: SubtotalCandidate, children: readonly SubtotalCandidate[]): boolean {
  const words = (c: SubtotalCandidate) => normalizeText(c.label).split(" ").filter((w) => w !== "");
  const p = words(parent);
  if (p.length < 2 || children.length === 0) return false;
  return children.every((c) => {
    const w = words(c);
    return w.length >= 2 && w[0] === p[0] && w.slice(1).join(" ") !== p.slice(1).join(" ") && !w.join(" ").startsWith(p.join(" "));
  });
}

const valueCents = (a: Amount | null) => (a && a.kind === "value" ? a.cents : null);

/** First index in the ascending `list` that is ≥ `from` (list.length when none). */
function firstAtLeast(list: readonly number[], from: number): number {
  return lowerBound(list, from, 0, list.length);
}

/** First position in [lo, hi) of the ascending `list` whose value is ≥ `v` (hi when none). */
function lowerBound(list: ArrayLike<number>, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in [lo, hi) of the ascending `list` whose value is > `v` (hi when none). */
function upperBound(list: ArrayLike<number>, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes j (those `keep` marks, or all) sorted by `values[j]`, then j; `sorted[p]` is `values[order[p]]`. */
interface ValueIndex {
  order: Int32Array;
  sorted: Float64Array;
}

function valueIndex(values: Float64Array, keep: Uint8Array | null): ValueIndex {
  const picked: number[] = [];
  for (let j = 0; j < values.length; j++) if (!keep || keep[j]) picked.push(j);
  // Running totals of amounts that are all positive are already in order: the sort then only checks it.
  picked.sort((a, b) => values[a]! - values[b]! || a - b);
  const order = Int32Array.from(picked);
  const sorted = new Float64Array(order.length);
  for (let p = 0; p < order.length; p++) sorted[p] = values[order[p]!]!;
  return { order, sorted };
}

/** The positions [lo, hi) of `index.order` whose value is `v`. */
function runOf(index: ValueIndex, v: number): [number, number] {
  const s = index.sorted;
  const lo = lowerBound(s, v, 0, s.length);
  return [lo, upperBound(s, v, lo, s.length)];
}

/** How many positions of `index.order` hold the value `v` (runOf's length, without its pair). */
function countOf(index: ValueIndex, v: number): number {
  const s = index.sorted;
  const lo = lowerBound(s, v, 0, s.length);
  // Most sums are met nowhere: the value there, if any, is not v.
  if (lo >= s.length || s[lo] !== v) return 0;
  return upperBound(s, v, lo, s.length) - lo;
}

/** First position in [lo, hi) of `order` (ascending there) whose index is ≥ `from` (hi when none). */
function firstIndexAtLeast(order: Int32Array, lo: number, hi: number, from: number): number {
  return lowerBound(order, from, lo, hi);
}

/** What the subtotal search needs to know of each candidate, computed once (the labels' tests are costly). */
interface Facts {
  level: number | null;
  account: string | null;
  chapterish: boolean;
  heading: boolean;
}

/**
 * For every candidate, the index of the first later candidate that `closes` it (cands.length when none),
 * in one pass from the end per account length: no scan of the rows under each parent.
 */
function closingIndexes(facts: readonly Facts[]): number[] {
  const n = facts.length;
  const out = new Array<number>(n).fill(n);
  // Next index (to the right) of a row with this exact account length, of an unnumbered heading, of an
  // unnumbered-or-short chapter.
  const nextOfLevel = new Map<number, number>();
  let nextHeading = n;
  let nextChapter = n;
  for (let i = n - 1; i >= 0; i--) {
    const f = facts[i]!;
    if (f.level !== null) {
      let end = nextHeading;
      for (const [l, at] of nextOfLevel) if (l <= f.level && at < end) end = at;
      out[i] = end;
    } else if (f.chapterish) out[i] = nextChapter;
    // Now i itself becomes "the next row" for the rows above it.
    if (f.level !== null) nextOfLevel.set(f.level, i);
    else if (f.heading) nextHeading = i;
    if (f.chapterish && (f.level === null || f.level <= 2)) nextChapter = i;
  }
  // Where accounts exist, a subtotal is the chapter of the lines it sums (60 over 6050 and 6064): its children
  // stop at the first numbered row outside its account (621 is not the chapter of 6181, whatever the amounts).
  // Each parent walks only its own sub-accounts.
  for (let i = 0; i < n; i++) {
    const a = facts[i]!.account;
    if (a === null) continue;
    let j = i + 1;
    while (j < out[i]! && (facts[j]!.account === null || (facts[j]!.account!.startsWith(a) && facts[j]!.account !== a))) j++;
    out[i] = Math.min(out[i]!, j);
  }
  return out;
}

/** Rows among the candidates that are subtotals of the rows under (or, by formula, around) them. */
export function findSubtotals(cands: SubtotalCandidate[], totalSums: readonly SheetSum[] = [], lastPart?: Map<number, number>): Set<number> {
  const out = new Set<number>();
  const sortedRows = [...new Set(cands.map((c) => c.row))].sort((a, b) => a - b);
  // The ranges the sheet's own SUMs add, by the row that holds each: a row inside one is a line of that sum.
  const sumSpans: { owner: number; from: number; to: number }[] = [];
  // 1. A SUM / SUBTOTAL formula over a vertical range of other lines, or a list of them (« =SUM(B5,B8:B11) », the
  // block's sum on its heading, its chapter subtotal and its lines).
  for (const c of cands) {
    c.formulas.forEach((f, k) => {
      if (!f) return;
      const m = /^\s*(?:SUM|SOMME|SUBTOTAL\(\s*(?:9|109)\s*,)\s*\(?\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*\)?\s*$/i.exec(f);
      const spans = m ? (m[1]!.toUpperCase() === m[3]!.toUpperCase() && c.amountCols.includes(columnNumber(m[1]!)) ? [{ from: Number(m[2]), to: Number(m[4]) }] : null) : summedRows(f, c.amountCols[k] ?? -1);
      if (!spans) return;
      // Candidate rows in each span, the formula's own row left out: two binary searches, not a walk of the range.
      let covered = 0;
      for (const { from, to } of spans) {
        if (from <= to) covered += firstAtLeast(sortedRows, to + 1) - firstAtLeast(sortedRows, from);
        if (c.row >= from && c.row <= to) covered--;
      }
      if (covered >= 1) {
        out.add(c.row);
        for (const sp of spans) sumSpans.push({ owner: c.row, from: sp.from, to: sp.to });
      }
    });
  }
  // 2. The amount equals the sum of the consecutive lines under it, up to the next row of its level.
  // Done with prefix sums per amount column: the lines i+1..j add up to prefix[j] − prefix[i]; for each column
  // and each prefix value, the ascending indexes where it occurs, so each parent looks only where its sum is met.
  const n = cands.length;
  const facts: Facts[] = cands.map((c) => {
    const heading = isHeadingStyle(c);
    return { level: level(c), account: c.account, chapterish: isChapterish(c, heading), heading };
  });
  const closing = closingIndexes(facts);
  // The sheet's totals and these spans by column, for countedWithParts (a row's own sum never counts it with its parts).
  const sheetSums: SheetSum[] = [...totalSums];
  const byRow = sumSpans.length > 0 ? new Map(cands.map((c) => [c.row, c])) : null;
  for (const sp of sumSpans) {
    const owner = byRow!.get(sp.owner);
    owner?.formulas.forEach((f, k) => {
      if (f) sheetSums.push({ col: owner.amountCols[k]!, from: sp.from, to: sp.to });
    });
  }
  for (let i = n - 1, nextBlock = n, nextHeading = n; i >= 0; i--) {
    closing[i] = Math.min(closing[i]!, nextBlock);
    if (!facts[i]!.chapterish) closing[i] = Math.min(closing[i]!, nextHeading);
    if (cands[i]!.blockStart) nextBlock = i;
    if (cands[i]!.headingStart) nextHeading = i;
  }
  const width = cands.reduce((w, c) => Math.max(w, c.amounts.length), 0);
  const prefix: Float64Array[] = [];
  // How many rows hold a non-zero amount, per column: « CotisationReduite 40 » over « Don 40 » and ten rows with
  // nothing in that column is not their subtotal; a sum over one line is a coincidence unless the row is a chapter.
  const filled: Int32Array[] = [];
  for (let k = 0; k < width; k++) {
    prefix.push(new Float64Array(n));
    filled.push(new Int32Array(n));
  }
  // Both in one walk of the rows, each amount read once (the walk runs once per block, mostly before it is optimized).
  const sums = new Float64Array(width);
  const counts = new Int32Array(width);
  for (let j = 0; j < n; j++) {
    const amounts = cands[j]!.amounts;
    for (let k = 0; k < width; k++) {
      const cents = valueCents(amounts[k] ?? null);
      sums[k] = sums[k]! + (cents ?? 0);
      if (cents) counts[k] = counts[k]! + 1;
      prefix[k]![j] = sums[k]!;
      filled[k]![j] = counts[k]!;
    }
  }
  // A match at j may end the parent's children when the row after j is not its contiguous sibling line.
  const boundaryAfter = (j: number): boolean => {
    const next = cands[j + 1];
    return !next || next.row !== cands[j]!.row + 1 || facts[j + 1]!.chapterish;
  };
  // Per column, the indexes j sorted by their running total, then by j: those where a value occurs are one run of
  // that order, found by binary search (no array per distinct running total: a trial balance has one per line).
  const isBoundary = new Uint8Array(n);
  for (let j = 0; j < n; j++) isBoundary[j] = boundaryAfter(j) ? 1 : 0;
  const where: { all: ValueIndex; boundary: ValueIndex }[] = [];
  for (let k = 0; k < width; k++) where.push({ all: valueIndex(prefix[k]!, null), boundary: valueIndex(prefix[k]!, isBoundary) });
  // Per candidate, the index where the innermost sheet SUM around it ends (n when none): each span marks its rows once.
  const candRows = cands.map((c) => c.row);
  const enclosingEnd = new Array<number>(n).fill(n);
  for (const sp of sumSpans) {
    const stop = firstAtLeast(candRows, sp.to + 1);
    for (let k = firstAtLeast(candRows, sp.from); k < stop; k++) if (candRows[k] !== sp.owner && stop < enclosingEnd[k]!) enclosingEnd[k] = stop;
  }
  // « Sortie au zoo 640 » over « Participation 300 », « Subvention 340 » in a balanced budget: the charge is no
  // subtotal of the produits. A parent's lines stop at the first row of the other money side.
  const otherSideAt = new Array<number>(n).fill(n);
  const nextOf = { income: n, expense: n };
  for (let i = n - 1; i >= 0; i--) {
    const side = cands[i]!.section;
    if (side === "income") otherSideAt[i] = nextOf.expense;
    else if (side === "expense") otherSideAt[i] = nextOf.income;
    if (side === "income" || side === "expense") nextOf[side] = i;
  }
  for (let i = 0; i < n; i++) {
    const parent = cands[i]!;
    if (out.has(parent.row)) continue;
    const parentCents = parent.amounts.map(valueCents);
    // The columns where the parent has an amount (a loop: no array per cell, for each of a trial balance's rows).
    const columns: number[] = [];
    for (let k = 0; k < parentCents.length; k++) if (parentCents[k] !== null) columns.push(k);
    if (columns.length === 0) continue;
    // The column whose sum is met the fewest times: the indexes to look at. A sum met nowhere (most rows of a trial
    // balance) ends the search at once: no line of the other columns needs looking at.
    let pick = columns[0]!;
    let pickCount = Infinity;
    for (const k of columns) {
      const count = countOf(where[k]!.all, prefix[k]![i]! + parentCents[k]!);
      if (count < pickCount) {
        pick = k;
        pickCount = count;
        if (count === 0) break;
      }
    }
    if (pickCount === 0) continue;
    // The lines i+1..j add up to the parent in every column where it has an amount.
    const chapter = facts[i]!.chapterish;
    const minChildren = chapter ? 1 : 2;
    const matches = (j: number) => columns.every((k) => prefix[k]![j]! - prefix[k]![i]! === parentCents[k]) && (columns.every((k) => parentCents[k] === 0) || columns.some((k) => filled[k]![j]! - filled[k]![i]! >= minChildren));
    // « Animatrice 2 000 » inside « Personnel =SUM(B4:B5) » is a line of that sum: the rows it could add up stop
    // where the sum's range ends (2 000 = 1 000 + 700 + 300 across the range's end is a coincidence).
    const end = Math.min(closing[i]!, enclosingEnd[i]!, otherSideAt[i]!);
    const target = prefix[pick]![i]! + parentCents[pick]!;
    const first = (index: ValueIndex, from: number): number | null => {
      const [lo, hi] = runOf(index, target);
      const order = index.order;
      for (let p = firstIndexAtLeast(order, lo, hi, from); p < hi && order[p]! < end; p++) if (matches(order[p]!)) return order[p]!;
      return null;
    };
    // A matching j where the children end: at a boundary, just before the closing row, or (a titled chapter)
    // anywhere from two lines on.
    const j =
      first(where[pick]!.boundary, i + minChildren) ??
      (end - 1 >= i + minChildren && matches(end - 1) ? end - 1 : null) ??
      (chapter ? first(where[pick]!.all, i + 2) : null);
    // « Renaud BOURDIN-GRIMAUD 30 » over two gifts of 10 and 20: a person's name is one donor, never the subtotal of
    // others (a subtotal names what its lines share), whatever the amounts add up to or the capitals say.
    // « microDON 150 000 » over « Fondation Andurand 100 000 » and « Green Got 50 000 »: a brand named alone is one payer.
    // The sheet's totals, and the sums written on other rows (« Dépenses =SUM(B4:B13) » above its lines), alike.
    if (j === null || (!chapter && countedWithParts(sheetSums, parent, cands[j]!.row, columns))) continue;
    // « 5 Adhésions Durand 40 » over three memberships of 24, 8 and 8: a count of items is one line of them, not their sum.
    if ((chapter || (!siblingsShaped(parent, cands.slice(i + 1, j + 1)) && !opensWithACount(parent.label))) && !namesAPerson(tokenize(parent.label)) && !namesABrand(tokenize(parent.label))) {
      out.add(parent.row);
      // Where its parts end: the rows after them (a repeated header, the next lines) are not under it.
      lastPart?.set(parent.row, cands[j]!.row);
    }
  }
  return out;
}

/** A total row the sheet types (no formula): what its lines must add up to, in one amount column. */
export interface TypedTotal {
  row: number;
  col: number;
  cents: number;
  section: string | null;
}

/**
 * « Entreprises 5 000 » over « Fondations 3 000 » and « Organismes de droit privé 2 000 », under « Total ressources
 * 36 500 » typed by hand: the sum alone made it their subtotal, but the sheet's own total counts it as one more line
 * (the lines fall short of the total by exactly those rows). The treasurer's total decides, as a SUM's range does
 * (countedWithParts). A chapter (« 60 - Achats », « ACHATS », a chart's title) or a row whose formula sums others
 * stays a subtotal: a form's total counts its lines, not its chapters.
 * Returns the rows to read as lines again.
 */
export function countedByTypedTotals(cands: readonly SubtotalCandidate[], subtotals: ReadonlySet<number>, totals: readonly TypedTotal[]): number[] {
  if (subtotals.size === 0 || totals.length === 0) return [];
  const amountIn = (c: SubtotalCandidate, col: number): number | null => {
    const k = c.amountCols.indexOf(col);
    return k < 0 ? null : valueCents(c.amounts[k] ?? null);
  };
  const weak = (c: SubtotalCandidate, col: number) => !isChapterish(c) && !c.formulas[c.amountCols.indexOf(col)];
  const out = new Set<number>();
  const previous = new Map<number, number>();
  // The candidates come in row order: each total looks only at the rows since the previous total of its column.
  const rows = cands.map((c) => c.row);
  for (const t of [...totals].sort((a, b) => a.row - b.row)) {
    const since = previous.get(t.col) ?? 0;
    previous.set(t.col, t.row);
    let lines = 0;
    const doubtful: { row: number; cents: number }[] = [];
    let counted = false;
    for (let k = lowerBound(rows, since + 1, 0, rows.length); k < rows.length && rows[k]! < t.row; k++) {
      const c = cands[k]!;
      if (t.section !== null && c.section != null && c.section !== t.section) continue;
      const cents = amountIn(c, t.col);
      if (cents === null) continue;
      if (!subtotals.has(c.row)) {
        lines += cents;
        counted = true;
      } else if (weak(c, t.col)) doubtful.push({ row: c.row, cents });
    }
    if (!counted || doubtful.length === 0 || lines === t.cents) continue;
    const all = doubtful.reduce((s, d) => s + d.cents, 0);
    if (lines + all === t.cents) for (const d of doubtful) out.add(d.row);
    else {
      const one = doubtful.filter((d) => lines + d.cents === t.cents);
      if (one.length === 1) out.add(one[0]!.row);
    }
  }
  return [...out];
}
