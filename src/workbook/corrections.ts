// Corrections live in the workbook, in the mapping table's two "corrected" columns. A re-run reads them
// back (matched by sheet, label, account and column, which survive rows inserted above) and applies them.
import { correctionKey } from "../engine/analyze.ts";
import { LEVERS } from "../engine/levers.ts";
import { normalizeText } from "../engine/text.ts";
import type { Correction, Destination, LeverId } from "../engine/types.ts";
import { EARLIER_LEVERS_HEADERS, LEVERS_HEADERS, MAPPING_HEADERS } from "./reportText.ts";
import { SheetGrid, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";

const LEVER_BY_LABEL = new Map<string, LeverId>();
for (const l of LEVERS) {
  LEVER_BY_LABEL.set(normalizeText(l.label.fr), l.id);
  LEVER_BY_LABEL.set(normalizeText(l.label.en), l.id);
  LEVER_BY_LABEL.set(normalizeText(l.id), l.id);
}

function destinationOf(text: string): Destination | null {
  const n = normalizeText(text);
  if (n.startsWith("action")) return "action";
  if (n.startsWith("ingenierie") || n.startsWith("engineering")) return "engineering";
  return null;
}

/** The header row of a mapping table in a sheet: the row whose cells are the mapping headers. */
function findHeader(grid: SheetGrid): { row: number; col: Record<string, number> } | null {
  for (const r of grid.rowIndexes().slice(0, 20)) {
    const cells = grid.rowCells(r);
    for (const headers of [MAPPING_HEADERS.fr, MAPPING_HEADERS.en]) {
      const col: Record<string, number> = {};
      for (const c of cells) {
        const i = headers.findIndex((h) => typeof c.value === "string" && c.value.trim() === h);
        if (i >= 0) col[String(i)] = c.col;
      }
      // Sheet, label, account, column, corrected lever, corrected destination.
      if (["0", "2", "3", "4", "14", "15"].every((k) => col[k] !== undefined)) return { row: r, col };
    }
  }
  return null;
}

/** A sheet Équilibre wrote: its mapping table, its report (whose title is Équilibre's) or its levers table (by its headers). */
export function isEquilibreSheet(sheet: SheetSnapshot): boolean {
  const grid = new SheetGrid(sheet);
  const a1 = grid.value(1, 1);
  if (typeof a1 === "string" && /^Équilibre — /.test(a1)) return true;
  const first = grid.rowCells(1).map((c) => c.value);
  if ([LEVERS_HEADERS.fr, LEVERS_HEADERS.en, ...EARLIER_LEVERS_HEADERS].some((h) => h.length === first.length && h.every((text, i) => first[i] === text))) return true;
  return findHeader(grid) !== null;
}

/** Corrections typed into Équilibre's mapping tables, by correction key. Unknown labels are ignored. */
export function readCorrections(snapshot: WorkbookSnapshot): Map<string, Correction> {
  const out = new Map<string, Correction>();
  for (const sheet of snapshot.sheets) {
    const grid = new SheetGrid(sheet);
    const header = findHeader(grid);
    if (!header) continue;
    const text = (r: number, k: string) => {
      const v = grid.value(r, header.col[k]!);
      return v === null || typeof v === "object" ? "" : String(v).trim();
    };
    for (const r of grid.rowIndexes()) {
      if (r <= header.row) continue;
      const leverText = text(r, "14");
      const destinationText = text(r, "15");
      if (!leverText && !destinationText) continue;
      const lever = leverText ? (LEVER_BY_LABEL.get(normalizeText(leverText)) ?? null) : null;
      const destination = destinationText ? destinationOf(destinationText) : null;
      if (!lever && !destination) continue;
      const key = correctionKey({ sheet: text(r, "0"), label: text(r, "2"), account: text(r, "3") || null, column: text(r, "4") || null });
      out.set(key, { lever, destination });
    }
  }
  return out;
}
