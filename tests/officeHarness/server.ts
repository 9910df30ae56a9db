// Executes the real client's requests ({ Actions, ObjectPaths }) against a SimWorkbook and answers in the
// shape the client parses: { Results: [{ ActionId, Value }], Error?: { Code, Message, HttpStatusCode,
// ActionIndex } }. Actions run in order; the first one that fails stops the batch (what ran before it
// stays done, as in Excel). Object paths are evaluated once per request, when first instantiated.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { boxAddress, parseAddress, sheetAddress, SimError, typeWrittenText, type Box, type SimChart, type SimFormat, type SimSheet, type SimWorkbook } from "./simWorkbook.ts";

type Getter = () => unknown;
type Setter = (v: any) => void;

/** A server-side object: scalar properties, navigation properties, methods. */
interface Node {
  kind: string;
  get?: Record<string, Getter>;
  set?: Record<string, Setter>;
  nav?: Record<string, () => Node | null>;
  methods?: Record<string, (...args: any[]) => unknown>;
  /** Collections: their items, for a query. */
  items?: () => Node[];
  /** Cells a query of this node's grid properties touches (the 5,000,000-cell read limit). */
  cells?: number;
}

export interface ServerLimits {
  /** Cells per range read (Excel: 5,000,000). */
  maxCellsPerRead: number;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class SimServer {
  /** Every action name and object path name the host used, e.g. "Range.Formulas" (for the requirement-set check). */
  readonly apiUsed = new Set<string>();
  /** Makes an API fail when it is reached: true fails with GeneralException, a string with that code. */
  failOn: ((api: string) => boolean | string) | null = null;

  private touch(api: string): void {
    this.apiUsed.add(api);
    const fail = this.failOn?.(api);
    if (fail) throw new SimError(typeof fail === "string" ? fail : "GeneralException", `harness: ${api} made to fail`);
  }

  constructor(
    readonly wb: SimWorkbook,
    private readonly limits: ServerLimits,
  ) {}

  /** The error code of the last request, if one of its actions failed. */
  lastError: string | null = null;
  /** Actions of the last request. */
  lastActions = 0;

  execute(requestBody: string): string {
    this.lastError = null;
    const req = JSON.parse(requestBody) as { Actions: any[]; ObjectPaths: Record<string, any> };
    const objects = new Map<number, Node | null>();
    const results: { ActionId: number; Value: unknown }[] = [];
    this.lastActions = req.Actions.length;
    const resolve = (id: number): Node | null => {
      if (objects.has(id)) return objects.get(id)!;
      const p = req.ObjectPaths[String(id)];
      if (!p) throw new SimError("InvalidObjectPath", `Unknown object path ${id}`);
      const node = this.evalPath(p, resolve);
      objects.set(id, node);
      return node;
    };
    for (let i = 0; i < req.Actions.length; i++) {
      const a = req.Actions[i];
      try {
        const value = this.runAction(a, resolve);
        if (value !== undefined) results.push({ ActionId: a.Id, Value: value });
      } catch (e) {
        const err = e instanceof SimError ? e : new SimError("GeneralException", String((e as Error)?.message ?? e));
        this.lastError = err.code;
        return JSON.stringify({ Results: results, Error: { Code: err.code, Message: err.message, HttpStatusCode: 400, ActionIndex: i, Location: a.Name } });
      }
    }
    return JSON.stringify({ Results: results });
  }

  private args(info: any, resolve: (id: number) => Node | null): unknown[] {
    const args: unknown[] = info?.Arguments ?? [];
    const refs: number[] = info?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (refs[i] ? resolve(refs[i]!) : a));
  }

