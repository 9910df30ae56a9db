// Money is integer cents inside the engine (docs/spec.md §5); euros only at the edges.

/** Euros (a number as a spreadsheet holds it) to integer cents, rounding half away from zero. */
export function eurosToCents(euros: number): number {
  if (!Number.isFinite(euros)) throw new RangeError("not a finite amount");
  const cents = Math.round(Math.abs(euros) * 100 + 1e-7);
  return euros < 0 ? -cents : cents;
}

/** Cents to euros rounded to the cent, for JSON and the report. */
export function centsToEuros(cents: number): number {
  return Math.round(cents) / 100;
}

const MAX_AMOUNT_TEXT = 200;
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a\u2002\u2003']/g;
const MINUS = /[\u2212\u2012\u2013\u2014\u2010]/g;
/** A character no amount keeps once its spaces are out: not a digit, separator, sign, bracket, « € » nor a unit's letter. */
const NOT_IN_AN_AMOUNT = /[^0-9.,+\-()€kmeurosKMEUROS]/;
/** The same, before spaces and dashes are taken out: what the raw text of an amount can hold at all. */
const NEVER_IN_AN_AMOUNT = /[^0-9.,+\-()€kmeurosKMEUROS\s\u00a0\u202f\u2007\u2009\u200a\u2002\u2003'\u2212\u2012\u2013\u2014\u2010]/;

/**
 * Parses the text forms of an amount that people type into cells: `1 234,56 €` (with ordinary, no-break or
 * narrow no-break spaces), `1,234.56`, `1.234,56`, `(1 200)`, `-1 200`, `1 200-`, `12 k€`, `1,5 M€`, `€ 300`,
 * `300 EUR`. Returns integer cents, or null when the text is not an amount.
 */
export function parseAmountText(input: string): number | null {
  // No amount is this long (sixteen digits with their separators, a sign and « euros » fit in far less): a label of
  // thousands of characters stops here instead of being scanned by every test below.
  if (input.length > MAX_AMOUNT_TEXT) return null;
  // A label (« Fournitures 606 », most text cells a reader tries) has a letter no amount has: it stops here, before
  // the copies the tests below make (a trial balance asks this of tens of thousands of labels).
  if (NEVER_IN_AN_AMOUNT.test(input)) return null;
  let text = input.trim().replace(MINUS, "-");
  if (text === "") return null;
  // « - » alone (or « - € »), as the accounting format shows zero and treasurers type it: zero, not text.
  if (isTypedDash(text)) return 0;
  // Every other amount has a digit: a label (most text cells a reader tries) stops here.
  if (!/[0-9]/.test(text)) return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!.trim();
  }
  text = text.replace(SPACES, "");
  // What is left must come down to digits and separators: only a sign, brackets, « € » and the letters of a unit
  // (k, m, eur, euros) are taken off. Any other character (a label's « Salaires 2024 ») says at once it is no amount.
  if (NOT_IN_AN_AMOUNT.test(text)) return null;
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  } else if (text.endsWith("-")) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  // Currency and scale, before or after the number.
  let scale = 1;
  const unit = /^(.*?)(k€|keur|k|m€|meur|€|eur|euros?)$/i.exec(text);
  if (unit) {
    text = unit[1]!;
    const u = unit[2]!.toLowerCase();
    if (u.startsWith("k")) scale = 1000;
    else if (u.startsWith("m")) scale = 1_000_000;
  } else {
    const lead = /^(€|eur)(.*)$/i.exec(text);
    if (lead) text = lead[2]!;
  }
  if (text.startsWith("-") && !negative) {
    negative = true;
    text = text.slice(1);
  }
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) return null;
  const value = parseDigits(text);
  if (value === null) return null;
  const cents = Math.round(value.units * scale * 100 + value.fractionCents * scale);
  if (!Number.isSafeInteger(cents)) return null;
  return negative && cents !== 0 ? -cents : cents;
}

