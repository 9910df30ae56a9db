// The Office.js host against a fake Excel that counts round trips and enforces load-before-read.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EquilibreError } from "../src/engine/errors.ts";
import { defaultParameters } from "../src/engine/parameters.ts";
import { ExcelHost, type ExcelApi } from "../src/hosts/excel/excelHost.ts";
import { migrateState, STATE_KEY } from "../src/hosts/excel/state.ts";
import { readSnapshotFromFile } from "../src/hosts/file/node.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import type { WorkbookSnapshot } from "../src/workbook/snapshot.ts";
import { createFakeExcel, fakeSheet, OfficeError, type FakeWorkbookData } from "./fakeExcel.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";

const NOW = new Date(Date.UTC(2026, 10, 24));

/** A fake workbook holding the same cells as a snapshot. */
function fakeFrom(snapshot: WorkbookSnapshot): FakeWorkbookData {
  return {
    name: snapshot.name,
    settings: new Map(),
    sheets: snapshot.sheets.map((s) => {
      const sheet = fakeSheet(s.name, [], { visibility: s.visibility === "visible" ? "Visible" : s.visibility === "hidden" ? "Hidden" : "VeryHidden", protected: s.protected });
      for (const r of s.rows)
        for (const c of r.cells) {
          const v = c.value;
          const key = `${r.index - 1},${c.col - 1}`;
          if (typeof v === "object" && v !== null) sheet.cells.set(key, { value: v.error, error: v.error, formula: c.formula ? `=${c.formula}` : undefined });
          else sheet.cells.set(key, { value: v, formula: c.formula ? `=${c.formula}` : undefined });
        }
      return sheet;
    }),
  };
}

function generated(lines: number): FakeWorkbookData {
  const rows: (string | number | null)[][] = [["Compte", "Libellé", "Budget 2026"], [null, "CHARGES", null]];
  for (let i = 0; i < lines; i++) rows.push([i % 2 ? "6061" : "741", i % 2 ? `Achats fournitures ${i}` : `Subvention commune ${i}`, 100 + i]);
  return { name: "gros.xlsx", settings: new Map(), sheets: [fakeSheet("Budget", rows)] };
}

async function fullRun(host: ExcelHost) {
  const snapshot = await host.readSnapshot();
  const result = analyzeSnapshot(snapshot, defaultParameters());
  const plan = buildReportPlan(result, { lang: "fr", date: NOW, previousSheets: snapshot.ownSheets ?? [] });
  const applied = await host.apply(plan);
  return { snapshot, result, plan, applied };
}

