// A block's side from its content when its heading is ambiguous: « Ressources » over « NDD », « Hébergement »,
// « Projecteur », « Assurance » is what a student association asks its school for (the resources it needs), not
// income. « Ressources », « Besoins », « Emplois », « Financement », « Financé par » name a side only when the other
// side is there too (« Emplois | Ressources »); alone, the lines under them and the sheet's result formula decide.
import { classify, REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { normalizeText } from "../engine/text.ts";
import type { Section } from "../engine/types.ts";

/** Headings that say a side only beside the other one: what a project needs, or how it is financed. */
const AMBIGUOUS_SIDE = /^(?:(?:i+|[a-d]) )?(?:les |budget des |total )?(?:ressources|besoins|emplois|financements?|moyens|apports|utilisations?|(?:finance|financee|finances|financees) par)(?: (?:previsionnel(?:le)?s?|realise(?:e)?s?|\d{4}|n|n 1|du projet|de l action))*$/;

export function isAmbiguousSideHeading(text: string): boolean {
  return AMBIGUOUS_SIDE.test(normalizeText(text));
}

export interface SideRow {
  row: number;
  label: string;
  account: string | null;
  section: Section | null;
  heading: string | null;
  chapter: string | null;
  sideFrom?: { text: string; row: number } | null;
  sideNote?: { fr: string; en: string } | null;
}

/** A line's label is evidence for a side when it reads surely there and clearly less so on the other side. */
const SURE = REVIEW_CONFIDENCE;
const MARGIN = 0.2;

function vote(r: SideRow, side: "income" | "expense"): "same" | "other" | null {
  const other = side === "income" ? "expense" : "income";
  const as = (s: Section) => classify({ label: r.label, account: null, context: { sectionHint: s, heading: r.heading, chapter: r.chapter } }).confidence;
  const here = as(side);
  const there = as(other);
  if (there >= SURE && there - here >= MARGIN) return "other";
  if (here >= SURE && here - there >= MARGIN) return "same";
  return null;
}

const WORDS = {
  income: { fr: "produits", en: "income" },
  expense: { fr: "charges", en: "expenses" },
} as const;

/**
 * Rows whose side came from an ambiguous heading, on a sheet that never names the other side, take the side their
 * content gives: the sheet's result formula (it takes the block away: charges), else the lines' labels when some read
 * surely on the other side and none on the heading's. Each such row says why in its reason (`sideNote`), with a
 * confidence that asks to check. A block its lines or the result confirm, or that nothing decides, keeps its heading.
 */
export function sidesAgainstHeadings(rows: SideRow[], fromResult: ReadonlyMap<number, Section>, sheetSays: (side: Section) => boolean): Flip[] {
  const flips: Flip[] = [];
  const groups = new Map<number, SideRow[]>();
  for (const r of rows) {
    if (!r.sideFrom || (r.section !== "income" && r.section !== "expense") || !isAmbiguousSideHeading(r.sideFrom.text)) continue;
    const g = groups.get(r.sideFrom.row) ?? [];
    g.push(r);
    groups.set(r.sideFrom.row, g);
  }
  for (const group of groups.values()) {
    const side = group[0]!.section as "income" | "expense";
    const other = side === "income" ? "expense" : "income";
    if (sheetSays(other)) continue;
    const heading = group[0]!.sideFrom!.text;
    const result = group.map((r) => fromResult.get(r.row)).filter((s) => s === "income" || s === "expense");
    let note: { fr: string; en: string } | null = null;
    if (result.length > 0) {
      if (result.some((s) => s === side) || result.length * 2 < group.length) continue;
      note = {
        fr: `le titre « ${heading} » dit ${WORDS[side].fr}, mais la formule du résultat compte ce bloc en ${WORDS[other].fr} : lu en ${WORDS[other].fr}, à vérifier`,
        en: `the heading “${heading}” says ${WORDS[side].en}, but the result formula counts this block as ${WORDS[other].en}: read as ${WORDS[other].en}, to check`,
      };
    } else {
      const votes = group.map((r) => vote(r, side));
      const against = votes.filter((v) => v === "other").length;
      const for_ = votes.filter((v) => v === "same").length;
      if (against === 0 || for_ > 0) continue;
      note = {
        fr: `le titre « ${heading} » dit ${WORDS[side].fr}, mais ${against} ligne${against > 1 ? "s" : ""} sur ${group.length} de son bloc se ${against > 1 ? "lisent" : "lit"} comme des ${WORDS[other].fr}, aucune comme des ${WORDS[side].fr} : lu en ${WORDS[other].fr}, à vérifier`,
        en: `the heading “${heading}” says ${WORDS[side].en}, but ${against} of the ${group.length} lines of its block read as ${WORDS[other].en}, none as ${WORDS[side].en}: read as ${WORDS[other].en}, to check`,
      };
    }
    for (const r of group) {
      r.section = other;
      r.sideNote = note;
    }
    flips.push({ headingRow: group[0]!.sideFrom!.row, rows: new Set(group.map((r) => r.row)), from: side, to: other });
  }
  return flips;
}

/**
 * A side carried on across a heading that names none (« Frais de fonctionnement », then « Cotisations », « Rencontre »):
 * when the sheet's result formula counts the rows under that later heading on the other side, the formula is the
 * surer word (the treasurer's own sum), and those rows take its side, each saying why.
 */
export function sidesAcrossHeadings(rows: SideRow[], fromResult: ReadonlyMap<number, Section>): Flip[] {
  const flips: Flip[] = [];
  const groups = new Map<string, SideRow[]>();
  for (const r of rows) {
    if (!r.sideFrom || r.sideNote || r.heading === null || r.heading === r.sideFrom.text || (r.section !== "income" && r.section !== "expense")) continue;
    const key = `${r.sideFrom.row}\u0000${r.heading}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const side = group[0]!.section as "income" | "expense";
    const other = side === "income" ? "expense" : "income";
    const result = group.map((r) => fromResult.get(r.row));
    if (result.some((s) => s !== other)) continue;
    const heading = group[0]!.heading!;
    const note = {
      fr: `le bloc « ${heading} » suit un titre de ${WORDS[side].fr}, mais la formule du résultat le compte en ${WORDS[other].fr} : lu en ${WORDS[other].fr}, à vérifier`,
      en: `the block “${heading}” follows a heading of ${WORDS[side].en}, but the result formula counts it as ${WORDS[other].en}: read as ${WORDS[other].en}, to check`,
    };
    for (const r of group) {
      r.section = other;
      r.sideNote = note;
    }
    flips.push({ headingRow: group[0]!.row - 1, rows: new Set(group.map((r) => r.row)), from: side, to: other });
  }
  return flips;
}

/** A block read on the other side than its heading's: the rows it holds, under the heading's row. */
export interface Flip {
  headingRow: number;
  rows: ReadonlySet<number>;
  from: Section;
  to: Section;
}

/**
 * The sheet's own totals of a block read on the other side (« Total » under « Ressources ») total that side: the
 * self-check compares them with the lines of that side. A total is the block's when it comes after the heading and no
 * row of another block lies between.
 */
export function flipDeclaredTotals(flips: readonly Flip[], declared: { row: number; section: Section | null }[], lineRows: readonly number[]): void {
  for (const f of flips) {
    for (const d of declared) {
      if (d.section !== f.from || d.row <= f.headingRow) continue;
      if (lineRows.some((r) => r > f.headingRow && r < d.row && !f.rows.has(r))) continue;
      d.section = f.to;
    }
  }
}
