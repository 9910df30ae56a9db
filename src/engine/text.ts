// Label normalisation and keyword matching: accent-, case- and spacing-insensitive, tolerant of typos.

/** Lower-case, accents and ligatures folded, punctuation turned into spaces, spaces collapsed. */
export function normalizeText(text: string): string {
  // The reader asks it of the same cell several times (heading? total? chapter? type column?): once per text.
  const known = NORMALIZED.get(text);
  if (known !== undefined) return known;
  const out = asciiWords(foldAccents(text).toLowerCase());
  if (NORMALIZED.size >= 100_000) NORMALIZED.clear();
  NORMALIZED.set(text, out);
  return out;
}
const NORMALIZED = new Map<string, string>();

/**
 * One expression that matches where any of `res` matches: a reader asks a list of patterns of every row, and one call
 * costs less than forty that each fail at once. Only for patterns without flags or back-references (checked here), so
 * that the alternation means exactly « one of them matches ».
 */
export function anyOf(res: readonly RegExp[]): RegExp {
  for (const re of res) if (re.flags !== "" || /\\[1-9]|\\k</.test(re.source)) throw new Error(`anyOf: ${re} has flags or back-references`);
  return new RegExp(res.map((re) => `(?:${re.source})`).join("|"));
}

/**
 * The runs of ASCII letters and digits of a text, one space between them: what replacing every other sign (an
 * apostrophe, a dash, a space) by a space, collapsing and trimming gives, in one pass.
 */
export function asciiWords(lower: string): string {
  let out = "";
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out.length > 0) out += " ";
      gap = false;
      out += lower[i];
    } else gap = true;
  }
  return out;
}

/** Accents and ligatures folded, case kept (acronyms are matched on this). */
export function foldAccents(text: string): string {
  // Plain ASCII has nothing to fold: NFD and four replacements cost more than the rest of the tokenising.
  // eslint-disable-next-line no-control-regex -- the ASCII range is the point
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  // French labels hold only Latin letters (« é », « ç », « œ »): folded letter by letter from a table, the same as
  // the whole text decomposed (each letter's marks are all among those taken out, so their order never counts).
  return byTable(text, LATIN_FOLDS) ?? foldAnyAccents(text);
}

/**
 * The text with each character below the table's length written as the table says (ASCII as it is), or null when it
 * holds one beyond. Runs of ASCII are copied whole, not a character at a time.
 */
function byTable(text: string, table: readonly string[]): string | null {
  let out = "";
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= table.length) return null;
    out += text.slice(run, i) + table[c];
    run = i + 1;
  }
  return out + text.slice(run);
}

/** What foldAccents makes of a text, for any text: decomposed, marks taken out, ligatures written out. */
function foldAnyAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE");
}

/**
 * Letters U+0080–U+017F (Latin-1 and Latin Extended-A) folded one by one as foldAnyAccents folds them, for those whose
 * decomposition holds no mark that stays (every one's marks are U+0300–U+036F); others (none today) take the long way.
 */
const LATIN_FOLDS: readonly string[] = (() => {
  const table: string[] = [];
  for (let c = 0; c < 0x180; c++) {
    const ch = String.fromCharCode(c);
    const folded = foldAnyAccents(ch);
    // A letter that decomposes into marks beyond those taken out would need the whole text decomposed at once.
    if (/\p{M}/u.test(folded)) return table;
    table.push(c < 0x80 ? ch : folded);
  }
  return table;
})();

/**
 * A text decomposed and its accents (marks U+0300–U+036F) taken out, ligatures kept (« œ » stays): what
 * `text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")` gives, letter by letter from a table for Latin letters.
 */
export function withoutMarks(text: string): string {
  return byTable(text, MARKLESS) ?? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}
const MARKLESS: readonly string[] = (() => {
  const table: string[] = [];
  for (let c = 0; c < 0x180; c++) {
    const stripped = String.fromCharCode(c).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (/\p{M}/u.test(stripped)) return table;
    table.push(stripped);
  }
  return table;
})();

