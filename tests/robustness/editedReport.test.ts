// A workbook whose report was edited or partly deleted by hand: the next run rebuilds the report whole
// (the same as a fresh run with the user's correction), keeps the correction typed into the mapping table,
// and leaves exactly one report sheet — never « Équilibre (2) » next to a damaged « Équilibre ».
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { NATURE_NAMES } from "../../src/engine/labels.ts";
import { lever } from "../../src/engine/levers.ts";
import type { LeverId } from "../../src/engine/types.ts";
import { MAP_COL, MAPPING_FIRST_ROW } from "../../src/workbook/reportText.ts";
import { cachedValues, libreOfficeAvailable, recalculate } from "../libreoffice.ts";
import { defaultParameters } from "../../src/engine/parameters.ts";
import { writeReportBuffer } from "../../src/hosts/file/applyPlan.ts";
import { readSnapshotFromBuffer } from "../../src/hosts/file/readSnapshot.ts";
import { analyzeSnapshot } from "../../src/workbook/pipeline.ts";
import { buildReportPlan } from "../../src/workbook/reportPlan.ts";
import { analysed, editWorkbook, type Analysed, expectSoundRun, NOW, runWholePath, xlsx } from "./pipeline.ts";


const REPORT = "Équilibre";
const MAPPING = "Équilibre – lignes";
const LEVERS = "Équilibre – leviers";
const SCENARIOS = "Équilibre – scénarios";
const CORRECTED_LABEL = "Mécénat Fondation Crédit Mutuel";

/**
 * The label a user picks in the dropdown for a lever: its name in the lever table, as the levers sheet lists it
 * (the sheet shows a reader's words only, no internal id).
 */
function leverLabel(wb: ExcelJS.Workbook, id: LeverId): string {
  const wanted = lever(id).label.fr;
  let label = "";
  wb.getWorksheet(LEVERS)!.eachRow((row) => {
    if (row.getCell(1).value === wanted) label = wanted;
  });
  expect(label).not.toBe("");
  return label;
}

/** Types a correction into the mapping table: the row of CORRECTED_LABEL gets the public-grants lever. */
function typeCorrection(wb: ExcelJS.Workbook): void {
  const ws = wb.getWorksheet(MAPPING)!;
  const label = leverLabel(wb, "public_grants");
  let rows = 0;
  ws.eachRow((row, r) => {
    if (r >= MAPPING_FIRST_ROW && row.getCell(MAP_COL.label).value === CORRECTED_LABEL) {
      row.getCell(MAP_COL.correctedLever).value = label;
      rows++;
    }
  });
  // One row per amount column.
  expect(rows).toBe(2);
}

/** A sheet's cells as the snapshot reads them: "B12" → value (and formula). */
function cellsOf(run: Analysed, sheet: string): Map<string, unknown> {
  const s = run.back.sheets.find((x) => x.name === sheet)!;
  return new Map(s.rows.flatMap((r) => r.cells.map((c) => [`${c.col},${r.index}`, [c.value, c.formula ?? null]] as const)));
}

