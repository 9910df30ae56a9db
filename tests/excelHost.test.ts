// The Office.js host against the real Excel JavaScript client (loaded from node_modules in a vm) and a
// simulated workbook that executes its requests with Excel on the web's rules (tests/officeHarness).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EquilibreError } from "../src/engine/errors.ts";
import { migrateState, STATE_KEY } from "../src/hosts/excel/state.ts";
import { readSnapshotFromFile } from "../src/hosts/file/node.ts";
import type { WorkbookSnapshot } from "../src/workbook/snapshot.ts";
import { createExcelHarness, EXCEL_WEB_LIMITS } from "./officeHarness/harness.ts";
import { fullRun, generatedBudget, hostOn, measuredRun } from "./officeHarness/runs.ts";
import { API_SETS } from "./officeHarness/requirementSets.ts";
import { simFromRows, simFromXlsx } from "./officeHarness/seed.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";

const cellsOf = (s: WorkbookSnapshot) => s.sheets.map((sh) => [sh.name, sh.visibility, sh.rows.map((r) => [r.index, r.hidden ?? false, r.cells.map((c) => [c.col, c.value, c.formula ?? null])])]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "equilibre-excel-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the harness", () => {
  it("is the real client: reading before load and sync throws Office's own PropertyNotLoaded", async () => {
    const h = createExcelHarness(generatedBudget(3));
    const e = await h.Excel.run(async (context: Excel.RequestContext) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const setting = context.workbook.settings.getItemOrNullObject("x");
      try {
        void setting.isNullObject;
      } catch (x) {
        return x;
      }
      return sheets.items;
    });
    expect((e as { code: string }).code).toBe("PropertyNotLoaded");
  });

  it("refuses a request over 5 MB, as Excel on the web does", async () => {
    const h = createExcelHarness(generatedBudget(3));
    const big = Array.from({ length: 60_000 }, (_, i) => [`ligne ${i} ${"x".repeat(80)}`]);
    const e = await h.Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Budget").getRange(`A1:A${big.length}`).values = big;
      await context.sync();
    }).catch((x: unknown) => x);
    expect((e as { code: string }).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(h.batches[0]!.requestBytes).toBeGreaterThan(EXCEL_WEB_LIMITS.maxRequestBytes);
  });
});

