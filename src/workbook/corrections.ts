// Corrections live in the workbook, in the mapping table's two "corrected" columns. A re-run reads them
// back (matched by sheet, label, account and column, which survive rows inserted above) and applies them.
import { correctionKey } from "../engine/analyze.ts";
import { LEVERS } from "../engine/levers.ts";
import { normalizeText } from "../engine/text.ts";
import type { BudgetLine, Correction, Destination, LeverId } from "../engine/types.ts";
import type { ReadIssue } from "./budget.ts";
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

/** A correction as typed in a mapping table's row, with what names its line. */
export interface CorrectionRecord {
  sheet: string;
  /** The line's source cell (its amount cell), as the table wrote it. */
  cell: string;
  label: string;
  account: string | null;
  column: string | null;
  /** The amount the table showed, in cents (a check when the cell moved). */
  cents: number | null;
  /** The mapping table's row, for messages. */
  where: string;
  correction: Correction;
}

/** Corrections typed into Équilibre's mapping tables, row by row. Unknown lever names are ignored. */
export function readCorrectionRecords(snapshot: WorkbookSnapshot): CorrectionRecord[] {
  const out: CorrectionRecord[] = [];
  for (const sheet of snapshot.sheets) {
    const grid = new SheetGrid(sheet);
    const header = findHeader(grid);
    if (!header) continue;
    const text = (r: number, k: string) => {
      const c = header.col[k];
      const v = c === undefined ? null : grid.value(r, c);
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
      const amount = header.col["7"] === undefined ? null : grid.value(r, header.col["7"]);
      out.push({
        sheet: text(r, "0"),
        cell: text(r, "1").toUpperCase(),
        label: text(r, "2"),
        account: text(r, "3") || null,
        column: text(r, "4") || null,
        cents: typeof amount === "number" ? Math.round(amount * 100) : null,
        where: `${sheet.name}!A${r}`,
        correction: { lever, destination },
      });
    }
  }
  return out;
}

/** Corrections typed into Équilibre's mapping tables, by correction key (sheet, label, account, column). */
export function readCorrections(snapshot: WorkbookSnapshot): Map<string, Correction> {
  const out = new Map<string, Correction>();
  for (const r of readCorrectionRecords(snapshot)) out.set(correctionKey(r), r.correction);
  return out;
}

/**
 * Each correction placed on its own line: the line whose source cell the table named, when its label still
 * matches; else (rows inserted, the table sorted) the one line with the same sheet, label, account and column —
 * or, among several, the one with the same amount. A correction that fits several lines is applied to none,
 * and said. The result is keyed by line id, so « Divers » corrected as a charge leaves « Divers » the produit alone.
 */
export function placeCorrections(records: readonly CorrectionRecord[], lines: readonly BudgetLine[]): { byLine: Map<string, Correction>; issues: ReadIssue[] } {
  const byLine = new Map<string, Correction>();
  const issues: ReadIssue[] = [];
  const byId = new Map(lines.map((l) => [l.id, l]));
  const byKey = new Map<string, BudgetLine[]>();
  for (const l of lines) {
    const k = correctionKey(l);
    const list = byKey.get(k);
    if (list) list.push(l);
    else byKey.set(k, [l]);
  }
  for (const r of records) {
    const key = correctionKey(r);
    const atCell = byId.get(`${r.sheet}!${r.cell}`);
    if (atCell && correctionKey(atCell) === key) {
      byLine.set(atCell.id, r.correction);
      continue;
    }
    const same = byKey.get(key) ?? [];
    const fits = same.length > 1 && r.cents !== null ? same.filter((l) => l.amount.kind === "value" && Math.abs(l.amount.cents) === Math.abs(r.cents!)) : same;
    if (fits.length === 1) byLine.set(fits[0]!.id, r.correction);
    else if (fits.length > 1) {
      issues.push({
        sheet: r.where.split("!")[0]!,
        cell: null,
        code: "correction_ambiguous",
        message: `La correction saisie pour « ${r.label} » (${r.where}) ne désigne plus une seule ligne : ${fits.length} lignes portent ce libellé. Elle n'est pas appliquée ; saisissez-la de nouveau sur la bonne ligne du tableau des lignes.`,
        messageEn: `The correction typed for “${r.label}” (${r.where}) no longer names one line: ${fits.length} lines have that label. It is not applied; type it again on the right row of the lines table.`,
      });
    }
  }
  return { byLine, issues };
}
