// A fake of the Office.js Excel API that behaves like Excel where the add-in relies on it: proxies queue
// their loads, a property can only be read after load() and context.sync() (else it throws like Office's
// PropertyNotLoaded), and every sync is counted. It holds a small in-memory workbook.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { columnLetters } from "../src/workbook/snapshot.ts";

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<string, FakeCell>; // "row,col" (0-based)
  formats: Map<string, Record<string, unknown>>;
  tables: { name: string; address: string }[];
  charts: { type: string; title: string }[];
  validations: { address: string; rule: unknown }[];
  conditionalFormats: { address: string; type: string }[];
  merges: string[];
  frozenRows: number;
  printArea: string | null;
  orientation: string | null;
  tabColor: string | null;
}

export interface FakeWorkbookData {
  name: string;
  sheets: FakeSheet[];
  settings: Map<string, string>;
  title?: string;
}

export class OfficeError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

export function fakeSheet(name: string, rows: (string | number | null | { error: string } | { formula: string; value: number | string })[][], options: Partial<FakeSheet> = {}): FakeSheet {
  const cells = new Map<string, FakeCell>();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      if (typeof v === "object" && "error" in v) cells.set(`${r},${c}`, { value: v.error, error: v.error });
      else if (typeof v === "object") cells.set(`${r},${c}`, { value: v.value, formula: `=${v.formula}` });
      else cells.set(`${r},${c}`, { value: v });
    }),
  );
  return {
    name,
    visibility: "Visible",
    protected: false,
    cells,
    formats: new Map(),
    tables: [],
    charts: [],
    validations: [],
    conditionalFormats: [],
    merges: [],
    frozenRows: 0,
    printArea: null,
    orientation: null,
    tabColor: null,
    ...options,
  };
}

/** 0-based column → letters (0 → "A"). */
const colLetters = (c: number) => columnLetters(c + 1);
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function parseRange(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to] = a.replace(/\$/g, "").split(":") as [string, string | undefined];
  const cell = (x: string) => {
    const m = /^([A-Z]+)?(\d+)?$/.exec(x)!;
    return { c: m[1] ? colNumber(m[1]) : 0, r: m[2] ? Number(m[2]) - 1 : 0, wholeCol: !m[2], wholeRow: !m[1] };
  };
  const f = cell(from);
  const t = to ? cell(to) : f;
  return { r0: f.r, c0: f.c, r1: t.wholeCol ? 1_048_575 : t.r, c1: t.wholeRow ? 16_383 : t.c };
}

/** Shared by all proxies of one Excel.run: the sync counter and the queue of pending loads. */
class Context {
  syncs = 0;
  private pending: Proxy_[] = [];
  cellsLoaded = 0;
  constructor(public data: FakeWorkbookData, private readonly limits: { maxCellsPerSync: number }) {}
  queue(p: Proxy_) {
    this.pending.push(p);
  }
  async sync(): Promise<void> {
    this.syncs++;
    let cells = 0;
    for (const p of this.pending) cells += p.resolve();
    this.pending = [];
    this.cellsLoaded += cells;
    if (cells > this.limits.maxCellsPerSync) throw new OfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
}

/** A proxy object: load() names properties; they become readable at the next sync. */
abstract class Proxy_ {
  private requested = new Set<string>();
  private readable = new Set<string>();
  protected loadedValues: Record<string, unknown> = {};
  constructor(protected ctx: Context) {}
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : Array.isArray(props) ? props : Object.keys(props ?? {});
    for (const p of list) this.requested.add(p);
    this.ctx.queue(this);
    return this;
  }
  /** Called at sync: copies the loaded properties from the model; returns the number of cells it carried. */
  resolve(): number {
    let cells = 0;
    for (const p of this.requested) {
      const v = this.read(p);
      this.loadedValues[p] = v;
      if (Array.isArray(v) && Array.isArray(v[0])) cells += v.length * (v[0] as unknown[]).length;
      this.readable.add(p);
    }
    this.requested.clear();
    return cells;
  }
  protected abstract read(prop: string): unknown;
  protected get(prop: string): any {
    if (!this.readable.has(prop)) throw new OfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loadedValues[prop];
  }
}

