// A block of charges headed by a partner's name (« FONHSUD : 28 681 € » over « Salaires … », « Projet moulin »,
// « Appui aux caisses des mutuelles »): an association of international solidarity lists what it pays each partner,
// and the partner's own costs are among them. A line that says aid paid (« Appui aux … », « Soutien à … ») shows the
// block is money paid out (657), so « Salaires » there is what the partner pays with it, not the association's staff.
import { classify } from "../engine/classify.ts";
import { normalizeText } from "../engine/text.ts";

export interface PartnerRow {
  label: string;
  section: string | null;
  /** The chapter row (a subtotal) or the heading the row sits under. */
  chapter: string | null;
  heading: string | null;
}

/** « Appui aux caisses », « Soutien à l'école », « Aide aux familles », « Subvention au partenaire », « Don à … ». */
const AID_PAID = /^(appuis?|soutiens?|aides?|subventions?|dons?|bourses?|secours)( financiers?| financieres?)? (a|aux|au|pour)\b/;

/** The partner's name a heading gives, its amount and separators left out (« FONHSUD : 28 681 € » → « FONHSUD »). */
function partnerName(heading: string): string | null {
  const name = heading.replace(/[:–—-]?\s*[\d\s.,  ]+\s*(€|eur|euros)?\s*$/i, "").trim();
  // A body's initials: a word of capitals (« FONHSUD », « FPS », « APEF »), no word of what is spent.
  if (!/^[A-Z][A-Z0-9&.]{2,9}\b/.test(name)) return null;
  return classify({ label: name, account: null, context: { sectionHint: "expense" } }).confidence <= 0.3 ? name : null;
}

/**
 * The heading of each charge row that sits in a partner's block: three rows at least under the same heading or
 * chapter, one of which says aid paid, under a heading that is a body's initials and names nothing spent.
 */
export function partnerHeadings(rows: readonly PartnerRow[]): (string | null)[] {
  const groups = new Map<string, number[]>();
  rows.forEach((r, k) => {
    const under = r.chapter ?? r.heading;
    if (r.section !== "expense" || !under) return;
    const members = groups.get(under);
    if (members) members.push(k);
    else groups.set(under, [k]);
  });
  const out = rows.map((): string | null => null);
  for (const [under, members] of groups) {
    if (members.length < 3 || partnerName(under) === null) continue;
    const aid = members.filter((k) => AID_PAID.test(normalizeText(rows[k]!.label))).length;
    if (aid < 1) continue;
    for (const k of members) out[k] = under;
  }
  return out;
}
