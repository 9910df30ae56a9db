// The .xlsx file host, writing side: executes a report plan into a copy of the workbook by editing its
// package directly. Only Équilibre's own sheets (and their tables, drawings and charts) are removed or
// added; every other part keeps its bytes, so a user's charts, images, pivots or macros survive. Text is
// always written as text (a label "=HYPERLINK(…)" never becomes a formula).
import type { PlannedCell, PlannedSheet, ReportPlan, StyleId } from "../../workbook/plan.ts";
import { isEquilibreName } from "../../workbook/definedNames.ts";
import { renameSheets, renameWarnings, resolveSheetNames } from "../../workbook/sheetNames.ts";
import { buildChartXml, buildDrawingXml } from "./chartXml.ts";
import { freeStateSheetName, isStateSheetName, type StoredState } from "./stateSheet.ts";
import { readPackageState } from "./packageState.ts";
import { buildStateSheetXml, buildTableXml, printArea, sheetXmlBytes, sheetXmlChunks } from "./sheetXml.ts";
import { MINIMAL_STYLES, StylesXml } from "./stylesXml.ts";
import { WorkbookXml, type WorkbookSheet } from "./workbookXml.ts";
import { isStrictXml, relIs, relType, toStrict } from "./ooxml.ts";
import { CONTENT_TYPE, XlsxPackage, attributes, resolveTarget } from "./xlsxPackage.ts";

export { renameSheets, resolveSheetNames };

export interface WriteResult {
  sheets: { role: PlannedSheet["role"]; name: string }[];
  chartsWritten: boolean;
  warnings: string[];
}

/** The workbook part's path, from the package relationships. */
async function workbookPath(pkg: XlsxPackage): Promise<string> {
  const rel = (await pkg.rels("")).find((r) => relIs(r.type, "officeDocument"));
  return rel ? resolveTarget("", rel.target) : "xl/workbook.xml";
}

/** Table names and ids already used by the workbook's other tables. */
async function tablesInUse(pkg: XlsxPackage): Promise<{ names: Set<string>; maxId: number }> {
  const names = new Set<string>();
  let maxId = 0;
  for (const path of pkg.partsOfType(CONTENT_TYPE.table)) {
    const head = /<(?:\w+:)?table\b([^>]*)>/.exec((await pkg.text(path)) ?? "")?.[1] ?? "";
    const a = attributes(head);
    for (const k of ["name", "displayName"]) if (a.get(k)) names.add(a.get(k)!.toLowerCase());
    maxId = Math.max(maxId, Number(a.get("id") ?? 0) || 0);
  }
  return { names, maxId };
}

function* mapChunks(chunks: Iterable<string>, f: (chunk: string) => string): Generator<string> {
  for (const c of chunks) yield f(c);
}

/** Writes the plan into a copy of the workbook, as one buffer (the browser's download). */
export async function writeReportBuffer(input: ArrayBuffer | Uint8Array | XlsxPackage, plan: ReportPlan, now: Date): Promise<{ bytes: Uint8Array; result: WriteResult }> {
  const { pkg, result } = await applyReportPlan(input, plan, now);
  return { bytes: await pkg.generate(), result };
}

/**
 * Applies the plan to the workbook (its bytes, or the package the reading already opened, then edited in place):
 * the package, finished, is ready to be zipped.
 */
