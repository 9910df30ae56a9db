// The simulated workbook behind the harness: cells (values, formulas, number formats), formats, tables,
// validations, conditional formats, charts, settings — and the rules Excel applies when a cell is written:
// a string is typed (« 6061 » → number, « 50% » → 0.5, a date-like text → a date serial with a date
// format) unless it starts with an apostrophe or the cell is formatted as text "@"; a formula that names
// a sheet that does not exist (yet) is broken (#REF!); renaming a sheet rewrites the formulas, list
// sources and chart ranges that name it; deleting one breaks them.
import { columnLetters, columnNumber } from "../../src/workbook/snapshot.ts";

export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SimCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
}

export interface SimFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fontName?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", string>>;
}

export interface SimSeries {
  name: string | null;
  values: string | null;
  xValues: string | null;
}
export interface SimChart {
  type: string;
  name: string;
  title: string | null;
  series: SimSeries[];
  position: { from: string; to: string | null } | null;
  legend: Record<string, unknown>;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
const key = (r: number, c: number) => r * MAX_COLS + c;

export class SimSheet {
  id: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  tabColor: string | null = null;
  readonly cells = new Map<number, SimCell>();
  readonly numberFormats = new Map<number, string>();
  readonly formats = new Map<number, SimFormat>();
  readonly columnWidths = new Map<number, number>(); // points
  readonly rowHeights = new Map<number, number>(); // points
  readonly hiddenRows = new Set<number>();
  readonly merges: string[] = [];
  readonly tables: { name: string; address: string; columns: string[]; style: string | null; showFilterButton: boolean | null }[] = [];
  readonly validations: { address: string; rule: unknown; prompt: unknown; errorAlert: unknown }[] = [];
  readonly conditionalFormats: { address: string; type: string; rule: Record<string, unknown>; format: SimFormat }[] = [];
  readonly charts: SimChart[] = [];
  freeze: { rows: number; cols: number } | null = null;
  readonly pageLayout: { orientation: string | null; zoom: unknown; printArea: string | null; titleRows: string | null; headerFooter: Record<string, string> } = {
    orientation: null,
    zoom: null,
    printArea: null,
    titleRows: null,
    headerFooter: {},
  };

  constructor(
    public name: string,
    id: number,
  ) {
    this.id = `{00000000-0001-0000-${String(id).padStart(4, "0")}-000000000000}`;
  }

  cell(r: number, c: number): SimCell | undefined {
    return this.cells.get(key(r, c));
  }
  numberFormat(r: number, c: number): string {
    return this.numberFormats.get(key(r, c)) ?? "General";
  }
  format(r: number, c: number): SimFormat {
    return this.formats.get(key(r, c)) ?? {};
  }
  setCell(r: number, c: number, cell: SimCell | null): void {
    if (cell === null) this.cells.delete(key(r, c));
    else this.cells.set(key(r, c), cell);
  }
  setNumberFormat(r: number, c: number, f: string): void {
    if (f === "General") this.numberFormats.delete(key(r, c));
    else this.numberFormats.set(key(r, c), f);
  }
  /** Applies a change to every cell of a box; formats are shared objects, so a change is made once per distinct format. */
  patchFormat(box: Box, patch: (f: SimFormat, r: number, c: number) => SimFormat, perCell = false): void {
    const seen = new Map<SimFormat | undefined, SimFormat>();
    for (let r = box.r0; r <= box.r1; r++)
      for (let c = box.c0; c <= box.c1; c++) {
        const k = key(r, c);
        const old = this.formats.get(k);
        let next = perCell ? undefined : seen.get(old);
        if (!next) {
          next = patch(old ?? {}, r, c);
          if (!perCell) seen.set(old, next);
        }
        this.formats.set(k, next);
      }
  }
  /** The smallest box holding every non-empty cell (values only), or null. */
  usedBox(): Box | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const k of this.cells.keys()) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  readonly settings = new Map<string, unknown>();
  /** Workbook-scoped defined names, by lower-case name (Excel compares names case-insensitively). */
  readonly names = new Map<string, { name: string; formula: string }>();
  title = "";
  /** Workbook structure protection (Review > Protect Workbook): sheets cannot be added, deleted or renamed. */
  structureProtected = false;
  active: SimSheet | null = null;
  private nextId = 1;

