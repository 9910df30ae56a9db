// A chapter row whose amount equals the sum of the lines under it is a subtotal, not a line
// ("60 - Achats 8 400 €" above "Prestations 2 000 €", "Fournitures 4 900 €", "Autres 1 500 €").
import { normalizeText } from "../engine/text.ts";
import type { Amount } from "../engine/types.ts";
import { columnNumber } from "./snapshot.ts";

export interface SubtotalCandidate {
  row: number;
  account: string | null;
  label: string;
  /** One amount per amount column (null when the cell is empty). */
  amounts: (Amount | null)[];
  formulas: (string | null)[];
  amountCols: number[];
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

function isChapterish(c: SubtotalCandidate): boolean {
  if (c.account !== null && c.account.length <= 2) return true;
  const text = normalizeText(c.label.replace(/^\s*\d{2,8}\s*[-–—.:)]?\s*/, ""));
  if (CHAPTER_TITLES.has(text)) return true;
  return isHeadingStyle(c);
}

/** Written like a heading: in capitals or ending with a colon. */
function isHeadingStyle(c: SubtotalCandidate): boolean {
  if (/:\s*$/.test(c.label)) return true;
  const letters = c.label.replace(/[^A-Za-zÀ-ÿ]/g, "");
  return letters.length >= 4 && letters === letters.toUpperCase();
}

function level(c: SubtotalCandidate): number | null {
  return c.account !== null ? c.account.length : null;
}

/** True when `next` is at the same level as `parent` or above it: the parent's children stop before it. */
function closes(parent: SubtotalCandidate, next: SubtotalCandidate): boolean {
  const lp = level(parent);
  const ln = level(next);
  if (lp !== null && ln !== null) return ln <= lp;
  if (lp !== null) return isHeadingStyle(next);
  return isChapterish(parent) && isChapterish(next) && (ln === null || ln <= 2);
}

const valueCents = (a: Amount | null) => (a && a.kind === "value" ? a.cents : null);

/** Rows among the candidates that are subtotals of the rows under (or, by formula, around) them. */
export function findSubtotals(cands: SubtotalCandidate[]): Set<number> {
  const out = new Set<number>();
  const rows = new Set(cands.map((c) => c.row));
  // 1. A SUM / SUBTOTAL formula over a vertical range of other lines.
  for (const c of cands) {
    for (const f of c.formulas) {
      const m = f ? /^\s*(?:SUM|SOMME|SUBTOTAL\(\s*(?:9|109)\s*,)\s*\(?\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*\)?\s*$/i.exec(f) : null;
      if (!m || m[1]!.toUpperCase() !== m[3]!.toUpperCase() || !c.amountCols.includes(columnNumber(m[1]!))) continue;
      const from = Number(m[2]);
      const to = Number(m[4]);
      let covered = 0;
      for (let r = from; r <= to; r++) if (r !== c.row && rows.has(r)) covered++;
      if (covered >= 1) out.add(c.row);
    }
  }
  // 2. The amount equals the sum of the consecutive lines under it, up to the next row of its level.
  for (let i = 0; i < cands.length; i++) {
    const parent = cands[i]!;
    if (out.has(parent.row)) continue;
    const parentCents = parent.amounts.map(valueCents);
    if (parentCents.every((v) => v === null)) continue;
    const minChildren = isChapterish(parent) ? 1 : 2;
    const sums = parent.amounts.map(() => 0);
    for (let j = i + 1; j < cands.length; j++) {
      const child = cands[j]!;
      if (closes(parent, child)) break;
      child.amounts.forEach((a, k) => (sums[k]! += valueCents(a) ?? 0));
      const count = j - i;
      if (count < minChildren) continue;
      const equal = parentCents.every((v, k) => v === null || v === sums[k]);
      if (!equal) continue;
      const next = cands[j + 1];
      const boundary = !next || next.row !== child.row + 1 || closes(parent, next) || isChapterish(next);
      // A titled chapter that equals two or more lines under it is their subtotal even when a sibling follows.
      if (boundary || (count >= 2 && isChapterish(parent))) {
        out.add(parent.row);
        break;
      }
    }
  }
  return out;
}
