// The Excel host: the only code that touches Office.js. It reads the snapshot in batches sized in bytes
// (Excel on the web refuses a request or a response over 5 MB) and writes the report so that a failure at
// any point leaves the workbook as it was: the new sheets are built under temporary names, the old ones are
// removed last, then the new ones take their names (Excel rewrites every formula, list and chart that
// names them). A full run takes 2 + ⌈bytes read / budget⌉ syncs to read and ⌈bytes written / budget⌉
// to write: 4 for an ordinary budget.
/* global Excel */
import { EquilibreError } from "../../engine/errors.ts";
import type { ReportPlan } from "../../workbook/plan.ts";
import type { ApplyResult, WorkbookHost } from "../../workbook/port.ts";
import { isEquilibreName } from "../../workbook/definedNames.ts";
import { renameSheets, renameWarnings, resolveSheetNames } from "../../workbook/sheetNames.ts";
import { columnLetters, columnNumber, type CellValue, type SheetSnapshot, type SnapshotRow, type WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { isDateFormat, serialToIsoDate } from "./dates.ts";
import { formatCodeKind, numberAs } from "../../workbook/cellValues.ts";
import { mapOfficeError } from "./officeErrors.ts";
import { DEFAULT_BATCH_BYTES } from "./payload.ts";
import { hiddenRows, readBlocks, type ReadRequest } from "./readCells.ts";
import { migrateState, STATE_KEY, type StoredStateV1 } from "./state.ts";
import { sheetCommands, type Command } from "./writePlan.ts";

/** The part of the `Excel` namespace the host uses (the real one, or the test harness's). */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** Bytes the host allows itself per request and per response (Excel on the web refuses over 5 MB). */
  batchBytes?: number;
}