describe("the Excel host", () => {
  it("reads the same snapshot as the file host, and a full run takes 4 syncs", async () => {
    const file = await readSnapshotFromFile(join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx"));
    const excel = createFakeExcel(fakeFrom(file));
    const host = new ExcelHost(excel as unknown as ExcelApi);
    const { snapshot, result, applied } = await fullRun(host);
    const cellsOf = (s: WorkbookSnapshot) => s.sheets.map((sh) => [sh.name, sh.visibility, sh.rows.map((r) => [r.index, r.cells.map((c) => [c.col, c.value, c.formula ?? null])])]);
    expect(cellsOf(snapshot)).toEqual(cellsOf(file));
    expect(result.analyses.map((a) => a.model.id)).toEqual(["activity", "activity", "activity"]);
    expect(excel.syncCount).toBe(4);
    expect(applied.sheets.map((s) => s.name)).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers"]);
    const report = excel.data.sheets.find((s) => s.name === "Équilibre")!;
    expect(report.charts.map((c) => c.type)).toEqual(["Doughnut", "BarClustered", "ColumnClustered"]);
    expect(report.orientation).toBe("Landscape");
    const mapping = excel.data.sheets.find((s) => s.name === "Équilibre – lignes")!;
    expect(mapping.tables.map((t) => t.name)).toEqual(["EquilibreLignes"]);
    expect(mapping.validations.length).toBe(2);
    expect(migrateState(excel.data.settings.get(STATE_KEY))?.ownSheets).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers"]);
    // Source cells untouched.
    expect(fakeFrom(file).sheets[0]!.cells).toEqual(excel.data.sheets[0]!.cells);
  });

  it.each([100, 10_000])("a full run on a %i-line workbook takes 4 syncs", async (n) => {
    const excel = createFakeExcel(generated(n));
    await fullRun(new ExcelHost(excel as unknown as ExcelApi));
    expect(excel.syncCount).toBe(4);
  });

  it("reads in blocks that stay under the payload limit, with extra round trips only then", async () => {
    const excel = createFakeExcel(generated(30_000), { maxCellsPerSync: 40_000 });
    const host = new ExcelHost(excel as unknown as ExcelApi, { maxCellsPerSync: 40_000 });
    const snapshot = await host.readSnapshot();
    expect(snapshot.sheets[0]!.rows.length).toBe(30_002);
    // 20,000 cells per response (values and formulas: 40,000 items): 6,666 rows of 3 cells per block.
    expect(excel.syncCount).toBe(2 + Math.ceil(30_002 / Math.floor(20_000 / 3)));
  });

  it("re-running replaces its own sheets and keeps a user's sheet called Équilibre", async () => {
    const data = generated(50);
    data.sheets.push(fakeSheet("Équilibre", [["mes notes"]]));
    const excel = createFakeExcel(data);
    const host = new ExcelHost(excel as unknown as ExcelApi);
    const first = await fullRun(host);
    expect(first.applied.sheets[0]!.name).toBe("Équilibre (2)");
    expect(first.applied.warnings[0]).toMatch(/existe déjà/);
    await fullRun(new ExcelHost(excel as unknown as ExcelApi));
    expect(excel.data.sheets.map((s) => s.name)).toEqual(["Budget", "Équilibre", "Équilibre (2)", "Équilibre – lignes", "Équilibre – leviers"]);
    expect(excel.data.sheets[1]!.cells.get("0,0")?.value).toBe("mes notes");
  });

  it("writes a label that looks like a formula as text", async () => {
    const data = generated(4);
    data.sheets[0]!.cells.set("6,0", { value: "6061" });
    data.sheets[0]!.cells.set("6,1", { value: '=HYPERLINK("http://x","y")' });
    data.sheets[0]!.cells.set("6,2", { value: 50 });
    const excel = createFakeExcel(data);
    await fullRun(new ExcelHost(excel as unknown as ExcelApi));
    const mapping = excel.data.sheets.find((s) => s.name === "Équilibre – lignes")!;
    const cell = [...mapping.cells.values()].find((c) => String(c.value).includes("HYPERLINK"));
    expect(cell).toEqual({ value: '=HYPERLINK("http://x","y")' });
  });

  it.each([
    ["InvalidOperationInCellEditMode", /appuyez sur Entrée ou Échap/],
    ["AccessDenied", /protégé/],
    ["ResponsePayloadSizeLimitExceeded", /trop volumineux/],
    ["InactiveWorkbook", /n'est plus actif/],
    ["GeneralException", /Excel a refusé l'opération \(GeneralException\)/],
  ])("turns Office's %s into a French sentence", async (code, message) => {
    const host = new ExcelHost(createFakeExcel(generated(3), { failWith: code }) as unknown as ExcelApi);
    const e = await host.readSnapshot().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EquilibreError);
    expect((e as EquilibreError).message).toMatch(message);
  });

  it("the fake enforces load-before-read, like Office", async () => {
    const excel = createFakeExcel(generated(3));
    await expect(
      excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        return sheets.items; // read before sync
      }),
    ).rejects.toBeInstanceOf(OfficeError);
  });
});

describe("workbook settings state", () => {
  it("migrates an older state and ignores an unreadable one", () => {
    expect(migrateState(JSON.stringify({ sheets: ["Équilibre", "L", "V"] }))?.ownSheets).toEqual(["Équilibre", "L", "V"]);
    expect(migrateState("{not json")).toBeNull();
    expect(migrateState(JSON.stringify({ schemaVersion: 9 }))).toBeNull();
  });
});
