// Budgets written by the real libraries other people's scripts use — openpyxl and XlsxWriter — with what such
// scripts add around the lines: merged headings, dates, formulas with and without a saved result, rich and inline
// strings, the 1904 date system, a hidden sheet, a comment, an image, a chart, a defined name, data validation, a
// table, a number stored as text. The bytes are committed (tests/fixtures/writers/make.py made them), so no Python
// package is needed here. Every amount is read exactly or named by its cell, the report opens in LibreOffice, and a
// report re-saved by openpyxl (then by Gnumeric) keeps its corrections and notes on the next run.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../src/engine/parameters.ts";
import { writeReportBuffer } from "../src/hosts/file/applyPlan.ts";
import { parseStrict } from "../src/hosts/file/packageChecks.ts";
import { readSnapshotFromBuffer } from "../src/hosts/file/readSnapshot.ts";
import { analyzeSnapshot, type WorkbookAnalysis } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { cachedValues, libreOfficeAvailable, recalculate } from "./libreoffice.ts";
import { WRITERS_BUDGET_LINES } from "./writersBudget.ts";

const DIR = join(import.meta.dirname, "fixtures", "writers");
const NOW = new Date(Date.UTC(2026, 0, 16));
const needsLibreOffice = libreOfficeAvailable() || process.env.CI === "true";
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

async function analyse(bytes: Uint8Array, name: string): Promise<WorkbookAnalysis> {
  return analyzeSnapshot(await readSnapshotFromBuffer(bytes, name), defaultParameters());
}
async function report(name: string): Promise<{ result: WorkbookAnalysis; output: Uint8Array }> {
  const input = bytesOf(name);
  const result = await analyse(input, name);
  const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
  return { result, output: bytes };
}
const euros = (r: WorkbookAnalysis) => r.lines.map((l) => [l.label, l.amountCell, l.amount.kind === "value" ? l.amount.cents / 100 : l.amount.error]);
const issues = (r: WorkbookAnalysis) => r.issues.map((i) => `${i.code} ${i.sheet}!${i.cell ?? ""}`).sort();

const ALL_LINES = WRITERS_BUDGET_LINES;
const WITH_HEADINGS = ["B4", "B5", "B6", "B9", "B10", "B11"];
const HIDDEN = "hidden_sheet_amounts Produits annexes!";

describe("budgets written by openpyxl and XlsxWriter: every amount read exactly or named by its cell", () => {
  it("openpyxl: merged headings, dates, formulas without results in the totals, an image, a chart, a table, a hidden sheet", async () => {
    const r = await analyse(bytesOf("openpyxl-budget.xlsx"), "openpyxl-budget.xlsx");
    expect(euros(r)).toEqual(ALL_LINES.map(([l, e], k) => [l, WITH_HEADINGS[k], e]));
    expect(r.skipped.map((s) => `${s.cell} ${s.why}`)).toEqual(["A7 total", "A12 total"]);
    expect(issues(r)).toContain(HIDDEN);
  });

  it("openpyxl: an amount that is a formula has no saved result (openpyxl writes <v></v>): calculated as Excel would on opening", async () => {
    const r = await analyse(bytesOf("openpyxl-formula-amounts.xlsx"), "openpyxl-formula-amounts.xlsx");
    // « =2000+500 », « =100*12 », « =1000+700 »: the amounts Excel shows, counted (they were named and left out).
    expect(euros(r)).toEqual([
      ["Achats de fournitures", "B3", 1000],
      ["Salaires et charges", "B4", 2500],
      ["Loyer du local", "B5", 1200],
      ["Subvention de la commune", "B7", 3000],
      ["Cotisations des adhérents", "B8", 2000],
      ["Dons des particuliers", "B9", 1700],
    ]);
    expect(issues(r).filter((i) => i.startsWith("formula_without_value"))).toEqual([]);
  });

  it("XlsxWriter: rich text, a formula with its given result, totals saved as 0 (never calculated) not taken for the user's totals", async () => {
    const r = await analyse(bytesOf("xlsxwriter-budget.xlsx"), "xlsxwriter-budget.xlsx");
    expect(euros(r)).toEqual(ALL_LINES.map(([l, e], k) => [l, WITH_HEADINGS[k], e]));
    // XlsxWriter writes <v>0</v> for =SUM(B4:B6): « votre total B7 dit 0 € » was said of a total nobody calculated.
    // Calculated as Excel will (4 700 €), the produits' SUM leaves out « 2 000,00 € » typed as text: that is said.
    const mismatches = r.issues.filter((i) => i.code === "total_mismatch");
    expect(mismatches.map((i) => i.cell)).toEqual(["B12"]);
    expect(mismatches[0]!.message).toMatch(/B12.*B10 contient un montant saisi comme du texte/);
    expect(issues(r)).toContain(HIDDEN);
  });

  it("XlsxWriter: the 1904 date system and inline strings (constant_memory mode)", async () => {
    const snapshot = await readSnapshotFromBuffer(bytesOf("xlsxwriter-1904-inline.xlsx"), "x.xlsx");
    const row3 = snapshot.sheets[0]!.rows.find((row) => row.index === 3)!;
    expect(row3.cells.map((c) => c.value)).toEqual(["Achats de fournitures", 1000, "2026-09-30"]);
    const r = analyzeSnapshot(snapshot, defaultParameters());
    expect(euros(r).map(([l, , e]) => [l, e])).toEqual(ALL_LINES);
    expect(r.issues).toEqual([]);
  });
});