  private evalPath(p: any, resolve: (id: number) => Node | null): Node | null {
    if (p.ObjectPathType === 1) return this.workbookNode();
    const parent = resolve(p.ParentObjectPathId);
    if (!parent) return null;
    const args = this.args(p.ArgumentInfo, resolve);
    switch (p.ObjectPathType) {
      case 4: {
        this.touch(`${parent.kind}.${p.Name}`);
        const nav = parent.nav?.[p.Name];
        if (!nav) throw new SimError("NotImplemented", `harness: ${parent.kind}.${p.Name} is not emulated`);
        return nav();
      }
      case 3: {
        this.touch(`${parent.kind}.${p.Name}()`);
        const m = parent.methods?.[p.Name];
        if (!m) throw new SimError("NotImplemented", `harness: ${parent.kind}.${p.Name}() is not emulated`);
        return m(...args) as Node | null;
      }
      case 5: {
        const m = parent.methods?.GetItem;
        if (!m) throw new SimError("NotImplemented", `harness: ${parent.kind}[…] is not emulated`);
        return m(...args) as Node | null;
      }
      default:
        throw new SimError("NotImplemented", `harness: object path type ${p.ObjectPathType}`);
    }
  }

  private runAction(a: any, resolve: (id: number) => Node | null): unknown {
    switch (a.ActionType) {
      case 1: {
        const node = resolve(a.ObjectPathId);
        return node ? {} : null;
      }
      case 2: {
        const node = resolve(a.ObjectPathId);
        return node ? this.query(node, a.QueryInfo ?? {}) : null;
      }
      case 3: {
        const node = resolve(a.ObjectPathId);
        if (a.Name === "_KeepReference") return undefined;
        if (!node) throw new SimError("InvalidObjectPath", "The object path is a null object.");
        this.touch(`${node.kind}.${a.Name}()`);
        const m = node.methods?.[a.Name];
        if (!m) throw new SimError("NotImplemented", `harness: ${node.kind}.${a.Name}() is not emulated`);
        const out = m(...this.args(a.ArgumentInfo, resolve));
        return out === undefined ? undefined : out;
      }
      case 4: {
        const node = resolve(a.ObjectPathId);
        if (!node) throw new SimError("InvalidObjectPath", "The object path is a null object.");
        this.touch(`${node.kind}.${a.Name}=`);
        const s = node.set?.[a.Name];
        if (!s) throw new SimError("NotImplemented", `harness: setting ${node.kind}.${a.Name} is not emulated`);
        s(this.args(a.ArgumentInfo, resolve)[0]);
        return undefined;
      }
      case 5:
        return undefined;
      default:
        throw new SimError("NotImplemented", `harness: action type ${a.ActionType}`);
    }
  }

  private query(node: Node, info: { Select?: string[]; Expand?: string[] }): unknown {
    if (node.items) return { _Items: node.items().map((item) => this.queryOne(item, info)) };
    return this.queryOne(node, info);
  }

  private queryOne(node: Node, info: { Select?: string[]; Expand?: string[] }): unknown {
    const names = info.Select?.length ? info.Select.map(pascal) : Object.keys(node.get ?? {});
    const out: Record<string, unknown> = {};
    for (const n of names) {
      this.touch(`${node.kind}.${n}`);
      const g = node.get?.[n];
      if (!g) throw new SimError("NotImplemented", `harness: reading ${node.kind}.${n} is not emulated`);
      out[n] = g();
    }
    for (const e of info.Expand ?? []) {
      const nav = node.nav?.[pascal(e)];
      const child = nav?.();
      if (child) out[pascal(e)] = this.query(child, {});
    }
    return out;
  }

  // ——— nodes ———

  private workbookNode(): Node {
    const wb = this.wb;
    return {
      kind: "Workbook",
      get: { Name: () => wb.name },
      nav: {
        Worksheets: () => this.worksheetsNode(),
        Settings: () => this.settingsNode(),
        Names: () => this.namesNode(),
        Properties: () => ({ kind: "DocumentProperties", get: { Title: () => wb.title } }),
        Protection: () => ({ kind: "WorkbookProtection", get: { Protected: () => wb.structureProtected } }),
      },
      methods: { GetActiveWorksheet: () => (wb.active ? this.worksheetNode(wb.active) : null) },
    };
  }