const ERROR_VALUES = new Set(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);
/** Above this many cells, a used range is read through the cells that hold something. */
const SPARSE_CELLS = 1_000_000;
/** Rectangles whose addresses fit a response comfortably (some 40 bytes each). */
const MAX_AREAS = 20_000;
/** Where a report is built before it replaces the old one. */
const TEMP_PREFIX = "~Équilibre ";

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private knownSheets: string[] = [];
  private state: StoredStateV1 | null = null;
  private structureProtected = false;
  /** Workbook names found by the last read: Équilibre's own are replaced by the next write. */
  private knownNames: string[] = [];
  /** Table names by sheet (table names are unique in a workbook). */
  private tablesBySheet = new Map<string, string[]>();
  private readonly batchBytes: number;

  constructor(
    private readonly excel: ExcelApi,
    options: ExcelHostOptions = {},
  ) {
    this.batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
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
        wb.protection.load("protected");
        wb.load("name");
        wb.names.load("items/name");
        await context.sync(); // 1: sheets, state, title, structure protection, names
        this.state = setting.isNullObject ? null : migrateState(setting.value);
        this.structureProtected = Boolean(wb.protection.protected);
        const items = sheets.items;
        this.knownSheets = items.map((s) => s.name);
        this.knownNames = wb.names.items.map((n) => n.name);
        const tables = items.map((ws) => ws.tables.load("items/name"));
        const used = items.map((ws) => {
          ws.protection.load("protected");
          const r = ws.getUsedRangeOrNullObject(true);
          r.load("rowIndex,columnIndex,rowCount,columnCount,cellCount");
          return r;
        });
        await context.sync(); // 2: used ranges, protection, tables
        // A used range of millions of cells may be mostly empty (one stray cell far right or far down):
        // then only the cells that hold something are read, as the rectangles Excel gives for them. First
        // how many rectangles and cells (a full mapping sheet is dense, and its rectangles would not fit a
        // response), then their addresses, only where they are few.
        const special = (i: number) => {
          // A fresh used range: a proxy does not outlive its request.
          const fresh = items[i]!.getUsedRangeOrNullObject(true);
          return [fresh.getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType), fresh.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType)] as const;
        };
        const huge = used.map((r, i) => {
          if (r.isNullObject || r.cellCount <= SPARSE_CELLS) return null;
          const areas = special(i);
          for (const a of areas) a.load("areaCount,cellCount");
          return areas;
        });
        if (huge.some((x) => x)) await context.sync(); // 2b: only for such sheets
        const sparse = huge.map((areas, i) => {
          if (!areas) return null;
          const present = areas.filter((a) => !a.isNullObject);
          const count = present.reduce((n, a) => n + a.areaCount, 0);
          const cells = present.reduce((n, a) => n + a.cellCount, 0);
          if (count > MAX_AREAS || cells > used[i]!.cellCount / 2) return null;
          const fresh = special(i);
          for (const a of fresh) a.load("address");
          return fresh;
        });
        if (sparse.some((x) => x)) await context.sync(); // 2c: their addresses
        this.tablesBySheet = new Map(items.map((ws, i) => [ws.name, tables[i]!.items.map((t) => t.name)]));
        const requests: ReadRequest[] = [];
        used.forEach((r, i) => {
          if (r.isNullObject) return;
          const areas = sparse[i];
          if (!areas) return void requests.push({ sheet: i, row0: r.rowIndex, col0: r.columnIndex, rows: r.rowCount, cols: r.columnCount });
          for (const a of areas) if (!a.isNullObject) for (const box of areaBoxes(a.address)) requests.push({ sheet: i, ...box });
        });
        const blocks = await readBlocks(context, items, requests.map((r) => ({ ...r })), this.batchBytes, () => undefined); // 3+
        const mixed = blocks.filter((b) => b.rowHidden === null).map((b) => ({ sheet: b.sheet, row0: b.row0, col0: b.col0, rows: b.values.length, cols: 1 }));
        const hidden = mixed.length > 0 ? await hiddenRows(context, items, mixed, () => undefined) : new Map<number, Set<number>>();
        for (const b of blocks) {
          if (b.rowHidden !== true) continue;
          const set = hidden.get(b.sheet) ?? new Set<number>();
          for (let r = 0; r < b.values.length; r++) set.add(b.row0 + r);
          hidden.set(b.sheet, set);
        }
        const rowsBySheet = items.map(() => new Map<number, SnapshotRow>());
        for (const b of blocks) {
          b.values.forEach((row, i) => {
            const index = b.row0 + i + 1;
            for (let j = 0; j < row.length; j++) {
              const f = b.formulas[i]?.[j];
              const raw = row[j];
              // A formula starts with "=" and is not its own value (a text "=abc" reads the same both ways).
              const formula = typeof f === "string" && f.startsWith("=") && f !== raw ? f.slice(1) : undefined;
              const value = cellValue(raw, b.numberFormat[i]?.[j]);
              if ((value === null || value === "") && !formula) continue;
              const map = rowsBySheet[b.sheet]!;
              let snapRow = map.get(index);
              if (!snapRow) {
                snapRow = { index, cells: [], ...(hidden.get(b.sheet)?.has(index - 1) ? { hidden: true } : {}) };
                map.set(index, snapRow);
              }
              snapRow.cells.push({ col: b.col0 + j + 1, value: value === "" ? null : value, ...(formula ? { formula } : {}) });
            }
          });
        }
        const snapshotSheets: SheetSnapshot[] = items.map((ws, i) => {
          const u = used[i]!;
          const r = u.isNullObject ? null : { row0: u.rowIndex, col0: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
          return {
            name: ws.name,
            visibility: ws.visibility === "Visible" ? "visible" : ws.visibility === "Hidden" ? "hidden" : "veryHidden",
            protected: Boolean(ws.protection.protected),
            rows: [...rowsBySheet[i]!.values()].sort((a, b) => a.index - b.index).map((row) => ({ ...row, cells: row.cells.sort((a, b) => a.col - b.col) })),
            merges: [],
            usedRange: r ? `${columnLetters(r.col0 + 1)}${r.row0 + 1}:${columnLetters(r.col0 + r.cols)}${r.row0 + r.rows}` : null,
          };
        });
        const title = (wb.properties.title ?? "").trim();
        const ownCells = this.state?.ownCells;
        return { name: wb.name, sheets: snapshotSheets, title: title || null, ownSheets: this.state?.ownSheets ?? [], ...(ownCells ? { ownCells } : {}) };
      });
    } catch (e) {
      throw mapOfficeError(e);
    }
  }

  async apply(plan: ReportPlan): Promise<ApplyResult> {
    // Excel refuses to add, remove or rename sheets in a workbook whose structure is protected: say so
    // before anything is written.
    if (this.structureProtected) throw new EquilibreError("office_workbook_protected");
    const own = [...new Set([...(this.state?.ownSheets ?? []), ...plan.replaces])].filter((n) => this.knownSheets.includes(n));
    const leftovers = this.knownSheets.filter((n) => n.startsWith(TEMP_PREFIX));
    const remaining = this.knownSheets.filter((n) => !own.includes(n) && !leftovers.includes(n));
    const names = resolveSheetNames(remaining, [], plan.sheets.map((s) => s.name));
    const final = renameSheets(plan, names);
    // Temporary names that no sheet has: the report is written under them, formulas included.
    const taken = new Set(this.knownSheets.map((n) => n.toLowerCase()));
    const temp = new Map<string, string>();
    let k = 1;
    for (const s of final.sheets) {
      while (taken.has(`${TEMP_PREFIX}${k}`.toLowerCase())) k++;
      temp.set(s.name, `${TEMP_PREFIX}${k++}`);
    }
    // Table names: never a user's table's; built under temporary names too (the old report's tables
    // keep theirs until it is removed), with the formulas that name them.
    const takenTables = new Set([...this.tablesBySheet].filter(([sheet]) => !own.includes(sheet) && !leftovers.includes(sheet)).flatMap(([, t]) => t.map((n) => n.toLowerCase())));
    const allTables = new Set([...this.tablesBySheet.values()].flat().map((n) => n.toLowerCase()));
    const tableNames = new Map<string, { final: string; temp: string }>();
    let t = 1;
    for (const table of final.sheets.flatMap((s) => s.tables)) {
      let name = table.name;
      for (let i = 2; takenTables.has(name.toLowerCase()); i++) name = `${table.name}${i}`;
      takenTables.add(name.toLowerCase());
      while (allTables.has(`EquilibreTmp${t}`.toLowerCase())) t++;
      tableNames.set(table.name, { final: name, temp: `EquilibreTmp${t++}` });
    }
    const building = withTableNames(renameSheets(final, temp), tableNames, "temp");
    const commands: Command[] = [];
    for (const [i, sheet] of building.sheets.entries()) {
      // The print header names the sheet as the user will see it.
      const shown = { ...sheet, name: final.sheets[i]!.name };
      for (const c of sheetCommands(shown, sheet.name, this.batchBytes)) commands.push(c);
    }
    const state: StoredStateV1 = { ...final.state, schemaVersion: 1, ownSheets: final.sheets.map((s) => s.name) };
    try {
      await this.excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        // Batch 1 starts by removing what an interrupted run left, and adding every new sheet: all exist
        // before any formula or list names one.
        const first = (ws: (name: string) => Excel.Worksheet) => {
          for (const name of leftovers) sheets.getItem(name).delete();
          for (const s of building.sheets) ws(s.name);
        };
        let batch: Command[] = [];
        let bytes = 0;
        let started = false;
        const send = async (last: boolean) => {
          const cache = new Map<string, Excel.Worksheet>();
          const ws = (name: string) => {
            let w = cache.get(name);
            if (!w) cache.set(name, (w = started ? sheets.getItem(name) : sheets.add(name)));
            return w;
          };
          if (!started) first(ws);
          started = true;
          for (const c of batch) c.run(ws(c.sheet));
          if (last) {
            // Only now, with the new report complete: the old sheets go, the new ones take their names.
            for (const name of own) sheets.getItem(name).delete();
            for (const [i, s] of building.sheets.entries()) {
              for (const table of final.sheets[i]!.tables) {
                const n = tableNames.get(table.name)!;
                ws(s.name).tables.getItem(n.temp).name = n.final;
              }
              ws(s.name).name = final.sheets[i]!.name;
            }
            // The key figures' names: Équilibre's of an earlier run go (the user's stay), then this run's.
            for (const n of this.knownNames.filter(isEquilibreName)) context.workbook.names.getItem(n).delete();
            for (const n of final.names ?? []) context.workbook.names.add(n.name, `=${n.ref}`);
            context.workbook.settings.add(STATE_KEY, JSON.stringify(state));
            const report = final.sheets.find((s) => s.role === "report");
            if (report) sheets.getItem(report.name).activate();
          }
          await context.sync();
          batch = [];
          bytes = 0;
        };
        for (const c of commands) {
          if (batch.length > 0 && bytes + c.bytes > this.batchBytes) await send(false);
          batch.push(c);
          bytes += c.bytes;
        }
        await send(true);
      });
    } catch (e) {
      await this.removeSheets([...temp.values()]);
      throw mapOfficeError(e);
    }
    this.state = state;
    this.knownSheets = [...remaining, ...state.ownSheets];
    this.knownNames = [...this.knownNames.filter((n) => !isEquilibreName(n)), ...(final.names ?? []).map((n) => n.name)];
    const tables = [...tableNames].map(([from, { final: to }]) => [from, to] as const);
    const warnings = [...(plan.warnings ?? []), ...renameWarnings(names, tables, plan.state.language)];
    return { sheets: final.sheets.map((s) => ({ role: s.role, name: s.name })), chartsWritten: final.sheets.some((s) => s.charts.length > 0), warnings };
  }

  /** Best effort after a failed write: the half-built sheets go, the old report stays. */
  private async removeSheets(names: string[]): Promise<void> {
    try {
      await this.excel.run(async (context) => {
        const items = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
        await context.sync();
        for (const ws of items) if (!ws.isNullObject) ws.delete();
        await context.sync();
      });
    } catch {
      // The next run removes them (they carry the temporary prefix).
    }
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

/** "Feuille!A1:C30,'Ma feuille'!XFD3" → 0-based boxes. */
function areaBoxes(address: string): { row0: number; col0: number; rows: number; cols: number }[] {
  const out: { row0: number; col0: number; rows: number; cols: number }[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')+'|[^,!']+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
    const c0 = columnNumber(m[1]!) - 1;
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? columnNumber(m[3]) - 1 : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    out.push({ row0: r0, col0: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
  }
  return out;
}

/** The plan with its tables named `which` (and the structured references of its formulas with them). */
function withTableNames(plan: ReportPlan, names: Map<string, { final: string; temp: string }>, which: "temp" | "final"): ReportPlan {
  const swap = (f: string) => {
    let out = f;
    for (const [from, n] of names) out = out.split(`${from}[`).join(`${n[which]}[`);
    return out;
  };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => ({ ...t, name: names.get(t.name)?.[which] ?? t.name })),
      cells: names.size === 0 ? s.cells : s.cells.map((c) => (c.formula ? { ...c, formula: swap(c.formula) } : c)),
    })),
  };
}

/** Office gives errors as "#REF!" strings, dates as serials whose number format says they are dates. */
function cellValue(v: unknown, format: unknown): CellValue {
  if (typeof v === "string" && ERROR_VALUES.has(v)) return { error: v };
  if (typeof v === "number") {
    // A percentage or a time shows as the file host gives it (src/workbook/cellValues.ts): never money.
    const kind = typeof format === "string" ? formatCodeKind(format) : null;
    if (kind === "percent" || kind === "time") return numberAs(v, kind, format as string, serialToIsoDate);
    if (isDateFormat(format)) return serialToIsoDate(v) ?? v;
    return v;
  }
  if (typeof v === "boolean" || typeof v === "string") return v;
  return null;
}