describe("the Excel host", () => {
  it("reads the same snapshot as the file host, and writes the report in 4 syncs", async () => {
    const path = join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx");
    const file = await readSnapshotFromFile(path);
    const h = createExcelHarness(await simFromXlsx(path));
    const { snapshot, result, applied } = await fullRun(hostOn(h));
    expect(cellsOf(snapshot)).toEqual(cellsOf(file));
    expect(result.analyses.map((a) => a.model.id)).toEqual(["activity", "activity", "activity"]);
    expect(h.batches).toHaveLength(4);
    expect(applied.sheets.map((s) => s.name)).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
    expect(h.workbook.sheets.map((s) => s.name).slice(-4)).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
    expect(migrateState(h.workbook.settings.get(STATE_KEY))?.ownSheets).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
    expect(applied.chartsWritten).toBe(true);
  });

  // Issue 12, point 1: the report went out in one request of ~1.45 KB per line (5.8 MB here).
  it("keeps every request and response under 5 MB at 4,000 lines, with syncs only as the bytes require", async () => {
    const { first, rerun } = await measuredRun(4_000);
    for (const b of [...first, ...rerun]) {
      expect(b.failed).toBeNull();
      expect(b.requestBytes).toBeLessThan(EXCEL_WEB_LIMITS.maxRequestBytes);
      expect(b.responseBytes).toBeLessThan(EXCEL_WEB_LIMITS.maxResponseBytes);
    }
    const written = first.slice(-1)[0]!;
    expect(written.requestBytes).toBeGreaterThan(100_000);
    const bytes = (list: typeof first) => list.reduce((n, b) => n + b.requestBytes, 0);
    // Writing: ⌈bytes / 3.5 MB⌉ batches, give or take one for the cut between commands.
    const writes = first.length - 3;
    expect(writes).toBeLessThanOrEqual(Math.ceil(bytes(first.slice(3)) / 3_500_000) + 1);
    expect(rerun.length).toBeGreaterThanOrEqual(first.length);
  }, 120_000);

  // Point 2: Range.values gives dates as serials; the file host gives ISO dates.
  it("reads dates as the file host does: a journal with a Date column, a budget with « Échéance »", async () => {
    const wb = new ExcelJS.Workbook();
    const journal = wb.addWorksheet("Journal");
    journal.addRow(["Libellé", "Date", "Débit", "Crédit"]);
    for (let i = 0; i < 12; i++) journal.addRow([i % 2 ? `Achat fournitures ${i}` : `Cotisation ${i}`, new Date(Date.UTC(2026, i, 3 + i)), i % 2 ? 120 + i : null, i % 2 ? null : 40 + i]);
    journal.getColumn(2).numFmt = "dd/mm/yyyy";
    const budget = wb.addWorksheet("Budget");
    budget.addRow(["Poste", "Montant", "Échéance"]);
    budget.addRow(["Location de salle", 1200, new Date(Date.UTC(2026, 2, 31))]);
    budget.addRow(["Subvention Région", 5000, new Date(Date.UTC(2026, 5, 30))]);
    budget.getColumn(3).numFmt = "d mmmm yyyy";
    budget.getRow(3).hidden = true;
    const path = join(dir, "dates.xlsx");
    await wb.xlsx.writeFile(path);
    const file = await readSnapshotFromFile(path);
    const h = createExcelHarness(await simFromXlsx(path));
    const snapshot = await hostOn(h).readSnapshot();
    expect(cellsOf(snapshot)).toEqual(cellsOf(file));
    expect(snapshot.sheets[0]!.rows[1]!.cells[1]!.value).toBe("2026-01-03");
    // Point 8: hidden rows are reported.
    expect(snapshot.sheets[1]!.rows.find((r) => r.index === 3)?.hidden).toBe(true);
  });

  // Point 3: only series[0] was drawn, without a name.
  it("draws every series of every chart, each with its name and categories", async () => {
    const h = createExcelHarness(await simFromXlsx(join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx")));
    const { plan } = await fullRun(hostOn(h));
    const planned = plan.sheets.find((s) => s.role === "report")!.charts;
    const report = h.workbook.sheet("Équilibre")!;
    expect(planned.some((c) => c.series.length === 3)).toBe(true);
    expect(report.charts.map((c) => c.series.map((s) => s.name))).toEqual(planned.map((c) => c.series.map((s) => s.name)));
    expect(report.charts.map((c) => c.series.map((s) => s.values))).toEqual(planned.map((c) => c.series.map((s) => `Équilibre!${s.values.replace(/\$/g, "")}`.replace(/^Équilibre!/, "'Équilibre'!"))));
    expect(report.charts.every((c) => c.series.every((s) => s.xValues !== null))).toBe(true);
  });

  // Point 4: formulas and list sources named sheets not created yet.
  it("creates every sheet before a formula or a list names it: no #REF!, every validation in place", async () => {
    const h = createExcelHarness(generatedBudget(30));
    const { plan } = await fullRun(hostOn(h));
    const broken = h.workbook.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.error === "#REF!").map((c) => `${s.name}: ${c.formula}`));
    expect(broken).toEqual([]);
    const formulas = h.workbook.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula?.includes("'Équilibre – ")));
    expect(formulas.length).toBeGreaterThan(0);
    const mapping = h.workbook.sheet("Équilibre – lignes")!;
    expect(mapping.validations.map((v) => (v.rule as { list: { source: string } }).list.source)).toEqual(
      plan.sheets.find((s) => s.role === "mapping")!.validations.map((v) => (v.listSource.startsWith('"') ? v.listSource.slice(1, -1) : `=${v.listSource}`)),
    );
  });

  // Point 5: Excel retyped « 6061 », « 50% », dates and TRUE; the correction key no longer matched.
  it("writes every text as text: Excel retypes none of it", async () => {
    const wb = simFromRows("textes.xlsx", [
      {
        name: "Budget",
        rows: [
          ["Compte", "Libellé", "Budget 2026"],
          ["6061", "50%", 1200],
          ["6064", "2026-01-15", 300],
          ["741", "TRUE", 5000],
          ["706", "=HYPERLINK(\"http://x\";\"y\")", 800],
          ["6226", "- honoraires", 150],
        ],
      },
    ]);
    // The labels are texts in the source workbook (typed with an apostrophe).
    const src = wb.sheet("Budget")!;
    for (const [r, c] of [[1, 0], [1, 1], [2, 0], [2, 1], [3, 0], [3, 1], [4, 1], [5, 0], [5, 1]] as const) src.setCell(r, c, { value: String(src.cell(r, c)!.value ?? "") });
    src.setCell(4, 1, { value: '=HYPERLINK("http://x";"y")' });
    src.setCell(5, 1, { value: "- honoraires" });
    const h = createExcelHarness(wb);
    const { plan } = await fullRun(hostOn(h));
    let texts = 0;
    for (const sheet of plan.sheets) {
      const sim = h.workbook.sheet(sheet.name)!;
      for (const c of sheet.cells) {
        if (c.formula || typeof c.value !== "string" || c.value === "") continue;
        const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
        const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const cell = sim.cell(Number(m[2]) - 1, col - 1);
        if (sheet.tables.some((t) => t.ref.startsWith(c.ref))) continue;
        expect({ ref: `${sheet.name}!${c.ref}`, value: cell?.value, formula: cell?.formula }).toEqual({ ref: `${sheet.name}!${c.ref}`, value: c.value, formula: undefined });
        texts++;
      }
    }
    expect(texts).toBeGreaterThan(20);
    const values = [...h.workbook.sheet("Équilibre – lignes")!.cells.values()].map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(["6061", "50%", "2026-01-15", "TRUE"]));
  });

  // Point 7: the old sheets were deleted first, so a failure left a half-written report.
  it("leaves the previous report whole when a write fails half-way", async () => {
    const h = createExcelHarness(generatedBudget(40));
    await fullRun(hostOn(h));
    const before = h.workbook.sheets.map((s) => [s.name, s.cells.size, s.charts.length]);
    // The next write fails at its first chart (Excel stops the batch there).
    h.server.failOn = (a) => a.startsWith("ChartCollection.Add");
    const e = await fullRun(hostOn(h)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EquilibreError);
    h.server.failOn = null;
    expect(h.workbook.sheets.map((s) => [s.name, s.cells.size, s.charts.length])).toEqual(before);
    // And the next run succeeds, over the old report.
    await fullRun(hostOn(h));
    expect(h.workbook.sheets.map((s) => s.name)).toEqual(before.map((b) => b[0]));
  });

  it("re-running replaces its own sheets and keeps a user's sheet called Équilibre", async () => {
    const wb = generatedBudget(50);
    wb.addSheet("Équilibre").setCell(0, 0, { value: "mes notes" });
    const h = createExcelHarness(wb);
    const first = await fullRun(hostOn(h));
    expect(first.applied.sheets[0]!.name).toBe("Équilibre (2)");
    expect(first.applied.warnings[0]).toMatch(/existe déjà/);
    await fullRun(hostOn(h));
    expect(h.workbook.sheets.map((s) => s.name)).toEqual(["Budget", "Équilibre", "Équilibre (2)", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
    expect(h.workbook.sheet("Équilibre")!.cell(0, 0)?.value).toBe("mes notes");
    // The state records the cells Équilibre wrote and a fingerprint of their values, so that the next run tells the
    // user's notes from them.
    const back = await hostOn(h).readSnapshot();
    expect(Object.keys(back.ownCells ?? {}).sort()).toEqual(["levers", "levers.values", "report", "report.values"]);
  });

  it("keeps on a re-run what the user typed in Équilibre's sheets: notes, a note typed over a merged heading, a correction", async () => {
    const h = createExcelHarness(generatedBudget(20));
    await fullRun(hostOn(h));
    const report = h.workbook.sheet("Équilibre")!;
    const lines = h.workbook.sheet("Équilibre – lignes")!;
    // As a user types them in Excel (rows and columns from 0): a note beside the report, one beside a line of the
    // table, one over a merged heading (Excel keeps it in the merge's top-left cell), a lever corrected.
    report.setCell(29, 9, { value: "Note du trésorier : validé en bureau" });
    const row = [...Array(40).keys()].find((r) => lines.cell(r, 2)?.value === "Achats de fournitures pour l'atelier n° 1")!;
    lines.setCell(row, 22, { value: "Devis joint" });
    lines.setCell(row, 14, { value: "Services extérieurs" });
    const heading = report.merges.map((m) => /^([A-Z]+)(\d+)/.exec(m)!).find((m) => Number(m[2]) > 5 && typeof report.cell(Number(m[2]) - 1, m[1]!.charCodeAt(0) - 65)?.value === "string")!;
    const [hr, hc] = [Number(heading[2]) - 1, heading[1]!.charCodeAt(0) - 65];
    const headingText = report.cell(hr, hc)!.value;
    report.setCell(hr, hc, { value: "À présenter en AG" });

    const again = await fullRun(hostOn(h));
    const corrected = again.result.classified.filter((l) => l.corrected);
    expect(corrected.map((l) => [l.label, l.lever])).toEqual([["Achats de fournitures pour l'atelier n° 1", "external_services"]]);
    const newReport = h.workbook.sheet("Équilibre")!;
    const newLines = h.workbook.sheet("Équilibre – lignes")!;
    expect(newReport.cell(29, 9)?.value).toBe("Note du trésorier : validé en bureau");
    const newRow = [...Array(40).keys()].find((r) => newLines.cell(r, 2)?.value === "Achats de fournitures pour l'atelier n° 1")!;
    expect([newLines.cell(newRow, 22)?.value, newLines.cell(newRow, 14)?.value]).toEqual(["Devis joint", "Services extérieurs"]);
    // The heading is Équilibre's again; the note typed over it is kept under the report, and said.
    expect(newReport.cell(hr, hc)?.value).toBe(headingText);
    expect([...newReport.cells.values()].filter((c) => c.value === "À présenter en AG")).toHaveLength(1);
    expect(again.applied.warnings.join(" ")).toMatch(new RegExp(`Votre note de la cellule ${heading[1]}${heading[2]} .*est reprise en`));
  });

  it("says in the report's language that a user's sheet kept its name", async () => {
    const wb = generatedBudget(20);
    wb.addSheet("Équilibre").setCell(0, 0, { value: "my notes" });
    const { applied } = await fullRun(hostOn(createExcelHarness(wb)), "en");
    expect(applied.warnings).toContain("A sheet “Équilibre” that is not Équilibre's already exists: Équilibre's sheet is named “Équilibre (2)”.");
  });

  it("names the key figures in the workbook (report and scenario), replaces its own names on a re-run and keeps the user's", async () => {
    const wb = generatedBudget(20);
    wb.addName("MesCharges", "='Budget'!$B$2");
    wb.addName("EquilibreModele", "='Budget'!$A$1");
    const h = createExcelHarness(wb);
    const { plan } = await fullRun(hostOn(h));
    const names = () => new Map([...h.workbook.names.values()].map((n) => [n.name, n.formula]));
    const planned = new Map((plan.names ?? []).map((n) => [n.name, `=${n.ref}`]));
    for (const n of ["EquilibreModele", "EquilibreScenarioModele", "EquilibreTotalProduits", "EquilibreTotalCharges", "EquilibreResultat", "EquilibreEcartTiersOnTop", "EquilibreEcart4Tiers", "EquilibreEcart10plus1", "EquilibreScenarioEcartTiersOnTop", "EquilibreScenarioEcart4Tiers", "EquilibreScenarioEcart10plus1"]) {
      expect(names().get(n), n).toBe(planned.get(n));
    }
    expect(names().get("MesCharges")).toBe("='Budget'!$B$2");
    await fullRun(hostOn(h));
    expect(names()).toEqual(new Map([["MesCharges", "='Budget'!$B$2"], ...planned]));
  });

  it("says chartsWritten only when charts were written", async () => {
    const h = createExcelHarness(generatedBudget(10));
    const host = hostOn(h);
    const { plan } = await fullRun(host);
    const applied = await host.apply({ ...plan, sheets: plan.sheets.map((s) => ({ ...s, charts: [] })) });
    expect(applied.chartsWritten).toBe(false);
    expect(h.workbook.sheets.flatMap((s) => s.charts)).toEqual([]);
  });

  // Point 6: codes Excel really sends, each with a sentence in French and in English.
  it.each([
    ["a cell being edited (Office.js 5004)", { cellEditMode: true }, "office_cell_edit_mode", /Entrée ou Échap/, /Enter or Esc/],
    ["a payload over 5 MB reported as GeneralException", { payloadErrorAs: "GeneralException" as const, maxResponseBytes: 100 }, "office_too_large", /trop volumineux/, /too large/],
    ["a payload over 5 MB with its own code", { maxResponseBytes: 100 }, "office_too_large", /trop volumineux/, /too large/],
    ["too many requests (5102)", { failBatch: { at: 1, code: 5102 } }, "office_busy", /occupé/, /busy/],
    ["an expired session (5012)", { failBatch: { at: 1, code: 5012 } }, "office_session_expired", /expiré/, /expired/],
  ])("turns %s into a sentence", async (_what, options, code, fr, en) => {
    const h = createExcelHarness(generatedBudget(30), options);
    const e = (await hostOn(h).readSnapshot().catch((x: unknown) => x)) as EquilibreError;
    expect(e).toBeInstanceOf(EquilibreError);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(fr);
    expect(e.messageIn("en")).toMatch(en);
  });

  it("says InvalidOperation (cell edit mode on the web) and a protected structure plainly, before writing anything", async () => {
    const h = createExcelHarness(generatedBudget(30));
    h.server.failOn = (a) => (a === "Workbook.Name" ? "InvalidOperation" : false);
    const e = (await hostOn(h).readSnapshot().catch((x: unknown) => x)) as EquilibreError;
    expect(e.code).toBe("office_invalid_operation");
    expect(e.message).toMatch(/Entrée ou Échap/);
    h.server.failOn = null;
    h.workbook.structureProtected = true;
    const host = hostOn(h);
    const sheets = h.workbook.sheets.length;
    const w = (await fullRun(host).catch((x: unknown) => x)) as EquilibreError;
    expect(w.code).toBe("office_workbook_protected");
    expect(w.messageIn("en")).toMatch(/Unprotect/);
    expect(h.workbook.sheets.length).toBe(sheets);
  });
});

