// A planned sheet → commands for Office.js, each with the bytes it adds to a request, so the host can cut
// the report into batches that each stay under Excel on the web's 5 MB. Commands name their worksheet and
// get it from the batch they run in (a proxy does not outlive its request). Order matters and is kept:
// cells first (text always as text: a leading apostrophe, so « 6061 », « 50% » or a date-like label stay
// what they are), then formats, tables, validations, conditional formats, charts, panes, print setup.
/* global Excel */
import type { PlannedChart, PlannedSheet, PlannedTable, StyleId } from "../../workbook/plan.ts";
import { PLAN_STYLES } from "../../workbook/plan.ts";
import { columnLetters, parseAddress } from "../../workbook/snapshot.ts";
import { jsonBytes, utf8Bytes } from "./payload.ts";

export interface Command {
  /** Bytes this command adds to the request body (payload plus its object paths and actions). */
  bytes: number;
  run(ws: Excel.Worksheet): void;
  sheet: string;
}

/** Object paths and actions of a typical command (getRange + a property set), in bytes of JSON. */
const OVERHEAD = 420;
/** Excel's default: Calibri 11, whose digit is 7 pixels wide; a column of width w characters is round(7w) px. */
export const columnWidthPoints = (chars: number) => Math.round(chars * 7) * 0.75;

type Cell = string | number | boolean;

/** A cell as Office.js must receive it: formulas with "=", every text behind an apostrophe. */
function officeValue(c: PlannedSheet["cells"][number]): Cell {
  if (c.formula) return `=${c.formula.replace(/^=/, "")}`;
  const v = c.value;
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return "";
}

