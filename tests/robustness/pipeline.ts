// Robustness test helper (not a test): the whole file path, bytes → snapshot → analysis → JSON → plan →
// written workbook → read back, with the checks every robustness test shares.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect } from "vitest";
import { EquilibreError } from "../../src/engine/errors.ts";
import { defaultParameters } from "../../src/engine/parameters.ts";
import { writeReportBuffer, type WriteResult } from "../../src/hosts/file/applyPlan.ts";
import { readSnapshotFromBuffer } from "../../src/hosts/file/readSnapshot.ts";
import { toAnalysisJson, type AnalysisJson } from "../../src/workbook/analysisJson.ts";
import { analyzeSnapshot, type WorkbookAnalysis } from "../../src/workbook/pipeline.ts";
import type { ReportPlan } from "../../src/workbook/plan.ts";
import { buildReportPlan } from "../../src/workbook/reportPlan.ts";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot.ts";
import { associationName } from "../../src/workbook/title.ts";

export const NOW = new Date(Date.UTC(2026, 10, 25, 9));

/** Équilibre's sheets, as a French run names them. */
export const OWN_SHEETS = ["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios", "_equilibre"];

export type Outcome =
  | { kind: "analysis"; snapshot: WorkbookSnapshot; result: WorkbookAnalysis; doc: AnalysisJson; plan: ReportPlan; output: Uint8Array; written: WriteResult; back: WorkbookSnapshot }
  | { kind: "error"; error: EquilibreError };

/**
 * Runs the whole path on the bytes of an .xlsx. An EquilibreError anywhere is an outcome; any other
 * exception propagates (and fails the test that called this).
 */
export async function runWholePath(bytes: Uint8Array, name: string): Promise<Outcome> {
  try {
    const snapshot = await readSnapshotFromBuffer(bytes, name);
    const result = analyzeSnapshot(snapshot, defaultParameters());
    const doc = toAnalysisJson(result, "fr");
    const plan = buildReportPlan(result, { lang: "fr", date: NOW, title: associationName(snapshot, result.budgets), previousSheets: snapshot.ownSheets ?? [] });
    const { bytes: output, result: written } = await writeReportBuffer(bytes, plan, NOW);
    const back = await readSnapshotFromBuffer(output, name);
    return { kind: "analysis", snapshot, result, doc, plan, output, written, back };
  } catch (e) {
    if (e instanceof EquilibreError) return { kind: "error", error: e };
    throw e;
  }
}

/** An EquilibreError's message is a French sentence: non-empty, with French words, and ends with a full stop. */
export function expectFrenchError(e: EquilibreError): void {
  expect(e).toBeInstanceOf(EquilibreError);
  expect(e.code.length).toBeGreaterThan(0);
  expect(e.message.trim().length).toBeGreaterThan(20);
  expect(e.message).toMatch(/\b(le|la|les|du|de|des|un|une|est|vérifiez|ouvrez|aucun|ne)\b/i);
  expect(e.message).toMatch(/[.)»]$/);
}

/** Every number of a JSON-like value is finite; returns the paths of those that are not. */
export function nonFiniteNumbers(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}=${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}

/** The JSON document's numbers: finite everywhere, and never null where the contract promises a number. */
export function expectFiniteDocument(doc: AnalysisJson): void {
  expect(nonFiniteNumbers(doc)).toEqual([]);
  // (A user's text may well read "NaN": the walk above, not a search of the text, finds real ones.)
  const text = JSON.stringify(doc);
  const reparsed = JSON.parse(text) as AnalysisJson;
  // One assertion for all lines: a big workbook has 100,000 of them.
  const badLines = reparsed.lines.filter(
    (l) => (l.amount === null ? !/^#/.test(l.error ?? "") : !Number.isFinite(l.amount)) || !Number.isFinite(l.confidence) || !Number.isFinite(l.row),
  );
  // An amount is null only for an error cell.
  expect(badLines.map((l) => `${l.sheet}!${l.cell}`)).toEqual([]);
  for (const a of reparsed.analyses) {
    const t = a.totals;
    const sums: Record<string, number>[] = [t.byNature, t.byPillar, t.byLever, t.byDestination];
    for (const n of [t.income, t.expense, t.in_kind_use, t.in_kind_resource, t.result, a.model.base, ...sums.flatMap((r) => Object.values(r))]) {
      expect(typeof n).toBe("number");
      expect(Number.isFinite(n)).toBe(true);
    }
    for (const r of [a.ratios.tiersOnTop, a.ratios.fourThirds, a.ratios.alliance.pooling, a.ratios.alliance.premium]) {
      for (const n of [r.gapAmount, r.numerator, r.denominator]) expect(Number.isFinite(n)).toBe(true);
    }
  }
}

/** Every planned cell's numeric value or expected result is finite; formulas never carry NaN or Infinity; Excel's size limits hold. */
export function expectFinitePlan(plan: ReportPlan): void {
  const bad: string[] = [];
  for (const s of plan.sheets) {
    for (const c of s.cells) {
      if (typeof c.value === "number" && !Number.isFinite(c.value)) bad.push(`${s.name}!${c.ref} value ${c.value}`);
      if (typeof c.expected === "number" && !Number.isFinite(c.expected)) bad.push(`${s.name}!${c.ref} expected ${c.expected}`);
      if (c.formula && /\bNaN\b|\bInfinity\b/.test(c.formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, '""'))) bad.push(`${s.name}!${c.ref} formula ${c.formula}`);
      // Excel refuses a formula over 8,192 characters and a text over 32,767 (it "repairs" the file and drops them).
      if (c.formula && c.formula.length > 8_192) bad.push(`${s.name}!${c.ref} formula of ${c.formula.length} characters`);
      if (typeof c.value === "string" && c.value.length > 32_767) bad.push(`${s.name}!${c.ref} text of ${c.value.length} characters`);
    }
  }
  expect(bad).toEqual([]);
}