  constructor(public name = "Classeur.xlsx") {}

  sheet(name: string): SimSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n || s.id === name);
  }

  addSheet(name: string): SimSheet {
    if (this.structureProtected) throw new SimError("InsertDeleteConflict", "The workbook structure is protected: a sheet cannot be added.");
    checkSheetName(name);
    if (this.sheet(name)) throw new SimError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}`);
    const s = new SimSheet(name, this.nextId++);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  deleteSheet(s: SimSheet): void {
    if (this.structureProtected) throw new SimError("InsertDeleteConflict", "The workbook structure is protected: a sheet cannot be deleted.");
    if (s.visibility === "Visible" && this.sheets.filter((x) => x.visibility === "Visible").length === 1) {
      throw new SimError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.active === s) this.active = this.sheets.find((x) => x.visibility === "Visible") ?? null;
    this.rewriteReferences(s.name, null);
  }

  renameSheet(s: SimSheet, name: string): void {
    if (s.name === name) return;
    if (this.structureProtected) throw new SimError("InsertDeleteConflict", "The workbook structure is protected: a sheet cannot be renamed.");
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== s) throw new SimError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}`);
    const old = s.name;
    s.name = name;
    this.rewriteReferences(old, name);
  }

  /** Adds a workbook-scoped name, as names.add: a name that exists, or that reads as a cell, is refused. */
  addName(name: string, formula: string): void {
    if (!/^[A-Za-z_\\][\w.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
      throw new SimError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: name « ${name} ».`);
    }
    if (this.names.has(name.toLowerCase())) throw new SimError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}`);
    const missing = this.missingSheets(formula);
    if (missing.length > 0) throw new SimError("InvalidArgument", `The reference names a sheet that does not exist: ${missing.join(", ")}.`);
    this.names.set(name.toLowerCase(), { name, formula: formula.startsWith("=") ? formula : `=${formula}` });
  }

  /** Formulas, list sources, conditional formats, chart ranges and names that name `from` follow a rename, or break on a delete. */
  private rewriteReferences(from: string, to: string | null): void {
    const needle = from.toLowerCase();
    const fix = (text: string) => (text.toLowerCase().includes(needle) ? replaceSheetRef(text, from, to) : text);
    for (const n of this.names.values()) n.formula = fix(n.formula);
    for (const sheet of this.sheets) {
      for (const [k, cell] of sheet.cells) {
        if (!cell.formula) continue;
        const f = fix(cell.formula);
        if (f !== cell.formula) sheet.cells.set(k, to === null ? { value: "#REF!", error: "#REF!", formula: f } : { ...cell, formula: f });
      }
      for (const v of sheet.validations) {
        const list = (v.rule as { list?: { source?: string } }).list;
        if (list?.source) list.source = fix(list.source);
      }
      for (const ch of sheet.charts)
        for (const s of ch.series) {
          if (s.values) s.values = fix(s.values);
          if (s.xValues) s.xValues = fix(s.xValues);
        }
    }
  }

  /** The sheets a formula or list source names ('Feuille 1'!A1, Feuille!A1) that do not exist. */
  missingSheets(formula: string): string[] {
    return referencedSheets(formula).filter((n) => !this.sheet(n));
  }
}

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new SimError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: sheet name « ${name} ».`);
  }
}

const quoteName = (n: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);

/** Sheet names a formula refers to, outside string literals. */
export function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g;
  for (const m of formula.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1].replace(/''/g, "'"));
    else if (m[2] !== undefined) out.push(m[2]);
  }
  return out;
}

function replaceSheetRef(text: string, from: string, to: string | null): string {
  const re = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g;
  return text.replace(re, (all, q: string | undefined, u: string | undefined) => {
    const name = q !== undefined ? q.replace(/''/g, "'") : u;
    if (name === undefined || name.toLowerCase() !== from.toLowerCase()) return all;
    return to === null ? "#REF!" : `${quoteName(to)}!`;
  });
}

/** "A1", "$A$1:B2", "A:C", "3:5", "'Feuille'!A1:B2" → a 0-based box (and the sheet name when given). */
export function parseAddress(address: string): { sheet: string | null; box: Box } {
  let a = address.trim();
  let sheet: string | null = null;
  const bang = a.lastIndexOf("!");
  if (bang >= 0) {
    sheet = a.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    a = a.slice(bang + 1);
  }
  const [from, to = from] = a.replace(/\$/g, "").toUpperCase().split(":") as [string, string?];
  const part = (x: string) => {
    const m = /^([A-Z]{0,3})(\d*)$/.exec(x);
    if (!m || (!m[1] && !m[2])) throw new SimError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: « ${address} ».`);
    return { c: m[1] ? columnNumber(m[1]) - 1 : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const f = part(from);
  const t = part(to!);
  const box = { r0: f.r ?? 0, c0: f.c ?? 0, r1: t.r ?? MAX_ROWS - 1, c1: t.c ?? MAX_COLS - 1 };
  if (box.r1 < box.r0 || box.c1 < box.c0 || box.r1 >= MAX_ROWS || box.c1 >= MAX_COLS) throw new SimError("InvalidArgument", `Bad range « ${address} ».`);
  return { sheet, box };
}

