// The Excel host: the only code that touches Office.js. A full run — read the snapshot (3 syncs) and
// write the report (1 sync) — takes 4 context.sync() whatever the workbook's size, as long as the data
// fits one response (Excel on the web: 5 MB); beyond that, blocks go in extra round trips.
/* global Excel */
import type { ReportPlan, PlannedSheet, StyleId } from "../../workbook/plan.ts";
import { PLAN_STYLES } from "../../workbook/plan.ts";
import type { ApplyResult, WorkbookHost } from "../../workbook/port.ts";
import { renameSheets, resolveSheetNames } from "../../workbook/sheetNames.ts";
import { columnLetters as colLetters, type CellValue, type SheetSnapshot, type SnapshotRow, type WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { mapOfficeError } from "./officeErrors.ts";
import { migrateState, STATE_KEY, type StoredStateV1 } from "./state.ts";

/** The part of the `Excel` namespace the host uses (the real one, or a fake in tests). */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** Cells per context.sync() when reading (values + formulas): under Excel on the web's 5 MB. */
  maxCellsPerSync?: number;
  /** Cells per range block (Excel's 5,000,000-cell limit). */
  maxCellsPerBlock?: number;
}

const ERROR_VALUES = new Set(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private knownSheets: string[] = [];
  private state: StoredStateV1 | null = null;
  private readonly maxCellsPerSync: number;
  private readonly maxCellsPerBlock: number;

  constructor(
    private readonly excel: ExcelApi,
    options: ExcelHostOptions = {},
  ) {
    this.maxCellsPerSync = options.maxCellsPerSync ?? 250_000;
    this.maxCellsPerBlock = Math.min(options.maxCellsPerBlock ?? 4_000_000, 5_000_000);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    try {
      return await this.excel.run(async (context) => {
        const wb = context.workbook;
        const sheets = wb.worksheets;
        sheets.load("items/name,items/visibility");
        const setting = wb.settings.getItemOrNullObject(STATE_KEY);
        setting.load("value");
        wb.properties.load("title");
        wb.load("name");
        await context.sync(); // 1: sheets, state, title
        this.state = setting.isNullObject ? null : migrateState(setting.value);
        const items = sheets.items;
        this.knownSheets = items.map((s) => s.name);
        const used = items.map((ws) => {
          ws.protection.load("protected");
          const r = ws.getUsedRangeOrNullObject(true);
          r.load("rowIndex,columnIndex,rowCount,columnCount");
          return r;
        });
        await context.sync(); // 2: used ranges and protection
        // Blocks of rows, each under the cell limit; batches of blocks, each under the payload limit
        // (two properties per cell: values and formulas).
        type Block = { sheet: number; row0: number; col0: number; range: Excel.Range };
        const blocks: { sheet: number; row0: number; col0: number; rows: number; cols: number }[] = [];
        used.forEach((r, i) => {
          if (r.isNullObject) return;
          const cols = r.columnCount;
          const rowsPerBlock = Math.max(1, Math.floor(Math.min(this.maxCellsPerBlock, this.maxCellsPerSync / 2) / cols));
          for (let start = 0; start < r.rowCount; start += rowsPerBlock) {
            blocks.push({ sheet: i, row0: r.rowIndex + start, col0: r.columnIndex, rows: Math.min(rowsPerBlock, r.rowCount - start), cols });
          }
        });
        const loaded: Block[] = [];
        let batch = 0;
        for (const b of blocks) {
          const cells = b.rows * b.cols * 2;
          if (batch > 0 && batch + cells > this.maxCellsPerSync) {
            await context.sync(); // 3+: one more round trip only when the data exceeds one response
            batch = 0;
          }
          const range = items[b.sheet]!.getRangeByIndexes(b.row0, b.col0, b.rows, b.cols);
          range.load("values,formulas");
          loaded.push({ sheet: b.sheet, row0: b.row0, col0: b.col0, range });
          batch += cells;
        }
        await context.sync(); // 3: values and formulas
        const rowsBySheet = items.map(() => new Map<number, SnapshotRow>());
        for (const b of loaded) {
          const values = b.range.values as unknown[][];
          const formulas = b.range.formulas as unknown[][];
          values.forEach((row, i) => {
            const index = b.row0 + i + 1;
            for (let j = 0; j < row.length; j++) {
              const f = formulas[i]?.[j];
              const formula = typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
              const value = cellValue(row[j]);
              if ((value === null || value === "") && !formula) continue;
              const map = rowsBySheet[b.sheet]!;
              let snapRow = map.get(index);
              if (!snapRow) {
                snapRow = { index, cells: [] };
                map.set(index, snapRow);
              }
              snapRow.cells.push({ col: b.col0 + j + 1, value: value === "" ? null : value, ...(formula ? { formula } : {}) });
            }
          });
        }
        const snapshotSheets: SheetSnapshot[] = items.map((ws, i) => ({
          name: ws.name,
          visibility: ws.visibility === "Visible" ? "visible" : ws.visibility === "Hidden" ? "hidden" : "veryHidden",
          protected: Boolean(ws.protection.protected),
          rows: [...rowsBySheet[i]!.values()].sort((a, b) => a.index - b.index),
          merges: [],
        }));
        const title = (wb.properties.title ?? "").trim();
        return { name: wb.name, sheets: snapshotSheets, title: title || null, ownSheets: this.state?.ownSheets ?? [] };
      });
    } catch (e) {
      throw mapOfficeError(e);
    }
  }

  async apply(plan: ReportPlan): Promise<ApplyResult> {
    const own = [...new Set([...(this.state?.ownSheets ?? []), ...plan.replaces])];
    const remaining = this.knownSheets.filter((n) => !own.includes(n));
    const names = resolveSheetNames(remaining, [], plan.sheets.map((s) => s.name));
    const renamed = renameSheets(plan, names);
    try {
      await this.excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        for (const name of own) if (this.knownSheets.includes(name)) sheets.getItem(name).delete();
        for (const sheet of renamed.sheets) writeSheet(sheets.add(sheet.name), sheet);
        const state: StoredStateV1 = { ...renamed.state, schemaVersion: 1, ownSheets: renamed.sheets.map((s) => s.name) };
        context.workbook.settings.add(STATE_KEY, JSON.stringify(state));
        await context.sync(); // 4: the whole report in one round trip
        this.state = state;
        this.knownSheets = [...remaining, ...state.ownSheets];
      });
    } catch (e) {
      throw mapOfficeError(e);
    }
    const warnings = [...names].filter(([a, b]) => a !== b).map(([a, b]) => `Une feuille « ${a} » qui n'est pas d'Équilibre existe déjà : le rapport est écrit dans « ${b} ».`);
    return { sheets: renamed.sheets.map((s) => ({ role: s.role, name: s.name })), chartsWritten: true, warnings };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await this.excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw mapOfficeError(e);
    }
  }
}

