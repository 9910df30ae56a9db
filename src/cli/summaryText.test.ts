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
import { BUDGET_ROWS, handMadeXlsx } from "../../tests/handMadeXlsx.ts";
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

describe.each([
  ["fr", "4 lignes lues, 3 lignes de total ignorées, 4 lignes de tableaux croisés dynamiques ignorées."],
  ["en", "4 lines read, 3 total rows skipped, 4 pivot-table rows skipped."],
] as const)("the rows skipped, in %s", (lang, said) => {
  it("are counted under their own reason: a pivot table's rows are not « lignes de total »", async () => {
    // A pivot table pasted as values beside the budget: its 4 rows, and « Total général » with the budget's two totals.
    const budget = [...BUDGET_ROWS.slice(0, 4), ["Total des charges", 3500], ...BUDGET_ROWS.slice(4), ["Total des produits", 3500]];
    const amounts = BUDGET_ROWS.filter((r) => typeof r[1] === "number");
    const pivot = [[], [], ["Étiquettes de lignes", "Somme de Budget 2026"], ...amounts, ["Total général", 7000]];
    const input = await handMadeXlsx({ sheets: [{ name: "Budget", rows: budget }, { name: "TCD", rows: pivot }] });
    const result = analyzeSnapshot(await readSnapshotFromBuffer(input, "tcd.xlsx"), defaultParameters());
    expect(summaryText(toAnalysisJson(result, lang), lang).split("\n")[0]!.replace(/\u00a0/g, " ")).toContain(said);
  });
});