/** A table's header names as Excel keeps them: one per column, non-empty, unique (case-insensitively). */
export function tableColumnNames(t: PlannedTable, width: number): string[] {
  const seen = new Set<string>();
  return Array.from({ length: width }, (_, i) => {
    const base = (t.columns[i] ?? "").replace(/[\r\n]+/g, " ").trim().slice(0, 255) || `Colonne${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function box(ref: string): { r0: number; c0: number; r1: number; c1: number } {
  const [a, b = a] = ref.replace(/\$/g, "").split(":") as [string, string?];
  const from = parseAddress(a)!;
  const to = parseAddress(b!)!;
  return { r0: from.row, c0: from.col, r1: to.row, c1: to.col };
}

/** Every command of a sheet, in order. `name` is the sheet's name while it is written. */
export function sheetCommands(sheet: PlannedSheet, name: string, budget: number): Command[] {
  const out: Command[] = [];
  const add = (bytes: number, run: (ws: Excel.Worksheet) => void) => out.push({ bytes: bytes + OVERHEAD, run, sheet: name });

  // Cells: a grid, with table headers as Excel will name them; cut into row blocks under the budget.
  const grid = new Map<number, Map<number, Cell>>();
  let maxRow = 0;
  let maxCol = 0;
  const put = (r: number, c: number, v: Cell) => {
    let row = grid.get(r);
    if (!row) grid.set(r, (row = new Map()));
    if (!row.has(c)) row.set(c, v);
    if (r > maxRow) maxRow = r;
    if (c > maxCol) maxCol = c;
  };
  const headers = new Map<string, string>();
  for (const t of sheet.tables) {
    const b = box(t.ref);
    tableColumnNames(t, b.c1 - b.c0 + 1).forEach((n, i) => headers.set(`${b.r0},${b.c0 + i}`, n));
  }
  for (const c of sheet.cells) {
    const p = parseAddress(c.ref);
    if (!p) continue;
    const header = headers.get(`${p.row},${p.col}`);
    put(p.row, p.col, header !== undefined ? `'${header}` : officeValue(c));
  }
  for (const [k, n] of headers) {
    const [r, c] = k.split(",").map(Number) as [number, number];
    put(r, c, `'${n}`);
  }
  let r0 = 1;
  let rows: Cell[][] = [];
  let bytes = 0;
  const flush = (next: number) => {
    if (rows.length === 0) return;
    const block = rows;
    const from = r0;
    add(bytes, (ws) => {
      ws.getRange(`A${from}:${columnLetters(maxCol)}${from + block.length - 1}`).formulas = block;
    });
    rows = [];
    bytes = 0;
    r0 = next;
  };
  for (let r = 1; r <= maxRow; r++) {
    const src = grid.get(r);
    const row: Cell[] = new Array<Cell>(maxCol).fill("");
    if (src) for (const [c, v] of src) row[c - 1] = v;
    const b = jsonBytes(row) + 1;
    if (rows.length > 0 && bytes + b + OVERHEAD > budget) flush(r);
    if (rows.length === 0) r0 = r;
    rows.push(row);
    bytes += b;
  }
  flush(maxRow + 1);

  // Formats: one command per style and run of consecutive rows in a column ("H5:H10004").
  const runs = new Map<StyleId, Map<number, number[]>>();
  for (const c of sheet.cells) {
    if (!c.style) continue;
    const p = parseAddress(c.ref);
    if (!p) continue;
    const byCol = runs.get(c.style) ?? new Map<number, number[]>();
    const list = byCol.get(p.col);
    if (list) list.push(p.row);
    else byCol.set(p.col, [p.row]);
    runs.set(c.style, byCol);
  }
  for (const [style, byCol] of runs) {
    const s = PLAN_STYLES[style];
    for (const [col, list] of byCol) {
      const sorted = [...new Set(list)].sort((a, b) => a - b);
      for (let i = 0; i < sorted.length; ) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
        const letters = columnLetters(col);
        const first = sorted[i]!;
        const count = j - i + 1;
        add(300, (ws) => {
          const f = ws.getRange(`${letters}${first}:${letters}${first + count - 1}`).format;
          if (s.bold !== undefined) f.font.bold = s.bold;
          if (s.italic !== undefined) f.font.italic = s.italic;
          if (s.size) f.font.size = s.size;
          if (s.color) f.font.color = `#${s.color}`;
          if (s.fill) f.fill.color = `#${s.fill}`;
          if (s.wrap) f.wrapText = true;
          if (s.align) f.horizontalAlignment = (s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right") as Excel.HorizontalAlignment;
          f.verticalAlignment = "Top" as Excel.VerticalAlignment;
          if (s.border) {
            for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal"]) {
              if (edge === "InsideHorizontal" && count === 1) continue;
              const b = f.borders.getItem(edge as Excel.BorderIndex);
              b.style = "Continuous" as Excel.BorderLineStyle;
              b.color = "#BFBFBF";
            }
          }
        });
        // Number formats as a column of codes, itself cut under the budget.
        if (s.numFmt) {
          const code = s.numFmt;
          const per = utf8Bytes(JSON.stringify(code)) + 3;
          const maxRows = Math.max(1, Math.floor((budget - OVERHEAD) / per));
          for (let k = 0; k < count; k += maxRows) {
            const n = Math.min(maxRows, count - k);
            const start = first + k;
            add(n * per, (ws) => {
              ws.getRange(`${letters}${start}:${letters}${start + n - 1}`).numberFormat = Array.from({ length: n }, () => [code]);
            });
          }
        }
        i = j + 1;
      }
    }
  }

  for (const [col, width] of Object.entries(sheet.columnWidths)) {
    const letters = columnLetters(Number(col));
    add(0, (ws) => {
      ws.getRange(`${letters}:${letters}`).format.columnWidth = columnWidthPoints(width);
    });
  }
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) add(0, (ws) => void (ws.getRange(`${row}:${row}`).format.rowHeight = height));
  for (const m of sheet.merges) add(0, (ws) => ws.getRange(m).merge(false));
  for (const t of sheet.tables) {
    const b = box(t.ref);
    // Excel refuses a table that is only a header: at least one data row, as the file host writes it.
    const ref = `${columnLetters(b.c0)}${b.r0}:${columnLetters(b.c1)}${Math.max(b.r1, b.r0 + 1)}`;
    add(0, (ws) => {
      const table = ws.tables.add(ref, true);
      table.name = t.name;
      table.style = "TableStyleLight9";
    });
  }
  for (const v of sheet.validations) {
    const source = v.listSource.startsWith('"') ? v.listSource.slice(1, -1) : `=${v.listSource.replace(/^=/, "")}`;
    add(utf8Bytes(source) + utf8Bytes(v.prompt.text) + utf8Bytes(v.error.text), (ws) => {
      const dv = ws.getRange(v.ref).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source } };
      dv.prompt = { showPrompt: true, title: v.prompt.title.slice(0, 32), message: v.prompt.text.slice(0, 255) };
      dv.errorAlert = { showAlert: true, title: v.error.title.slice(0, 32), message: v.error.text.slice(0, 255), style: "Stop" as Excel.DataValidationAlertStyle };
    });
  }
  for (const cf of sheet.conditionalFormats) {
    const first = cf.ref.split(":")[0]!.replace(/\$/g, "");
    for (const t of cf.textEquals) {
      // Equality, as the file host writes it (a "contains" rule would colour « À vérifier (OK) » too).
      add(200, (ws) => {
        const f = ws.getRange(cf.ref).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        f.custom.rule.formula = `=${first}="${t.text.replace(/"/g, '""')}"`;
        f.custom.format.fill.color = `#${t.fill}`;
        f.custom.format.font.color = `#${t.color}`;
        f.custom.format.font.bold = true;
      });
    }
    if (cf.lessThan) {
      const lt = cf.lessThan;
      add(200, (ws) => {
        const f = ws.getRange(cf.ref).conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
        f.cellValue.format.fill.color = `#${lt.fill}`;
        f.cellValue.rule = { formula1: String(lt.threshold), operator: "LessThan" };
      });
    }
  }
  for (const chart of sheet.charts) add(600 * chart.series.length, (ws) => writeChart(ws, chart));
  const freeze = sheet.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    add(0, (ws) => {
      if (freeze.cols === 0) ws.freezePanes.freezeRows(freeze.rows);
      else if (freeze.rows === 0) ws.freezePanes.freezeColumns(freeze.cols);
      else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
    });
  }
  if (sheet.print) {
    const p = sheet.print;
    const hf = (s: string) => s.slice(0, 200).replace(/&/g, "&&");
    add(utf8Bytes(p.header) + utf8Bytes(p.footer), (ws) => {
      ws.pageLayout.orientation = (p.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
      ws.pageLayout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 };
      ws.pageLayout.setPrintArea(p.area);
      // The mapping sheet's header row on every printed page (PageLayout.setPrintTitleRows, ExcelApi 1.9).
      if (p.titleRows) ws.pageLayout.setPrintTitleRows(`$${p.titleRows.replace(":", ":$")}`);
      const page = ws.pageLayout.headersFooters.defaultForAllPages;
      page.leftHeader = `&B${hf(p.header)}`;
      page.rightHeader = hf(sheet.name);
      page.leftFooter = hf(p.footer);
      page.rightFooter = "Page &P / &N";
    });
  }
  if (sheet.tabColor) {
    const color = `#${sheet.tabColor}`;
    add(0, (ws) => void (ws.tabColor = color));
  }
  return out;
}