/** Office gives errors as "#REF!" strings in values: they become error cells. */
function cellValue(v: unknown): CellValue {
  if (typeof v === "string" && ERROR_VALUES.has(v)) return { error: v };
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return null;
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Every operation of a planned sheet, queued on the worksheet proxy (sent at the next sync). */
function writeSheet(ws: Excel.Worksheet, sheet: PlannedSheet): void {
  if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
  // Values first, as one block: formulas start with "=", text that would look like one gets a leading "'".
  let maxRow = 0;
  let maxCol = 0;
  const parsed = sheet.cells.map((c) => {
    const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
    const row = Number(m[2]);
    const col = colNumber(m[1]!);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
    return { c, row, col };
  });
  if (maxRow > 0) {
    const grid: (string | number | boolean)[][] = Array.from({ length: maxRow }, () => new Array<string | number | boolean>(maxCol).fill(""));
    for (const { c, row, col } of parsed) {
      const v = c.formula ? `=${c.formula}` : c.value ?? "";
      grid[row - 1]![col - 1] = typeof v === "string" && !c.formula && /^[=+\-@']/.test(v) ? `'${v}` : v;
    }
    ws.getRange(`A1:${colLetters(maxCol)}${maxRow}`).formulas = grid;
  }
  // Formats: one call per style and per run of consecutive cells in a column ("H5:H10004"), so a
  // 100,000-line mapping table costs a handful of commands, not one per cell.
  const runs = new Map<StyleId, Map<number, number[]>>();
  for (const { c, row, col } of parsed) {
    if (!c.style) continue;
    const byCol = runs.get(c.style) ?? new Map<number, number[]>();
    const rows = byCol.get(col);
    if (rows) rows.push(row);
    else byCol.set(col, [row]);
    runs.set(c.style, byCol);
  }
  for (const [style, byCol] of runs) {
    const s = PLAN_STYLES[style];
    for (const [col, rows] of byCol) {
      rows.sort((a, b) => a - b);
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
        const letters = colLetters(col);
        const range = ws.getRange(`${letters}${rows[i]}:${letters}${rows[j]}`);
        const f = range.format;
        if (s.bold !== undefined) f.font.bold = s.bold;
        if (s.italic !== undefined) f.font.italic = s.italic;
        if (s.size) f.font.size = s.size;
        if (s.color) f.font.color = `#${s.color}`;
        if (s.fill) f.fill.color = `#${s.fill}`;
        if (s.wrap) f.wrapText = true;
        if (s.numFmt) range.numberFormat = Array.from({ length: j - i + 1 }, () => [s.numFmt!]);
        i = j + 1;
      }
    }
  }
  for (const [col, width] of Object.entries(sheet.columnWidths)) ws.getRange(`${colLetters(Number(col))}:${colLetters(Number(col))}`).format.columnWidth = width * 7;
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  for (const t of sheet.tables) {
    const table = ws.tables.add(t.ref, true);
    table.name = t.name;
  }
  for (const v of sheet.validations) {
    const source = v.listSource.startsWith('"') ? v.listSource.slice(1, -1) : `=${v.listSource}`;
    const range = ws.getRange(v.ref);
    range.dataValidation.rule = { list: { inCellDropDown: true, source } };
    range.dataValidation.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
    range.dataValidation.errorAlert = { showAlert: true, title: v.error.title, message: v.error.text, style: "Stop" as Excel.DataValidationAlertStyle };
  }
  for (const cf of sheet.conditionalFormats) {
    const range = ws.getRange(cf.ref);
    for (const t of cf.textEquals) {
      const f = range.conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType);
      f.textComparison.format.fill.color = `#${t.fill}`;
      f.textComparison.format.font.color = `#${t.color}`;
      f.textComparison.rule = { operator: "Contains" as Excel.ConditionalTextOperator, text: t.text };
    }
    if (cf.lessThan) {
      const f = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      f.cellValue.format.fill.color = `#${cf.lessThan.fill}`;
      f.cellValue.rule = { formula1: String(cf.lessThan.threshold), operator: "LessThan" };
    }
  }
  for (const chart of sheet.charts) {
    const type = chart.kind === "doughnut" ? "Doughnut" : chart.kind === "bar" ? "BarClustered" : "ColumnClustered";
    const c = ws.charts.add(type as Excel.ChartType, ws.getRange(chart.series[0]!.values), "Auto" as Excel.ChartSeriesBy);
    c.title.text = chart.title;
    c.series.getItemAt(0).setXAxisValues(ws.getRange(chart.categories));
    c.setPosition(chart.anchor.from, chart.anchor.to);
  }
  if (sheet.freeze) ws.freezePanes.freezeRows(sheet.freeze.rows);
  if (sheet.print) {
    ws.pageLayout.orientation = (sheet.print.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
    ws.pageLayout.zoom = { horizontalFitToPages: sheet.print.fitToWidth, verticalFitToPages: 0 };
    ws.pageLayout.setPrintArea(sheet.print.area);
    ws.pageLayout.headersFooters.defaultForAllPages.leftHeader = sheet.print.header.replace(/&/g, "&&");
    ws.pageLayout.headersFooters.defaultForAllPages.leftFooter = sheet.print.footer.replace(/&/g, "&&");
  }
}