/** Splits digits and separators into whole units and a fraction, telling thousands from decimals. */
function parseDigits(text: string): { units: number; fractionCents: number } | null {
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let decimalSep: "," | "." | null = null;
  if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal separator ("1.234,56" or "1,234.56").
    decimalSep = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    const thousands = decimalSep === "," ? "." : ",";
    if ((decimalSep === "," ? commas : dots) > 1) return null;
    if (!validGrouping(text.slice(0, text.lastIndexOf(decimalSep)), thousands)) return null;
  } else if (commas + dots === 1) {
    const sep = commas ? "," : ".";
    const [intPart, fracPart] = text.split(sep) as [string, string];
    // "1,500" or "12.000": a single separator followed by exactly three digits groups thousands,
    // unless the whole part is zero ("0,500").
    decimalSep = fracPart.length === 3 && intPart.length > 0 && intPart.length <= 3 && !/^0+$/.test(intPart) ? null : sep;
    if (decimalSep === null) return { units: Number(intPart + fracPart), fractionCents: 0 };
  } else if (commas + dots > 1) {
    const sep = commas ? "," : ".";
    if (!validGrouping(text, sep)) return null;
    return { units: Number(text.split(sep).join("")), fractionCents: 0 };
  }
  if (decimalSep === null) return { units: Number(text), fractionCents: 0 };
  const cut = text.lastIndexOf(decimalSep);
  const intDigits = text.slice(0, cut).replace(/[.,]/g, "");
  const fracDigits = text.slice(cut + 1);
  if (fracDigits === "" && intDigits === "") return null;
  const units = intDigits === "" ? 0 : Number(intDigits);
  const fractionCents = fracDigits === "" ? 0 : Number(`0.${fracDigits}`) * 100;
  return { units, fractionCents };
}

function validGrouping(text: string, sep: string): boolean {
  const groups = text.split(sep);
  return groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

/** A cell value as a host gives it: a number, a text to parse, or something that is not an amount. */
/** « - », « — », « – € » typed alone in a cell: how a treasurer writes nothing (or zero) in an amount column. */
export function isTypedDash(value: unknown): boolean {
  return typeof value === "string" && /^\s*[-\u2010-\u2015\u2212]\s*(€|eur)?\s*$/i.test(value);
}

export function amountFromCellValue(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? eurosToCents(value) : null;
  if (typeof value === "string") return parseAmountText(value);
  return null;
}

const EURO_FORMATTERS = new Map<string, Intl.NumberFormat>();

/** "12 400 €" (French) or "€12,400" (English), whole euros unless `cents` is asked. */
export function formatEuros(cents: number, lang: "fr" | "en" = "fr", withCents = false): string {
  const key = `${lang}-${withCents}`;
  let f = EURO_FORMATTERS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: withCents ? 2 : 0,
      maximumFractionDigits: withCents ? 2 : 0,
    });
    EURO_FORMATTERS.set(key, f);
  }
  return f.format(cents / 100).replace(/\u202f/g, "\u00a0");
}

/** "18 %" or "18%", from a share in [0, 1]. */
export function formatPercent(share: number, lang: "fr" | "en" = "fr", digits = 0): string {
  const v = (share * 100).toFixed(digits);
  return lang === "fr" ? `${v.replace(".", ",")}\u00a0%` : `${v}%`;
}

const NUMBER_FORMATTERS = new Map<string, Intl.NumberFormat>();

/** A number the user's way, to show or to edit: « 5 000 », « 12,02 » in French; "5,000", "12.02" in English. */
export function formatNumber(n: number, lang: "fr" | "en" = "fr"): string {
  let f = NUMBER_FORMATTERS.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 4 });
    NUMBER_FORMATTERS.set(lang, f);
  }
  return f.format(n).replace(/\u202f/g, "\u00a0");
}

/**
 * A number typed in a field, read the user's way: « 5 000 », « 12,02 » (or « 12.02 ») in French; "5,000",
 * "12.02" in English. Null when the text is not a number.
 */
export function parseTypedNumber(text: string, lang: "fr" | "en" = "fr"): number | null {
  let t = text.trim().replace(SPACES, "");
  if (lang === "fr") t = t.includes(",") ? t.replace(/\./g, "").replace(",", ".") : t;
  else t = t.replace(/,/g, "");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}
