// Équilibre's lines table in real files, as a user leaves it between two runs: the table says its format,
// a table from before formats were numbered is still read, and one from a newer version is refused with a sentence.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { lever } from "../../src/engine/levers.ts";
import { MAP_COL, MAPPING_FIRST_ROW, MAPPING_SCHEMA_VERSION } from "../../src/workbook/reportText.ts";
import { runWholePath, xlsx, type Outcome } from "./pipeline.ts";

type Analysed = Extract<Outcome, { kind: "analysis" }>;
const MAPPING = "Équilibre – lignes";
const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "equilibre.mjs");

async function analysed(bytes: Uint8Array): Promise<Analysed> {
  const outcome = await runWholePath(bytes, "club.xlsx");
  if (outcome.kind === "error") throw outcome.error;
  return outcome;
}

/** Opens, changes and saves a workbook with a spreadsheet library, as a user would in Excel. */
async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { sharedFormula?: string; shareType?: string } | null;
        if (v && typeof v === "object" && (v.sharedFormula !== undefined || v.shareType !== undefined)) {
          cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
        }
      }),
    ),
  );
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Types « Dons » as the corrected lever of the first « Divers » row of the lines table (the charge). */
function correctFirstDivers(wb: ExcelJS.Workbook): void {
  const ws = wb.getWorksheet(MAPPING)!;
  for (let r = MAPPING_FIRST_ROW; r <= ws.rowCount; r++) {
    if (ws.getCell(`${MAP_COL.label}${r}`).value === "Divers") {
      ws.getCell(`${MAP_COL.correctedLever}${r}`).value = lever("donations").label.fr;
      return;
    }
  }
  throw new Error("no « Divers » row");
}

describe("the lines table carries its format", () => {
  let first: Analysed;
  beforeAll(async () => {
    first = await analysed(
      await xlsx((wb) =>
        wb.addWorksheet("Budget").addRows([
          ["Poste", "Budget 2026"],
          ["CHARGES", null],
          ["Loyer", 1200],
          ["Divers", 300],
          ["PRODUITS", null],
          ["Subvention de la mairie", 1500],
          ["Divers", 400],
        ]),
      ),
    );
  });

  it("writes its format above the headers", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.output as unknown as ArrayBuffer);
    expect(wb.getWorksheet(MAPPING)!.getCell("A3").value).toBe(`Format de la table : ${MAPPING_SCHEMA_VERSION}`);
  });

  it("reads a table of today's files (no format written) through the migration, and writes the current format", async () => {
    const old = await edit(first.output, (wb) => {
      wb.getWorksheet(MAPPING)!.getCell("A3").value = null;
      correctFirstDivers(wb);
    });
    const again = await analysed(old);
    expect(again.doc.lines.filter((l) => l.corrected).map((l) => [l.label, l.section, l.lever])).toEqual([["Divers", "income", "donations"]]);
    expect(again.doc.lines.find((l) => l.label === "Divers" && l.cell === "A7")!.corrected).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(again.output as unknown as ArrayBuffer);
    expect(wb.getWorksheet(MAPPING)!.getCell("A3").value).toBe(`Format de la table : ${MAPPING_SCHEMA_VERSION}`);
  });

  it("refuses a table of a newer format with a sentence (exit 2), and leaves the file as it was", async () => {
    const newer = await edit(first.output, (wb) => {
      wb.getWorksheet(MAPPING)!.getCell("A3").value = `Format de la table : ${MAPPING_SCHEMA_VERSION + 1}`;
      correctFirstDivers(wb);
    });
    const outcome = await runWholePath(newer, "club.xlsx");
    expect(outcome.kind).toBe("error");
    if (outcome.kind !== "error") return;
    expect(outcome.error.code).toBe("mapping_too_new");
    expect(outcome.error.message).toContain(`format de table ${MAPPING_SCHEMA_VERSION + 1}`);
    expect(outcome.error.messageIn("en")).toMatch(/newer version of Équilibre.*Update Équilibre/);

    const dir = mkdtempSync(join(tmpdir(), "equilibre-format-"));
    const input = join(dir, "club.xlsx");
    writeFileSync(input, newer);
    const r = spawnSync(process.execPath, [BIN, "analyze", input, "-o", join(dir, "out.xlsx")], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/version plus récente d'Équilibre/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Buffer.compare(readFileSync(input), Buffer.from(newer))).toBe(0);
  });
});