export interface Token {
  /** Normalised (lower-case, no accent). */
  text: string;
  /** As written, accents folded: used for acronyms such as "ANS" or "CD". */
  raw: string;
  /** A proper noun (« Sainte-Marie », « Tombola Sainte Marie »): matched exactly, never read as a misspelt keyword. */
  proper?: boolean;
}

export function tokenize(label: string): Token[] {
  // Labels copied from accounting software write words together (« SociétéGénérale », « VirementInterne »).
  const text = splitCamelCase(foldAccents(label));
  // The words are the runs of ASCII letters and digits (an apostrophe is a separator like a space), found by hand:
  // a regular expression's match objects cost more than the rest of the tokenising, for every distinct label.
  const starts: number[] = [];
  const ends: number[] = [];
  // Which words hold a capital (the others are their own lower case), and whether one opens with a capital (else
  // none is a proper noun).
  const capitals: boolean[] = [];
  let capitalOpens = false;
  for (let i = 0; i < text.length; ) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    starts.push(i);
    capitalOpens ||= isUpperCode(text.charCodeAt(i));
    let capital = false;
    for (; i < text.length && isWordCode(text.charCodeAt(i)); i++) capital ||= isUpperCode(text.charCodeAt(i));
    ends.push(i);
    capitals.push(capital);
  }
  const proper = capitalOpens ? properNouns(text, starts, ends) : null;
  const tokens: Token[] = [];
  for (let i = 0; i < starts.length; i++) {
    const raw = text.slice(starts[i]!, ends[i]!);
    const lower = capitals[i] ? raw.toLowerCase() : raw;
    tokens.push(proper?.[i] ? { text: lower, raw, proper: true } : { text: lower, raw });
  }
  return tokens;
}

