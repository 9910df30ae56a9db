// A label without an account number read against the official titles of the chart of accounts
// (chartOfAccounts.ts): « Documentation générale » is 6181, « Libéralités reçues » 7582. Whole words only
// (a plural is the same word); a title matches when the label holds most of its meaningful words.
import { CHART_OF_ACCOUNTS, type ChartAccount } from "./chartOfAccounts.ts";
import { normalizeText, type Token } from "./text.ts";

/** Words that carry no meaning of their own in a title. */
const STOP = new Set(["de", "des", "du", "d", "la", "le", "les", "l", "a", "au", "aux", "et", "ou", "sur", "en", "par", "pour", "dans", "un", "une", "inscrire"]);
/** Words every chapter uses: they count, but never alone. */
const GENERIC = new Set(["autres", "autre", "divers", "diverses", "charges", "charge", "produits", "produit", "frais", "achats", "achat", "ventes", "vente", "entite", "association"]);

const stem = (w: string) => (w.length > 3 && (w.endsWith("s") || w.endsWith("x")) ? w.slice(0, -1) : w);

interface Title {
  account: ChartAccount;
  title: string;
  words: string[];
}

const TITLES: Title[] = CHART_OF_ACCOUNTS.flatMap((a) =>
  [a.t, ...(a.crc && a.crc !== a.t ? [a.crc] : [])].map((title) => ({
    account: a,
    title,
    words: [...new Set(normalizeText(title).split(" ").filter((w) => w && !STOP.has(w)).map(stem))],
  })),
);

/** Title indices by word: a label is compared only with the titles that hold one of its words. */
const TITLES_BY_WORD = new Map<string, number[]>();
TITLES.forEach((t, index) => t.words.forEach((w) => TITLES_BY_WORD.set(w, [...(TITLES_BY_WORD.get(w) ?? []), index])));

/**
 * The titles holding at least one of the words, in the chart's order (a tie goes to the first, as when every title
 * was tried): a title with none cannot match, and a budget line is tried against some 700 titles otherwise.
 */
function titlesHolding(words: ReadonlySet<string>): number[] {
  // A title already taken for this label is marked with the label's stamp: no set per label.
  if (stamp === 0x7fffffff) {
    TAKEN.fill(0);
    stamp = 0;
  }
  stamp++;
  const out: number[] = [];
  for (const w of words) {
    const titles = TITLES_BY_WORD.get(w);
    if (!titles) continue;
    for (const index of titles) {
      if (TAKEN[index] === stamp) continue;
      TAKEN[index] = stamp;
      out.push(index);
    }
  }
  return out.length > 1 ? out.sort((a, b) => a - b) : out;
}
const TAKEN = new Int32Array(TITLES.length);
let stamp = 0;

/** Every word of the chart's titles: words of their own, never read as a typo of a keyword. */
export const CHART_WORDS: ReadonlySet<string> = new Set(CHART_OF_ACCOUNTS.flatMap((a) => normalizeText(`${a.t} ${a.crc ?? ""}`).split(" ").filter((w) => w.length >= 4)));

export interface TitleMatch {
  account: string;
  title: string;
  /** Share of the title's words the label holds (1: the whole title). */
  cover: number;
  /** How many of the title's words the label holds. */
  hits: number;
}

/**
 * The account whose title the label says best, among accounts of the given classes ("6", "7", "8"):
 * at least two thirds of the title's words and one word that is not generic; the most words, then the
 * most precise account, win. Null when no title fits.
 */
export function matchAccountTitle(tokens: readonly Token[], classes: readonly string[]): TitleMatch | null {
  // Only the label's words that some title holds can count: « Fournitures non stockables 12 » and « … 13 » are one
  // question, answered once (a trial balance numbers or names thousands of labels that way).
  const relevant: string[] = [];
  for (const t of tokens) {
    const w = stem(t.text);
    if (TITLES_BY_WORD.has(w) && !relevant.includes(w)) relevant.push(w);
  }
  if (relevant.length === 0) return null;
  const key = `${classes.length === 1 ? classes[0] : classes.join(",")}|${relevant.length === 1 ? relevant[0] : relevant.sort().join(" ")}`;
  let found = MATCHES.get(key);
  if (found === undefined) {
    if (MATCHES.size > 50_000) MATCHES.clear();
    found = bestTitle(new Set(relevant), classes);
    MATCHES.set(key, found);
  }
  // A copy: the answer is the caller's.
  return found && { ...found };
}
/** By classes and the label's title words: what matchAccountTitle found. */
const MATCHES = new Map<string, TitleMatch | null>();

function bestTitle(words: ReadonlySet<string>, classes: readonly string[]): TitleMatch | null {
  let best: { t: Title; hits: number; cover: number } | null = null;
  for (const index of titlesHolding(words)) {
    const t = TITLES[index]!;
    if (!classes.includes(t.account.n[0]!)) continue;
    // Counted, not collected: this runs for every line with an account (is the label another account's title?).
    let hits = 0;
    let meaningful = 0;
    for (const w of t.words) {
      if (!words.has(w)) continue;
      hits++;
      if (!GENERIC.has(w)) meaningful++;
    }
    if (hits === 0 || meaningful === 0) continue;
    const cover = hits / t.words.length;
    if (cover < 2 / 3) continue;
    if (
      !best ||
      hits > best.hits ||
      (hits === best.hits && cover > best.cover) ||
      (hits === best.hits && cover === best.cover && t.account.n.length > best.t.account.n.length)
    ) {
      best = { t, hits, cover };
    }
  }
  return best ? { account: best.t.account.n, title: best.t.title, cover: best.cover, hits: best.hits } : null;
}
