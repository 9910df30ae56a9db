// A planned sheet → worksheet XML, built in chunks of whole rows (the lines sheet of a 1,000,000-line ledger is
// over a gigabyte of XML, beyond what one JavaScript string can hold): the package deflates each chunk as it
// comes. Children follow CT_Worksheet's order, which Excel enforces. Text is always an inline string, never a
// formula: only `formula` makes a <f>.
import type { PlannedCell, PlannedSheet, PlannedTable, StyleId } from "../../workbook/plan.ts";
import { sharedFormulaRuns, type SharedRuns } from "./sharedFormulas.ts";
import { XmlBytes } from "./xmlBytes.ts";
import { absoluteRange, cleanText, colLetters, esc, escText, MAX_CELL_CHARS, num, parseRange, parseRef, stripInvalid } from "./xmlText.ts";

export const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** CT_Worksheet's children, in schema order (the ones Équilibre writes, and a few around them). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export interface SheetContext {
  xf(id: StyleId): number;
  dxf(fill: string, color?: string): number;
  /** Relationship id of the sheet's drawing, if it has charts. */
  drawingRid: string | null;
  tableRids: string[];
}

/** Fast "AB12" → [row, col] (the plan's refs are plain A1 references). */
function rowCol(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue; // $
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  const row = Number(ref.slice(ref[i] === "$" ? i + 1 : i));
  if (!col || !Number.isInteger(row) || row < 1) {
    const p = parseRef(ref);
    return [p.row, p.col];
  }
  return [row, col];
}

/** Inline-string cell content: <is><t>…</t></is>, keeping leading and trailing spaces. */
function inlineText(text: string): string {
  const t = cleanText(text);
  const space = t !== t.trim() || t.includes("\n") ? ' xml:space="preserve"' : "";
  return `<is><t${space}>${escText(t)}</t></is>`;
}

/**
 * An inline-string cell's content and end, after its `t="inlineStr">`, which ends at `at`: the text as it is when it
 * needs no cleaning nor escaping, else as inlineText makes it.
 */
function inlineBytes(o: XmlBytes, at: number, text: string): void {
  if (o.plainText(text, MAX_CELL_CHARS)) o.ascii("</t></is></c>");
  else {
    o.pos = at;
    o.text(inlineText(text));
    o.ascii("</c>");
  }
}

/** An inline-string cell from its `<c r="…"` on: `sq` closes the ref and gives the style (`" s="4"`). */
function inlineCell(o: XmlBytes, sq: string, text: string): void {
  o.ascii(sq);
  const at = o.pos + 15; // after ' t="inlineStr">'
  o.ascii(' t="inlineStr"><is><t>');
  inlineBytes(o, at, text);
}

/**
 * One cell's XML, written into `o`. `sq` closes its ref and gives its style (`"` or `" s="4"`); `si` is the shared
 * formula the cell belongs to (-1 for none) and `head` the range on the run's first cell: passed as they are, not as
 * an object per formula cell (the lines table has five per line). Each piece of markup is written in one go.
 */
function cellBytes(o: XmlBytes, ref: string, c: PlannedCell | undefined, text: string | undefined, sq: string, si: number, head: string | undefined): void {
  o.ascii('<c r="');
  o.text(ref);
  if (text !== undefined) {
    if (text === "") {
      o.ascii(sq);
      o.ascii("/>");
    } else inlineCell(o, sq, text);
    return;
  }
  if (!c) {
    o.ascii(sq);
    o.ascii("/>");
    return;
  }
  // A follower of a shared formula is written without its text (nor asking the cell for it).
  const shared = si >= 0;
  if (shared || c.formula) {
    const e = c.expected;
    o.ascii(sq);
    o.ascii(typeof e === "string" ? ' t="str">' : ">");
    if (shared && !head) {
      o.ascii('<f t="shared" si="');
      o.int(si);
      o.ascii('"/>');
    } else {
      o.text(
        !shared
          ? `<f>${escText(cleanText(c.formula!.replace(/^=/, "")))}</f>`
          : `<f t="shared" ref="${head}" si="${si}">${escText(cleanText((c.formula ?? "").replace(/^=/, "")))}</f>`,
      );
    }
    if (typeof e === "number" && Number.isFinite(e)) {
      o.ascii("<v>");
      o.ascii(num(e));
      o.ascii("</v></c>");
    } else if (typeof e === "string") {
      o.ascii("<v>");
      if (!o.plainText(e, MAX_CELL_CHARS)) o.text(escText(cleanText(e)));
      o.ascii("</v></c>");
    } else o.ascii("</c>");
    return;
  }
  const v = c.value;
  o.ascii(sq);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) o.ascii("/>");
    else {
      o.ascii("><v>");
      o.ascii(num(v));
      o.ascii("</v></c>");
    }
  } else if (typeof v === "boolean") o.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
  else if (typeof v === "string" && v !== "") {
    const at = o.pos + 15;
    o.ascii(' t="inlineStr"><is><t>');
    inlineBytes(o, at, v);
  } else o.ascii("/>");
}

