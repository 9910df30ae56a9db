// An earlier report under -o is read for what the user typed in Équilibre's sheets: its copies of the input's own
// sheets are listed by name only (a re-run read them in full, half as much work again as a first run), and what
// the new report takes over is the same as when they were read.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveParameters } from "../engine/parameters.ts";
import { readWorkbook } from "../hosts/file/readSnapshot.ts";
import { FIXTURES_DIR } from "../../tests/fixtureExpectations.ts";
import { analyzeFile } from "./analyzeFile.ts";
import { readEarlierReport, withEarlierReport } from "./earlierReport.ts";

describe("the earlier report under -o", () => {
  it("is read for Équilibre's sheets only; the new report takes over the same sheets as from a full read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-earlier-read-"));
    const input = join(dir, "budget.xlsx");
    copyFileSync(join(FIXTURES_DIR, "03-balance-comptable-nature-en-garonne.xlsx"), input);
    const report = join(dir, "budget-equilibre.xlsx");
    await analyzeFile(input, { params: resolveParameters({}), column: null, output: report, lang: "fr", now: new Date(Date.UTC(2026, 0, 16)) });

    const { snapshot } = await readWorkbook(new Uint8Array(readFileSync(input)), "budget.xlsx");
    const names = snapshot.sheets.map((s) => s.name);
    const earlier = (await readEarlierReport(report, names))!;
    const full = (await readEarlierReport(report))!;
    expect(earlier.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name));
    for (const s of earlier.sheets) {
      const copy = names.includes(s.name);
      expect(s.rows.length === 0, s.name).toBe(copy);
      if (!copy) expect(s, s.name).toEqual(full.sheets.find((f) => f.name === s.name));
    }
    expect(earlier.ownSheets).toEqual(full.ownSheets);
    expect(earlier.ownCells).toEqual(full.ownCells);
    expect(withEarlierReport(snapshot, earlier)).toEqual(withEarlierReport(snapshot, full));
    expect(withEarlierReport(snapshot, earlier)).not.toBe(snapshot);
  }, 120_000);
});
