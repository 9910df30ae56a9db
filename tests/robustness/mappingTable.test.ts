// Équilibre's sheets in real files, as a user leaves them between two runs: the lines table says its format
// (a table from before formats were numbered is still read, one from a newer version is refused with a sentence),
// and notes typed in Équilibre's sheets are carried into the new ones, never deleted in silence.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { lever } from "../../src/engine/levers.ts";
import { MAP_COL, MAPPING_FIRST_ROW, MAPPING_SCHEMA_VERSION } from "../../src/workbook/reportText.ts";
import { analysed, editWorkbook, type Analysed, runWholePath, xlsx } from "./pipeline.ts";

const MAPPING = "Équilibre – lignes";
const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "equilibre.mjs");

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
    const old = await editWorkbook(first.output, (wb) => {
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
    const newer = await editWorkbook(first.output, (wb) => {
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

/** The cells of a sheet of a written workbook, by address, as text. */
async function cells(bytes: Uint8Array, sheet: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, string>();
  wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => out.set(c.address, String(c.text))));
  return out;
}

/** The row of the lines table that holds a line, by its label and section column. */
function rowOf(table: Map<string, string>, label: string, nth = 0): number {
  const rows = [...table].filter(([ref, v]) => /^C\d+$/.test(ref) && v === label).map(([ref]) => Number(ref.slice(1)));
  return rows.sort((a, b) => a - b)[nth]!;
}

describe("notes typed in Équilibre's sheets", () => {
  it("are carried into the new sheets: beside the report at their cell, in the lines table with their line, even when rows moved", async () => {
    const budget = [
      ["Poste", "Budget 2026"],
      ["CHARGES", null],
      ["Loyer", 1200],
      ["Divers", 300],
      ["PRODUITS", null],
      ["Subvention de la mairie", 1500],
      ["Divers", 400],
    ];
    const first = await analysed(await xlsx((wb) => wb.addWorksheet("Budget").addRows(budget)));
    const table = await cells(first.output, MAPPING);
    const produit = rowOf(table, "Divers", 1);
    const loyer = rowOf(table, "Loyer");
    const noted = await editWorkbook(first.output, (wb) => {
      wb.getWorksheet("Équilibre")!.getCell("P3").value = "À revoir avec la trésorière";
      const ws = wb.getWorksheet(MAPPING)!;
      ws.getCell("W4").value = "Commentaire";
      ws.getCell(`W${produit}`).value = "Vérifier la convention avec la mairie";
      ws.getCell(`X${produit}`).value = 2026;
      ws.getCell(`W${loyer}`).value = "Bail renégocié en mars";
      ws.getCell("W2").value = "Relu le 3 décembre";
      // The budget changes: a line inserted at the top (every line moves down a row), the rent removed.
      const b = wb.getWorksheet("Budget")!;
      b.spliceRows(3, 1, ["Assurance", 250]);
      b.spliceRows(3, 0, ["Honoraires", 600]);
    });
    const again = await analysed(noted);
    const report = await cells(again.output, "Équilibre");
    expect(report.get("P3")).toBe("À revoir avec la trésorière");
    const next = await cells(again.output, MAPPING);
    const produitNow = rowOf(next, "Divers", 1);
    expect(next.get(`B${produitNow}`)).toBe("B8");
    expect([next.get("W4"), next.get(`W${produitNow}`), next.get(`X${produitNow}`), next.get("W2")]).toEqual(["Commentaire", "Vérifier la convention avec la mairie", "2026", "Relu le 3 décembre"]);
    // The rent left the budget: its note is kept under the table, and said.
    const below = [...next].filter(([, v]) => v === "Bail renégocié en mars").map(([ref]) => ref);
    expect(below).toHaveLength(1);
    expect(Number(below[0]!.slice(1))).toBeGreaterThan(rowOf(next, "Divers", 1));
    expect(again.written.warnings.join(" ")).toContain(`« Loyer »`);
    expect(again.written.warnings.join(" ")).toContain(below[0]);

    // A third run keeps them all where they now are, without a word.
    const third = await analysed(again.output);
    const last = await cells(third.output, MAPPING);
    expect([...last].filter(([, v]) => /Bail|convention|Relu|Commentaire/.test(v)).sort()).toEqual([...next].filter(([, v]) => /Bail|convention|Relu|Commentaire/.test(v)).sort());
    expect((await cells(third.output, "Équilibre")).get("P3")).toBe("À revoir avec la trésorière");
    expect(third.written.warnings).toEqual([]);
  });
});
