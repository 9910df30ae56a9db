// One plan, both hosts: the file host's .xlsx and what the Excel host wrote through the real Office.js
// client look the same — cell values, formulas, number formats, styles (fonts, fills, alignment, borders),
// column widths in Excel's character units, row heights, merges, frozen panes, tables, validations,
// conditional formats (status colours by equality), charts with every series, print setup and headers.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../src/engine/parameters.ts";
import { writeReportBuffer } from "../src/hosts/file/applyPlan.ts";
import { readSnapshotFromFile } from "../src/hosts/file/node.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";
import { createExcelHarness } from "./officeHarness/harness.ts";
import { lookOfSim, lookOfXlsx } from "./officeHarness/normalize.ts";
import { hostOn, NOW } from "./officeHarness/runs.ts";
import { simFromXlsx } from "./officeHarness/seed.ts";

describe("the Excel host and the file host", () => {
  it("write the same report for the same plan", async () => {
    const path = join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx");
    const snapshot = await readSnapshotFromFile(path);
    const plan = buildReportPlan(analyzeSnapshot(snapshot, defaultParameters()), { lang: "fr", date: NOW, previousSheets: [] });
    const { bytes, result } = await writeReportBuffer(await readFile(path), plan, NOW);

    const h = createExcelHarness(await simFromXlsx(path));
    const host = hostOn(h);
    await host.readSnapshot();
    const applied = await host.apply(plan);
    expect(applied.sheets).toEqual(result.sheets);
    expect(applied.chartsWritten).toBe(result.chartsWritten);

    const names = result.sheets.map((s) => s.name);
    const file = await lookOfXlsx(bytes, names);
    // The comparison covers every kind of thing a report holds (none of it is empty on either side).
    const all = Object.values(file);
    expect(all.flatMap((s) => s.charts.flatMap((c) => c.series)).length).toBeGreaterThanOrEqual(5);
    expect(all.flatMap((s) => s.conditionalFormats).some((cf) => /="[^"]+"/.test(cf))).toBe(true);
    expect(all.flatMap((s) => s.validations).length).toBeGreaterThan(0);
    expect(all.flatMap((s) => s.tables).length).toBe(2);
    expect(all.filter((s) => s.freeze && s.freeze.cols > 0).length).toBeGreaterThan(0);
    expect(all.filter((s) => s.print?.header).length).toBeGreaterThan(0);
    // The mapping sheet repeats its header row on every printed page, in Excel as in the file.
    expect(all.filter((s) => s.print?.titleRows).length).toBeGreaterThan(0);
    expect(all.flatMap((s) => Object.values(s.cells)).filter((c) => /border/.test(c.style) && /h-right|h-center/.test(c.style)).length).toBeGreaterThan(0);
    expect(all.flatMap((s) => Object.values(s.widths)).length).toBeGreaterThan(5);
    for (const name of names) {
      const excel = lookOfSim(h.workbook.sheet(name)!);
      const f = file[name]!;
      // Formula cells: the formula (Excel computes the value); the file carries the engine's cached result.
      for (const c of Object.values(f.cells)) if (c.formula) delete c.value;
      for (const c of Object.values(excel.cells)) if (c.formula) delete c.value;
      expect({ name, ...excel }).toEqual({ name, ...f });
    }
  });
});