  private worksheetsNode(): Node {
    const wb = this.wb;
    const item = (name: string, orNull: boolean) => {
      const s = wb.sheet(String(name));
      if (!s && !orNull) throw new SimError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return s ? this.worksheetNode(s) : null;
    };
    return {
      kind: "WorksheetCollection",
      items: () => wb.sheets.map((s) => this.worksheetNode(s)),
      methods: {
        GetItem: (name: string) => item(name, false),
        GetItemOrNullObject: (name: string) => item(name, true),
        GetItemAt: (i: number) => {
          const s = wb.sheets[i];
          if (!s) throw new SimError("ItemNotFound", `No sheet at ${i}`);
          return this.worksheetNode(s);
        },
        Add: (name?: string) => this.worksheetNode(wb.addSheet(name ?? `Sheet${wb.sheets.length + 1}`)),
        GetCount: () => wb.sheets.length,
      },
    };
  }

  private worksheetNode(s: SimSheet): Node {
    const wb = this.wb;
    const guard = () => {
      if (!wb.sheets.includes(s)) throw new SimError("ItemNotFound", `The worksheet « ${s.name} » was deleted.`);
    };
    return {
      kind: "Worksheet",
      get: { Name: () => s.name, Id: () => s.id, Visibility: () => s.visibility, Position: () => wb.sheets.indexOf(s), TabColor: () => s.tabColor ?? "" },
      set: {
        Name: (v: string) => (guard(), wb.renameSheet(s, v)),
        Visibility: (v: SimSheet["visibility"]) => (s.visibility = v),
        TabColor: (v: string) => (s.tabColor = v),
        Position: (v: number) => {
          wb.sheets.splice(wb.sheets.indexOf(s), 1);
          wb.sheets.splice(v, 0, s);
        },
      },
      nav: {
        Protection: () => ({ kind: "WorksheetProtection", get: { Protected: () => s.protected } }),
        Tables: () => this.tablesNode(s),
        Charts: () => this.chartsNode(s),
        FreezePanes: () => ({
          kind: "WorksheetFreezePanes",
          methods: {
            FreezeRows: (n: number) => void (s.freeze = { rows: n, cols: 0 }),
            FreezeColumns: (n: number) => void (s.freeze = { rows: 0, cols: n }),
            FreezeAt: (r: Node | string) => {
              const box = typeof r === "string" ? parseAddress(r).box : (r as any).box as Box;
              s.freeze = { rows: box.r1 + 1, cols: box.c1 + 1 };
            },
            Unfreeze: () => void (s.freeze = null),
          },
        }),
        PageLayout: () => this.pageLayoutNode(s),
      },
      methods: {
        GetRange: (address?: string) => this.rangeNode(s, address ? this.ownBox(s, address) : { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 }),
        GetRangeByIndexes: (r: number, c: number, rows: number, cols: number) => this.rangeNode(s, { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 }),
        GetUsedRangeOrNullObject: () => {
          const box = s.usedBox();
          return box ? this.rangeNode(s, box) : null;
        },
        GetUsedRange: () => this.rangeNode(s, s.usedBox() ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
        Delete: () => (guard(), wb.deleteSheet(s)),
        Activate: () => void (guard(), (wb.active = s)),
      },
    };
  }

  private ownBox(s: SimSheet, address: string): Box {
    const { sheet, box } = parseAddress(address);
    if (sheet && sheet.toLowerCase() !== s.name.toLowerCase()) throw new SimError("InvalidArgument", `« ${address} » is not on « ${s.name} ».`);
    return box;
  }

  private rangeNode(s: SimSheet, box: Box): Node & { box: Box; sheet: SimSheet } {
    const rows = box.r1 - box.r0 + 1;
    const cols = box.c1 - box.c0 + 1;
    const cells = rows * cols;
    const grid = (f: (r: number, c: number) => unknown) => {
      if (cells > this.limits.maxCellsPerRead) throw new SimError("ResponsePayloadSizeLimitExceeded", `The range has ${cells} cells: more than Excel reads at once (${this.limits.maxCellsPerRead}).`);
      const out: unknown[][] = [];
      for (let r = box.r0; r <= box.r1; r++) {
        const row: unknown[] = new Array(cols);
        for (let c = box.c0; c <= box.c1; c++) row[c - box.c0] = f(r, c);
        out.push(row);
      }
      return out;
    };
    const value = (r: number, c: number) => {
      const cell = s.cell(r, c);
      return cell ? (cell.error ?? cell.value ?? "") : "";
    };
    const write = (v: unknown) => {
      if (s.protected) throw new SimError("AccessDenied", "The cell or chart you're trying to change is protected.");
      const at = (i: number, j: number) => (Array.isArray(v) ? (v as unknown[][])[i]![j] : v);
      if (Array.isArray(v) && (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))) {
        throw new SimError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const x = at(i, j);
          if (x === null || x === undefined) continue; // null leaves the cell as it is
          const r = box.r0 + i;
          const c = box.c0 + j;
          if (typeof x === "string") {
            const typed = typeWrittenText(x, s.numberFormat(r, c));
            if (typed.cell?.formula) {
              const missing = this.wb.missingSheets(typed.cell.formula);
              if (missing.length > 0) typed.cell = { value: "#REF!", error: "#REF!", formula: typed.cell.formula, brokenBecause: missing } as never;
            }
            s.setCell(r, c, typed.cell);
            if (typed.numberFormat) s.setNumberFormat(r, c, typed.numberFormat);
          } else if (typeof x === "number" || typeof x === "boolean") s.setCell(r, c, { value: x });
          else throw new SimError("InvalidArgument", `Unsupported value ${JSON.stringify(x)}`);
        }
    };
    const setFormat = (patch: (f: SimFormat) => SimFormat) => s.patchFormat(box, patch);
    const node = {
      kind: "Range",
      box,
      sheet: s,
      cells,
      get: {
        Address: () => sheetAddress(s.name, box),
        RowIndex: () => box.r0,
        ColumnIndex: () => box.c0,
        RowCount: () => rows,
        ColumnCount: () => cols,
        CellCount: () => cells,
        Values: () => grid(value),
        Formulas: () => grid((r, c) => s.cell(r, c)?.formula ?? value(r, c)),
        NumberFormat: () => grid((r, c) => s.numberFormat(r, c)),
        ValueTypes: () =>
          grid((r, c) => {
            const cell = s.cell(r, c);
            return !cell ? "Empty" : cell.error ? "Error" : typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String";
          }),
        RowHidden: () => {
          let hidden = 0;
          for (let r = box.r0; r <= box.r1; r++) if (s.hiddenRows.has(r)) hidden++;
          return hidden === 0 ? false : hidden === rows ? true : null;
        },
      },
      set: {
        Values: write,
        Formulas: write,
        NumberFormat: (v: unknown) => {
          if (Array.isArray(v) && (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))) {
            throw new SimError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
          }
          for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) s.setNumberFormat(box.r0 + i, box.c0 + j, String(Array.isArray(v) ? v[i][j] : v));
        },
        RowHidden: (v: boolean) => {
          for (let r = box.r0; r <= box.r1; r++) {
            if (v) s.hiddenRows.add(r);
            else s.hiddenRows.delete(r);
          }
        },
      },
      nav: {
        Format: () => ({
          kind: "RangeFormat",
          set: {
            ColumnWidth: (w: number) => {
              for (let c = box.c0; c <= box.c1; c++) s.columnWidths.set(c, w);
            },
            RowHeight: (h: number) => {
              for (let r = box.r0; r <= box.r1; r++) s.rowHeights.set(r, h);
            },
            WrapText: (v: boolean) => setFormat((f) => ({ ...f, wrapText: v })),
            HorizontalAlignment: (v: string) => setFormat((f) => ({ ...f, horizontalAlignment: v })),
            VerticalAlignment: (v: string) => setFormat((f) => ({ ...f, verticalAlignment: v })),
          },
          nav: {
            Font: () => fontNode(setFormat),
            Fill: () => ({ kind: "RangeFill", set: { Color: (v: string) => setFormat((f) => ({ ...f, fill: v })) } }),
            Borders: () => ({
              kind: "RangeBorderCollection",
              methods: { GetItem: (side: string) => this.borderNode(s, box, side), GetItemAt: () => null },
            }),
          },
        }),
        DataValidation: () => this.validationNode(s, box),
        ConditionalFormats: () => ({
          kind: "ConditionalFormatCollection",
          methods: {
            Add: (type: string) => {
              const cf = { address: boxAddress(box), type, rule: {} as Record<string, unknown>, format: {} as SimFormat };
              s.conditionalFormats.push(cf);
              const fmt = (f: (p: (x: SimFormat) => SimFormat) => void) => f;
              const patch = (p: (x: SimFormat) => SimFormat) => void (cf.format = p(cf.format));
              void fmt;
              const format: Node = {
                kind: "ConditionalRangeFormat",
                set: { NumberFormat: (v: string) => patch((f) => ({ ...f, numberFormat: v }) as SimFormat) },
                nav: {
                  Fill: () => ({ kind: "ConditionalRangeFill", set: { Color: (v: string) => patch((f) => ({ ...f, fill: v })) } }),
                  Font: () => fontNode(patch, "ConditionalRangeFont"),
                },
              };
              const sub = (kind: string): Node => ({
                kind,
                set: {
                  Rule: (v: Record<string, unknown>) => {
                    if (typeof v.formula1 === "string" && this.wb.missingSheets(v.formula1).length > 0) throw new SimError("InvalidArgument", `Unknown sheet in ${v.formula1}`);
                    cf.rule = { ...v };
                  },
                },
                nav: {
                  Format: () => format,
                  Rule: () => ({
                    kind: "ConditionalFormatRule",
                    set: {
                      Formula: (v: string) => {
                        if (this.wb.missingSheets(v).length > 0) throw new SimError("InvalidArgument", `Unknown sheet in ${v}`);
                        cf.rule = { ...cf.rule, formula: v };
                      },
                    },
                  }),
                },
              });
              return { kind: "ConditionalFormat", nav: { Custom: () => sub("CustomConditionalFormat"), TextComparison: () => sub("TextConditionalFormat"), CellValue: () => sub("CellValueConditionalFormat") } };
            },
            ClearAll: () => void s.conditionalFormats.splice(0),
          },
        }),
      },
      methods: {
        Merge: (across?: boolean) => void s.merges.push(boxAddress(box) + (across ? " (across)" : "")),
        Select: () => void (this.wb.active = s),
        // What the client sends before cutting a large array into chunks of rows (setRangePropertiesInBulk).
        _ValidateArraySize: (r: number, c: number) => {
          if (r !== rows || c !== cols) throw new SimError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        },
        // The cells holding constants or formulas, as Excel gives them: rectangles (runs of a row, merged
        // with the same run of the rows below).
        GetSpecialCellsOrNullObject: (type: string) => {
          const want = (c: { formula?: string } | undefined) => c !== undefined && (type === "Formulas" ? c.formula !== undefined : type === "Constants" ? c.formula === undefined : true);
          const byRow = new Map<number, number[]>();
          for (const k of s.cells.keys()) {
            const r = Math.floor(k / 16_384);
            const c = k % 16_384;
            if (r < box.r0 || r > box.r1 || c < box.c0 || c > box.c1 || !want(s.cell(r, c))) continue;
            const list = byRow.get(r);
            if (list) list.push(c);
            else byRow.set(r, [c]);
          }
          const open = new Map<string, Box>();
          const areas: Box[] = [];
          for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
            const cols = byRow.get(r)!.sort((a, b) => a - b);
            const runs: [number, number][] = [];
            for (const c of cols) {
              const last = runs[runs.length - 1];
              if (last && last[1] === c - 1) last[1] = c;
              else runs.push([c, c]);
            }
            const seen = new Set<string>();
            for (const [c0, c1] of runs) {
              const id = `${c0}:${c1}`;
              seen.add(id);
              const a = open.get(id);
              if (a && a.r1 === r - 1) a.r1 = r;
              else {
                const area = { r0: r, c0, r1: r, c1 };
                open.set(id, area);
                areas.push(area);
              }
            }
          }
          if (areas.length === 0) return null;
          return {
            kind: "RangeAreas",
            get: { Address: () => areas.map((a) => sheetAddress(s.name, a)).join(","), AreaCount: () => areas.length, CellCount: () => areas.reduce((n, a) => n + (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), 0) },
          };
        },
        GetRow: (i: number) => this.rangeNode(s, { r0: box.r0 + i, c0: box.c0, r1: box.r0 + i, c1: box.c1 }),
        GetBoundingRect: (other: Node) => {
          const o = (other as any).box as Box;
          return this.rangeNode(s, { r0: Math.min(box.r0, o.r0), c0: Math.min(box.c0, o.c0), r1: Math.max(box.r1, o.r1), c1: Math.max(box.c1, o.c1) });
        },
        Clear: () => {
          for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) s.setCell(r, c, null);
        },
      },
    };
    return node as Node & { box: Box; sheet: SimSheet };
  }

  private borderNode(s: SimSheet, box: Box, side: string): Node {
    const apply = (style: string) => {
      const sides: Record<string, (r: number, c: number) => ("top" | "bottom" | "left" | "right")[]> = {
        EdgeTop: (r) => (r === box.r0 ? ["top"] : []),
        EdgeBottom: (r) => (r === box.r1 ? ["bottom"] : []),
        EdgeLeft: (_r, c) => (c === box.c0 ? ["left"] : []),
        EdgeRight: (_r, c) => (c === box.c1 ? ["right"] : []),
        InsideHorizontal: (r) => [...(r > box.r0 ? (["top"] as const) : []), ...(r < box.r1 ? (["bottom"] as const) : [])],
        InsideVertical: (_r, c) => [...(c > box.c0 ? (["left"] as const) : []), ...(c < box.c1 ? (["right"] as const) : [])],
      };
      const which = sides[side];
      if (!which) throw new SimError("InvalidArgument", `Unknown border ${side}`);
      s.patchFormat(
        box,
        (f, r, c) => {
          const list = which(r, c);
          if (list.length === 0) return f;
          const borders = { ...(f.borders ?? {}) };
          for (const k of list) borders[k] = style;
          return { ...f, borders };
        },
        true,
      );
    };
    return { kind: "RangeBorder", set: { Style: (v: string) => apply(v), Color: () => undefined, Weight: () => undefined } };
  }

  private validationNode(s: SimSheet, box: Box): Node {
    const address = boxAddress(box);
    const entry = () => {
      let v = s.validations.find((x) => x.address === address);
      if (!v) s.validations.push((v = { address, rule: {}, prompt: null, errorAlert: null }));
      return v;
    };
    return {
      kind: "DataValidation",
      set: {
        Rule: (rule: { list?: { source?: string } }) => {
          const src = rule.list?.source;
          if (typeof src === "string" && src.startsWith("=")) {
            const missing = this.wb.missingSheets(src);
            if (missing.length > 0) throw new SimError("InvalidArgument", `The list source names a sheet that does not exist: ${missing.join(", ")}.`);
          }
          entry().rule = JSON.parse(JSON.stringify(rule));
        },
        Prompt: (p: unknown) => void (entry().prompt = p),
        ErrorAlert: (p: unknown) => void (entry().errorAlert = p),
        IgnoreBlanks: () => undefined,
      },
      methods: { Clear: () => void s.validations.splice(0, s.validations.length, ...s.validations.filter((v) => v.address !== address)) },
    };
  }

  private tableNode(t: SimSheet["tables"][number]): Node {
    return {
      kind: "Table",
      get: { Name: () => t.name, Style: () => t.style ?? "TableStyleMedium2" },
      set: {
        Name: (n: string) => {
          if (!/^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(n) || n.length > 255) throw new SimError("InvalidArgument", `Invalid table name ${n}.`);
          if (this.wb.sheets.some((x) => x.tables.some((o) => o !== t && o.name.toLowerCase() === n.toLowerCase()))) throw new SimError("InvalidArgument", `A table named ${n} already exists.`);
          const old = t.name;
          t.name = n;
          // Structured references follow the table's new name, as in Excel.
          for (const sheet of this.wb.sheets)
            for (const [k, cell] of sheet.cells) if (cell.formula?.includes(`${old}[`)) sheet.cells.set(k, { ...cell, formula: cell.formula.split(`${old}[`).join(`${n}[`) });
        },
        Style: (v: string) => void (t.style = v),
        ShowFilterButton: (v: boolean) => void (t.showFilterButton = v),
      },
    };
  }

  private tablesNode(s: SimSheet): Node {
    return {
      kind: "TableCollection",
      items: () => s.tables.map((t) => this.tableNode(t)),
      methods: {
        GetItem: (name: string) => {
          const t = s.tables.find((x) => x.name.toLowerCase() === String(name).toLowerCase());
          if (!t) throw new SimError("ItemNotFound", `The requested resource doesn't exist: table ${name}`);
          return this.tableNode(t);
        },
        Add: (address: string | Node, hasHeaders: boolean) => {
          const box = typeof address === "string" ? this.ownBox(s, address) : ((address as any).box as Box);
          if (box.r1 <= box.r0) throw new SimError("InvalidArgument", "A table needs a header row and at least one row.");
          const seen = new Set<string>();
          const columns: string[] = [];
          for (let c = box.c0; c <= box.c1; c++) {
            const cell = hasHeaders ? s.cell(box.r0, c) : undefined;
            const base = cell && cell.value !== null && cell.value !== "" ? String(cell.value) : `Column${c - box.c0 + 1}`;
            let name = base;
            for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
            seen.add(name.toLowerCase());
            columns.push(name);
            if (hasHeaders) s.setCell(box.r0, c, { value: name });
          }
          let n = this.wb.sheets.reduce((k, x) => k + x.tables.length, 0) + 1;
          while (this.wb.sheets.some((x) => x.tables.some((o) => o.name === `Table${n}`))) n++;
          const t = { name: `Table${n}`, address: boxAddress(box), columns, style: null as string | null, showFilterButton: null as boolean | null };
          s.tables.push(t);
          return this.tableNode(t);
        },
      },
    };
  }

  private chartsNode(s: SimSheet): Node {
    const rangeOf = (r: Node | string): string => {
      if (typeof r === "string") return r;
      const n = r as any;
      return sheetAddress(n.sheet.name, n.box);
    };
    return {
      kind: "ChartCollection",
      items: () => [],
      methods: {
        Add: (type: string, source: Node, seriesBy: string) => {
          const n = source as any;
          const box: Box = n.box;
          // Excel makes one series per column (Columns, or Auto on a tall range), per row otherwise.
          const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && box.r1 - box.r0 >= box.c1 - box.c0);
          const series = [];
          if (byColumns) for (let c = box.c0; c <= box.c1; c++) series.push({ name: null, values: sheetAddress(n.sheet.name, { ...box, c0: c, c1: c }), xValues: null });
          else for (let r = box.r0; r <= box.r1; r++) series.push({ name: null, values: sheetAddress(n.sheet.name, { ...box, r0: r, r1: r }), xValues: null });
          const chart: SimChart = { type, name: `Chart ${s.charts.length + 1}`, title: null, series, position: null, legend: {} };
          s.charts.push(chart);
          const seriesNode = (i: number): Node => {
            const ser = chart.series[i];
            if (!ser) throw new SimError("ItemNotFound", `The chart has no series ${i}.`);
            return {
              kind: "ChartSeries",
              set: { Name: (v: string) => void (ser.name = v) },
              methods: { SetValues: (r: Node) => void (ser.values = rangeOf(r)), SetXAxisValues: (r: Node) => void (ser.xValues = rangeOf(r)) },
            };
          };
          return {
            kind: "Chart",
            set: { Name: (v: string) => void (chart.name = v), Top: () => undefined, Left: () => undefined, Width: () => undefined, Height: () => undefined },
            nav: {
              Title: () => ({ kind: "ChartTitle", set: { Text: (v: string) => void (chart.title = v), Visible: () => undefined } }),
              Legend: () => ({ kind: "ChartLegend", set: { Position: (v: string) => void (chart.legend.position = v), Visible: (v: boolean) => void (chart.legend.visible = v) } }),
              Series: () => ({
                kind: "ChartSeriesCollection",
                methods: {
                  GetItemAt: (i: number) => seriesNode(i),
                  Add: (name?: string, index?: number) => {
                    const ser = { name: name ?? null, values: null, xValues: null };
                    if (typeof index === "number") chart.series.splice(index, 0, ser);
                    else chart.series.push(ser);
                    return seriesNode(chart.series.indexOf(ser));
                  },
                },
              }),
            },
            methods: { SetPosition: (from: string | Node, to?: string | Node) => void (chart.position = { from: rangeOf(from), to: to === undefined || to === null ? null : rangeOf(to) }) },
          };
        },
      },
    };
  }

  private pageLayoutNode(s: SimSheet): Node {
    const hf = (kind: string): Node => ({
      kind,
      set: Object.fromEntries(
        ["LeftHeader", "CenterHeader", "RightHeader", "LeftFooter", "CenterFooter", "RightFooter"].map((k) => [k, (v: string) => void (s.pageLayout.headerFooter[k] = v)]),
      ),
    });
    return {
      kind: "PageLayout",
      set: {
        Orientation: (v: string) => void (s.pageLayout.orientation = v),
        Zoom: (v: unknown) => void (s.pageLayout.zoom = v),
        PaperSize: () => undefined,
        CenterHorizontally: () => undefined,
      },
      nav: { HeadersFooters: () => ({ kind: "HeaderFooterGroup", set: { State: () => undefined }, nav: { DefaultForAllPages: () => hf("HeaderFooter") } }) },
      methods: {
        SetPrintArea: (a: string | Node) => void (s.pageLayout.printArea = typeof a === "string" ? a : boxAddress((a as any).box)),
        SetPrintTitleRows: (a: string | Node) => void (s.pageLayout.titleRows = typeof a === "string" ? a : boxAddress((a as any).box)),
      },
    };
  }

  private namesNode(): Node {
    const wb = this.wb;
    const item = (key: string): Node | null => {
      const n = wb.names.get(key.toLowerCase());
      return n
        ? { kind: "NamedItem", get: { Name: () => n.name, Formula: () => n.formula, Type: () => "Range" }, methods: { Delete: () => void wb.names.delete(n.name.toLowerCase()) } }
        : null;
    };
    return {
      kind: "NamedItemCollection",
      items: () => [...wb.names.keys()].map((k) => item(k)!),
      methods: {
        Add: (name: string, reference: string | Node) => {
          if (typeof reference !== "string") throw new SimError("NotImplemented", "harness: names.add with a Range is not emulated");
          wb.addName(String(name), reference);
          return item(String(name));
        },
        GetItem: (name: string) => {
          const n = item(String(name));
          if (!n) throw new SimError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
          return n;
        },
        GetItemOrNullObject: (name: string) => item(String(name)),
      },
    };
  }

  private settingsNode(): Node {
    const wb = this.wb;
    const setting = (k: string): Node | null =>
      wb.settings.has(k) ? { kind: "Setting", get: { Key: () => k, Value: () => wb.settings.get(k) }, methods: { Delete: () => void wb.settings.delete(k) } } : null;
    return {
      kind: "SettingCollection",
      items: () => [...wb.settings.keys()].map((k) => setting(k)!),
      methods: {
        Add: (k: string, v: unknown) => {
          wb.settings.set(k, v);
          return setting(k);
        },
        GetItem: (k: string) => {
          const n = setting(k);
          if (!n) throw new SimError("ItemNotFound", `The requested resource doesn't exist: ${k}`);
          return n;
        },
        GetItemOrNullObject: (k: string) => setting(k),
      },
    };
  }
}

function fontNode(patch: (p: (f: SimFormat) => SimFormat) => void, kind = "RangeFont"): Node {
  return {
    kind,
    set: {
      Bold: (v: boolean) => patch((f) => ({ ...f, bold: v })),
      Italic: (v: boolean) => patch((f) => ({ ...f, italic: v })),
      Size: (v: number) => patch((f) => ({ ...f, size: v })),
      Color: (v: string) => patch((f) => ({ ...f, color: v })),
      Name: (v: string) => patch((f) => ({ ...f, fontName: v })),
    },
  };
}