class FakeRange extends Proxy_ {
  readonly format: any;
  readonly dataValidation: any;
  readonly conditionalFormats: any;
  constructor(ctx: Context, private sheet: FakeSheet | null, private box: { r0: number; c0: number; r1: number; c1: number } | null) {
    super(ctx);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- setters defined on plain objects need the range
    const self = this;
    // Formats are kept by range address (a whole column is one entry, as in Excel).
    const fmt = (key: string) => (v: unknown) => {
      const k = self.address();
      self.sheet!.formats.set(k, { ...(self.sheet!.formats.get(k) ?? {}), [key]: v });
    };
    const setter = (obj: any, key: string, fn: (v: unknown) => void) => Object.defineProperty(obj, key, { set: fn, enumerable: true });
    this.format = {} as any;
    for (const k of ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"]) setter(this.format, k, fmt(k));
    this.format.font = {};
    for (const k of ["bold", "italic", "size", "color", "name"]) setter(this.format.font, k, fmt(`font.${k}`));
    this.format.fill = {};
    setter(this.format.fill, "color", fmt("fill"));
    this.format.borders = { getItem: () => ({ set style(_v: string) {}, set color(_v: string) {} }) };
    this.dataValidation = {};
    setter(this.dataValidation, "rule", (rule) => self.sheet!.validations.push({ address: self.address(), rule }));
    for (const k of ["prompt", "errorAlert"]) setter(this.dataValidation, k, () => undefined);
    this.conditionalFormats = {
      add: (type: string) => {
        self.sheet!.conditionalFormats.push({ address: self.address(), type });
        return { textComparison: { format: { fill: {}, font: {} }, rule: {} }, cellValue: { format: { fill: {}, font: {} }, rule: {} } };
      },
    };
  }
  get isNullObject(): boolean {
    return this.box === null;
  }
  address(): string {
    const b = this.box!;
    return `${this.sheet!.name}!${colLetters(b.c0)}${b.r0 + 1}:${colLetters(b.c1)}${b.r1 + 1}`;
  }
  protected read(prop: string): unknown {
    const b = this.box;
    if (!b || !this.sheet) return null;
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      const rows: unknown[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: unknown[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(f(this.sheet!.cells.get(`${r},${c}`)));
        rows.push(row);
      }
      return rows;
    };
    switch (prop) {
      case "address":
        return this.address();
      case "rowIndex":
        return b.r0;
      case "columnIndex":
        return b.c0;
      case "rowCount":
        return b.r1 - b.r0 + 1;
      case "columnCount":
        return b.c1 - b.c0 + 1;
      case "values":
        return grid((c) => (c ? c.value : ""));
      case "formulas":
        return grid((c) => (c ? (c.formula ?? c.value) : ""));
      case "valueTypes":
        return grid((c) => (!c ? "Empty" : c.error ? "Error" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String"));
      default:
        throw new OfficeError("InvalidArgument", `unknown range property ${prop}`);
    }
  }
  get values() {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.write(v, false);
  }
  get formulas() {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write(v, true);
  }
  get valueTypes() {
    return this.get("valueTypes");
  }
  get rowIndex() {
    return this.get("rowIndex");
  }
  get columnIndex() {
    return this.get("columnIndex");
  }
  get rowCount() {
    return this.get("rowCount");
  }
  get columnCount() {
    return this.get("columnCount");
  }
  private write(v: unknown[][], formulas: boolean) {
    if (this.sheet!.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is protected.");
    const b = this.box!;
    if (v.length !== b.r1 - b.r0 + 1 || v.some((row) => row.length !== b.c1 - b.c0 + 1)) throw new OfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    v.forEach((row, i) =>
      row.forEach((x, j) => {
        const key = `${b.r0 + i},${b.c0 + j}`;
        if (x === "" || x === null) return void this.sheet!.cells.delete(key);
        const s = typeof x === "string" ? x : null;
        // Like Excel: a string that starts with "=" is a formula (values and formulas alike); a leading "'" makes it text.
        if (s !== null && s.startsWith("=")) this.sheet!.cells.set(key, { value: null, formula: s });
        else if (s !== null && s.startsWith("'")) this.sheet!.cells.set(key, { value: s.slice(1) });
        else this.sheet!.cells.set(key, { value: x as string | number | boolean });
        void formulas;
      }),
    );
  }
  merge() {
    this.sheet!.merges.push(this.address());
  }
  select() {}
  getBoundingRect() {
    return this;
  }
}

class FakeWorksheet extends Proxy_ {
  readonly protection: any;
  readonly tables: any;
  readonly charts: any;
  readonly freezePanes: any;
  readonly pageLayout: any;
  constructor(ctx: Context, public sheet: FakeSheet) {
    super(ctx);
    const s = sheet;
    const protection = new (class extends Proxy_ {
      protected read(p: string) {
        if (p === "protected") return s.protected;
        throw new OfficeError("InvalidArgument", p);
      }
      get protected() {
        return this.get("protected");
      }
    })(ctx);
    this.protection = protection;
    this.tables = {
      add: (address: string) => {
        const t = { name: "", address };
        s.tables.push(t);
        return {
          set name(n: string) {
            t.name = n;
          },
          set style(_v: string) {},
          set showFilterButton(_v: boolean) {},
        };
      },
    };
    this.charts = {
      add: (type: string) => {
        const c = { type, title: "" };
        s.charts.push(c);
        return {
          title: {
            set text(t: string) {
              c.title = t;
            },
          },
          series: { getItemAt: () => ({ setXAxisValues() {}, set name(_n: string) {} }) },
          setPosition() {},
          set name(_n: string) {},
          legend: {},
        };
      },
    };
    this.freezePanes = { freezeRows: (n: number) => (s.frozenRows = n), freezeAt: () => undefined };
    this.pageLayout = {
      set orientation(o: string) {
        s.orientation = o;
      },
      set zoom(_z: unknown) {},
      set paperSize(_p: unknown) {},
      setPrintArea: (a: string) => (s.printArea = a),
      headersFooters: { defaultForAllPages: {} },
    };
  }
  protected read(prop: string): unknown {
    if (prop === "name") return this.sheet.name;
    if (prop === "visibility") return this.sheet.visibility;
    throw new OfficeError("InvalidArgument", prop);
  }
  get name() {
    return this.get("name");
  }
  get visibility() {
    return this.get("visibility");
  }
  set tabColor(c: string) {
    this.sheet.tabColor = c;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const k of this.sheet.cells.keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return new FakeRange(this.ctx, this.sheet, r1 < 0 ? null : { r0, c0, r1, c1 });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.sheet, parseRange(address));
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 });
  }
  activate() {}
  delete() {
    const i = this.ctx.data.sheets.indexOf(this.sheet);
    if (i >= 0) this.ctx.data.sheets.splice(i, 1);
  }
}

class FakeWorksheets extends Proxy_ {
  protected read(prop: string): unknown {
    if (prop.startsWith("items")) return this.ctx.data.sheets.map((s) => {
      const w = new FakeWorksheet(this.ctx, s);
      w.load("name,visibility");
      w.resolve();
      return w;
    });
    throw new OfficeError("InvalidArgument", prop);
  }
  get items(): FakeWorksheet[] {
    return this.get("items/name") ?? this.get("items");
  }
  override load(props?: string | string[]): this {
    return super.load(typeof props === "string" && props.startsWith("items") ? "items/name" : props);
  }
  getItem(name: string): FakeWorksheet {
    const s = this.ctx.data.sheets.find((x) => x.name === name);
    if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    return new FakeWorksheet(this.ctx, s);
  }
  add(name: string): FakeWorksheet {
    if (this.ctx.data.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    const s = fakeSheet(name, []);
    this.ctx.data.sheets.push(s);
    return new FakeWorksheet(this.ctx, s);
  }
}

class FakeSetting extends Proxy_ {
  constructor(ctx: Context, private key: string) {
    super(ctx);
  }
  get isNullObject() {
    return !this.ctx.data.settings.has(this.key);
  }
  protected read(prop: string): unknown {
    if (prop === "value") return this.ctx.data.settings.get(this.key) ?? null;
    throw new OfficeError("InvalidArgument", prop);
  }
  get value() {
    return this.get("value");
  }
}

export interface FakeExcel {
  run<T>(cb: (context: any) => Promise<T>): Promise<T>;
  /** Syncs of every run since the fake was made. */
  readonly syncCount: number;
  readonly cellsLoaded: number;
  data: FakeWorkbookData;
}

/** A fake `Excel` global over `data`; `maxCellsPerSync` mimics Excel on the web's payload limit. */
export function createFakeExcel(data: FakeWorkbookData, limits: { maxCellsPerSync?: number; failWith?: string } = {}): FakeExcel {
  let syncs = 0;
  let cells = 0;
  return {
    data,
    get syncCount() {
      return syncs;
    },
    get cellsLoaded() {
      return cells;
    },
    async run<T>(cb: (context: any) => Promise<T>): Promise<T> {
      const ctx = new Context(data, { maxCellsPerSync: limits.maxCellsPerSync ?? 5_000_000 });
      const worksheets = new FakeWorksheets(ctx);
      const properties = new (class extends Proxy_ {
        protected read(p: string) {
          if (p === "title") return data.title ?? "";
          if (p === "company") return "";
          throw new OfficeError("InvalidArgument", p);
        }
        get title() {
          return this.get("title");
        }
      })(ctx);
      const workbook = new (class extends Proxy_ {
        readonly worksheets = worksheets;
        readonly properties = properties;
        readonly settings = {
          getItemOrNullObject: (key: string) => new FakeSetting(ctx, key),
          add: (key: string, value: string) => data.settings.set(key, value),
        };
        protected read(p: string) {
          if (p === "name") return data.name;
          throw new OfficeError("InvalidArgument", p);
        }
        get name() {
          return this.get("name");
        }
      })(ctx);
      const context = {
        workbook,
        sync: async () => {
          if (limits.failWith) throw new OfficeError(limits.failWith, limits.failWith);
          await ctx.sync();
          syncs++;
          cells = ctx.cellsLoaded;
        },
      };
      return cb(context);
    },
  };
}
