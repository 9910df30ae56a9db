// Builds the corpus workbooks: `npx tsx corpus/build.ts [out-dir]` writes one .xlsx per budget (and per re-laid
// copy) from corpus/budgets/*.json into corpus/xlsx/ (or out-dir). The committed .xlsx are these files; the test
// tests/corpus.test.ts rebuilds them in a temporary folder and checks that every cell matches.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { layOut, type Laid } from "./layouts.ts";
import { loadBudgets, problemsOf, XLSX_DIR, type Budget } from "./model.ts";

/** A fixed date, so that rebuilding the corpus changes no file's metadata. */
const FIXED = new Date(Date.UTC(2026, 0, 1));

export function workbookOf(laid: Laid): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Équilibre corpus";
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const sheet of laid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    let widest = 10;
    sheet.rows.forEach((cells, i) => {
      cells.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(i + 1, c + 1);
        cell.value = v;
        if (typeof v === "number" || typeof v === "object") cell.numFmt = '#,##0.00 "€"';
        if (typeof v === "string") widest = Math.max(widest, Math.min(v.length, 60));
      });
    });
    for (const r of sheet.bold) ws.getRow(r).font = { bold: true };
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    ws.columns.forEach((col, c) => {
      const label = sheet.rows.some((r) => typeof r[c] === "string" && (r[c] as string).length > 14);
      col.width = label ? widest + 2 : 16;
    });
  }
  return wb;
}

/**
 * The workbook's bytes with every zip entry dated FIXED: exceljs stamps each entry with the time of writing, so
 * without this a rebuild rewrote all the committed .xlsx although no cell had changed.
 */
export async function stableBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.forEach((_path, entry) => {
    entry.date = FIXED;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export function laidCorpus(budgets: Budget[] = loadBudgets()): Laid[] {
  return budgets.flatMap(layOut);
}

export async function buildCorpus(outDir: string = XLSX_DIR, budgets: Budget[] = loadBudgets()): Promise<string[]> {
  const problems = budgets.flatMap(problemsOf);
  if (problems.length) throw new Error(`corpus invalide :\n${problems.join("\n")}`);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const laid of laidCorpus(budgets)) {
    const file = join(outDir, `${laid.name}.xlsx`);
    writeFileSync(file, await stableBytes(workbookOf(laid)));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildCorpus(process.argv[2] ? resolve(process.argv[2]) : XLSX_DIR);
  console.log(`${files.length} classeurs écrits dans ${process.argv[2] ?? XLSX_DIR}`);
}
