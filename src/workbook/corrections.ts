// Corrections live in the workbook, in the mapping table's two "corrected" columns. A re-run reads them
// back (the table's format first, then each row placed on its own line by placeCorrections) and applies them.
import { correctionKey } from "../engine/analyze.ts";
import { EquilibreError } from "../engine/errors.ts";
import { say } from "../engine/i18n/index.ts";
import { LEVERS } from "../engine/levers.ts";
import { normalizeText } from "../engine/text.ts";
import type { BudgetLine, Correction, Destination, LeverId, Section } from "../engine/types.ts";
import type { ReadIssue } from "./budget.ts";
import { EARLIER_LEVERS_HEADERS, LEVERS_HEADERS, MAPPING_HEADERS, MAPPING_SCHEMA_VERSION, MAPPING_VERSION_TEXT, sectionShort } from "./reportText.ts";
import { SheetGrid, sheetHead, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";

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

export interface MappingHeader {
  row: number;
  /** Column number by meaning (the index in MAPPING_HEADERS, as a string). */
  col: Record<string, number>;
}

/** A mapping table's data row as text and value by column meaning (the index in MAPPING_HEADERS). */
export function tableRow(grid: SheetGrid, header: MappingHeader, r: number): TableRow {
  const value = (k: number) => {
    const c = header.col[String(k)];
    return c === undefined ? null : grid.value(r, c);
  };
  const text = (k: number) => {
    const v = value(k);
    return v === null || typeof v === "object" ? "" : String(v).trim();
  };
  return { row: r, text, value };
}

/** « Charges » / « Produits » (either language), as the table's « Section (auto) » writes them: the two a reading tells apart. */
const SECTION_BY_TEXT = new Map<string, Section>(
  (["income", "expense"] as const).flatMap((sec) => (["fr", "en"] as const).map((lang) => [normalizeText(sectionShort(sec, lang)), sec] as [string, Section])),
);

/** What names the line of a mapping table's row. */
export function rowIdentity(row: TableRow): RowIdentity {
  const amount = row.value(7);
  return {
    section: SECTION_BY_TEXT.get(normalizeText(row.text(6))) ?? null,
    sheet: row.text(0),
    cell: row.text(1).toUpperCase(),
    label: row.text(2),
    account: row.text(3) || null,
    column: row.text(4) || null,
    cents: typeof amount === "number" ? Math.round(amount * 100) : null,
  };
}

/** The header row of a mapping table in a sheet: the row whose cells are the mapping headers (column by meaning index). */
export function findHeader(grid: SheetGrid): MappingHeader | null {
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

const SCENARIO_TITLES = new Set([say("fr", "scenarioSheet.title"), say("en", "scenarioSheet.title")]);
const COMPARISON_TITLES = new Set([say("fr", "comparison.title"), say("en", "comparison.title")]);

/** Which of Équilibre's sheets this is: its mapping table, its levers table (by its headers), its scenario sheet or its report (by their titles). */
export function equilibreRole(sheet: SheetSnapshot): "report" | "mapping" | "levers" | "scenarios" | "comparison" | null {
  // All it looks at is the first twenty rows (a mapping table's header) and row 1: the user's long sheets are not indexed.
  const grid = new SheetGrid(sheetHead(sheet, 20, [1]));
  if (findHeader(grid) !== null) return "mapping";
  const first = grid.rowCells(1).map((c) => c.value);
  if ([LEVERS_HEADERS.fr, LEVERS_HEADERS.en, ...EARLIER_LEVERS_HEADERS].some((h) => h.length === first.length && h.every((text, i) => first[i] === text))) return "levers";
  const a1 = grid.value(1, 1);
  if (typeof a1 === "string" && SCENARIO_TITLES.has(a1.trim())) return "scenarios";
  if (typeof a1 === "string" && COMPARISON_TITLES.has(a1.trim())) return "comparison";
  if (typeof a1 === "string" && /^Équilibre — /.test(a1)) return "report";
  return null;
}

/** A sheet Équilibre wrote (equilibreRole). */
export function isEquilibreSheet(sheet: SheetSnapshot): boolean {
  return equilibreRole(sheet) !== null;
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
  /** Charge or produit, as the table showed the line's automatic section (a check when the cell moved); null when neither. */
  section: Section | null;
  /** The mapping table's row, for messages. */
  where: string;
  correction: Correction;
}

/**
 * The format of a mapping table: the number written above its headers (« Format de la table : 2 »), or 1 for
 * the tables written before formats were numbered (nothing above the headers but the title and the note).
 */
export function mappingTableVersion(grid: SheetGrid, headerRow: number): number {
  for (const r of grid.rowIndexes()) {
    if (r >= headerRow) break;
    for (const c of grid.rowCells(r)) {
      if (typeof c.value !== "string") continue;
      for (const prefix of Object.values(MAPPING_VERSION_TEXT)) {
        const m = c.value.trim().startsWith(prefix.trim()) ? /(\d+)\s*$/.exec(c.value.trim()) : null;
        if (m) return Number(m[1]);
      }
    }
  }
  return 1;
}

/** One data row of a mapping table, as text by column meaning (the index in MAPPING_HEADERS). */
export type TableRow = { row: number; text: (meaning: number) => string; value: (meaning: number) => unknown };

/**
 * Format 1 (no number, the tables of every run before formats were numbered) to the current format. Format 1
 * has the same columns, found by their header text (French or English, wherever the user moved them), and its
 * « Cellule » may be empty (the first runs) or hold a cell that moved since: placeCorrections then finds the
 * line by its label, account, column and amount. The current format is read the same way, so this migration is
 * the identity today; it is where a change of columns gets its translation.
 */
function migrateFromV1(row: TableRow): TableRow {
  return row;
}

const MIGRATIONS: Record<number, (row: TableRow) => TableRow> = { 1: migrateFromV1 };

/** Corrections typed into Équilibre's mapping tables, row by row. Unknown lever names are ignored. */
export function readCorrectionRecords(snapshot: WorkbookSnapshot): CorrectionRecord[] {
  const out: CorrectionRecord[] = [];
  for (const sheet of snapshot.sheets) {
    // A mapping table's header is in the first twenty rows: a sheet without one is not indexed whole.
    const header = findHeader(new SheetGrid(sheetHead(sheet, 20)));
    if (!header) continue;
    const grid = new SheetGrid(sheet);
    const version = mappingTableVersion(grid, header.row);
    // A newer format may have moved or redefined columns: refused with a sentence, never read as if it were ours.
    if (version > MAPPING_SCHEMA_VERSION) throw new EquilibreError("mapping_too_new", { sheet: sheet.name, version, known: MAPPING_SCHEMA_VERSION });
    const migrate = version < MAPPING_SCHEMA_VERSION ? MIGRATIONS[version] : undefined;
    for (const r of grid.rowIndexes()) {
      if (r <= header.row) continue;
      const row = migrate ? migrate(tableRow(grid, header, r)) : tableRow(grid, header, r);
      const record = recordOf(row, sheet.name);
      if (record) out.push(record);
    }
  }
  return out;
}

function recordOf(row: TableRow, tableSheet: string): CorrectionRecord | null {
  const leverText = row.text(14);
  const destinationText = row.text(15);
  if (!leverText && !destinationText) return null;
  const lever = leverText ? (LEVER_BY_LABEL.get(normalizeText(leverText)) ?? null) : null;
  const destination = destinationText ? destinationOf(destinationText) : null;
  if (!lever && !destination) return null;
  return {
    ...rowIdentity(row),
    where: `${tableSheet}!A${row.row}`,
    correction: { lever, destination },
  };
}

/** Corrections typed into Équilibre's mapping tables, by correction key (sheet, label, account, column). */
export function readCorrections(snapshot: WorkbookSnapshot): Map<string, Correction> {
  const out = new Map<string, Correction>();
  for (const r of readCorrectionRecords(snapshot)) out.set(correctionKey(r), r.correction);
  return out;
}

/** What names a line in a mapping table's row: its sheet, source cell, label, account, column and amount. */
export type RowIdentity = Pick<CorrectionRecord, "sheet" | "cell" | "label" | "account" | "column" | "cents" | "section">;

/**
 * The lines a mapping table's row may name: the line whose source cell the row names, when its label still
 * matches; else (rows inserted, the table sorted) the lines with the same sheet, label, account and column —
 * narrowed, among several, to those with the same amount. One line is the row's line; several are ambiguous.
 */
export function lineFinder<L extends Pick<BudgetLine, "id" | "sheet" | "label" | "account" | "column" | "amount" | "context">>(lines: readonly L[]): (row: RowIdentity) => L[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const byKey = new Map<string, L[]>();
  for (const l of lines) {
    const k = correctionKey(l);
    const list = byKey.get(k);
    if (list) list.push(l);
    else byKey.set(k, [l]);
  }
  return (r) => {
    const key = correctionKey(r);
    // The section is a check where both are known: the line read under « Produits » is not the table's charge.
    const sectionFits = (l: L) => r.section === null || !l.context.sectionHint || l.context.sectionHint === r.section;
    const atCell = byId.get(`${r.sheet}!${r.cell}`);
    if (atCell && correctionKey(atCell) === key && sectionFits(atCell)) return [atCell];
    let same = byKey.get(key) ?? [];
    if (same.length > 1 && r.cents !== null) same = same.filter((l) => l.amount.kind === "value" && Math.abs(l.amount.cents) === Math.abs(r.cents!));
    if (same.length > 1 && r.section !== null) {
      const inSection = same.filter((l) => l.context.sectionHint === r.section);
      if (inSection.length > 0) same = inSection;
    }
    return same;
  };
}

/**
 * Each correction placed on its own line (lineFinder). A correction that fits several lines is applied to none,
 * and said. The result is keyed by line id, so « Divers » corrected as a charge leaves « Divers » the produit alone.
 */
export function placeCorrections(records: readonly CorrectionRecord[], lines: readonly BudgetLine[]): { byLine: Map<string, Correction>; issues: ReadIssue[] } {
  const byLine = new Map<string, Correction>();
  const issues: ReadIssue[] = [];
  const find = lineFinder(lines);
  for (const r of records) {
    const fits = find(r);
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