/** An ASCII letter or digit: what a label's words are made of once accents are folded. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
const isUpperCode = (c: number) => c >= 65 && c <= 90;
const isLowerCode = (c: number) => c >= 97 && c <= 122;

/** « Marie », « Sainte »: a capital, then small letters only (at least one). */
function isCapitalised(text: string, start: number, end: number): boolean {
  if (end - start < 2 || !isUpperCode(text.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) if (!isLowerCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Which words are proper nouns: a capitalised word inside a label otherwise written in small letters
 * (« Tombola Sainte Marie », « subvention Marie »), or in a hyphenated name of capitalised words (« Sainte-Marie »,
 * « Saint-Denis »). A label written all in capitals or with every word capitalised says nothing either way.
 * Words are given by where they start and end in `text`.
 */
function properNouns(text: string, starts: readonly number[], ends: readonly number[]): boolean[] {
  const n = starts.length;
  let inSmallLetters = false;
  for (let i = 0; i < n && !inSmallLetters; i++) inSmallLetters = isLowerCode(text.charCodeAt(starts[i]!));
  const proper: boolean[] = [];
  for (let i = 0; i < n; i++) proper.push(i > 0 && inSmallLetters && isCapitalised(text, starts[i]!, ends[i]!));
  // Hyphenated chains (« Sainte-Marie », « Aix-en-Provence »): a place or a person when two of their words are capitalised.
  let i = 0;
  while (i < n) {
    let j = i;
    // Joined by a hyphen alone: one character, « - », between a word's end and the next one's start.
    while (j + 1 < n && starts[j + 1]! === ends[j]! + 1 && text.charCodeAt(ends[j]!) === 45) j++;
    let capitals = 0;
    for (let k = i; k <= j; k++) if (isUpperCode(text.charCodeAt(starts[k]!))) capitals++;
    if (capitals >= 2) for (let k = i; k <= j; k++) proper[k] = proper[k]! || isCapitalised(text, starts[k]!, ends[k]!);
    i = j + 1;
  }
  return proper;
}

/** « VirementInterne » → « Virement Interne »; acronyms (« FONJEP », « HelloASSO ») keep their capitals together. */
export function splitCamelCase(text: string): string {
  return text.replace(/([a-z])([A-Z][a-z])/g, "$1 $2");
}

/**
 * A keyword pattern: space-separated words; a word ending in `*` matches any word starting with it;
 * a pattern written in capitals ("ANS", "CD") is an acronym and only matches that word in capitals.
 */
export interface CompiledPattern {
  source: string;
  words: { stem: string; prefix: boolean }[];
  acronym: boolean;
}

export function compilePattern(source: string): CompiledPattern {
  const acronym = /[A-Z]/.test(source) && source === source.toUpperCase();
  const words = (acronym ? foldAccents(source) : normalizeKeepingStars(source))
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w) => ({ stem: w.replace(/\*$/, ""), prefix: w.endsWith("*") }));
  return { source, words, acronym };
}

function normalizeKeepingStars(source: string): string {
  return foldAccents(source)
    .toLowerCase()
    .replace(/[’'`´]/g, " ")
    .replace(/[^a-z0-9*]+/g, " ")
    .trim();
}

export interface PatternMatch {
  /** Index of the first label word matched. */
  position: number;
  /** Number of pattern words (longer patterns are more specific). */
  length: number;
  /** True when at least one word matched only with a typo tolerance. */
  fuzzy: boolean;
}

/** Finds the pattern in the label's words (consecutive words), allowing small typos in long words. */
export function matchPattern(pattern: CompiledPattern, tokens: readonly Token[]): PatternMatch | null {
  const n = pattern.words.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    let fuzzy = false;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const word = pattern.words[k]!;
      const token = tokens[start + k]!;
      const read = pattern.acronym ? matchAcronym(word, token.raw) : matchWord(word, token.text);
      const result = read === "fuzzy" && token.proper ? "no" : read;
      if (result === "no") {
        ok = false;
        break;
      }
      if (result === "fuzzy") fuzzy = true;
    }
    if (ok) return { position: start, length: n, fuzzy };
  }
  return null;
}

/** A word in capital letters only (« APEF », « FFDN »): « FFP2 » (a mask) or « A4 » open no acronym. */
function isAcronymWord(raw: string): boolean {
  return /^[A-Z]+$/.test(raw);
}

/** An acronym matches as written; « APE* » also matches the acronyms it opens (« APEF », « APEL »), never a word. */
function matchAcronym(word: { stem: string; prefix: boolean }, raw: string): "exact" | "no" {
  if (raw === word.stem) return "exact";
  return word.prefix && raw.startsWith(word.stem) && isAcronymWord(raw) ? "exact" : "no";
}

/** The word as written, or one it opens when it is a prefix (« subvention* »): no typo allowed. */
function matchesExactly(word: { stem: string; prefix: boolean }, text: string): boolean {
  return word.prefix ? text.startsWith(word.stem) : text === word.stem || singularOf(text) === word.stem;
}

/**
 * « Dotations globales » is « dotation globale » written in the plural: a word of six letters or more ending in « s »
 * or « x » is also its singular (« dotations » → « dotation »), so a keyword written in the singular reads both;
 * shorter words keep their own reading (« États financiers » are no « État », the public body).
 */
export function singularOf(text: string): string | null {
  return text.length >= 6 && (text.endsWith("s") || text.endsWith("x")) ? text.slice(0, -1) : null;
}

function matchWord(word: { stem: string; prefix: boolean }, text: string): "exact" | "fuzzy" | "no" {
  if (matchesExactly(word, text)) return "exact";
  // Typos: only on words long enough that one slip does not make another word.
  const tolerance = word.stem.length >= 12 ? 2 : word.stem.length >= 6 ? 1 : 0;
  if (tolerance === 0) return "no";
  if (word.prefix) {
    // A typo changes a letter or two, it does not make a long derived word: « empoissonnement » is not a
    // misspelt « emploi… », « subventoins » is a misspelt « subvention… ». A slip and an ending of up to three
    // letters (« salariales », « banquaire ») still read; four more make another word (« communiqués », no « commune »).
    if (text.length < word.stem.length - 1 || text.length > word.stem.length + 3) return "no";
    // Compare with the same length or one more/less, so inserted or dropped letters still count.
    for (const len of [word.stem.length, word.stem.length + 1, word.stem.length - 1]) {
      if (len <= text.length && editDistance(word.stem, text.slice(0, len), tolerance) <= tolerance) return "fuzzy";
    }
    return "no";
  }
  return editDistance(word.stem, text, tolerance) <= tolerance ? "fuzzy" : "no";
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
  }
  return d[a.length]![b.length]!;
}

