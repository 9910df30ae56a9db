// Cells as the worksheet XML writes them, read back by exceljs (as readSnapshot does): text stays text,
// spaces at the ends survive, characters XML forbids are dropped, Excel's 32,767-character limit holds,
// formulas carry their cached result, and styles, tables, validations and merges are in place.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { libreOfficeAvailable, recalculate } from "../../../tests/libreoffice.ts";
import { readWorkbook } from "./readSnapshot.ts";
import type { PlannedSheet, ReportPlan } from "../../workbook/plan.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { parseStrict } from "./packageChecks.ts";
import { buildSheetXml, sheetXmlChunks } from "./sheetXml.ts";

const NOW = new Date(Date.UTC(2026, 10, 24));

const sheet: PlannedSheet = {
  name: "Équilibre",
  role: "report",
  cells: [
    { ref: "A1", value: "=1+1", style: "title" },
    { ref: "A2", value: "  deux espaces  " },
    { ref: "A3", value: "bip\u0001\u0007 <b> & \"q\" \ud800 fin" },
    { ref: "A4", value: "x".repeat(40_000) },
    { ref: "A5", value: 12.5, style: "money" },
    { ref: "A6", value: true },
    { ref: "B1", formula: "A5*2", expected: 25, style: "moneyBold" },
    { ref: "B2", formula: 'IF(A6,"oui","non")', expected: "oui" },
    { ref: "B3", value: "ligne 1\nligne 2", style: "wrap" },
    { ref: "D10", value: "Nom" },
    { ref: "E10", value: "Montant" },
    { ref: "D11", value: "a" },
    { ref: "E11", value: 1 },
  ],
  columnWidths: { 1: 30, 2: 12 },
  rowHeights: { 3: 40 },
  merges: ["A8:C8"],
  tables: [{ name: "EquilibreTest", ref: "D10:E11", columns: ["Nom", "Montant"] }],
  validations: [{ ref: "E11:E11", listSource: "$D$11:$D$11", prompt: { title: "Choix", text: "Choisissez" }, error: { title: "Non", text: "Pas dans la liste" } }],
  conditionalFormats: [{ ref: "D11:D11", textEquals: [{ text: "a", fill: "FFC7CE", color: "9C0006" }], lessThan: { threshold: 0.5, fill: "FFEB9C" } }],
  charts: [],
  freeze: { rows: 1, cols: 0 },
  print: { area: "A1:E11", landscape: true, fitToWidth: 1, header: "Asso & co", footer: "pied" },
  tabColor: "1F3864",
};

const plan: ReportPlan = {
  sheets: [sheet],
  state: { schemaVersion: 1, engineVersion: "test", reportSheet: "Équilibre", mappingSheet: "m", leversSheet: "l", parameters: {}, language: "fr" },
  replaces: [],
};

async function emptyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Budget").getCell("A1").value = "Budget";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("worksheet XML", () => {
  it("is well-formed and escapes what XML forbids", () => {
    const xml = buildSheetXml(sheet, { xf: () => 1, dxf: () => 0, drawingRid: null, tableRids: ["rId1"] });
    parseStrict(xml);
    expect(xml.includes("\u0001") || xml.includes("\u0007")).toBe(false);
    expect(xml).toContain('<t xml:space="preserve">  deux espaces  </t>');
    expect(xml).not.toContain("<f>1+1</f>");
  });

  it("reads back through exceljs with the values, formulas, styles and structures the plan asks for", async () => {
    const { bytes } = await writeReportBuffer(await emptyWorkbook(), plan, NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Équilibre")!;
    expect(ws.getCell("A1").value).toBe("=1+1");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("  deux espaces  ");
    expect(ws.getCell("A3").value).toBe('bip <b> & "q"  fin');
    expect(String(ws.getCell("A4").value)).toHaveLength(32_767);
    expect(ws.getCell("A5").value).toBe(12.5);
    expect(ws.getCell("A5").numFmt).toBe('#,##0 "€";-#,##0 "€"');
    expect(ws.getCell("A6").value).toBe(true);
    expect(ws.getCell("B1").value).toEqual({ formula: "A5*2", result: 25 });
    expect(ws.getCell("B2").value).toEqual({ formula: 'IF(A6,"oui","non")', result: "oui" });
    expect(ws.getCell("B3").value).toBe("ligne 1\nligne 2");
    expect(ws.getCell("B3").alignment?.wrapText).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getRow(3).height).toBe(40);
    expect((ws.model as { merges?: string[] }).merges).toEqual(["A8:C8"]);
    expect(ws.getTable("EquilibreTest")).toBeTruthy();
    expect(ws.getCell("E11").dataValidation).toMatchObject({ type: "list", formulae: ["$D$11:$D$11"], prompt: "Choisissez" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddHeader).toContain("Asso && co");
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F3864" });
  });
});

