// `equilibre compare BEFORE AFTER -o OUT`: OUT is a copy of AFTER with its report and the sheet « Équilibre –
// comparaison ». Recalculated by LibreOffice, every cell of that sheet keeps the value the command wrote; « Avant »
// and « Après » are the two analyses of `compare --json`; and an amount changed in OUT's lines table moves « Après »
// and « Écart » but not « Avant » (the column reads the workbook's own names, live).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cachedValues, libreOfficeAvailable, recalculate } from "./libreoffice.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";

const ROOT = join(import.meta.dirname, "..");
const SHEET = "Équilibre – comparaison";
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const BEFORE = join(FIXTURES_DIR, "01-cerfa-12156-ateliers-du-quartier.xlsx");
const AFTER = join(FIXTURES_DIR, "02-club-sportif-recettes-depenses.xlsx");

/** The comparison sheet's rows by their label: [before, after, difference]. */
function rowsOf(cells: Map<string, string | number | boolean>): Map<string, [unknown, unknown, unknown]> {
  const out = new Map<string, [unknown, unknown, unknown]>();
  for (let r = 5; cells.has(`A${r}`); r++) out.set(String(cells.get(`A${r}`)).trim() + (out.has(String(cells.get(`A${r}`)).trim()) ? ` ${r}` : ""), [cells.get(`B${r}`), cells.get(`C${r}`), cells.get(`D${r}`)]);
  return out;
}

describe.runIf(libreOfficeAvailable())("equilibre compare -o: the comparison sheet", () => {
  const dir = mkdtempSync(join(tmpdir(), "equilibre-compare-"));
  const out = join(dir, "comparaison.xlsx");
  const r = run("compare", BEFORE, AFTER, "--json", "-o", out);
  const doc = r.code === 0 ? JSON.parse(r.stdout) : null;

  it("writes a copy of AFTER whose comparison sheet LibreOffice recalculates to the values written, Avant and Après being the two analyses", { timeout: 120_000 }, async () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("comparaison.xlsx");
    const written = (await cachedValues(out)).get(SHEET)!;
    expect(written, "the comparison sheet").toBeDefined();
    const recalculated = (await cachedValues(recalculate(out, join(dir, "lo")))).get(SHEET)!;
    for (const [ref, value] of written) {
      if (typeof value === "number") expect(recalculated.get(ref), ref).toBeCloseTo(value, 6);
      else expect(recalculated.get(ref), ref).toBe(value);
    }
    const rows = rowsOf(recalculated);
    const [b, a, d] = rows.get("Total des produits")!;
    expect(b).toBeCloseTo(doc.before.analysis.totals.income, 2);
    expect(a).toBeCloseTo(doc.after.analysis.totals.income, 2);
    expect(d).toBeCloseTo(doc.after.analysis.totals.income - doc.before.analysis.totals.income, 2);
    expect(rows.get("Total des charges")![1]).toBeCloseTo(doc.after.analysis.totals.expense, 2);
    expect(rows.get("Part publique")![0]).toBeCloseTo(doc.before.analysis.model.shares.public, 6);
    expect(rows.get("Modèle")![0]).toBe(doc.before.analysis.model.name);
    expect(rows.get("Modèle")![1]).toBe(doc.after.analysis.model.name);
  });

  it("follows the workbook's lines: an amount changed in the lines table moves Après and Écart, not Avant", { timeout: 120_000 }, async () => {
    const first = rowsOf((await cachedValues(recalculate(out, join(dir, "lo1")))).get(SHEET)!);
    // Raise one produit of the analysed column by 1 000 € in the lines table, as a treasurer would.
    const mapping = (await cachedValues(out)).get("Équilibre – lignes")!;
    let row = 5;
    while (mapping.has(`A${row}`) && !(mapping.get(`G${row}`) === "Produits" && mapping.get(`F${row}`) === doc.after.column && Number(mapping.get(`H${row}`)) > 0)) row++;
    expect(mapping.get(`G${row}`), "a produit in the lines table").toBe("Produits");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet("Équilibre – lignes")!.getCell(`H${row}`);
    cell.value = Number(cell.value) + 1000;
    const edited = join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const after = rowsOf((await cachedValues(recalculate(edited, join(dir, "lo2")))).get(SHEET)!);
    const [b0, a0, d0] = first.get("Total des produits")!;
    const [b1, a1, d1] = after.get("Total des produits")!;
    expect(b1).toBeCloseTo(b0 as number, 2);
    expect(a1).toBeCloseTo((a0 as number) + 1000, 2);
    expect(d1).toBeCloseTo((d0 as number) + 1000, 2);
  });

  it("replaces its comparison sheet when compared again, and is not read as a budget", { timeout: 120_000 }, async () => {
    const again = join(dir, "again.xlsx");
    const r2 = run("compare", BEFORE, out, "--json", "-o", again);
    expect(r2.code, r2.stderr).toBe(0);
    const names = [...(await cachedValues(again)).keys()];
    expect(names.filter((n) => n.startsWith("Équilibre – comparaison"))).toEqual([SHEET]);
    expect(names.filter((n) => /\(\d+\)$/.test(n))).toEqual([]);
    expect(JSON.parse(r2.stdout).after.analysis.totals).toEqual(doc.after.analysis.totals);
  });

  it("with several amount columns in AFTER, « Après » is the column compared (the first), not the report's usual last one", { timeout: 120_000 }, async () => {
    const multi = join(dir, "multi.xlsx");
    const r3 = run("compare", BEFORE, join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx"), "--json", "-o", multi);
    expect(r3.code, r3.stderr).toBe(0);
    const d3 = JSON.parse(r3.stdout);
    const rows = rowsOf((await cachedValues(multi)).get(SHEET)!);
    expect(rows.get("Total des produits")![1]).toBeCloseTo(d3.after.analysis.totals.income, 2);
    expect(rows.get("Modèle")![1]).toBe(d3.after.analysis.model.name);
  });
});
