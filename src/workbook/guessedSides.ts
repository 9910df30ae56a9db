// The side of a block nothing on the sheet names: no heading « Recettes » / « Dépenses », no Type cell, no account,
// no sheet name. « Libellé | Montant » over « Donnateurs » (sic) and 33 names with their gifts was « Aucun budget
// trouvé »: names say no side, and a list whose labels the classifier cannot read was taken for an inventory. The
// block is read, its side taken from what evidence there is, and said as a guess (issue side_guessed).
import { classify, RECOGNISED_CONFIDENCE } from "../engine/classify.ts";
import { normalizeText } from "../engine/text.ts";
import type { Section } from "../engine/types.ts";
import type { SideRow } from "./headingSides.ts";

/** The same row as a heading's side is checked on (headingSides.ts): a guess has no side text to come from. */
export type GuessRow = Omit<SideRow, "sideFrom">;

/** A heading whose words read as one side with at least this confidence (a keyword, even spelt approximately). */
const HEADING_EVIDENCE = 0.35;

const WORDS = {
  income: { fr: "produits", en: "income" },
  expense: { fr: "charges", en: "expenses" },
} as const;

export interface GuessedBlock {
  side: "income" | "expense";
  /** What the side was taken from: the heading's text, or null when the block's readable lines gave it. */
  heading: string | null;
  rows: number[];
}

/**
 * A heading in English (« Expenses », « Monthly costs », « Income »): a Belgian, Swiss or Québec page written in English
 * names its side with these words, which the French classifier does not know. Evidence for a guess, as a heading's
 * French words are (said as a guess, not taken for a section heading).
 */
const ENGLISH_QUALIFIER = "(?:the|our|total|monthly|yearly|annual|weekly|running|fixed|operating|recurring|other|main|estimated|expected|planned|budgeted|actual|projected|one off|(?:19|20)\\d{2})";
const ENGLISH_SIDE: { side: "income" | "expense"; re: RegExp }[] = [
  { side: "expense", re: new RegExp(`^(?:${ENGLISH_QUALIFIER} )*(?:expenses?|expenditures?|costs?|spending|outgoings?|outflows?|payments|bills)(?: (?:per|a) (?:month|year))?$`) },
  { side: "income", re: new RegExp(`^(?:${ENGLISH_QUALIFIER} )*(?:income|incomes|revenues?|receipts|earnings|inflows?|funding|donations|sponsors|sponsorship|grants)(?: (?:per|a) (?:month|year))?$`) },
];

/** The side an English heading names, or null. */
export function sideOfEnglishHeading(text: string): "income" | "expense" | null {
  const n = normalizeText(text);
  return ENGLISH_SIDE.find((w) => w.re.test(n))?.side ?? null;
}

const sideOf = (s: Section): "income" | "expense" | null => (s === "income" || s === "expense" ? s : null);

/** How a label names the association itself as the one given to (« à l'association », « au club », « à nous »). */
const SELF = "(?:l |notre |votre )?(?:association|asso|assos|club|nous)\\b";

/**
 * A line whose own words say which way its money went: « Versés à l'AFM », « Reversé au comité », « Marchandises
 * achetées » went out; « Donnés par l'entente … », « Reçu de la mairie », « De la part de … » came in. Under no heading,
 * that says the line's side better than its neighbours do (« Versés à l'AFM » among the gifts collected was a gift).
 */
const PAID_OUT = new RegExp(
  [
    "^(?:verse|versee|verses|versees|reverse|reversee|reverses|reversees|paye|payee|payes|payees|donne|donnee|donnes|donnees|offert|offerte|offerts|offertes|remis|remise|remises)(?: [a-z]+ment)? (?:a|au|aux)\\b",
    // « Reversée directement à la coopérative », « versés intégralement au comité »: an adverb between says the same.
    "\\b(?:achete|achetee|achetes|achetees|depense|depensee|depensees|(?:payes?|payees?|verses?|versees?|reverses?|reversees?)(?: [a-z]+ment)? (?:a|au|aux))\\b",
    // « Don annuel à l'école », « Dons aux Restos du cœur », « Reversement au comité »: a gift or a payment made to another
    // body (a gift to the association itself, « Dons à l'association », « Dons au club », came in).
    // « Subsides aux institutions affiliées », « Subventions aux associations »: a grant made. (« Bourse aux jouets »
    // is a sale the association holds, not a grant it makes.)
    `^(?:dons?|reversements?|cotisations?|adhesions?|subventions?|subsides?)(?: [a-z]+)? (?:a|au|aux) (?!${SELF})`,
  ].join("|"),
);
const CAME_IN = new RegExp(
  [
    "^(?:verse|versee|verses|versees|donne|donnee|donnes|donnees|offert|offerte|offerts|offertes|recu|recue|recus|recues|remis|remise|remises) (?:par|de|du|des|d)\\b|^de la part (?:de|du|des|d)\\b|\\b(?:recus?|recues?|encaisses?|encaissees?) (?:de|du|des|d|par)\\b",
    // « Sommes versées par les institutionnels », « Fonds apportés par les partenaires »: paid by someone to us.
    "\\b(?:verses?|versees?|donnes?|donnees?|offerts?|offertes?|apportes?|apportees?|alloues?|allouees?|accordes?|accordees?)(?: [a-z]+ment)? par\\b",
  ].join("|"),
);

/** « Autres activités : dépenses », « Buvette (recettes) », « Loto – charges »: a side word after a separator ends the label. */
const TRAILING_SIDE = /[:(–—-]\s*(d[ée]penses|charges|sorties|recettes|produits|entr[ée]es)\s*\)?\s*$/iu;

