// The development corpus (corpus/) is well-formed: every budget names its source in SOURCES.md, every expected
// line sits on a row of the workbook that holds its label and amounts, and the committed .xlsx are exactly what
// corpus/build.ts makes from the JSON data. This says nothing of the accuracy figure (`scripts/accuracy.ts`).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { buildCorpus, laidCorpus } from "../corpus/build.ts";
import { layEvery, layoutsFor } from "../corpus/layouts.ts";
import { inVariant, VARIANTS } from "../corpus/variants.ts";
import { CORPUS_DIR, loadBudgets, problemsOf, XLSX_DIR } from "../corpus/model.ts";

const budgets = loadBudgets();
const laid = laidCorpus(budgets);

describe("the development corpus", () => {
  it("has real budgets of several kinds, each with an answer for every line", () => {
    expect(budgets.length).toBeGreaterThanOrEqual(6);
    expect(budgets.flatMap(problemsOf)).toEqual([]);
    expect(new Set(budgets.map((b) => b.id)).size).toBe(budgets.length);
  });

  it("lists the source of every budget in SOURCES.md", () => {
    const sources = readFileSync(join(CORPUS_DIR, "SOURCES.md"), "utf8");
    for (const b of budgets) {
      expect(sources, b.id).toContain(`\`${b.id}\``);
      const where = b.source.url ?? `${b.source.repo}`;
      expect(sources, b.id).toContain(where);
    }
  });

  it("lays every budget in every layout it allows (scripts/accuracy.ts --all-layouts)", () => {
    for (const b of budgets) {
      const every = layEvery(b);
      expect(every.map((l) => l.layout), b.id).toEqual(layoutsFor(b));
      expect(new Set(every.map((l) => l.name)).size, b.id).toBe(every.length);
      expect(every.map((l) => l.layout), b.id).toEqual(expect.arrayContaining(["vertical", "trial_balance", "type_column", "journal"]));
    }
  });

  it("puts every expected line on a row that holds its label and its amounts, in every layout", () => {
    for (const l of [...laid, ...budgets.flatMap((b) => layEvery(b))]) {
      for (const p of l.placements) {
        const sheet = l.sheets.find((s) => s.name === p.sheet);
        const row = sheet?.rows[p.row - 1] ?? [];
        expect(row[p.labelCol], `${l.name} ${p.sheet}!${p.row}`).toBe(p.label);
        for (const a of p.amounts) {
          const cell = row[a.col];
          const value = cell && typeof cell === "object" ? cell.result : cell;
          // A trial balance shows the signed balance (débit − crédit): a produit's is negative.
          expect(Math.abs(Number(value)), `${l.name} ${p.sheet}!${p.row} [${a.header}]`).toBe(Math.abs(a.amount));
        }
      }
      expect(l.placements.filter((p) => !p.notALine).length, l.name).toBeGreaterThan(0);
    }
  });

  it("keeps every expected line on its label's row in every variant (title block, text amounts, k€, monthly columns…)", () => {
    for (const v of VARIANTS) {
      let applied = 0;
      for (const plain of budgets.flatMap((b) => layEvery(b))) {
        const l = inVariant(plain, v);
        if (!l) continue;
        applied++;
        expect(l.name, v.id).toBe(`${plain.name}~${v.id}`);
        expect(l.placements.length, l.name).toBe(plain.placements.length);
        for (const p of l.placements) {
          const row = l.sheets.find((s) => s.name === p.sheet)?.rows[p.row - 1] ?? [];
          expect(row[p.labelCol], `${l.name} ${p.sheet}!${p.row}`).toBe(p.label);
          for (const a of p.amounts) expect(row[a.col] ?? null, `${l.name} ${p.sheet}!${p.row} [${a.header}]`).not.toBeNull();
        }
      }
      expect(applied, v.id).toBeGreaterThan(0);
    }
  });

  describe("committed workbooks", () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-corpus-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("are one per budget and per re-laid copy, nothing else", () => {
      const committed = readdirSync(XLSX_DIR).filter((f) => f.endsWith(".xlsx")).sort();
      expect(committed).toEqual(laid.map((l) => `${l.name}.xlsx`).sort());
    });

    it("hold, cell by cell, what corpus/build.ts makes from the data", async () => {
      await buildCorpus(dir, budgets);
      for (const l of laid) {
        const [mine, fresh] = await Promise.all([XLSX_DIR, dir].map(async (d) => cellsOf(join(d, `${l.name}.xlsx`))));
        expect(mine, `${l.name}.xlsx est périmé : relancez npx tsx corpus/build.ts`).toEqual(fresh);
      }
    });
  });
});

async function cellsOf(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => (out[`${ws.name}!${cell.address}`] = cell.value)));
  return out;
}
