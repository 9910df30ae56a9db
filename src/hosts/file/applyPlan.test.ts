import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../../engine/parameters.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import { buildReportPlan } from "../../workbook/reportPlan.ts";
import { renameSheets, resolveSheetNames, writeReportBuffer } from "./applyPlan.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";

const NOW = new Date(Date.UTC(2026, 10, 24));
const HOSTILE = ['=HYPERLINK("http://evil.example","clic")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-1+2 frais"];

async function hostileWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRows([["Charges", "Montant"], ["Achats", 100], ...HOSTILE.map((h, i) => [h, 10 + i]), ["Produits", null], ["Subvention mairie", 200], ["Cotisations", 50]]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("writing the plan into an .xlsx", () => {
  it("writes labels that look like formulas as plain text, never as formulas", async () => {
    const input = await hostileWorkbook();
    const snapshot = await readSnapshotFromBuffer(input, "hostile.xlsx");
    const result = analyzeSnapshot(snapshot, defaultParameters());
    expect(result.classified.filter((l) => HOSTILE.includes(l.label))).toHaveLength(HOSTILE.length);
    const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith("xl/worksheets/sheet")).map((f) => zip.file(f)!.async("string")))).join("\n");
    for (const h of HOSTILE) {
      expect(xml).not.toContain(`>${h.slice(1)}</f>`);
      expect(xml).not.toMatch(/<f\b[^>]*>[^<]*evil\.example/);
    }
    const back = await readSnapshotFromBuffer(bytes, "back.xlsx");
    const mapping = back.sheets.find((s) => s.name === "Équilibre – lignes")!;
    const labels = mapping.rows.flatMap((r) => r.cells.filter((c) => c.col === 3)).map((c) => [c.value, c.formula]);
    for (const h of HOSTILE) expect(labels).toContainEqual([h, undefined]);
  });

  it("replaces its own sheets on a re-run and marks them in a very hidden state sheet", async () => {
    const input = await hostileWorkbook();
    const first = await writeReportBuffer(input, buildReportPlan(analyzeSnapshot(await readSnapshotFromBuffer(input, "a.xlsx"), defaultParameters()), { lang: "fr", date: NOW }), NOW);
    const snap = await readSnapshotFromBuffer(first.bytes, "a.xlsx");
    expect(snap.ownSheets).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios", "_equilibre"]);
    expect(snap.sheets.find((s) => s.name === "_equilibre")!.visibility).toBe("veryHidden");
    const second = await writeReportBuffer(first.bytes, buildReportPlan(analyzeSnapshot(snap, defaultParameters()), { lang: "fr", date: NOW }), NOW);
    const names = (await readSnapshotFromBuffer(second.bytes, "b.xlsx")).sheets.map((s) => s.name);
    expect(names).toEqual(["Budget", "Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios", "_equilibre"]);
    expect(second.result.warnings).toEqual([]);
    expect(second.result.chartsWritten).toBe(true);
  });

  it("names the key figures in workbook.xml, replaces its own names on a re-run and keeps the user's", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRows([["Charges", "Montant"], ["Achats", 100], ["Produits", null], ["Subvention mairie", 200], ["Cotisations", 50]]);
    wb.definedNames.add("Budget!$B$2", "MesAchats");
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const definedNames = async (bytes: Uint8Array) => {
      const xml = (await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string")) ?? "";
      return [...xml.matchAll(/<definedName name="([^"]+)"(?: localSheetId="\d+")?>([^<]*)<\/definedName>/g)].map((m): [string, string] => [m[1]!, m[2]!.replace(/&apos;/g, "'")]);
    };
    const plan = (bytes: Uint8Array) => readSnapshotFromBuffer(bytes, "a.xlsx").then((snap) => buildReportPlan(analyzeSnapshot(snap, defaultParameters()), { lang: "fr", date: NOW, previousSheets: snap.ownSheets ?? [] }));
    const firstPlan = await plan(input);
    const first = await writeReportBuffer(input, firstPlan, NOW);
    const names = await definedNames(first.bytes);
    const global = names.filter(([n]) => !n.startsWith("_xlnm."));
    expect(global).toEqual([["MesAchats", "Budget!$B$2"], ...firstPlan.names!.map((n) => [n.name, n.ref])]);
    expect(global.map(([n]) => n)).toEqual(expect.arrayContaining(["EquilibreModele", "EquilibreScenarioModele", "EquilibreTotalProduits", "EquilibreEcart10plus1", "EquilibreScenarioEcart4Tiers"]));
    expect(global.find(([n]) => n === "EquilibreModele")![1]).toMatch(/^'Équilibre'!\$A\$\d+$/);
    const second = await writeReportBuffer(first.bytes, await plan(first.bytes), NOW);
    expect(await definedNames(second.bytes)).toEqual(names);
  });
});

describe("sheet names", () => {
  it("never takes a user's sheet name, stays within Excel's limits, and rewrites formulas", () => {
    const names = resolveSheetNames(["Budget", "Équilibre", "équilibre (2)"], [], ["Équilibre", "Équilibre – lignes", "A/B: [x]"]);
    expect([...names.values()]).toEqual(["Équilibre (3)", "Équilibre – lignes", "A-B- -x-"]);
    const plan = renameSheets(
      {
        sheets: [{ name: "Équilibre", role: "report", cells: [{ ref: "A1", formula: "SUM('Équilibre'!A2,'O''Neil'!A1)" }], columnWidths: {}, merges: [], tables: [], validations: [], conditionalFormats: [], charts: [] }],
        state: { schemaVersion: 1, engineVersion: "x", reportSheet: "Équilibre", mappingSheet: "m", leversSheet: "l", parameters: {}, language: "fr" },
        replaces: [],
      },
      new Map([["Équilibre", "Équilibre (3)"]]),
    );
    expect(plan.sheets[0]!.cells[0]!.formula).toBe("SUM('Équilibre (3)'!A2,'O''Neil'!A1)");
    expect(plan.state.reportSheet).toBe("Équilibre (3)");
  });
});
