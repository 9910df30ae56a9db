// Writing the report reads only Équilibre's own sheets of the snapshot and the association's name: the user's rows
// are let go before the report's cells are made (a 1,000,000-line ledger's grid is about 600 MB), and the report
// is the same as when they were held.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../src/engine/parameters.ts";
import { writeReportBuffer } from "../src/hosts/file/applyPlan.ts";
import { readSnapshotFromBuffer } from "../src/hosts/file/readSnapshot.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { snapshotForReport } from "../src/workbook/reportSnapshot.ts";
import { readScenarioInputs } from "../src/workbook/scenarioSheet.ts";
import type { WorkbookSnapshot } from "../src/workbook/snapshot.ts";
import { associationName } from "../src/workbook/title.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");
const NOW = new Date(Date.UTC(2026, 0, 16));
const budgets = readdirSync(FIXTURES).filter((f) => /^0\d-.*\.xlsx$/.test(f));

const planFrom = (snapshot: WorkbookSnapshot, result: ReturnType<typeof analyzeSnapshot>) =>
  buildReportPlan(result, { lang: "fr", date: NOW, title: associationName(snapshot, result.budgets), previousSheets: snapshot.ownSheets ?? [], scenarios: readScenarioInputs(snapshot) });

describe("the snapshot kept to write the report", () => {
  it.each(budgets)("%s: no row of the user's sheets, the same report, and a re-run over it keeps Équilibre's sheets", async (name) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
    const snapshot = await readSnapshotFromBuffer(bytes, name);
    const result = analyzeSnapshot(snapshot, defaultParameters());
    const light = snapshotForReport(snapshot, result);
    expect(light.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    expect(light.sheets.flatMap((s) => s.rows)).toEqual([]);
    expect(JSON.stringify(planFrom(light, result))).toBe(JSON.stringify(planFrom(snapshot, result)));

    // Over its own report, Équilibre's sheets (where the user types corrections and notes) keep their rows.
    const { bytes: report } = await writeReportBuffer(bytes, planFrom(light, result), NOW);
    const again = await readSnapshotFromBuffer(report, name);
    const second = analyzeSnapshot(again, defaultParameters());
    const kept = snapshotForReport(again, second);
    const own = new Set(second.ownSheets);
    expect(own.size).toBeGreaterThan(0);
    for (const s of kept.sheets) expect(s.rows, s.name).toEqual(own.has(s.name) ? again.sheets.find((x) => x.name === s.name)!.rows : []);
    expect(JSON.stringify(planFrom(kept, second))).toBe(JSON.stringify(planFrom(again, second)));
  });
});