export interface IndexedMatch<T> {
  item: T;
  pattern: CompiledPattern;
  position: number;
  length: number;
  fuzzy: boolean;
}

/**
 * Many patterns matched against many labels, fast: each distinct label word is compared once with the
 * distinct keyword words (exact, prefix, then typo-tolerant), and patterns are tried only where their
 * first word matched. Same results as `matchPattern` on every pattern.
 */
export class KeywordIndex<T> {
  private readonly words: { stem: string; prefix: boolean; acronym: boolean }[] = [];
  private readonly wordId = new Map<string, number>();
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  private readonly acronyms = new Map<string, number[]>();
  private readonly acronymPrefixes = new Map<string, number[]>();
  private readonly fuzzyByFirst = new Map<string, number[]>();
  /** Whether a keyword word starts with a digit (then numbers are looked up like any word). */
  private digitWords = false;
  private readonly entries: { item: T; pattern: CompiledPattern; wordIds: number[] }[] = [];
  private readonly byFirstWord = new Map<number, number[]>();
  /** By the word as written: its lower-case form beside it (always the same in practice, checked all the same). */
  private readonly tokenCache = new Map<string, { text: string; words: Map<number, boolean> }>();

  /**
   * `knownWords`: words that are words of their own (a chart of accounts' titles, a treasurer's vocabulary):
   * a label word that is one of them, or that matches a keyword exactly, is never read as a typo of another.
   */
  constructor(
    items: readonly { item: T; pattern: CompiledPattern }[],
    private readonly knownWords: ReadonlySet<string> = new Set(),
    /**
     * Fixed phrases with a meaning of their own (« intérêt général »): a keyword found only inside one of them, and
     * shorter than it, is not read (« Messages d'intérêt général » pay no interest).
     */
    private readonly phrasesOfTheirOwn: readonly CompiledPattern[] = [],
  ) {
    for (const { item, pattern } of items) {
      const wordIds = pattern.words.map((w) => this.internWord(w.stem, w.prefix, pattern.acronym));
      const index = this.entries.push({ item, pattern, wordIds }) - 1;
      const first = wordIds[0];
      if (first === undefined) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push(index);
      this.byFirstWord.set(first, list);
    }
    this.foundStamps = new Int32Array(this.entries.length);
    // A phrase opening with a bare « * » would start anywhere: then no word is passed over by its first letter.
    const initials = phrasesOfTheirOwn.map((p) => p.words[0]?.stem[0]);
    this.phraseInitials = initials.every((c) => c !== undefined) ? new Set(initials as string[]) : null;
    const wordInitials = phrasesOfTheirOwn.flatMap((p) => p.words.map((w) => w.stem[0]));
    this.phraseWordInitials = wordInitials.every((c) => c !== undefined) ? new Set(wordInitials as string[]) : null;
    const phraseWords = phrasesOfTheirOwn.flatMap((p) => p.words);
    this.phraseWords = new Set(phraseWords.filter((w) => !w.prefix).map((w) => w.stem));
    this.phraseStems = [...new Set(phraseWords.filter((w) => w.prefix).map((w) => w.stem))];
  }
  /** The words of the phrases of their own, written out (matched as such or in the plural) and as prefixes. */
  private readonly phraseWords: ReadonlySet<string>;
  private readonly phraseStems: readonly string[];
  /** The first letters of the words of the phrases of their own (null: a bare « * » holds any word). */
  private readonly phraseWordInitials: ReadonlySet<string> | null;
  /** The first letters of the phrases of their own (null: any word may open one). */
  private readonly phraseInitials: ReadonlySet<string> | null;