/** A sheet of `rows` rows: a label, an amount and a formula per row. */
function bigSheet(rows: number): PlannedSheet {
  const cells: PlannedSheet["cells"] = [{ ref: "A1", value: "Libellé" }];
  for (let r = 2; r <= rows + 1; r++) {
    cells.push({ ref: `A${r}`, value: `Ligne numéro ${r} — fournitures & petit matériel` }, { ref: `B${r}`, value: r * 3, style: "money" });
    cells.push({ ref: `C${r}`, formula: `B${r}*2`, expected: r * 6, rowFormula: "double" });
  }
  return { ...sheet, name: "Grand", cells, tables: [], validations: [], conditionalFormats: [], merges: [], print: undefined };
}

describe("a big sheet, written in chunks of rows", () => {
  const ctx = { xf: () => 1, dxf: () => 0, drawingRid: null, tableRids: [] };

  it("comes in chunks of whole rows that together are the sheet", () => {
    const big = bigSheet(2_000);
    const chunks = [...sheetXmlChunks(big, ctx, 10_000)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks.slice(0, -1)) {
      expect(c.endsWith("</row>")).toBe(true);
      expect(c.length).toBeLessThan(10_000 + 1_000);
    }
    expect(chunks.join("")).toBe(buildSheetXml(big, ctx));
    parseStrict(chunks.join(""));
  });

  it("gives the same sheet whatever the chunk size, down to a row per chunk (each chunk moves on)", () => {
    const big = bigSheet(50);
    const whole = buildSheetXml(big, ctx);
    for (const size of [0, 1, 300, 5_000]) {
      const chunks = [...sheetXmlChunks(big, ctx, size)];
      expect(chunks.join("")).toBe(whole);
      if (size <= 1) expect(chunks.length).toBeGreaterThan(50);
    }
  });

  it.runIf(libreOfficeAvailable() || process.env.CI)("is written whole, read back by Équilibre and opened by LibreOffice", async () => {
    const rows = 12_000;
    const big = bigSheet(rows);
    expect([...sheetXmlChunks(big, ctx)].length).toBeGreaterThan(1);
    const { bytes } = await writeReportBuffer(await emptyWorkbook(), { ...plan, sheets: [big] }, NOW);
    for (const read of [bytes, "libreoffice"] as const) {
      let data = bytes;
      if (read === "libreoffice") {
        const dir = mkdtempSync(join(tmpdir(), "equilibre-chunks-"));
        writeFileSync(join(dir, "grand.xlsx"), bytes);
        data = new Uint8Array(readFileSync(recalculate(join(dir, "grand.xlsx"), join(dir, "lo"))));
      }
      const { snapshot } = await readWorkbook(data, "grand.xlsx");
      const grand = snapshot.sheets.find((s) => s.name === "Grand")!;
      const last = grand.rows.find((r) => r.index === rows + 1)!;
      expect(grand.rows.filter((r) => r.cells.length > 0)).toHaveLength(rows + 1);
      expect(last.cells.map((c) => c.value)).toEqual([`Ligne numéro ${rows + 1} — fournitures & petit matériel`, (rows + 1) * 3, (rows + 1) * 6]);
    }
  }, 180_000);
});