describe("a report edited or partly deleted by hand", () => {
  let input: Uint8Array;
  let first: Analysed;
  /** A fresh run over the first output with only the correction typed: what every repaired run must give. */
  let reference: Analysed;

  beforeAll(async () => {
    input = await xlsx((wb) =>
      wb.addWorksheet("Budget").addRows([
        ["FC Saint-Martin — budget"],
        [],
        ["Poste", "Réalisé 2025", "Budget 2026"],
        ["CHARGES", null, null],
        ["Achats d'équipements", 4200, 4500],
        ["Salaire de l'entraîneur", 18_000, 19_000],
        ["Honoraires comptable", 1200, 1300],
        ["Cotisation fédération", 900, 950],
        ["Bénévolat valorisé", 6000, 6500],
        ["PRODUITS", null, null],
        ["Subvention commune", 9000, 9500],
        ["Cotisations des adhérents", 12_000, 12_500],
        [CORRECTED_LABEL, 3000, 3500],
        ["Buvette et tournois", 4300, 4000],
        ["Contributions volontaires en nature", 6000, 6500],
      ]),
    );
    first = await analysed(input);
    await expectSoundRun(input, first);
    expect(first.doc.lines.filter((l) => l.label === CORRECTED_LABEL).map((l) => l.lever)).not.toContain("public_grants");
    reference = await analysed(await editWorkbook(first.output, typeCorrection));
    await expectSoundRun(await editWorkbook(first.output, typeCorrection), reference);
  });

  /** The checks every repaired run passes: one report, rebuilt whole, the correction kept. */
  async function expectRepaired(edited: Uint8Array): Promise<void> {
    const run = await analysed(edited);
    await expectSoundRun(edited, run);
    const names = run.back.sheets.map((s) => s.name);
    expect(names).toEqual(["Budget", REPORT, MAPPING, LEVERS, SCENARIOS, "_equilibre"]);
    expect(names.filter((n) => n.startsWith("Équilibre ("))).toEqual([]);
    // The correction is kept and marked.
    const corrected = run.doc.lines.filter((l) => l.corrected);
    expect(corrected.map((l) => [l.label, l.column, l.lever, l.nature])).toEqual([
      [CORRECTED_LABEL, "Réalisé 2025", "public_grants", "public"],
      [CORRECTED_LABEL, "Budget 2026", "public_grants", "public"],
    ]);
    // Same analysis and same sheets as a fresh run with that correction.
    expect(run.doc).toEqual(reference.doc);
    for (const sheet of [REPORT, MAPPING, LEVERS]) expect(cellsOf(run, sheet), sheet).toEqual(cellsOf(reference, sheet));
    // The report's figures move with the correction: public funding grows by the corrected amount.
    const pub = (r: Analysed) => r.doc.analyses[1]!.totals.byNature.public;
    expect(pub(run)).toBe(pub(first) + 3500);
  }

  it("rebuilds a report whose cells were overwritten, cleared and whose rows were deleted", async () => {
    const edited = await editWorkbook(first.output, (wb) => {
      const ws = wb.getWorksheet(REPORT)!;
      ws.getCell("A1").value = "Mon rapport à moi";
      ws.getCell("C15").value = 123_456;
      ws.getCell("B5").value = "Réalisé 2025";
      ws.getCell("A7").value = null;
      ws.getCell("J7").value = "=1/0";
      // Rows 10 to 21 deleted, 30 to 32 cleared, a note added below.
      ws.spliceRows(10, 12);
      for (let r = 30; r <= 32; r++) ws.getRow(r).eachCell((cell) => (cell.value = null));
      ws.getCell(`A${ws.rowCount + 2}`).value = "une note en bas";
      typeCorrection(wb);
    });
    await expectRepaired(edited);
  });

  it("rebuilds a report sheet deleted entirely", async () => {
    const edited = await editWorkbook(first.output, (wb) => {
      wb.removeWorksheet(wb.getWorksheet(REPORT)!.id);
      typeCorrection(wb);
    });
    await expectRepaired(edited);
  });

  it("rebuilds the report and the levers sheet when both were deleted and the mapping table was sorted by hand", async () => {
    const edited = await editWorkbook(first.output, (wb) => {
      const label = leverLabel(wb, "public_grants");
      wb.removeWorksheet(wb.getWorksheet(REPORT)!.id);
      wb.removeWorksheet(wb.getWorksheet(LEVERS)!.id);
      // The user sorts the mapping table by amount, descending, and types the correction in. Only the
      // columns the run writes as values move: the formulas beside them are the same on every row.
      const ws = wb.getWorksheet(MAPPING)!;
      const rows: ExcelJS.CellValue[][] = [];
      ws.eachRow((row, r) => {
        if (r >= MAPPING_FIRST_ROW) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      const amountIndex = MAP_COL.amount.charCodeAt(0) - 65;
      rows.sort((a, b) => Number(b[amountIndex] ?? 0) - Number(a[amountIndex] ?? 0));
      rows.forEach((values, i) => {
        values.slice(0, MAP_COL.correctedDestination.charCodeAt(0) - 64).forEach((v, k) => {
          ws.getCell(MAPPING_FIRST_ROW + i, k + 1).value = v ?? null;
        });
      });
      ws.eachRow((row, r) => {
        if (r >= MAPPING_FIRST_ROW && row.getCell(MAP_COL.label).value === CORRECTED_LABEL) row.getCell(MAP_COL.correctedLever).value = label;
      });
    });
    await expectRepaired(edited);
  });

  it("keeps one report when the very hidden state sheet that names Équilibre's sheets was lost", async () => {
    const edited = await editWorkbook(first.output, (wb) => {
      wb.removeWorksheet(wb.getWorksheet("_equilibre")!.id);
      wb.getWorksheet(REPORT)!.getCell("C15").value = 1;
      typeCorrection(wb);
    });
    await expectRepaired(edited);
  });
});

describe.runIf(libreOfficeAvailable() || process.env.CI)("corrections typed loosely, recalculated by LibreOffice before any re-run", () => {
  it("move the figures exactly as the engine reads them: trimmed, any case, never a wildcard pattern", async () => {
    const input = await xlsx((wb) =>
      wb.addWorksheet("Budget").addRows([
        ["Poste", "Budget 2026"],
        ["CHARGES", null],
        ["Achats", 4500],
        ["Salaires", 19_000],
        ["PRODUITS", null],
        ["Subvention commune", 9500],
        ["Participation des familles", 3500],
        ["Recettes diverses", 10_500],
        ["Vente de gâteaux", 800],
      ]),
    );
    const first = await analysed(input, "saisie.xlsx");
    const edited = await editWorkbook(first.output, (wb) => {
      const ws = wb.getWorksheet(MAPPING)!;
      const typed: Record<string, string> = { "Participation des familles": "  DONS  ", "Recettes diverses": "Subv*", "Vente de gâteaux": "?" };
      ws.eachRow((row, r) => {
        const label = String(row.getCell(MAP_COL.label).value);
        if (r >= MAPPING_FIRST_ROW && typed[label]) row.getCell(MAP_COL.correctedLever).value = typed[label];
      });
    });
    const rerun = await analysed(edited, "saisie.xlsx");
    expect(rerun.doc.lines.filter((l) => l.corrected).map((l) => [l.label, l.lever])).toEqual([["Participation des familles", "donations"]]);
    const dir = mkdtempSync(join(tmpdir(), "equilibre-saisie-"));
    const file = join(dir, "saisie.xlsx");
    writeFileSync(file, edited);
    const values = await cachedValues(recalculate(file, join(dir, "lo")));
    // The edited file, recalculated, shows what the re-run computes: every line's effective lever, section,
    // pillar, nature and destination in the mapping table (same rows), and the report's totals by nature.
    const wrong: string[] = [];
    const mapping = rerun.plan.sheets.find((x) => x.role === "mapping")!;
    for (const cell of mapping.cells) {
      if (!cell.formula || cell.expected === undefined || cell.expected === null) continue;
      const v = values.get(MAPPING)?.get(cell.ref) ?? "";
      if (v !== cell.expected) wrong.push(`${MAPPING}!${cell.ref}: ${JSON.stringify(cell.expected)} ≠ ${JSON.stringify(v)}`);
    }
    const report = values.get(REPORT)!;
    for (const n of ["public", "private", "activity"] as const) {
      const row = [...report.entries()].find(([ref, v]) => /^A\d+$/.test(ref) && v === NATURE_NAMES[n].fr)?.[0].slice(1);
      const got = report.get(`C${row}`);
      if (got !== rerun.doc.analyses[0]!.totals.byNature[n]) wrong.push(`${NATURE_NAMES[n].fr}: ${rerun.doc.analyses[0]!.totals.byNature[n]} ≠ ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

type Edit =
  | { kind: "set"; sheet: string; row: number; col: number; value: string | number | null }
  | { kind: "removeSheet"; sheet: string }
  | { kind: "clearRows"; sheet: string; from: number; count: number };

const ownSheetArb = fc.constantFrom(REPORT, MAPPING, LEVERS);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      sheet: ownSheetArb,
      row: fc.integer({ min: 1, max: 70 }),
      col: fc.integer({ min: 1, max: 22 }),
      value: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.integer(), fc.constantFrom("Subventions publiques", "Dons", "Ingénierie", "=SUM(A1)", "Levier corrigé", "#REF!")),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("removeSheet" as const), sheet: ownSheetArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("clearRows" as const), sheet: ownSheetArb, from: fc.integer({ min: 1, max: 60 }), count: fc.integer({ min: 1, max: 20 }) }) },
);

describe("random hand edits of Équilibre's sheets (fast-check)", () => {
  it("the next run ends in an analysis with exactly one report, mapping and levers sheet, and the budget untouched", async () => {
    const input = await xlsx((wb) =>
      wb.addWorksheet("Budget").addRows([
        ["Poste", "Budget 2026"],
        ["CHARGES", null],
        ["Achats", 4500],
        ["Salaires", 19_000],
        ["PRODUITS", null],
        ["Subvention commune", 9500],
        ["Dons", 3500],
        ["Ventes", 10_500],
      ]),
    );
    const first = await analysed(input, "edits.xlsx");
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), async (edits) => {
        const edited = await editWorkbook(first.output, (wb) => {
          for (const e of edits) {
            const ws = wb.getWorksheet(e.sheet);
            if (!ws) continue;
            if (e.kind === "removeSheet") wb.removeWorksheet(ws.id);
            else if (e.kind === "set") ws.getCell(e.row, e.col).value = e.value;
            else for (let r = e.from; r < e.from + e.count; r++) ws.getRow(r).eachCell((cell) => (cell.value = null));
          }
        });
        const run = await runWholePath(edited, "edits.xlsx");
        expect(run.kind).toBe("analysis");
        if (run.kind !== "analysis") return;
        await expectSoundRun(edited, run);
        expect(run.back.sheets.map((s) => s.name)).toEqual(["Budget", REPORT, MAPPING, LEVERS, SCENARIOS, "_equilibre"]);
        expect(run.doc.lines.map((l) => [l.label, l.amount])).toEqual(first.doc.lines.map((l) => [l.label, l.amount]));
        // Without a valid correction typed, the analysis is the first run's; with one, only levers and what follows change.
        if (run.doc.lines.every((l) => !l.corrected)) expect(run.doc.analyses).toEqual(first.doc.analyses);
      }),
      { numRuns: Number(process.env.ROBUSTNESS_RUNS ?? 25) },
    );
  });
});

describe("a user's sheets named like Équilibre's", () => {
  // The state sheet is Équilibre's only when its A1 holds Équilibre's state: a user's hidden "_equilibre" is kept,
  // and the state goes to "_equilibre2".
  it("are said in the report's language when Équilibre's sheet takes another name", async () => {
    const input = await xlsx((wb) => {
      wb.addWorksheet("Budget").addRows([["Poste", "Budget 2026"], ["CHARGES", null], ["Achats", 4500], ["PRODUITS", null], ["Subvention commune", 9500]]);
      wb.addWorksheet("Équilibre").getCell("A1").value = "mes notes";
    });
    const result = analyzeSnapshot(await readSnapshotFromBuffer(input, "b.xlsx"), defaultParameters());
    const said = async (lang: "fr" | "en") => (await writeReportBuffer(input, buildReportPlan(result, { lang, date: NOW }), NOW)).result.warnings;
    expect(await said("fr")).toEqual(["Une feuille « Équilibre » qui n'est pas d'Équilibre existe déjà : la feuille d'Équilibre est nommée « Équilibre (2) »."]);
    expect(await said("en")).toEqual(["A sheet “Équilibre” that is not Équilibre's already exists: Équilibre's sheet is named “Équilibre (2)”."]);
  });

  it("are never replaced: not « Équilibre », not a hidden « _equilibre » that is not Équilibre's state", async () => {
    const input = await xlsx((wb) => {
      wb.addWorksheet("Budget").addRows([
        ["Poste", "Budget 2026"],
        ["CHARGES", null],
        ["Achats", 4500],
        ["PRODUITS", null],
        ["Subvention commune", 9500],
      ]);
      wb.addWorksheet("Équilibre").getCell("A1").value = "Mes notes sur l'équilibre du budget";
      const mine = wb.addWorksheet("_equilibre", { state: "hidden" });
      mine.getCell("A1").value = "mes calculs cachés";
      mine.getCell("B2").value = 42;
    });
    const run = await analysed(input, "homonymes.xlsx");
    await expectSoundRun(input, run);
    expect(run.back.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Budget", "Équilibre", "Équilibre (2)"]));
    const notes = run.back.sheets.find((s) => s.name === "Équilibre")!;
    expect(notes.rows[0]!.cells[0]!.value).toBe("Mes notes sur l'équilibre du budget");
    const hidden = run.back.sheets.filter((s) => s.rows.some((r) => r.cells.some((c) => c.value === "mes calculs cachés")));
    expect(hidden.map((s) => [s.visibility, s.rows.flatMap((r) => r.cells.map((c) => c.value))])).toEqual([["hidden", ["mes calculs cachés", 42]]]);
    // A second run finds its state beside the user's sheet, replaces it, and keeps the user's sheet again.
    const again = await analysed(run.output, "homonymes.xlsx");
    expect(again.back.sheets.map((s) => s.name).filter((n) => n.startsWith("_equilibre"))).toEqual(["_equilibre", "_equilibre2"]);
    expect(again.back.sheets.map((s) => s.name).filter((n) => n.startsWith("Équilibre"))).toEqual(["Équilibre", "Équilibre (2)", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
  });
});
