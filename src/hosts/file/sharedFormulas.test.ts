// Shared formulas: only formulas that are exactly their column's first formula shifted down share it, and
// exceljs (readSnapshot) reads each follower back as its own formula.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { PlannedCell, ReportPlan } from "../../workbook/plan.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";
import { rowTemplate, sharedFormulaRuns } from "./sharedFormulas.ts";
import { resolveParameters } from "../../engine/parameters.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import { buildReportPlan } from "../../workbook/reportPlan.ts";

/** The runs by ref, as the sheet writer reads them: ref → its shared formula's id, and the range on a run's first cell. */
function runsByRef(tuples: [number, number, string, PlannedCell][]): Map<string, { si: number; ref?: string }> {
  const cells = tuples.map((t) => t[3]);
  const runs = sharedFormulaRuns(cells, Int32Array.from(tuples, (t) => t[0]), Int32Array.from(tuples, (t) => t[1]));
  const out = new Map<string, { si: number; ref?: string }>();
  cells.forEach((c, i) => {
    const head = runs.head.get(i);
    if (runs.si[i]! >= 0) out.set(c.ref, head === undefined ? { si: runs.si[i]! } : { si: runs.si[i]!, ref: head });
  });
  return out;
}

describe("shared formulas", () => {
  it("turns relative rows into offsets, leaving absolute rows, strings and sheet names alone", () => {
    expect(rowTemplate(`IF(O7<>"",O7,INDEX('Feuille A1'!$A$2:$A$34,MATCH(Q7,$B$2:B9,0)))&"A7"`, 7)).toBe(
      `IF(O{0}<>"",O{0},INDEX('Feuille A1'!$A$2:$A$34,MATCH(Q{0},$B$2:B{2},0)))&"A7"`,
    );
    expect(rowTemplate("LOG10(A5)+ATAN2(B5,1)", 5)).toBe("LOG10(A{0})+ATAN2(B{0},1)");
    expect(rowTemplate("SUM(5:7)", 5)).toBeNull();
    expect(rowTemplate("SUM(T[Montant])", 5)).toBeNull();
  });

  it("shares runs of adjacent rows only", () => {
    const cell = (ref: string, formula: string): [number, number, string, PlannedCell] => [Number(ref.slice(1)), ref.charCodeAt(0) - 64, ref, { ref, formula }];
    const runs = runsByRef([cell("Q5", "I5*2"), cell("Q6", "I6*2"), cell("Q7", "I7*2"), cell("Q9", "I9*2"), cell("Q10", "I10*3"), cell("R5", "$A$1")]);
    expect(Object.fromEntries(runs)).toEqual({ Q5: { si: 0, ref: "Q5:Q7" }, Q6: { si: 0 }, Q7: { si: 0 } });
  });

  it("reads back, through exceljs, as each cell's own formula", async () => {
    const cells: PlannedCell[] = [];
    for (let r = 2; r <= 6; r++) cells.push({ ref: `A${r}`, value: r }, { ref: `B${r}`, formula: `IF(A${r}>3,"grand",A${r}*$A$2)`, expected: r > 3 ? "grand" : r * 2 });
    const plan: ReportPlan = {
      sheets: [{ name: "Équilibre", role: "report", cells, columnWidths: {}, merges: [], tables: [], validations: [], conditionalFormats: [], charts: [] }],
      state: { schemaVersion: 1, engineVersion: "test", reportSheet: "Équilibre", mappingSheet: "m", leversSheet: "l", parameters: {}, language: "fr" },
      replaces: [],
    };
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = 1;
    const { bytes } = await writeReportBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), plan, new Date());
    const sheet = (await readSnapshotFromBuffer(bytes, "s.xlsx")).sheets.find((s) => s.name === "Équilibre")!;
    const b = sheet.rows.map((r) => r.cells.find((c) => c.col === 2)!);
    expect(b.map((c) => c.formula)).toEqual([2, 3, 4, 5, 6].map((r) => `IF(A${r}>3,"grand",A${r}*$A$2)`));
    expect(b.map((c) => c.value)).toEqual([4, 6, "grand", "grand", "grand"]);
  });

  it("trusts a plan's rowFormula only where it is true: the lines table's runs are those a comparison finds", () => {
    const rows = [["Poste", "2025", "2026"], ["CHARGES"], ...Array.from({ length: 30 }, (_, i) => [`Achat ${i}`, 100 + i, 200 + i]), ["PRODUITS"], ["Subvention", 5000, 6000]];
    const snapshot = { name: "b.xlsx", sheets: [{ name: "Budget", visibility: "visible" as const, protected: false, merges: [], rows: rows.map((r, i) => ({ index: i + 1, cells: r.map((value, j) => ({ col: j + 1, value })) })) }] };
    const mapping = buildReportPlan(analyzeSnapshot(snapshot, resolveParameters({})), { lang: "fr", date: new Date() }).sheets.find((s) => s.role === "mapping")!;
    const tuples = (cells: PlannedCell[]) => cells.map((c): [number, number, string, PlannedCell] => [Number(/\d+/.exec(c.ref)![0]), c.ref.charCodeAt(0) - 64, c.ref, c]);
    expect(mapping.cells.filter((c) => c.rowFormula).length).toBe(5 * 62);
    const trusted = runsByRef(tuples(mapping.cells));
    const compared = runsByRef(tuples(mapping.cells.map((c): PlannedCell => ({ ref: c.ref, value: c.value, formula: c.formula, expected: c.expected, style: c.style }))));
    expect(Object.fromEntries(trusted)).toEqual(Object.fromEntries(compared));
    expect(trusted.size).toBe(5 * 62);
  });
});
