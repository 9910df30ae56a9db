// A treasurer's abbreviations, as data: what « PAF », « Subv. », « Cotis. », « Remb. » stand for. The classifier
// reads a label with them written out, so the lever words match (« PAF CD distribués » → « participation aux frais
// CD distribués », a sale). Only abbreviations with one meaning in a budget are written out here; those with several
// (« CD »: a département or discs, « CA »: a board, a turnover or a bank, « CR », « BP ») are left as written, and
// funders.ts decides from their place whether they name who pays.

interface Abbreviation {
  /** The abbreviation as treasurers write it: capitals for an acronym (matched in capitals only), else lower case. */
  short: string;
  /** True when it is only an abbreviation with its full stop (« part. »: « part » alone is a share). */
  dotted?: boolean;
  long: string;
}

export const ABBREVIATIONS: readonly Abbreviation[] = [
  { short: "PAF", long: "participation aux frais" },
  { short: "AG", long: "assemblée générale" },
  { short: "AGO", long: "assemblée générale" },
  { short: "subv", long: "subvention" },
  { short: "subvs", long: "subventions" },
  { short: "cotis", long: "cotisation" },
  { short: "cotisat", long: "cotisation" },
  { short: "part", dotted: true, long: "participation" },
  { short: "particip", long: "participation" },
  { short: "partic", long: "participation" },
  { short: "remb", long: "remboursement" },
  { short: "rembt", long: "remboursement" },
  { short: "rbt", long: "remboursement" },
  { short: "rbst", long: "remboursement" },
  { short: "fourn", dotted: true, long: "fournitures" },
  { short: "fonct", dotted: true, long: "fonctionnement" },
  { short: "invest", dotted: true, long: "investissement" },
  { short: "manif", long: "manifestation" },
  { short: "manifs", long: "manifestations" },
  { short: "adh", dotted: true, long: "adhésion" },
  { short: "assur", dotted: true, long: "assurance" },
  { short: "deplac", dotted: true, long: "déplacement" },
  { short: "dépl", dotted: true, long: "déplacement" },
  { short: "depl", dotted: true, long: "déplacement" },
  // « Loc salle », « loc tente Commune de … »: written with or without its full stop, it is a rental.
  { short: "loc", long: "location" },
  { short: "abt", long: "abonnement" },
  { short: "abts", long: "abonnements" },
  { short: "sté", long: "société" },
  { short: "frs", dotted: true, long: "fournisseurs" },
  { short: "indemn", dotted: true, long: "indemnités" },
  { short: "km", long: "kilomètres" },
  { short: "IK", long: "indemnités kilométriques" },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An abbreviation written in ASCII letters (all but « sté », « dépl »): looked for among the label's runs (asciiRuns). */
const ASCII_SHORT = /^[a-z0-9]+$/;
const RULES = ABBREVIATIONS.map((a) => {
  const acronym = a.short === a.short.toUpperCase() && /[A-Z]/.test(a.short);
  // Whole words only; an acronym in capitals only; a dotted one only with its full stop.
  // A dotted one ends at its full stop, whatever follows (« Loc.salle »).
  // Any one ends at its full stop when it has one (« Remb.assurance »), else at the end of its word.
  const body = escape(a.short) + (a.dotted ? "\\." : "(?:\\.|(?![\\p{L}\\p{N}]))");
  const short = a.short.toLowerCase();
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])${body}`, acronym ? "gu" : "giu"), long: a.long, short, dotted: a.dotted === true, ascii: ASCII_SHORT.test(short) };
});

const isAsciiWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/**
 * Whether `lower` (the label in lower case, as long as the label) holds `short` where its rule could match: not after
 * a letter or digit, and followed by its full stop (a dotted rule) or not by a letter or digit. A weaker test than the
 * rule's own (ASCII letters only), so never false where the rule matches: « fournitures » holds « fourn », never « fourn. ».
 */
function mayMatch(lower: string, short: string, dotted: boolean): boolean {
  for (let p = lower.indexOf(short); p >= 0; p = lower.indexOf(short, p + 1)) {
    if (p > 0 && isAsciiWordChar(lower.charCodeAt(p - 1))) continue;
    const next = lower.charCodeAt(p + short.length);
    if (dotted ? next === 46 : !isAsciiWordChar(next)) return true;
  }
  return false;
}

/**
 * Letters a case-insensitive expression reads as ASCII letters that toLowerCase() does not turn into them (« ſ » is
 * an « s », the Kelvin sign a « k »): a label holding one is tried against every rule.
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/**
 * The runs of ASCII letters and digits of a label in lower case. Where a rule of an ASCII abbreviation matches, its
 * abbreviation is one of them (nothing of a letter or a digit before it, and after it its full stop or nothing of a
 * letter or digit): the same weaker test as mayMatch, for all those rules at once.
 */
function asciiRuns(lower: string): Set<string> {
  const runs = new Set<string>();
  for (let i = 0; i < lower.length; ) {
    if (!isAsciiWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < lower.length && isAsciiWordChar(lower.charCodeAt(i))) i++;
    runs.add(lower.slice(start, i));
  }
  return runs;
}

/** The label with a treasurer's abbreviations written out (« Remb. assurance » → « remboursement assurance »). */
export function expandAbbreviations(label: string): string {
  // A rule whose abbreviation the label does not hold cannot match (no long form holds another rule's short one
  // as a word): 35 expressions with look-arounds per label were a fifth of the classifier's time.
  const lower = FOLDS_TO_ASCII.test(label) ? null : label.toLowerCase();
  // Where lower-casing changed the length (« İ »), places in `lower` are not the label's: only `includes` is asked.
  const aligned = lower !== null && lower.length === label.length;
  const runs = aligned ? asciiRuns(lower) : null;
  let out = label;
  for (const r of RULES) {
    if (lower !== null && !(runs !== null && r.ascii ? runs.has(r.short) : aligned ? mayMatch(lower, r.short, r.dotted) : lower.includes(r.short))) continue;
    out = out.replace(r.re, ` ${r.long} `);
  }
  return out.replace(/\s{2,}/g, " ").trim();
}