export async function applyReportPlan(input: ArrayBuffer | Uint8Array | XlsxPackage, plan: ReportPlan, now: Date): Promise<{ pkg: XlsxPackage; result: WriteResult }> {
  const pkg = input instanceof XlsxPackage ? input : await XlsxPackage.open(input instanceof Uint8Array ? input : new Uint8Array(input));
  const wbPath = await workbookPath(pkg);
  const wbText = (await pkg.text(wbPath)) ?? "";
  const wb = new WorkbookXml(wbText);
  // A Strict workbook gets Strict parts and relationship types: one conformance class in the whole package.
  const strict = isStrictXml(wbText);
  const conform = strict ? toStrict : (xml: string) => xml;
  const REL = {
    styles: relType("styles", strict),
    table: relType("table", strict),
    drawing: relType("drawing", strict),
    chart: relType("chart", strict),
    worksheet: relType("worksheet", strict),
  };
  let wbRels = [...(await pkg.rels(wbPath))];
  const partOf = (s: WorkbookSheet) => {
    const rel = wbRels.find((r) => r.id === s.rid);
    return rel ? resolveTarget(wbPath, rel.target) : null;
  };

  // 1. Équilibre's sheets of an earlier run, and the old state sheet, go with everything they own.
  const previous = await readPackageState(pkg, wbPath, wb.sheets.map((s) => ({ name: s.name, part: partOf(s) })));
  // Only the state sheet that holds Équilibre's state is Équilibre's: a user's "_equilibre" stays.
  const own = new Set([...(previous?.state.ownSheets ?? []), ...plan.replaces.filter((n) => n === previous?.sheet || !isStateSheetName(n)), ...(previous ? [previous.sheet] : [])]);
  const removed = wb.removeSheets(own);
  const removedParts = removed.map(partOf).filter((p): p is string => p !== null);
  wbRels = wbRels.filter((r) => !removed.some((s) => s.rid === r.id));
  // The calculation chain lists cells of the removed sheets: Excel rebuilds it (fullCalcOnLoad).
  const calcChains = wbRels.filter((r) => relIs(r.type, "calcChain")).map((r) => resolveTarget(wbPath, r.target));
  wbRels = wbRels.filter((r) => !relIs(r.type, "calcChain"));
  pkg.setRels(wbPath, wbRels);
  await pkg.removeTree(removedParts);
  for (const p of calcChains) pkg.remove(p);
  if (pkg.has("xl/calcChain.xml")) pkg.remove("xl/calcChain.xml");

  // 2. Names: never a user's sheet.
  const names = resolveSheetNames(
    wb.sheets.map((s) => s.name),
    [],
    plan.sheets.map((s) => s.name),
  );
  const renamed = renameSheets(plan, names);

  // 3. Styles.
  let stylesRel = wbRels.find((r) => relIs(r.type, "styles"));
  let stylesPath = stylesRel ? resolveTarget(wbPath, stylesRel.target) : null;
  if (!stylesPath || !pkg.has(stylesPath)) {
    stylesPath = pkg.freePath((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    pkg.write(stylesPath, conform(MINIMAL_STYLES), CONTENT_TYPE.styles);
    if (stylesRel) pkg.setRels(wbPath, (wbRels = wbRels.filter((r) => r !== stylesRel)));
    await pkg.addRel(wbPath, REL.styles, stylesPath);
    wbRels = await pkg.rels(wbPath);
    stylesRel = wbRels.find((r) => relIs(r.type, "styles"));
  }
  const styles = new StylesXml((await pkg.text(stylesPath))!);

  // 4. The plan's sheets.
  const tables = await tablesInUse(pkg);
  const taken = new Set([...tables.names, ...wb.definedNames().map((n) => n.toLowerCase())]);
  let tableId = tables.maxId;
  const reserved = new Set<string>();
  let charts = 0;
  const tableRenames = new Map<string, string>();
  const sheetParts: { sheet: PlannedSheet; path: string }[] = [];
  for (const sheet of renamed.sheets) {
    const path = pkg.freePath((n) => `xl/worksheets/sheet${n}.xml`, reserved);
    reserved.add(path);
    sheetParts.push({ sheet, path });
    for (const t of sheet.tables) {
      let name = t.name;
      for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${t.name}${k}`;
      taken.add(name.toLowerCase());
      if (name !== t.name) tableRenames.set(t.name, name);
    }
  }
  const swapTables = (f: string) => {
    let out = f;
    for (const [from, to] of tableRenames) out = out.split(`${from}[`).join(`${to}[`);
    return out;
  };
  for (const { sheet: planned, path } of sheetParts) {
    const sheet: PlannedSheet =
      tableRenames.size === 0 ? planned : { ...planned, cells: planned.cells.map((c): PlannedCell => (c.formula ? { ...c, formula: swapTables(c.formula) } : c)) };
    const tableRids: string[] = [];
    for (const t of sheet.tables) {
      const tablePath = pkg.freePath((n) => `xl/tables/table${n}.xml`);
      pkg.write(tablePath, conform(buildTableXml(t, ++tableId, tableRenames.get(t.name) ?? t.name)), CONTENT_TYPE.table);
      tableRids.push(await pkg.addRel(path, REL.table, tablePath));
    }
    let drawingRid: string | null = null;
    if (sheet.charts.length > 0) {
      const drawingPath = pkg.freePath((n) => `xl/drawings/drawing${n}.xml`);
      const cells = new Map(sheet.cells.map((c) => [c.ref, c]));
      pkg.write(drawingPath, "", CONTENT_TYPE.drawing);
      const frames: { chart: (typeof sheet.charts)[number]; rid: string }[] = [];
      for (const chart of sheet.charts) {
        const chartPath = pkg.freePath((n) => `xl/charts/chart${n}.xml`);
        pkg.write(chartPath, conform(buildChartXml(chart, sheet.name, cells)), CONTENT_TYPE.chart);
        frames.push({ chart, rid: await pkg.addRel(drawingPath, REL.chart, chartPath) });
        charts++;
      }
      pkg.write(drawingPath, conform(buildDrawingXml(frames)));
      drawingRid = await pkg.addRel(path, REL.drawing, drawingPath);
    }
    const ctx = { xf: (id: StyleId) => styles.xf(id), dxf: (fill: string, color?: string) => styles.dxf(fill, color), drawingRid, tableRids };
    // In chunks of whole rows, each deflated as it comes: a big sheet never exists as one string. As UTF-8 bytes
    // written directly, unless the part must be made Strict (a change of its text).
    await pkg.writeChunks(path, strict ? mapChunks(sheetXmlChunks(sheet, ctx), conform) : sheetXmlBytes(sheet, ctx), CONTENT_TYPE.worksheet);
    const entry = wb.addSheet(sheet.name, await pkg.addRel(wbPath, REL.worksheet, path));
    if (sheet.print) wb.setLocalName("_xlnm.Print_Area", entry, printArea(sheet.name, sheet.print.area));
    if (sheet.print?.titleRows) wb.setLocalName("_xlnm.Print_Titles", entry, `'${sheet.name.replace(/'/g, "''")}'!$${sheet.print.titleRows.replace(":", ":$")}`);
  }

  // 5. The key figures' names (Équilibre's of an earlier run replaced, the user's kept), then the state, in a very hidden sheet.
  wb.setGlobalNames(isEquilibreName, renamed.names ?? []);
  const state: StoredState = { ...renamed.state, ownSheets: renamed.sheets.map((s) => s.name), schemaVersion: renamed.state.schemaVersion };
  const statePath = pkg.freePath((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.write(statePath, conform(buildStateSheetXml(JSON.stringify(state))), CONTENT_TYPE.worksheet);
  wb.addSheet(freeStateSheetName(wb.sheets.map((s) => s.name)), await pkg.addRel(wbPath, REL.worksheet, statePath), "veryHidden");

  pkg.write(stylesPath, styles.toString());
  pkg.write(wbPath, wb.toString());
  const core = await pkg.text("docProps/core.xml");
  if (core) {
    pkg.write(
      "docProps/core.xml",
      core.replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, (_, a: string, b: string) => `${a}${now.toISOString().replace(/\.\d{3}Z$/, "Z")}${b}`),
    );
  }

  const warnings: string[] = [...(plan.warnings ?? []), ...renameWarnings(names, tableRenames, plan.state.language)];
  await pkg.finish();
  return {
    pkg,
    result: { sheets: renamed.sheets.map((s) => ({ role: s.role, name: s.name })), chartsWritten: charts > 0, warnings },
  };
}