export function boxAddress(box: Box): string {
  const a = `${columnLetters(box.c0 + 1)}${box.r0 + 1}`;
  const b = `${columnLetters(box.c1 + 1)}${box.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function sheetAddress(sheet: string, box: Box): string {
  return `${quoteName(sheet)}!${boxAddress(box)}`;
}

// ——— Excel's typing of what is written ———

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return Math.round((t - EPOCH) / DAY_MS);
}

/**
 * What Excel (en-US regional format, the web's default) stores for a string written through `values` or
 * `formulas`: a formula, a number, a percentage, a date, a boolean, or the text itself.
 */
export function typeWrittenText(s: string, cellFormat: string): { cell: SimCell | null; numberFormat?: string } {
  if (s === "") return { cell: null };
  if (s.startsWith("'")) return { cell: { value: s.slice(1) } };
  if (cellFormat === "@") return { cell: { value: s } };
  if (s.startsWith("=") && s.length > 1) return { cell: { value: 0, formula: s } };
  if (/^[+-]/.test(s) && s.length > 1 && !/^[+-]\s*[\d.]/.test(s)) return { cell: { value: 0, formula: `=${s}` } };
  const t = s.trim();
  const general = cellFormat === "General";
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) || /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return { cell: { value: Number(t.replace(/,/g, "")) } };
  const pct = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/.exec(t);
  if (pct) return { cell: { value: Number(pct[1]) / 100 }, numberFormat: general ? (pct[1]!.includes(".") ? "0.00%" : "0%") : undefined };
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  const us = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  const dt = iso ? serial(+iso[1]!, +iso[2]!, +iso[3]!) : us ? serial(us[3]!.length === 2 ? 2000 + +us[3]! : +us[3]!, +us[1]!, +us[2]!) : null;
  if (dt !== null) return { cell: { value: dt }, numberFormat: general ? "m/d/yyyy" : undefined };
  if (/^(true|false)$/i.test(t)) return { cell: { value: t.toLowerCase() === "true" } };
  const err = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!)$/.exec(t);
  if (err) return { cell: { value: t, error: t } };
  return { cell: { value: s } };
}
