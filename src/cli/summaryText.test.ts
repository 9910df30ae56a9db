// The CLI writes a negative amount with the same minus as the report's money cells (« -1 200 € », "-€1,200"):
// a treasurer comparing the terminal with the workbook sees the same characters.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { writeReportBuffer } from "../hosts/file/applyPlan.ts";
import { readSnapshotFromBuffer } from "../hosts/file/readSnapshot.ts";
import { toAnalysisJson } from "../workbook/analysisJson.ts";
import { analyzeSnapshot } from "../workbook/pipeline.ts";
import { buildReportPlan } from "../workbook/reportPlan.ts";
import { handMadeXlsx } from "../../tests/handMadeXlsx.ts";
import { summaryText } from "./summaryText.ts";

const NOW = new Date(Date.UTC(2026, 11, 1));
const BOOK = { sheets: [{ name: "Budget", rows: [["Poste", "Montant"], ["CHARGES", null], ["Loyer", 1000], ["PRODUITS", null], ["Remboursement de trop-perçu", -1200]] }] };

describe.each([
  ["fr", "-1\u00a0200\u00a0€", '#,##0 "€";-#,##0 "€"'],
  ["en", "-€1,200", '"€"#,##0;-"€"#,##0'],
] as const)("a negative total in %s", (lang, shown, format) => {
  it("is printed as the report's money cells show it", async () => {
    const input = await handMadeXlsx(BOOK);
    const result = analyzeSnapshot(await readSnapshotFromBuffer(input, "neg.xlsx"), defaultParameters());
    const text = summaryText(toAnalysisJson(result, lang), lang);
    expect(text).toContain(shown);
    expect(text).not.toMatch(/\u2212\s?[\d€]/);
    // The cells' number format puts the same sign before the same digits.
    const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang, date: NOW }), NOW);
    const styles = (await (await JSZip.loadAsync(bytes)).file("xl/styles.xml")!.async("string")).replace(/&quot;/g, '"');
    expect(styles).toContain(`formatCode="${format}"`);
  });
});
