// A table of shares, not of amounts: « Part des recettes (%) | 49,2 », « Pourcentage | 36 ». Équilibre reads euros (the
// gaps it gives are in euros), so such a sheet is no budget; when nothing else is, the refusal names the column and
// says what to type, instead of the general « il faut une colonne de montants ».
import { normalizeText } from "../engine/text.ts";
import { cellAddress, type SheetSnapshot } from "./snapshot.ts";

/** A column title that says shares: « % », « Part (%) », « Pourcentage », « Répartition en % », « Part du prix de la place (%) ». */
const SHARE_TITLE = /^(?:%|pourcentages?|parts?|repartition|quote part|proportion)\b/;

/** How many rows under the title are read to find its numbers (a share table is short). */
const ROWS_UNDER = 60;

export interface ShareTable {
  sheet: string;
  /** The column's title as typed. */
  header: string;
  cell: string;
}

/** The first visible sheet whose column titled as shares holds at least two numbers under its title, if any. */
export function shareTableIn(sheets: readonly SheetSnapshot[]): ShareTable | null {
  for (const s of sheets) {
    if (s.visibility !== "visible") continue;
    for (const [i, row] of s.rows.entries()) {
      for (const c of row.cells) {
        if (typeof c.value !== "string" || !isShareTitle(c.value)) continue;
        const numbers = s.rows.slice(i + 1, i + 1 + ROWS_UNDER).filter((r) => r.cells.some((d) => d.col === c.col && typeof d.value === "number")).length;
        if (numbers >= 2) return { sheet: s.name, header: c.value.trim(), cell: cellAddress(row.index, c.col) };
      }
    }
  }
  return null;
}

function isShareTitle(text: string): boolean {
  const t = text.trim();
  return t.length <= 60 && (SHARE_TITLE.test(normalizeText(t)) || /(?:\(%\)|\ben %|%)$/.test(t));
}