const OUTPUTS = ["openpyxl-budget.xlsx", "openpyxl-formula-amounts.xlsx", "xlsxwriter-budget.xlsx", "xlsxwriter-1904-inline.xlsx"];

describe.each(OUTPUTS)("the report written into %s", (name) => {
  it("is well-formed XML in every part (namespaces bound: openpyxl declares xmlns:r on each <sheet>), read back the same", async () => {
    const { result, output } = await report(name);
    const zip = await JSZip.loadAsync(output);
    for (const [path, f] of Object.entries(zip.files)) if (!f.dir && /\.(xml|rels|vml)$/.test(path)) parseStrict(await f.async("string"), path);
    const again = await analyse(output, name);
    expect(euros(again)).toEqual(euros(result));
    expect(issues(again)).toEqual(issues(result));
  });

  it.skipIf(!needsLibreOffice)("is opened by LibreOffice, which computes the report's totals from the lines read", async () => {
    const { result, output } = await report(name);
    const dir = mkdtempSync(join(tmpdir(), "equilibre-real-writers-"));
    const file = join(dir, "rapport.xlsx");
    writeFileSync(file, output);
    const values = await cachedValues(recalculate(file, join(dir, "lo")));
    const charges = result.classified.filter((l) => l.section === "expense").reduce((n, l) => n + (l.amount.kind === "value" ? l.amount.cents : 0), 0);
    const produits = result.classified.filter((l) => l.section === "income").reduce((n, l) => n + (l.amount.kind === "value" ? l.amount.cents : 0), 0);
    const sheet = values.get("Équilibre")!;
    expect([sheet.get("C7"), sheet.get("C8")]).toEqual([charges / 100, produits / 100]);
    const budget = values.get(result.budgets[0]!.sheet)!;
    expect(budget.get(result.lines[0]!.amountCell!)).toBe(1000);
  }, 240_000);
});

describe.each([
  ["openpyxl (every formula's result dropped)", "openpyxl-resaved-report.xlsx", ALL_LINES],
  ["openpyxl, then Gnumeric (every sheet made visible)", "gnumeric-resaved-report.xlsx", [...ALL_LINES, ["Vente de plants", 450], ["Buvette de la fête", 300]]],
])("a report re-saved by %s, analysed again", (_, file, lines) => {
  it("keeps the correction typed in the lines table and the notes typed in Équilibre's sheets", async () => {
    const input = bytesOf(file);
    const result = await analyse(input, "rapport.xlsx");
    expect(euros(result).map(([l, , e]) => [l, e])).toEqual(lines);
    const dons = result.classified.find((l) => l.label === "Dons des particuliers")!;
    expect([dons.lever, dons.corrected]).toEqual(["corporate_patronage", true]);
    expect(result.classified.filter((l) => l.corrected)).toHaveLength(1);
    const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
    const back = await readSnapshotFromBuffer(bytes, "rapport.xlsx");
    const cell = (sheet: string, predicate: (v: unknown) => boolean) =>
      back.sheets.find((s) => s.name === sheet)!.rows.flatMap((row) => row.cells.map((c) => c.value)).some(predicate);
    expect(cell("Équilibre", (v) => v === "Note du trésorier : chiffres validés en bureau")).toBe(true);
    expect(cell("Équilibre – lignes", (v) => v === "Voir la convention avec la Biocoop")).toBe(true);
    expect(cell("Équilibre – lignes", (v) => v === "Mécénat d'entreprise")).toBe(true);
  });
});
