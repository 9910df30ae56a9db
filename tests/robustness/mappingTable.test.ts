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
import { columnNumber } from "../../src/workbook/snapshot.ts";
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

/** The formula of a cell as exceljs reads it (without "="), or undefined. */
async function formulaAt(bytes: Uint8Array, sheet: string, ref: string): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet(sheet)!.getCell(ref).formula ?? undefined;
}

/** Whether a cell lies in a range such as "A3:D3". */
function inRange(ref: string, range: string): boolean {
  const at = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: columnNumber(m[1]!), row: Number(m[2]) };
  };
  const [from, to = from] = range.split(":") as [string, string?];
  const c = at(ref);
  const a = at(from);
  const b = at(to!);
  return c.row >= a.row && c.row <= b.row && c.col >= a.col && c.col <= b.col;
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
      // Formulas of the user's own: one on the line's row (it moves with the line), one beside the report.
      ws.getCell(`Y${produit}`).value = { formula: `${MAP_COL.amount}${produit}*2`, result: 800 } as ExcelJS.CellFormulaValue;
      wb.getWorksheet("Équilibre")!.getCell("P4").value = { formula: "SUM(Budget!B3:B4)", result: 1500 } as ExcelJS.CellFormulaValue;
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
    expect(produitNow).not.toBe(produit);
    expect(await formulaAt(again.output, MAPPING, `Y${produitNow}`)).toBe(`${MAP_COL.amount}${produitNow}*2`);
    expect(await formulaAt(again.output, "Équilibre", "P4")).toBe("SUM(Budget!B3:B4)");
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

  it("are told from Équilibre's own cells by the record it keeps: a longer earlier report leaves nothing behind, a note in the new report's way moves and is said", async () => {
    const rows = [
      ["Poste", "Budget 2026"],
      ["CHARGES", null],
      ["Loyer", 1200],
      ["Salaires", 8000],
      ["PRODUITS", null],
      ["Subvention de la mairie", 4000],
      ["Dons des particuliers", 1500],
      ["Mécénat d'entreprise", 2000],
      ["Cotisations des adhérents", 900],
      ["Ventes de la buvette", 800],
    ];
    const first = await analysed(await xlsx((wb) => wb.addWorksheet("Budget").addRows(rows)));
    const longest = Math.max(...[...(await cells(first.output, "Équilibre")).keys()].map((ref) => Number(/\d+$/.exec(ref)![0])));
    // Three produits leave the budget (their lever rows leave the report); two notes and a formula of the user's.
    const edited = await editWorkbook(first.output, (wb) => {
      const b = wb.getWorksheet("Budget")!;
      for (const r of [7, 8, 10]) b.getCell(`B${r}`).value = null;
      const report = wb.getWorksheet("Équilibre")!;
      report.getCell("Z2").value = "Présenté au bureau";
      report.getCell(`B${longest + 3}`).value = { formula: "Budget!B3*12", result: 14400 } as ExcelJS.CellFormulaValue;
    });
    const again = await analysed(edited);
    const alone = await analysed(await xlsx((wb) => wb.addWorksheet("Budget").addRows(rows.map((r, i) => ([7, 8, 10].includes(i + 1) ? [r[0], null] : r)))));
    const fresh = new Set(alone.plan.sheets.find((s) => s.role === "report")!.cells.map((c) => c.ref));
    const carried = again.plan.sheets.find((s) => s.role === "report")!.cells.filter((c) => !fresh.has(c.ref));
    expect(carried).toEqual([
      { ref: "Z2", value: "Présenté au bureau" },
      { ref: `B${longest + 3}`, formula: "Budget!B3*12", expected: 14400 },
    ]);
    expect(again.written.warnings).toEqual([]);

    // A note typed where the next report writes (the produits are back) goes under it, and is said.
    const shorter = new Set(again.plan.sheets.find((s) => s.role === "report")!.cells.map((c) => c.ref));
    const merged = (ref: string) => [first, again].some((run) => run.plan.sheets.find((s) => s.role === "report")!.merges.some((m) => inRange(ref, m)));
    const freed = first.plan.sheets.find((s) => s.role === "report")!.cells.find((c) => !shorter.has(c.ref) && !merged(c.ref) && c.ref !== `B${longest + 3}`)!.ref;
    const inTheWay = await editWorkbook(again.output, (wb) => {
      const b = wb.getWorksheet("Budget")!;
      for (const r of [7, 8, 10]) b.getCell(`B${r}`).value = rows[r - 1]![1];
      wb.getWorksheet("Équilibre")!.getCell(freed).value = "à voir";
    });
    const third = await analysed(inTheWay);
    const report = await cells(third.output, "Équilibre");
    const at = [...report].filter(([, v]) => v === "à voir").map(([ref]) => ref);
    expect(at).toHaveLength(1);
    expect(Number(/\d+$/.exec(at[0]!)![0])).toBeGreaterThan(longest);
    expect(third.written.warnings).toEqual([`Votre note de la cellule ${freed} (feuille « Équilibre ») est reprise en ${at[0]} : la nouvelle feuille écrit à sa place.`]);
  });
});