  private internWord(stem: string, prefix: boolean, acronym: boolean): number {
    const key = `${acronym ? (prefix ? "AP" : "A") : prefix ? "P" : "E"}:${stem}`;
    const known = this.wordId.get(key);
    if (known !== undefined) return known;
    const id = this.words.push({ stem, prefix, acronym }) - 1;
    this.wordId.set(key, id);
    if (/^[0-9]/.test(stem)) this.digitWords = true;
    const add = (m: Map<string, number[]>, k: string) => m.set(k, [...(m.get(k) ?? []), id]);
    if (acronym) add(prefix ? this.acronymPrefixes : this.acronyms, stem);
    else {
      add(prefix ? this.prefixes : this.exact, stem);
      if (stem.length >= 6) add(this.fuzzyByFirst, stem[0]!);
    }
    return id;
  }

  /** Keyword words this label word matches: word id → true when only by typo tolerance. */
  private wordsOf(token: Token): Map<number, boolean> {
    // A number (« 2027 », an invoice's « 113 ») opens no keyword word unless one starts with a digit: every way
    // below compares from the word's first letter (or its second, for a typo swapping them).
    if (!this.digitWords && isDigit(token.text, 0) && (token.text.length === 1 || isDigit(token.text, 1))) return NO_WORDS;
    const cached = this.tokenCache.get(token.raw);
    if (cached && cached.text === token.text) return cached.words;
    const out = new Map<number, boolean>();
    for (const id of this.exact.get(token.text) ?? []) out.set(id, false);
    const singular = singularOf(token.text);
    if (singular !== null) for (const id of this.exact.get(singular) ?? []) out.set(id, false);
    for (let len = 1; len <= token.text.length; len++) for (const id of this.prefixes.get(token.text.slice(0, len)) ?? []) out.set(id, false);
    for (const id of this.acronyms.get(token.raw) ?? []) out.set(id, false);
    if (token.raw.length >= 2 && isAcronymWord(token.raw)) {
      for (let len = 1; len <= token.raw.length; len++) for (const id of this.acronymPrefixes.get(token.raw.slice(0, len)) ?? []) out.set(id, false);
    }
    if (token.text.length >= 5 && out.size === 0 && !this.knownWords.has(token.text)) {
      // Typos: words of similar length; a first letter kept, or swapped with the second.
      const first = token.text[0]!;
      const second = token.text[1]!;
      for (const f of second === first ? [first] : [first, second]) {
        for (const id of this.fuzzyByFirst.get(f) ?? []) {
          if (out.has(id)) continue;
          const w = this.words[id]!;
          if (matchWord(w, token.text) === "fuzzy") out.set(id, true);
        }
      }
    }
    // Most label words (numbers, names, « non ») match no keyword: one shared empty map for them, not one each.
    const words = out.size === 0 ? NO_WORDS : out;
    if (this.tokenCache.size > 200_000) this.tokenCache.clear();
    this.tokenCache.set(token.raw, { text: token.text, words });
    return words;
  }

  /** Every pattern found in the label (first occurrence of each), in index order. Callers only read the array. */
  matchAll(tokens: readonly Token[]): readonly IndexedMatch<T>[] {
    // The classifier asks for one label's matches several times in a row: the last answer first, before the memo.
    if (tokens === this.lastTokens) return this.lastFound;
    const memo = memoOf(tokens);
    let found = memo[this.slot] as readonly IndexedMatch<T>[] | undefined;
    if (!found) memo[this.slot] = found = this.findAll(tokens);
    this.lastTokens = tokens;
    this.lastFound = found;
    return found;
  }
  /** Where this index keeps its answers in a label's memo (memoOf). */
  private readonly slot = memoSlot();
  private lastTokens: readonly Token[] | null = null;
  private lastFound: readonly IndexedMatch<T>[] = [];

