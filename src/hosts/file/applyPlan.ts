// The .xlsx file host, writing side: executes a report plan into a copy of the workbook with exceljs.
// Only Équilibre's own sheets are added or replaced; every other sheet keeps its cells, protection and
// formulas. Text is always written as text (a label "=HYPERLINK(…)" never becomes a formula).
import ExcelJS from "exceljs";
import { PLAN_STYLES, type PlannedCell, type PlannedSheet, type ReportPlan, type StyleId } from "../../workbook/plan.ts";
import { readState, STATE_SHEET, type StoredState } from "./readSnapshot.ts";
import { renameSheets, resolveSheetNames } from "../../workbook/sheetNames.ts";

export { renameSheets, resolveSheetNames };

export interface WriteResult {
  sheets: { role: PlannedSheet["role"]; name: string }[];
  chartsWritten: boolean;
  warnings: string[];
}

const argb = (rgb: string) => `FF${rgb}`;

function styleCell(cell: ExcelJS.Cell, id: StyleId | undefined): void {
  if (!id) return;
  const s = PLAN_STYLES[id];
  if (s.bold || s.italic || s.size || s.color) cell.font = { bold: s.bold, italic: s.italic, size: s.size ?? 11, color: s.color ? { argb: argb(s.color) } : undefined, name: "Calibri" };
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.numFmt) cell.numFmt = s.numFmt;
  cell.alignment = { wrapText: s.wrap, horizontal: s.align, vertical: "top" };
  if (s.border) {
    const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function cellValue(c: PlannedCell): ExcelJS.CellValue {
  if (c.formula) return { formula: c.formula, result: c.expected ?? undefined } as ExcelJS.CellFormulaValue;
  if (c.value === undefined || c.value === null) return null;
  // A text that looks like a formula stays text: exceljs only makes formulas from { formula } objects.
  return c.value;
}

/** "&" starts a header code in Excel: a title with "&" must double it. */
const headerText = (s: string) => s.replace(/&/g, "&&");

function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: PlannedSheet): void {
  const ws = wb.addWorksheet(sheet.name, {
    properties: { tabColor: sheet.tabColor ? { argb: argb(sheet.tabColor) } : undefined },
    views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : undefined,
  });
  for (const [col, width] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(col)).width = width;
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  const byRef = new Map(sheet.cells.map((c) => [c.ref, c]));
  // Tables: exceljs writes the header and rows itself; give it the planned cells.
  const inTable = new Set<string>();
  for (const t of sheet.tables) {
    const [from, to] = t.ref.split(":") as [string, string];
    const a = parseRef(from);
    const b = parseRef(to);
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = a.row + 1; r <= b.row; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = a.col; c <= b.col; c++) {
        const ref = `${colLetters(c)}${r}`;
        const planned = byRef.get(ref);
        row.push(planned ? cellValue(planned) : null);
        inTable.add(ref);
      }
      rows.push(row);
    }
    for (let c = a.col; c <= b.col; c++) inTable.add(`${colLetters(c)}${a.row}`);
    ws.addTable({
      name: t.name,
      ref: from,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: t.columns.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.ref);
    if (!inTable.has(c.ref)) cell.value = cellValue(c);
    styleCell(cell, c.style);
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) {
    const [from, to] = v.ref.split(":") as [string, string | undefined];
    const a = parseRef(from);
    const b = parseRef(to ?? from);
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++)
        (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${colLetters(c)}${r}`, {
          type: "list",
          allowBlank: true,
          formulae: [v.listSource],
          showInputMessage: true,
          promptTitle: v.prompt.title.slice(0, 32),
          prompt: v.prompt.text.slice(0, 255),
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: v.error.title.slice(0, 32),
          error: v.error.text.slice(0, 255),
        });
  }
  for (const cf of sheet.conditionalFormats) {
    const rules: ExcelJS.ConditionalFormattingRule[] = cf.textEquals.map((t, i) => ({
      type: "expression",
      priority: i + 1,
      formulae: [`${cf.ref.split(":")[0]}="${t.text.replace(/"/g, '""')}"`],
      style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(t.fill) } }, font: { color: { argb: argb(t.color) }, bold: true } },
    }));
    if (cf.lessThan) {
      rules.push({
        type: "cellIs",
        priority: rules.length + 1,
        operator: "lessThan",
        formulae: [String(cf.lessThan.threshold)],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.lessThan.fill) } } },
      });
    }
    if (rules.length > 0) ws.addConditionalFormatting({ ref: cf.ref, rules });
  }
  if (sheet.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: sheet.print.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: sheet.print.fitToWidth,
      fitToHeight: 0,
      paperSize: 9,
      printArea: sheet.print.area,
      margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    ws.headerFooter = {
      oddHeader: `&L&B${headerText(sheet.print.header)}&R${headerText(sheet.name)}`,
      oddFooter: `&L${headerText(sheet.print.footer)}&RPage &P / &N`,
    };
  }
}

function colLetters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Applies the plan to a loaded workbook. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: ReportPlan, now: Date): WriteResult {
  const previous = readState(wb);
  const own = new Set([...(previous?.ownSheets ?? []), ...plan.replaces]);
  for (const name of [...own, STATE_SHEET]) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const existing: string[] = [];
  wb.eachSheet((ws) => existing.push(ws.name));
  const names = resolveSheetNames(existing, [], plan.sheets.map((s) => s.name));
  const renamed = renameSheets(plan, names);
  for (const sheet of renamed.sheets) writeSheet(wb, sheet);
  const state: StoredState = { ...renamed.state, ownSheets: renamed.sheets.map((s) => s.name), schemaVersion: renamed.state.schemaVersion };
  const stateSheet = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
  stateSheet.getCell("A1").value = JSON.stringify(state);
  wb.created = wb.created ?? now;
  wb.modified = now;
  const charts = renamed.sheets.reduce((n, s) => n + s.charts.length, 0);
  const warnings: string[] = [];
  if (charts > 0) {
    warnings.push(
      "Le classeur écrit ne contient pas de graphiques (le format de fichier utilisé ici ne sait pas les créer) : ouvrez-le avec le complément Équilibre dans Excel pour les dessiner.",
    );
  }
  for (const [from, to] of names) {
    if (from !== to) warnings.push(`Une feuille « ${from} » qui n'est pas d'Équilibre existe déjà : le rapport est écrit dans « ${to} ».`);
  }
  return { sheets: renamed.sheets.map((s) => ({ role: s.role, name: s.name })), chartsWritten: false, warnings };
}

export async function writeReportBuffer(input: ArrayBuffer | Uint8Array, plan: ReportPlan, now: Date): Promise<{ bytes: Uint8Array; result: WriteResult }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((input instanceof Uint8Array ? input : new Uint8Array(input)) as unknown as ArrayBuffer);
  const result = applyPlanToWorkbook(wb, plan, now);
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), result };
}