/** A fingerprint of a sheet as exceljs reads it: every cell's value model, merges, hidden rows, state. */
export interface SheetPrint {
  state: string;
  cells: Record<string, unknown>;
  merges: string[];
  hiddenRows: number[];
}

export async function sheetPrints(bytes: Uint8Array, skip: readonly string[] = OWN_SHEETS): Promise<Map<string, SheetPrint>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, SheetPrint>();
  wb.eachSheet((ws) => {
    if (skip.includes(ws.name)) return;
    const cells: Record<string, unknown> = {};
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) hiddenRows.push(r);
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = cell.value;
      });
    });
    const merges = [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
    out.set(ws.name, { state: String(ws.state), cells, merges, hiddenRows });
  });
  return out;
}

/** The source sheets of the output are the input's, cell for cell (and in the same order). */
export async function expectSourceSheetsUnchanged(
  input: Uint8Array,
  output: Uint8Array,
  skipInput: readonly string[] = OWN_SHEETS,
  skipOutput: readonly string[] = skipInput,
): Promise<void> {
  const before = await sheetPrints(input, skipInput);
  const after = await sheetPrints(output, skipOutput);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, print] of before) expect(after.get(name), name).toEqual(print);
}

/** The worksheet XML parts of an .xlsx, by sheet name. */
export async function sheetXml(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const rels = new Map([...(await text("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const out = new Map<string, string>();
  for (const m of (await text("xl/workbook.xml")).matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = rels.get(m[2]!)!.replace(/^\/?(xl\/)?/, "");
    out.set(decode(m[1]!), await text(`xl/${target}`));
  }
  return out;
}

/** The text of every <f> element of the workbook's sheets (decoded); a shared formula's empty clones (<f …/>) give none. */
export async function formulaTexts(bytes: Uint8Array): Promise<string[]> {
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const out: string[] = [];
  for (const xml of (await sheetXml(bytes)).values()) for (const m of xml.matchAll(/<f(?:\s[^>]*[^/>])?>([\s\S]*?)<\/f>/g)) out.push(decode(m[1]!));
  return out;
}

/** The checks every successful run must pass. */
export async function expectSoundRun(input: Uint8Array, outcome: Extract<Outcome, { kind: "analysis" }>): Promise<void> {
  expectFiniteDocument(outcome.doc);
  expectFinitePlan(outcome.plan);
  // Exactly one report, mapping and levers sheet; their names are the plan's.
  const names = outcome.back.sheets.map((s) => s.name);
  for (const s of outcome.written.sheets) expect(names.filter((n) => n === s.name), s.name).toHaveLength(1);
  // The state sheet is "_equilibre", or "_equilibre2"… when a user's sheet has that name.
  const state = outcome.back.ownSheets?.at(-1) ?? "";
  expect(state).toMatch(/^_equilibre\d*$/);
  expect(outcome.back.ownSheets).toEqual([...outcome.written.sheets.map((s) => s.name), state]);
  // Équilibre's sheets of an earlier run (its state sheet too) are replaced; every other sheet is the user's and stays as it was.
  const previousState = (outcome.snapshot.ownSheets ?? []).filter((n) => /^_equilibre\d*$/.test(n));
  await expectSourceSheetsUnchanged(input, outcome.output, [...outcome.plan.replaces, ...previousState], outcome.back.ownSheets ?? []);
  // No number Équilibre wrote is NaN or Infinity (a spreadsheet would refuse or "repair" the file). The user's own
  // sheets are copied as they were (checked above): a « Infinity » typed there by another tool is theirs, said as #NUM!.
  // Only numeric cells count: a text the user typed (« NaN » taken as a column's title, shown by a formula's cached
  // string result, t="str") is a text, and a spreadsheet reads it as one.
  const own = new Set(outcome.back.ownSheets ?? []);
  const numericCell = /<c\b((?:[^>"]|"[^"]*")*)>(?:<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)?<v>([^<]*)<\/v>/g;
  const isNumeric = (attrs: string) => !/\st="(?!n")[^"]*"/.test(attrs);
  const values = [...(await sheetXml(outcome.output))]
    .filter(([name]) => own.has(name))
    .flatMap(([, xml]) => [...xml.matchAll(numericCell)].filter((m) => isNumeric(m[1]!)).map((m) => m[2]!));
  expect(values.filter((v) => /^-?(NaN|Infinity|inf|nan)$/i.test(v))).toEqual([]);
}

/** Builds an .xlsx with exceljs. */
export async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type Analysed = Extract<Outcome, { kind: "analysis" }>;

/** A run that must reach an analysis (a test of what happens after reading, not of refusals). */
export async function analysed(bytes: Uint8Array, name = "club.xlsx"): Promise<Analysed> {
  const outcome = await runWholePath(bytes, name);
  if (outcome.kind === "error") throw outcome.error;
  return outcome;
}

/**
 * Opens, changes and saves a workbook as a user would in Excel. exceljs cannot save a shared formula whose
 * master cell was cleared or moved, which Excel does without a blink: the formulas are unshared first.
 */
export async function editWorkbook(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { sharedFormula?: string; shareType?: string } | null;
        if (v && typeof v === "object" && (v.sharedFormula !== undefined || v.shareType !== undefined)) {
          cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
        }
      }),
    ),
  );
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