/** A chart with every series of the plan, each with its name and categories. */
function writeChart(ws: Excel.Worksheet, chart: PlannedChart): void {
  const type = chart.kind === "doughnut" ? "Doughnut" : chart.kind === "bar" ? "BarClustered" : "ColumnClustered";
  const [first, ...rest] = chart.series;
  if (!first) return;
  // One series from the first range: by rows when it is a row (the trajectory: one year per column).
  const [a, b = a] = first.values.replace(/\$/g, "").split(":");
  const byRows = /\d+$/.exec(a!)?.[0] === /\d+$/.exec(b!)?.[0] && a !== b;
  const c = ws.charts.add(type as Excel.ChartType, ws.getRange(first.values), (byRows ? "Rows" : "Columns") as Excel.ChartSeriesBy);
  c.title.text = chart.title;
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(ws.getRange(chart.categories));
  for (const s of rest) {
    const added = c.series.add(s.name);
    added.setValues(ws.getRange(s.values));
    added.setXAxisValues(ws.getRange(chart.categories));
  }
  if (chart.kind === "doughnut" || chart.series.length > 1) c.legend.position = (chart.kind === "doughnut" ? "Right" : "Bottom") as Excel.ChartLegendPosition;
  c.setPosition(chart.anchor.from, chart.anchor.to);
}
