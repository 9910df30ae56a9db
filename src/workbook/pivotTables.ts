// A pivot table summarises other cells (often the budget itself): its figures are never budget lines, or
// every euro would be counted twice. Lines read inside a pivot table's range are skipped, with an issue.
// A pivot table copied and pasted as values has no pivot part left, but keeps the words Excel and
// LibreOffice write around it (« Étiquettes de lignes », « Somme de … », « Total général »): it is
// recognised by them, and skipped the same way.
import type { ReadResult } from "./budget.ts";
import { cellAddress, parseAddress, type PivotTableInfo, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";

/** The row-field header Excel writes over a pivot table's labels (French, English, German, Spanish). */
const ROW_LABELS = /^(étiquettes de lignes|row labels|zeilenbeschriftungen|etiquetas de fila)$/i;
/** The header of a data field: Excel's « Somme de Montant », LibreOffice's « Somme - Montant ». */
const DATA_FIELD = /^(somme|sum|nombre|count|moyenne|average|summe|suma)( de | of | - | von )\S/i;
/** The grand total row. */
const GRAND_TOTAL = /^(total général|grand total|total résultat|total result|gesamtergebnis|total general)$/i;

/** Pivot tables left as values: from their header row to their grand total, labels column to last data column. */
export function pastedPivotTables(sheet: SheetSnapshot): PivotTableInfo[] {
  const out: PivotTableInfo[] = [];
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    // One walk of the row, each cell's text trimmed once: every row of the sheet is asked (a trial balance's 20,000).
    let labels: (typeof row.cells)[number] | undefined;
    let data: typeof row.cells | null = null;
    for (const c of row.cells) {
      if (typeof c.value !== "string") continue;
      const t = c.value.trim();
      if (!labels && ROW_LABELS.test(t)) labels = c;
      if (DATA_FIELD.test(t)) (data ??= []).push(c);
    }
    if (!labels && data === null) continue;
    data ??= [];
    const first = labels ?? row.cells[0]!;
    // The grand total closes it, in the labels' column, within a pivot's reach.
    const end = sheet.rows.slice(i + 1, i + 10_002).find((r) => r.cells.some((c) => c.col === first.col && GRAND_TOTAL.test(text(c.value))));
    if (!end || (!labels && !data.some((c) => c.col > first.col))) continue;
    const lastCol = [...row.cells, ...end.cells].reduce((max, c) => Math.max(max, c.col), first.col);
    out.push({ name: "", range: `${cellAddress(row.index, first.col)}:${cellAddress(end.index, lastCol)}`, sourceSheet: null });
    i = sheet.rows.indexOf(end);
  }
  return out;
}

function inside(range: string, cell: string): boolean {
  const [a, b] = range.split(":");
  const from = parseAddress(a ?? "");
  const to = parseAddress(b ?? a ?? "");
  const at = parseAddress(cell);
  return Boolean(from && to && at && at.row >= from.row && at.row <= to.row && at.col >= from.col && at.col <= to.col);
}

/** Takes the lines that sit in a pivot table out of `result`, as skipped rows, and says so. */
export function dropPivotTableLines(snapshot: WorkbookSnapshot, result: ReadResult): void {
  const pasted = new Map<string, PivotTableInfo[]>();
  for (const sheet of snapshot.sheets) {
    const pivots = sheet.pivotTables ?? [];
    for (const pivot of pivots) dropPivot(sheet.name, pivot, result, false);
    if (pivots.length === 0) pasted.set(sheet.name, pastedPivotTables(sheet));
  }
  // A pivot table pasted as values for the general assembly, and nothing else in the workbook: it is the budget there
  // is (its source stayed in another file). Its subtotals and grand total are no lines already; it is read, and said.
  const inPasted = (l: ReadResult["lines"][number]) => (pasted.get(l.sheet) ?? []).some((p) => inside(p.range, l.amountCell ?? l.cell));
  const alone = result.lines.length > 0 && result.lines.every(inPasted);
  for (const [sheet, pivots] of pasted) for (const pivot of pivots) (alone ? sayPastedPivotRead : dropPivot)(sheet, pivot, result, true);
}