/** Header texts of the sheet's tables (a table's column names must equal its header cells): ref → text. */
export function tableHeaders(sheet: PlannedSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of sheet.tables) {
    const { from } = parseRange(t.ref);
    uniqueColumns(t).forEach((name, i) => out.set(`${colLetters(from.col + i)}${from.row}`, name));
  }
  return out;
}

/** A table's column names: one per column of its range, non-empty, unique (case-insensitively), clean. */
export function uniqueColumns(t: PlannedTable): string[] {
  const { from, to } = parseRange(t.ref);
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i <= to.col - from.col; i++) {
    const base = cleanText(t.columns[i] ?? "", 255).replace(/[\r\n]+/g, " ").trim() || `Colonne${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** A table's range, with at least one data row (Excel refuses a table that is only a header). */
export function tableRange(t: PlannedTable): string {
  const { from, to } = parseRange(t.ref);
  return `${colLetters(from.col)}${from.row}:${colLetters(to.col)}${Math.max(to.row, from.row + 1)}`;
}

/** "&" starts a header code in Excel: a title with "&" must double it. */
const headerText = (s: string) => cleanText(s, 200).replace(/&/g, "&&");

/** About this many characters of XML per chunk: big enough to deflate well, small enough to be garbage soon. */
export const SHEET_CHUNK = 1 << 20;

/** The whole worksheet XML as one string: for sheets known to be small (tests, the report's own sheets). */
export function buildSheetXml(sheet: PlannedSheet, ctx: SheetContext): string {
  return [...sheetXmlChunks(sheet, ctx)].join("");
}

/** The cells in row order: each one's row and column, and where each row's cells start in `order`. */
interface CellIndex {
  rowOf: Int32Array;
  colOf: Int32Array;
  /** rowStart[r]…rowStart[r + 1] index `order` for row r. */
  rowStart: Int32Array;
  order: Int32Array;
  maxRow: number;
  maxCol: number;
}

// The loops over every cell live in plain functions, not in the generator: V8 optimizes a running loop (on-stack
// replacement) only outside generators, and the generator, called once per sheet, ran its loops in the interpreter
// (two to three times slower on the lines sheet of a big budget).

/** Row and column of every cell (the planned ones, then the table headers) in typed arrays, in row order by a counting sort. */
function indexCells(sheet: PlannedSheet, refAt: (i: number) => string, count: number): CellIndex {
  const rowOf = new Int32Array(count);
  const colOf = new Int32Array(count);
  let maxRow = 1;
  let maxCol = 1;
  for (let i = 0; i < count; i++) {
    const ref = refAt(i);
    // "AB12" read in one pass, digits included (no slice, no tuple); anything else the long way.
    let col = 0;
    let k = 0;
    const n = ref.length;
    for (; k < n; k++) {
      const c = ref.charCodeAt(k);
      if (c < 65 || c > 90) break;
      col = col * 26 + c - 64;
    }
    let r = 0;
    const digits = k;
    for (; k < n; k++) {
      const c = ref.charCodeAt(k);
      if (c < 48 || c > 57) break;
      r = r * 10 + c - 48;
    }
    if (k < n || k === digits || !col || r < 1 || r > 2 ** 31 - 1) [r, col] = rowCol(ref);
    rowOf[i] = r;
    colOf[i] = col;
    if (r > maxRow) maxRow = r;
    if (col > maxCol) maxCol = col;
  }
  const heights = sheet.rowHeights ?? {};
  for (const r of Object.keys(heights)) if (Number(r) > maxRow && Number.isInteger(Number(r))) maxRow = Number(r);
  // Stable, so a planned cell comes before a header cell of its ref.
  const rowStart = new Int32Array(maxRow + 2);
  for (let i = 0; i < count; i++) rowStart[rowOf[i]! + 1]!++;
  for (let r = 1; r <= maxRow + 1; r++) rowStart[r]! += rowStart[r - 1]!;
  const order = new Int32Array(count);
  const fill = rowStart.slice(0, maxRow + 1);
  for (let i = 0; i < count; i++) order[fill[rowOf[i]!]!++] = i;
  return { rowOf, colOf, rowStart, order, maxRow, maxCol };
}

/** What writing the rows needs, made once per sheet. */
interface RowWriter {
  index: CellIndex;
  cells: PlannedCell[];
  refAt: (i: number) => string;
  heights: Record<number, number>;
  headers: Map<string, string>;
  headerRows: Set<number>;
  sAttr: (id: StyleId | undefined) => string;
  /** By cell index: the shared formula it belongs to (-1 for none); by a run's first cell, the run's range. */
  shared: SharedRuns;
  rowCells: number[];
}

/**
 * The XML of the rows from `first` on, written into `o` until it holds `chunkBytes` bytes (at least one row written):
 * the next row to write.
 */
function rowsBytes(o: XmlBytes, w: RowWriter, first: number, chunkBytes: number): number {
  const { colOf, rowStart, order, maxRow } = w.index;
  const { cells, refAt, heights, headers, headerRows, sAttr, rowCells } = w;
  const { si, head } = w.shared;
  let wrote = false;
  let r = first;
  for (; r <= maxRow && (!wrote || o.pos < chunkBytes); r++) {
    const from = rowStart[r]!;
    const to = rowStart[r + 1]!;
    const h = heights[r];
    if (from === to && !h) continue;
    wrote = true;
    rowCells.length = 0;
    for (let k = from; k < to; k++) rowCells.push(order[k]!);
    // A stable sort: for two cells of one column, the first planned is written. Plans mostly give a row's cells
    // in column order already.
    let inOrder = true;
    for (let k = 1; k < rowCells.length && inOrder; k++) inOrder = colOf[rowCells[k - 1]!]! <= colOf[rowCells[k]!]!;
    if (!inOrder) rowCells.sort((a, b) => colOf[a]! - colOf[b]!);
    const header = headerRows.has(r);
    o.text('<row r="');
    o.int(r);
    o.text('"');
    if (h) o.text(` ht="${num(h)}" customHeight="1"`);
    o.text(">");
    let last = 0;
    for (const i of rowCells) {
      const col = colOf[i]!;
      if (col === last) continue;
      last = col;
      const c = i < cells.length ? cells[i] : undefined;
      const ref = refAt(i);
      const run = i < cells.length ? si[i]! : -1;
      cellBytes(o, ref, c, header ? headers.get(ref) : undefined, sAttr(c?.style), run, run >= 0 ? head.get(i) : undefined);
    }
    o.text("</row>");
  }
  return r;
}

/** The worksheet XML in chunks of about `chunkChars` characters, each ending after a whole row (or part): as text. */
export function* sheetXmlChunks(sheet: PlannedSheet, ctx: SheetContext, chunkChars = SHEET_CHUNK): Generator<string> {
  const decoder = new TextDecoder();
  for (const bytes of sheetXmlBytes(sheet, ctx, chunkChars)) yield decoder.decode(bytes);
}

/**
 * The worksheet XML as UTF-8, in chunks of about `chunkBytes` bytes, each ending after a whole row (or part). The
 * rows are written as bytes straight away (xmlBytes.ts); the few parts around them as text, then encoded.
 */
export function* sheetXmlBytes(sheet: PlannedSheet, ctx: SheetContext, chunkBytes = SHEET_CHUNK): Generator<Uint8Array> {
  let out = DECL + `<worksheet ${SHEET_NS}>`;
  // sheetPr: tab colour, fit to page.
  const tab = sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.toUpperCase()}"/>` : "";
  const fit = sheet.print ? '<pageSetUpPr fitToPage="1"/>' : "";
  if (tab || fit) out += `<sheetPr>${tab}${fit}</sheetPr>`;

  const headers = tableHeaders(sheet);
  const headerRows = new Set([...headers.keys()].map((ref) => rowCol(ref)[0]));
  // No object per cell (a million-line ledger plans 21 million cells): typed arrays, and the refs as planned.
  const cells = sheet.cells;
  const headerRefs = [...headers.keys()];
  const refAt = (i: number) => (i < cells.length ? cells[i]!.ref : headerRefs[i - cells.length]!);
  const index = indexCells(sheet, refAt, cells.length + headerRefs.length);
  out += `<dimension ref="A1:${colLetters(index.maxCol)}${index.maxRow}"/>`;

  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    const { rows, cols } = sheet.freeze;
    const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    const top = `${colLetters(cols + 1)}${rows + 1}`;
    out +=
      `<sheetViews><sheetView workbookViewId="0"><pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${top}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  } else {
    out += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  }
  out += '<sheetFormatPr defaultRowHeight="15"/>';

  const widths = Object.entries(sheet.columnWidths)
    .map(([c, w]) => [Number(c), w] as const)
    .filter(([c, w]) => c >= 1 && Number.isFinite(w))
    .sort((a, b) => a[0] - b[0]);
  if (widths.length > 0) out += `<cols>${widths.map(([c, w]) => `<col min="${c}" max="${c}" width="${num(w)}" customWidth="1"/>`).join("")}</cols>`;

  const shared = sharedFormulaRuns(cells, index.rowOf, index.colOf);
  // What closes a cell's ref and gives its style: `"`, or `" s="4"`.
  const styleAttr = new Map<StyleId, string>();
  const sAttr = (id: StyleId | undefined) => {
    if (!id) return '"';
    let a = styleAttr.get(id);
    if (a === undefined) styleAttr.set(id, (a = `" s="${ctx.xf(id)}"`));
    return a;
  };
  const writer: RowWriter = { index, cells, refAt, heights: sheet.rowHeights ?? {}, headers, headerRows, sAttr, shared, rowCells: [] };
  out += "<sheetData>";
  // Room for a chunk and the row that ends it; a bigger row grows the buffer.
  const capacity = Math.min(chunkBytes, SHEET_CHUNK) + (1 << 16);
  const o = new XmlBytes(capacity);
  o.text(out);
  out = "";
  for (let r = 1; r <= index.maxRow; ) {
    r = rowsBytes(o, writer, r, chunkBytes);
    if (o.pos >= chunkBytes) yield o.take(capacity);
  }
  out += "</sheetData>";

  if (sheet.merges.length > 0) out += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${esc(m)}"/>`).join("")}</mergeCells>`;

  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    const first = cf.ref.split(":")[0]!.replace(/\$/g, "");
    const rules = cf.textEquals.map(
      (t) => `<cfRule type="expression" dxfId="${ctx.dxf(t.fill, t.color)}" priority="${priority++}"><formula>${esc(`${first}="${t.text.replace(/"/g, '""')}"`)}</formula></cfRule>`,
    );
    if (cf.lessThan) rules.push(`<cfRule type="cellIs" dxfId="${ctx.dxf(cf.lessThan.fill)}" priority="${priority++}" operator="lessThan"><formula>${num(cf.lessThan.threshold)}</formula></cfRule>`);
    if (rules.length > 0) out += `<conditionalFormatting sqref="${esc(cf.ref)}">${rules.join("")}</conditionalFormatting>`;
  }

  if (sheet.validations.length > 0) {
    const items = sheet.validations.map((v) => {
      const attr = (name: string, text: string, max: number) => ` ${name}="${esc(cleanText(text, max))}"`;
      return (
        `<dataValidation type="list" errorStyle="stop" allowBlank="1" showInputMessage="1" showErrorMessage="1"` +
        `${attr("errorTitle", v.error.title, 32)}${attr("error", v.error.text, 255)}${attr("promptTitle", v.prompt.title, 32)}${attr("prompt", v.prompt.text, 255)}` +
        ` sqref="${esc(v.ref)}"><formula1>${esc(v.listSource.replace(/^=/, ""))}</formula1></dataValidation>`
      );
    });
    out += `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
  }

  if (sheet.print) {
    out += '<pageMargins left="0.5" right="0.5" top="0.7" bottom="0.6" header="0.3" footer="0.3"/>';
    out += `<pageSetup paperSize="9" orientation="${sheet.print.landscape ? "landscape" : "portrait"}" fitToWidth="${sheet.print.fitToWidth}" fitToHeight="0"/>`;
    const header = `&L&B${headerText(sheet.print.header)}&R${headerText(sheet.name)}`;
    const footer = `&L${headerText(sheet.print.footer)}&RPage &P / &N`;
    out += `<headerFooter><oddHeader>${esc(header)}</oddHeader><oddFooter>${esc(footer)}</oddFooter></headerFooter>`;
  } else {
    out += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  }
  if (ctx.drawingRid) out += `<drawing r:id="${ctx.drawingRid}"/>`;
  if (ctx.tableRids.length > 0) out += `<tableParts count="${ctx.tableRids.length}">${ctx.tableRids.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  out += "</worksheet>";
  o.text(out);
  yield o.take(0);
}

export function buildTableXml(t: PlannedTable, id: number, name: string): string {
  const ref = tableRange(t);
  const cols = uniqueColumns(t)
    .map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`)
    .join("");
  return (
    `${DECL}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${esc(name)}" displayName="${esc(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${uniqueColumns(t).length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The very hidden state sheet: its JSON in A1. */
export function buildStateSheetXml(json: string): string {
  return `${DECL}<worksheet ${SHEET_NS}><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${escText(stripInvalid(json))}</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The print area as a defined name's formula. */
export const printArea = (sheetName: string, area: string) => `'${sheetName.replace(/'/g, "''")}'!${absoluteRange(area)}`;
