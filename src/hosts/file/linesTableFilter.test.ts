// A report read back (a re-run): Équilibre's lines table comes without the columns it rewrites from the budget,
// with everything a re-run reads — the lines' identities, amounts, corrections, a note right of the table — and a
// user's sheet that looks like a lines table is read whole.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lever } from "../../engine/levers.ts";
import { defaultParameters } from "../../engine/parameters.ts";
import { FIXTURES_DIR } from "../../../tests/fixtureExpectations.ts";
import { editWorkbook } from "../../../tests/robustness/pipeline.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import { readCorrectionRecords } from "../../workbook/corrections.ts";
import { buildReportPlan } from "../../workbook/reportPlan.ts";
import { columnNumber } from "../../workbook/snapshot.ts";
import { MAP_COL, MAPPING_FIRST_ROW, MAPPING_HEADER_ROW } from "../../workbook/reportText.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";

const NOW = new Date(Date.UTC(2026, 0, 16));
const LINES = "Équilibre – lignes";
const col = (letter: string) => columnNumber(letter);

async function report(): Promise<Uint8Array> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, "03-balance-comptable-nature-en-garonne.xlsx")));
  const result = analyzeSnapshot(await readSnapshotFromBuffer(bytes, "b.xlsx"), defaultParameters());
  return (await writeReportBuffer(bytes, buildReportPlan(result, { lang: "fr", date: NOW }), NOW)).bytes;
}

describe("Équilibre's lines table read back", () => {
  it("leaves out the columns a re-run rewrites, keeps identities, amounts, corrections and notes", async () => {
    const edited = await editWorkbook(await report(), (wb) => {
      const ws = wb.getWorksheet(LINES)!;
      const auto = ws.getRow(MAPPING_FIRST_ROW).getCell(MAP_COL.autoLever).value;
      ws.getRow(MAPPING_FIRST_ROW).getCell(MAP_COL.correctedLever).value = lever(auto === lever("donations").label.fr ? "sales_services" : "donations").label.fr;
      ws.getRow(MAPPING_FIRST_ROW).getCell("X").value = "Vérifié";
      // A copy of the table in a sheet of the user's: theirs, read whole (after the correction is read, below).
      const mine = wb.addWorksheet("Ma copie");
      ws.eachRow((row, r) => row.eachCell((c, k) => void (mine.getRow(r).getCell(k).value = c.value)));
    });
    const snapshot = await readSnapshotFromBuffer(edited, "r.xlsx");
    const lines = snapshot.sheets.find((s) => s.name === LINES)!;
    const header = lines.rows.find((r) => r.index === MAPPING_HEADER_ROW)!;
    expect(header.cells.map((c) => c.col)).toContain(col(MAP_COL.autoLever));
    const data = lines.rows.filter((r) => r.index >= MAPPING_FIRST_ROW);
    expect(data.length).toBeGreaterThan(10);
    const cols = new Set(data.flatMap((r) => r.cells.map((c) => c.col)));
    for (const left of [MAP_COL.autoLever, MAP_COL.autoPillar, MAP_COL.reason, MAP_COL.lever, MAP_COL.destination]) expect(cols.has(col(left)), left).toBe(false);
    for (const kept of [MAP_COL.sheet, MAP_COL.cell, MAP_COL.label, MAP_COL.account, MAP_COL.autoSection, MAP_COL.amount]) expect(cols.has(col(kept)), kept).toBe(true);
    const first = data.find((r) => r.index === MAPPING_FIRST_ROW)!;
    expect(first.cells.find((c) => c.col === col(MAP_COL.correctedLever))?.value).toMatch(/\w/);
    expect(first.cells.find((c) => c.col === col("X"))?.value).toBe("Vérifié");

    const mine = snapshot.sheets.find((s) => s.name === "Ma copie")!;
    expect(new Set(mine.rows.filter((r) => r.index >= MAPPING_FIRST_ROW).flatMap((r) => r.cells.map((c) => c.col))).has(col(MAP_COL.autoLever))).toBe(true);

    // What the re-run reads from it: the correction with its line's identity.
    const records = readCorrectionRecords({ ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== "Ma copie") });
    expect(records.map((r) => [r.sheet, r.cell, r.label, r.section, typeof r.cents])).toEqual([["Balance générale", "E7", "Fournitures non stockables (eau, énergie)", "expense", "number"]]);
  }, 120_000);
});