/** The pasted pivot table read as the workbook's only budget: said, so the user checks it summarises nothing else here. */
function sayPastedPivotRead(sheet: string, pivot: PivotTableInfo, result: ReadResult): void {
  if (!result.lines.some((l) => l.sheet === sheet && inside(pivot.range, l.amountCell ?? l.cell))) return;
  result.issues.push({
    sheet,
    cell: pivot.range.split(":")[0] ?? null,
    code: "pivot_table",
    message: `La feuille « ${sheet} » contient en ${pivot.range} un tableau croisé dynamique collé en valeurs (« Total général », « Somme de… »), seule donnée du classeur : Équilibre le lit comme le budget, sans ses sous-totaux ni son total. Vérifiez qu'il ne résume pas des lignes déjà comptées ailleurs.`,
    messageEn: `The sheet “${sheet}” holds in ${pivot.range} a pivot table pasted as values (“Grand Total”, “Sum of…”), the workbook's only data: Équilibre reads it as the budget, without its subtotals or total. Check that it does not summarise lines counted elsewhere.`,
  });
}

function dropPivot(sheet: string, pivot: PivotTableInfo, result: ReadResult, pasted: boolean): void {
  const within = (cell: string | null | undefined) => Boolean(cell) && inside(pivot.range, cell!);
  const dropped = result.lines.filter((l) => l.sheet === sheet && (within(l.amountCell) || within(l.cell)));
  if (dropped.length === 0) return;
  const gone = new Set(dropped);
  const rows = new Set<number>();
  for (const l of dropped) {
    if (rows.has(l.row)) continue;
    rows.add(l.row);
    result.skipped.push({ sheet, row: l.row, cell: l.cell, label: l.label, why: "pivot" });
  }
  result.lines = result.lines.filter((l) => !gone.has(l));
  result.issues = result.issues.filter((i) => i.sheet !== sheet || !within(i.cell));
  for (const b of result.budgets) if (b.sheet === sheet) b.lineCount = result.lines.filter((l) => l.sheet === sheet).length;
  result.budgets = result.budgets.filter((b) => b.sheet !== sheet || b.lineCount > 0);
  const source = pivot.sourceSheet ? ` qui résume « ${pivot.sourceSheet} »` : "";
  const sourceEn = pivot.sourceSheet ? ` summarising “${pivot.sourceSheet}”` : "";
  const name = pivot.name ? ` « ${pivot.name} »` : "";
  const nameEn = pivot.name ? ` “${pivot.name}”` : "";
  result.issues.push({
    sheet,
    cell: pivot.range.split(":")[0] ?? null,
    code: "pivot_table",
    message: pasted
      ? `La feuille « ${sheet} » contient en ${pivot.range} un tableau croisé dynamique collé en valeurs (« Total général », « Somme de… ») : ses ${rows.size} ligne(s) ne sont pas comptées, pour ne compter aucun montant deux fois. Si ce sont les lignes du budget, retapez-les sans le tableau croisé.`
      : `La feuille « ${sheet} » contient le tableau croisé dynamique${name} (${pivot.range})${source} : ses ${rows.size} ligne(s) ne sont pas comptées, pour ne compter aucun montant deux fois.`,
    messageEn: pasted
      ? `The sheet “${sheet}” holds in ${pivot.range} a pivot table pasted as values (“Grand Total”, “Sum of…”): its ${rows.size} row(s) are not counted, so that no amount is counted twice. If they are the budget's lines, type them again without the pivot table.`
      : `The sheet “${sheet}” holds the pivot table${nameEn} (${pivot.range})${sourceEn}: its ${rows.size} row(s) are not counted, so that no amount is counted twice.`,
  });
}