describe("the Excel versions it needs", () => {
  it("uses no API above ExcelApi 1.9, the manifest's minimum (Excel 2021, Microsoft 365, the web, Mac 16.24)", async () => {
    const h = createExcelHarness(await simFromXlsx(join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx")));
    // A sheet whose used range is mostly empty takes the sparse path (special cells).
    const notes = h.workbook.addSheet("Mes remarques");
    notes.setCell(0, 0, { value: "Remarques" });
    notes.setCell(1_200, 900, { value: "note égarée" });
    const host = hostOn(h);
    await fullRun(host);
    await fullRun(host);
    await host.selectCell("Budget", "B3");
    const used = [...h.server.apiUsed];
    expect(used.filter((api) => API_SETS[api] === undefined)).toEqual([]);
    expect(Math.max(...used.map((api) => API_SETS[api]!))).toBe(1.9);
    const manifest = await readFile(join(FIXTURES_DIR, "..", "..", "manifest.xml"), "utf8");
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
  });
});

describe("workbook settings state", () => {
  it("migrates an older state and ignores an unreadable one", () => {
    expect(migrateState(JSON.stringify({ sheets: ["Équilibre", "L", "V"] }))?.ownSheets).toEqual(["Équilibre", "L", "V"]);
    expect(migrateState("{not json")).toBeNull();
    expect(migrateState(JSON.stringify({ schemaVersion: 9 }))).toBeNull();
  });
});