export function sideOfOwnWords(label: string): "income" | "expense" | null {
  const trailing = TRAILING_SIDE.exec(label);
  if (trailing) return /^(d[ée]penses|charges|sorties)$/iu.test(trailing[1]!) ? "expense" : "income";
  const n = normalizeText(label);
  const out = PAID_OUT.test(n);
  const inward = CAME_IN.test(n);
  return out === inward ? null : out ? "expense" : "income";
}

/**
 * The side of a group's lines that read surely, when at least two do and all on one side; null at the first sure line
 * on another side (or on none), without reading the lines after it.
 */
function sureLinesSide(members: readonly number[], reading: (i: number) => { confidence: number; section: Section }): "income" | "expense" | null {
  let side: "income" | "expense" | null = null;
  let count = 0;
  for (const i of members) {
    const r = reading(i);
    if (r.confidence < RECOGNISED_CONFIDENCE) continue;
    const s = sideOf(r.section);
    if (s === null || (side !== null && s !== side)) return null;
    side = s;
    count++;
  }
  return count >= 2 ? side : null;
}

/**
 * Gives a side to the rows of a block where nothing said one (every row's section is null). Rows are grouped by their
 * heading; a group's side comes from its heading's words when they read as one side (« Donnateurs »: gifts), else from
 * the lines of the group its labels read surely, when at least two do and all on one side (subtotals left out: `rows` are the
 * lines; `amountLabels` the labels of every row with an amount, a heading among them being a line's label). Only the rows whose own label the
 * classifier cannot read take that side, each with a note in its reason (and a confidence that asks to check); a row
 * whose label reads surely keeps its own reading. Returns the groups guessed, for the issue.
 */
export function guessUnsaidSides(rows: GuessRow[], amountLabels: ReadonlySet<string> = new Set()): GuessedBlock[] {
  if (rows.length === 0 || rows.some((r) => r.section !== null)) return [];
  // Read when first asked: a group whose sure lines are on both sides is left at its second disagreeing line, so a
  // 20,000-row list of income and expenses under no heading is not classified twice over (once here, once after).
  const readings: (ReturnType<typeof classify> | undefined)[] = new Array(rows.length);
  const reading = (i: number) => (readings[i] ??= classify({ label: rows[i]!.label, account: rows[i]!.account, context: { heading: rows[i]!.heading, chapter: rows[i]!.chapter } }));
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    // Pushed, not copied: a copy per row made a 20,000-row list quadratic (a third of its run).
    const key = r.heading ?? "";
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const out: GuessedBlock[] = [];
  for (const [heading, members] of groups) {
    // A heading that carries an amount (« Location Server =SUM(B11:B12) ») is a line's label, as weak as its lines'.
    const h = heading === "" || amountLabels.has(heading) ? null : classify({ label: heading, account: null });
    // A heading's own words first: « Dons à l'école » (an APE's gifts to the school) reads as gifts, but they went out.
    const headingSays = h ? sideOfOwnWords(heading) : null;
    const fromHeading = h ? (headingSays ?? (h.confidence >= HEADING_EVIDENCE ? sideOf(h.section) : null) ?? sideOfEnglishHeading(heading)) : null;
    // The lines of the same heading that read surely, at least two and all on one side (one is a single word's say).
    const side = fromHeading ?? sureLinesSide(members, reading);
    // A line's own words that say where its money went (« Subsides aux institutions affiliées ») say its side, with
    // or without a side for its block.
    for (const i of members) {
      const s = sideOfOwnWords(rows[i]!.label);
      // Said even on the block's side: a line that reads surely on the other (« Don annuel à l'école », a gift) would
      // otherwise keep its own reading and leave the block.
      if (s === null || (reading(i).confidence >= RECOGNISED_CONFIDENCE && reading(i).section === s)) continue;
      rows[i]!.section = s;
      rows[i]!.sideNote = { fr: `aucun titre ne dit le côté de cette ligne ; ses mots le disent : lue en ${WORDS[s].fr}, à vérifier`, en: `no heading tells this line's side; its own words do: read as ${WORDS[s].en}, to check` };
    }
    // The block's other lines are weaker evidence than a heading: they give their side only to the lines that hold no
    // keyword at all (a supplier's or a donor's name), not to one that reads weakly on a side of its own.
    if (!side) continue;
    // A heading that says where its money went (« Où vont ces sommes », « Sommes versées par … ») is a side heading like
    // « Dépenses »: every line under it takes its side, not only those that read weakly.
    const unread = headingSays ? members : members.filter((i) => reading(i).confidence < (fromHeading ? RECOGNISED_CONFIDENCE : HEADING_EVIDENCE));
    if (unread.length === 0) continue;
    const other = side === "income" ? "expense" : "income";
    const note = fromHeading
      ? {
          fr: `aucun titre ne dit si ce bloc est en produits ou en charges ; les mots du titre « ${heading} » le font lire en ${WORDS[side].fr} : à vérifier`,
          en: `no heading says whether this block is income or expenses; the words of its heading “${heading}” make it read as ${WORDS[side].en}: to check`,
        }
      : {
          fr: `aucun titre ne dit si ce bloc est en produits ou en charges ; ses lignes lisibles sont toutes des ${WORDS[side].fr}, aucune des ${WORDS[other].fr} : lu en ${WORDS[side].fr}, à vérifier`,
          en: `no heading says whether this block is income or expenses; its readable lines are all ${WORDS[side].en}, none ${WORDS[other].en}: read as ${WORDS[side].en}, to check`,
        };
    for (const i of unread) {
      if (rows[i]!.section !== null) continue;
      rows[i]!.section = side;
      rows[i]!.sideNote = note;
    }
    out.push({ side, heading: fromHeading ? heading : null, rows: unread.filter((i) => rows[i]!.section === side).map((i) => rows[i]!.row) });
  }
  return out;
}
