// A report written over an earlier report of the same workbook — a folder analysed again into itself, or the
// same `-o` again — keeps what the user typed in the earlier one: a correction on its line, a note beside the
// table. Before, the new report was made from the budget alone and the user's work went with the old file.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { lever } from "../src/engine/levers.ts";
import { MAP_COL, MAPPING_FIRST_ROW } from "../src/workbook/reportText.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";
import { editWorkbook } from "./robustness/pipeline.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "equilibre.mjs");
const CERFA = join(FIXTURES_DIR, "01-cerfa-12156-ateliers-du-quartier.xlsx");
const CLUB = join(FIXTURES_DIR, "02-club-sportif-recettes-depenses.xlsx");
const MAPPING = "Équilibre – lignes";
const NOTE = "Vérifié avec la trésorière le 12/03";
const fresh = () => mkdtempSync(join(tmpdir(), "equilibre-earlier-"));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the user does in Excel: the first line of the lines table gets another lever, and a note right of the table. */
async function typeInReport(path: string): Promise<string> {
  let label = "";
  const edited = await editWorkbook(readFileSync(path), (wb: ExcelJS.Workbook) => {
    const row = wb.getWorksheet(MAPPING)!.getRow(MAPPING_FIRST_ROW);
    label = String(row.getCell(MAP_COL.label).value);
    const auto = row.getCell(MAP_COL.autoLever).value;
    row.getCell(MAP_COL.correctedLever).value = lever(auto === lever("donations").label.fr ? "sales_services" : "donations").label.fr;
    row.getCell("X").value = NOTE;
  });
  writeFileSync(path, edited);
  return label;
}

/** The lines the analysis of `path` reads as corrected, by label. */
function correctedLabels(path: string): string[] {
  const r = run("analyze", path, "--json");
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { lines: { label: string; corrected: boolean }[] }).lines.filter((l) => l.corrected).map((l) => l.label);
}

/** The text cells of the lines sheet of a report, as written (whatever the cell type). */
async function mappingTexts(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const texts: string[] = [];
  wb.getWorksheet(MAPPING)!.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
  return texts;
}

describe("a new report over an earlier report keeps what the user typed in it", () => {
  it("folder mode into its own folder: the correction and the note are in the new report, and it is said", async () => {
    const dir = fresh();
    copyFileSync(CERFA, join(dir, "ateliers.xlsx"));
    expect(run("analyze", dir, "-o", dir).code).toBe(0);
    const report = join(dir, "ateliers-equilibre.xlsx");
    const label = await typeInReport(report);
    expect(correctedLabels(report)).toEqual([label]);

    const again = run("analyze", dir, "-o", dir);
    expect(again.code, again.stderr).toBe(0);
    expect(correctedLabels(report)).toEqual([label]);
    expect(await mappingTexts(report)).toContain(NOTE);
    expect(readFileSync(join(dir, "equilibre-synthese.csv"), "utf8")).toMatch(/reprend les corrections, les notes et les scénarios/);
  });

  it("the same -o again, in English: the correction is kept and said", async () => {
    const dir = fresh();
    const out = join(dir, "report.xlsx");
    expect(run("analyze", CERFA, "-o", out).code).toBe(0);
    const label = await typeInReport(out);
    const again = run("analyze", CERFA, "-o", out, "--lang", "en");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/takes over the corrections, notes and scenarios/);
    expect(correctedLabels(out)).toEqual([label]);
  });

  it("the report of another workbook gives nothing to a new one written over it", async () => {
    const dir = fresh();
    const out = join(dir, "report.xlsx");
    expect(run("analyze", CERFA, "-o", out).code).toBe(0);
    await typeInReport(out);
    const other = run("analyze", CLUB, "-o", out);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).not.toMatch(/reprend les corrections/);
    expect(correctedLabels(out)).toEqual([]);
    expect(await mappingTexts(out)).not.toContain(NOTE);
  });
});