  private findAll(tokens: readonly Token[]): readonly IndexedMatch<T>[] {
    const n = tokens.length;
    const perToken: Map<number, boolean>[] = [];
    let any = false;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      const words = t.proper ? exactOnly(this.wordsOf(t)) : this.wordsOf(t);
      perToken.push(words);
      any ||= words.size > 0;
    }
    // Most labels of a long list hold no word of a small index (a platform's, a funder's): nothing to try.
    if (!any) return NO_MATCH as readonly IndexedMatch<T>[];
    // « Salaires 12 », « Salaires 13 »: labels that differ only by words no keyword and no phrase of its own holds
    // have the same matches, at the same places. A trial balance numbers or names thousands of labels so.
    const shape = this.shapeOf(tokens, perToken);
    const known = this.byShape.get(shape);
    if (known !== undefined) return known;
    const found = this.matchesOf(tokens, perToken);
    if (this.byShape.size > 50_000) this.byShape.clear();
    this.byShape.set(shape, found);
    return found;
  }

  /** Matches found by label shape (see shapeOf). */
  private readonly byShape = new Map<string, readonly IndexedMatch<T>[]>();

  /**
   * What the matches depend on: each word, except those that match no keyword word and no word of a phrase of its
   * own (a number, a name), which are only a place. Two labels of one shape have the same matches.
   */
  private shapeOf(tokens: readonly Token[], perToken: readonly Map<number, boolean>[]): string {
    let shape = "";
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (i > 0) shape += "\u0000";
      if (perToken[i]!.size > 0 || this.inPhraseWords(t.text)) shape += `${t.raw}\u0001${t.text}${t.proper ? "\u0002" : ""}`;
    }
    return shape;
  }

  /** True when a phrase of its own holds this word (exactly, as phraseSpans reads them: matchesExactly). */
  private inPhraseWords(text: string): boolean {
    if (this.phraseWordInitials !== null && !this.phraseWordInitials.has(text[0]!)) return false;
    if (this.phraseWords.has(text)) return true;
    const singular = singularOf(text);
    if (singular !== null && this.phraseWords.has(singular)) return true;
    for (const stem of this.phraseStems) if (text.startsWith(stem)) return true;
    return false;
  }

  private matchesOf(tokens: readonly Token[], perToken: readonly Map<number, boolean>[]): readonly IndexedMatch<T>[] {
    const n = tokens.length;
    // Found patterns by entry index, first occurrence only: the stamp marks the entries this call found.
    const indexes: number[] = [];
    const found: IndexedMatch<T>[] = [];
    const stamp = this.nextStamp();
    // Looked for once a keyword is found: most labels' words match none.
    let spans: [number, number][] | null = this.phrasesOfTheirOwn.length > 0 ? null : NO_SPANS;
    for (let start = 0; start < n; start++) {
      const words = perToken[start]!;
      if (words.size === 0) continue;
      for (const firstId of words.keys()) {
        const candidates = this.byFirstWord.get(firstId);
        if (candidates === undefined) continue;
        for (const index of candidates) {
          if (this.foundStamps[index] === stamp) continue;
          const entry = this.entries[index]!;
          const length = entry.wordIds.length;
          if (start + length > n) continue;
          let fuzzy = false;
          let ok = true;
          for (let k = 0; ok && k < length; k++) {
            const hit = perToken[start + k]!.get(entry.wordIds[k]!);
            if (hit === undefined) ok = false;
            else if (hit) fuzzy = true;
          }
          if (!ok || insideSpan((spans ??= this.phraseSpans(tokens)), start, length)) continue;
          this.foundStamps[index] = stamp;
          indexes.push(index);
          found.push({ item: entry.item, pattern: entry.pattern, position: start, length, fuzzy });
        }
      }
    }
    if (found.length === 0) return NO_MATCH as readonly IndexedMatch<T>[];
    // In index order (the order of the patterns given): a few matches, sorted in place, no comparator to call.
    for (let i = 1; i < found.length; i++) {
      const [index, match] = [indexes[i]!, found[i]!];
      let j = i - 1;
      for (; j >= 0 && indexes[j]! > index; j--) {
        indexes[j + 1] = indexes[j]!;
        found[j + 1] = found[j]!;
      }
      indexes[j + 1] = index;
      found[j + 1] = match;
    }
    return found;
  }

  /** Entry index → the stamp of the last findAll that found it (see findAll). */
  private readonly foundStamps: Int32Array;
  private stamp = 0;
  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.foundStamps.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Where the label holds a phrase of its own (see the constructor): [start, end) of each. */
  private phraseSpans(tokens: readonly Token[]): [number, number][] {
    const spans: [number, number][] = [];
    for (let start = 0; start < tokens.length; start++) {
      const text = tokens[start]!.text;
      // A word no phrase opens with (its first letter says it, for most) starts none.
      if (this.phraseInitials !== null && !this.phraseInitials.has(text[0]!)) continue;
      for (const phrase of this.phrasesOfTheirOwn) {
        const n = phrase.words.length;
        if (start + n > tokens.length) continue;
        // Exactly, never by typo tolerance: asking matchWord would compute an edit distance per word and label.
        let all = true;
        for (let k = 0; all && k < n; k++) all = matchesExactly(phrase.words[k]!, tokens[start + k]!.text);
        if (all) spans.push([start, start + n]);
      }
    }
    return spans;
  }
}

