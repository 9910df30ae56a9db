// The .xlsx package → a WorkbookSnapshot, with one zip (shared with the writer) and one streaming,
// namespace-aware parser. Relationships are followed whatever their targets look like (relative,
// absolute "/xl/worksheets/sheet1.xml"), in Transitional or Strict; only the parts that hold what the
// snapshot needs are read (workbook, its relationships, styles, shared strings, sheets, pivot tables,
// properties): drawings, comments and the rest are left to the writer, which keeps their bytes.
import type JSZip from "jszip";
import { EquilibreError } from "../../engine/errors.ts";
import type { PivotTableInfo, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { DateStyles } from "./numberFormats.ts";
import { isSml, PACKAGE_REL_NS, REL_NS, relIs } from "./ooxml.ts";
import { attr, attrNs, checkDeclaredSizes, DamagedPart, InflateBudget, parsePart, type PartHandler } from "./partStream.ts";
import { LinesTableFilter, type CellFilter } from "./linesTableFilter.ts";
import { SharedStrings, SheetReader } from "./sheetReader.ts";
import { isStateSheetName, parseState } from "./stateSheet.ts";
import { relsPathOf, resolveTarget } from "./xlsxPackage.ts";

export interface PartRel {
  id: string;
  type: string;
  /** The target as a zip path (null for an external target). */
  path: string | null;
}

const DC_NS = "http://purl.org/dc/elements/1.1/";

class Reader {
  private readonly budget = new InflateBudget();

  constructor(private readonly zip: JSZip) {}

  has(path: string): boolean {
    const f = this.zip.file(path);
    return f !== null && !f.dir;
  }

  parse(path: string, handler: PartHandler): Promise<boolean> {
    return parsePart(this.zip, path, this.budget, handler);
  }

  /** The relationships of `part` ("" for the package's own). */
  async rels(part: string): Promise<PartRel[]> {
    const out: PartRel[] = [];
    await this.parse(relsPathOf(part), {
      open(el, depth) {
        if (depth !== 1 || el.local !== "Relationship" || (el.uri !== PACKAGE_REL_NS && el.uri !== "")) return;
        const target = attr(el, "Target") ?? "";
        const external = attr(el, "TargetMode") === "External";
        out.push({ id: attr(el, "Id") ?? "", type: attr(el, "Type") ?? "", path: external || target === "" ? null : resolveTarget(part, target) });
      },
    });
    return out;
  }
}

interface WorkbookEntry {
  name: string;
  state: string | null;
  rid: string;
}

/**
 * Libraries that never calculate ask Excel to do it on opening (fullCalcOnLoad) and keep Excel 2007's calcId:
 * XlsxWriter then saves 0 as the result of every formula it was given no value for. Excel, LibreOffice and
 * Équilibre (which sets fullCalcOnLoad but writes a current calcId when there was none) do not.
 */
const NEVER_CALCULATED_ID = "124519";

/**
 * The namespaces of Excel 2007's pre-release versions (« http://schemas.microsoft.com/office/excel/2006/2 », POI's
 * sample-beta.xlsx), before the format was standardised: <sstItem> for <si>, other names. No reader of today takes
 * them (LibreOffice opens such a file empty), so the file is refused with its own sentence, not called damaged.
 */
const PRERELEASE_SML = /^http:\/\/schemas\.microsoft\.com\/office\/excel\/200[56]\/\d+$/;

async function readWorkbookPart(reader: Reader, path: string, file: string): Promise<{ sheets: WorkbookEntry[]; date1904: boolean; zeroIsUnsaved: boolean }> {
  const sheets: WorkbookEntry[] = [];
  let date1904 = false;
  let zeroIsUnsaved = false;
  let root = false;
  let prerelease = false;
  await reader.parse(path, {
    open(el, depth) {
      if (depth === 0) {
        root = el.local === "workbook" && isSml(el.uri);
        prerelease = el.local === "workbook" && PRERELEASE_SML.test(el.uri);
      }
      if (!isSml(el.uri)) return;
      if (depth === 1 && el.local === "workbookPr") date1904 = ["1", "true"].includes(attr(el, "date1904") ?? "");
      else if (depth === 1 && el.local === "calcPr") {
        const id = attr(el, "calcId");
        zeroIsUnsaved = ["1", "true"].includes(attr(el, "fullCalcOnLoad") ?? "") && (id === undefined || id === NEVER_CALCULATED_ID);
      }
      else if (depth === 2 && el.local === "sheet") sheets.push({ name: attr(el, "name") ?? "", state: attr(el, "state") ?? null, rid: attrNs(el, REL_NS, "id") ?? "" });
    },
  });
  if (prerelease) throw new EquilibreError("unreadable_file", { file, reason: "prerelease" });
  if (!root) throw new DamagedPart(path, "not a SpreadsheetML workbook");
  return { sheets, date1904, zeroIsUnsaved };
}

/** The pivot tables a sheet's relationships name: where each sits, and which sheet it summarises. */
async function pivotTablesOf(reader: Reader, sheetRels: PartRel[]): Promise<PivotTableInfo[]> {
  const out: PivotTableInfo[] = [];
  for (const rel of sheetRels) {
    if (!relIs(rel.type, "pivotTable") || !rel.path || !reader.has(rel.path)) continue;
    const info: PivotTableInfo = { name: "", range: "", sourceSheet: null };
    await reader.parse(rel.path, {
      open(el, depth) {
        if (!isSml(el.uri)) return;
        if (depth === 0) info.name = attr(el, "name") ?? "";
        else if (depth === 1 && el.local === "location") info.range = attr(el, "ref") ?? "";
      },
    });
    const cache = (await reader.rels(rel.path)).find((r) => relIs(r.type, "pivotCacheDefinition") && r.path && reader.has(r.path));
    if (cache?.path) {
      await reader.parse(cache.path, {
        open(el, depth) {
          if (isSml(el.uri) && depth === 2 && el.local === "worksheetSource") info.sourceSheet = attr(el, "sheet") ?? attr(el, "name") ?? null;
        },
      });
    }
    if (info.range) out.push(info);
  }
  return out;
}

/** The document's title, or its company, from docProps. */
async function titleOf(reader: Reader, rootRels: PartRel[]): Promise<string | null> {
  const core = rootRels.find((r) => r.type.endsWith("/core-properties"))?.path ?? "docProps/core.xml";
  const app = rootRels.find((r) => r.type.endsWith("/extended-properties"))?.path ?? "docProps/app.xml";
  const read = async (path: string, wanted: (local: string, uri: string, depth: number) => boolean) => {
    const parts: string[] = [];
    let inside = false;
    await reader.parse(path, {
      open(el, depth) {
        inside = wanted(el.local, el.uri, depth);
      },
      close() {
        inside = false;
      },
      text(t) {
        if (inside) parts.push(t);
      },
    });
    return parts.join("").trim();
  };
  // Both are read whole, as Excel checks them: a damaged one makes the file damaged.
  const title = await read(core, (local, uri, depth) => depth === 1 && local === "title" && uri === DC_NS);
  const company = await read(app, (local, _uri, depth) => depth === 1 && local === "Company");
  if (title) return title;
  return company || null;
}

const visibilityOf = (state: string | null): SheetVisibility => (state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible");

export interface ReadOptions {
  /**
   * Sheets (names in lower case) listed by name only, their parts not read: an earlier report's copies of the
   * input's own sheets, which a re-run takes from the input (earlierReport.ts). Équilibre's state sheet is always read.
   */
  namesOnly?: ReadonlySet<string>;
}

/** Reads the snapshot from an opened zip; throws DamagedPart for a part that cannot be read. */
export async function readPackageSnapshot(zip: JSZip, name: string, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  checkDeclaredSizes(zip);
  const reader = new Reader(zip);
  const rootRels = await reader.rels("");
  const wbPath = rootRels.find((r) => relIs(r.type, "officeDocument") && r.path && reader.has(r.path))?.path ?? "xl/workbook.xml";
  if (!reader.has(wbPath)) throw new DamagedPart(wbPath, "no workbook part");
  const wb = await readWorkbookPart(reader, wbPath, name);
  const wbRels = await reader.rels(wbPath);
  const styles = new DateStyles();
  const stylesPath = wbRels.find((r) => relIs(r.type, "styles"))?.path;
  if (stylesPath) await reader.parse(stylesPath, styles);
  const strings = new SharedStrings();
  const stringsPath = wbRels.find((r) => relIs(r.type, "sharedStrings"))?.path;
  if (stringsPath) await reader.parse(stringsPath, strings);

  const readSheet = async (entry: WorkbookEntry, filter: CellFilter | null): Promise<SheetSnapshot | null> => {
    const rel = wbRels.find((r) => r.id === entry.rid);
    // Chart sheets, dialog and macro sheets hold no cells.
    if (!rel || !relIs(rel.type, "worksheet")) return null;
    if (!rel.path || !reader.has(rel.path)) throw new DamagedPart(rel.path ?? wbPath, `the sheet « ${entry.name} » has no part`);
    if (options.namesOnly?.has(entry.name.toLowerCase()) && !isStateSheetName(entry.name)) {
      return { name: entry.name, visibility: visibilityOf(entry.state), protected: false, rows: [], merges: [], usedRange: null };
    }
    const sheetReader = new SheetReader(strings.strings, styles, wb.date1904, wb.zeroIsUnsaved, filter);
    await reader.parse(rel.path, sheetReader);
    const read = sheetReader.result();
    const sheetRels = await reader.rels(rel.path);
    const pivots = sheetRels.some((r) => relIs(r.type, "pivotTable")) ? await pivotTablesOf(reader, sheetRels) : [];
    return {
      name: entry.name,
      visibility: visibilityOf(entry.state),
      protected: read.protected,
      rows: read.rows,
      merges: read.merges,
      usedRange: read.usedRange,
      ...(read.hiddenColumns.length > 0 ? { hiddenColumns: read.hiddenColumns } : {}),
      ...(pivots.length > 0 ? { pivotTables: pivots } : {}),
    };
  };
  // Équilibre's state first: its own sheets' lines table is read without the columns a re-run rewrites.
  const stateSheets = new Map<WorkbookEntry, SheetSnapshot | null>();
  for (const entry of wb.sheets) if (isStateSheetName(entry.name)) stateSheets.set(entry, await readSheet(entry, null));
  const own = new Set(stateOf([...stateSheets.values()].filter((s): s is SheetSnapshot => s !== null))?.state.ownSheets ?? []);
  const sheets: SheetSnapshot[] = [];
  for (const entry of wb.sheets) {
    const sheet = stateSheets.has(entry) ? stateSheets.get(entry)! : await readSheet(entry, own.has(entry.name) ? new LinesTableFilter() : null);
    if (sheet) sheets.push(sheet);
  }
  const state = stateOf(sheets);
  const ownCells = state?.state.ownCells;
  return {
    name,
    sheets,
    title: await titleOf(reader, rootRels),
    ownSheets: state ? [...state.state.ownSheets, state.sheet] : [],
    ...(ownCells && typeof ownCells === "object" ? { ownCells: ownCells as Record<string, unknown> } : {}),
  };
}

/** Équilibre's state (A1 of its very hidden sheet) and the sheet that holds it. */
function stateOf(sheets: SheetSnapshot[]): { state: { ownSheets: string[]; ownCells?: unknown }; sheet: string } | null {
  for (const s of sheets) {
    if (!isStateSheetName(s.name)) continue;
    const a1 = s.rows.find((r) => r.index === 1)?.cells.find((c) => c.col === 1)?.value;
    const state = parseState(a1);
    if (state) return { state, sheet: s.name };
  }
  return null;
}