const NO_MATCH: readonly IndexedMatch<unknown>[] = Object.freeze([]);

/** True when a match of `length` words at `start` lies inside one of the spans, and is shorter than it. */
function insideSpan(spans: readonly [number, number][], start: number, length: number): boolean {
  for (const [a, b] of spans) if (start >= a && start + length <= b && length < b - a) return true;
  return false;
}

/**
 * What is known of one array of tokens (tokensOf keeps one per distinct label): each keyword index, and the
 * classifier, keep their answers for it in a slot of one array. One weak map for them all: a distinct label costs
 * one entry, not one per index (a weak map's entry costs more than finding a short label's keywords).
 */
const MEMOS = new WeakMap<readonly Token[], unknown[]>();
let memoTokens: readonly Token[] | null = null;
let memo: unknown[] = [];
let slots = 0;

/** The memo of these tokens (see MEMOS): asked for one label many times in a row, the last one first. */
export function memoOf(tokens: readonly Token[]): unknown[] {
  if (tokens === memoTokens) return memo;
  if (tokens === pinnedTokens) {
    memoTokens = tokens;
    memo = pinnedMemo;
    return memo;
  }
  let m = MEMOS.get(tokens);
  if (!m) MEMOS.set(tokens, (m = []));
  memoTokens = tokens;
  memo = m;
  return m;
}

let pinnedTokens: readonly Token[] | null = null;
let pinnedMemo: unknown[] = [];

/**
 * Tokens whose memo their owner keeps (the classifier keeps one with each distinct label it reads), answered from it
 * while they are the ones being read: no weak-map entry for them.
 */
export function pinMemo(tokens: readonly Token[], kept: unknown[]): void {
  pinnedTokens = tokens;
  pinnedMemo = kept;
}

/** A slot of its own in every memo, for one kind of answer. */
export function memoSlot(): number {
  return slots++;
}
const NO_SPANS: [number, number][] = [];
function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** What `wordsOf` gives a word that matches no keyword: shared, read only (nothing writes into a cached answer). */
const NO_WORDS: Map<number, boolean> = new Map();

/** A proper noun's keyword words, without those it matches only as a typo (« Marie » is not a misspelt « mairie »). */
function exactOnly(words: Map<number, boolean>): Map<number, boolean> {
  // Most words match exactly or not at all: their map is the answer (nothing writes into it).
  let typo = false;
  for (const fuzzy of words.values()) typo ||= fuzzy;
  if (!typo) return words;
  const out = new Map<number, boolean>();
  for (const [id, fuzzy] of words) if (!fuzzy) out.set(id, false);
  return out;
}
