// Simulated workbooks for tests: from a real .xlsx (values as Excel holds them — dates as serials with
// their number format, formulas with their cached result, hidden rows) or from rows of plain values.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import { SimWorkbook, type SimCell } from "./simWorkbook.ts";

const EPOCH_MS = Date.UTC(1899, 11, 30);
const toSerial = (d: Date) => (d.getTime() - EPOCH_MS) / 86_400_000;

function simValue(v: unknown): SimCell | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return { value: v };
  if (v instanceof Date) return { value: toSerial(v) };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { value: o.error, error: o.error };
    if (Array.isArray(o.richText)) return { value: (o.richText as { text?: string }[]).map((p) => p.text ?? "").join("") };
    if ("formula" in o || "sharedFormula" in o) {
      // No cached result (a file never opened in Excel): Excel would compute one; the file host reads none.
      const result = simValue(o.result) ?? { value: null };
      return { ...result, formula: `=${String(o.formula ?? o.sharedFormula ?? "")}` };
    }
    if ("text" in o) return simValue(o.text);
  }
  return null;
}

export async function simFromXlsx(path: string): Promise<SimWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const sim = new SimWorkbook(basename(path));
  sim.title = wb.title ?? "";
  wb.eachSheet((ws) => {
    const s = sim.addSheet(ws.name);
    const state = ws.state as string;
    s.visibility = state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible";
    s.protected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) s.hiddenRows.add(r - 1);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // Cells covered by a merge hold nothing in Excel (exceljs repeats the master's value there).
        if (cell.isMerged && cell.master !== cell) return;
        const v = simValue(cell.value);
        if (v) s.setCell(r - 1, c - 1, v);
        if (cell.numFmt) s.setNumberFormat(r - 1, c - 1, cell.numFmt);
      });
    });
  });
  sim.active = sim.sheets[0] ?? null;
  return sim;
}

/** A workbook from rows of values ("=…" is a formula); `formats` gives number formats by "row,col" (0-based). */
export function simFromRows(name: string, sheets: { name: string; rows: (string | number | boolean | null)[][]; formats?: Record<string, string>; hiddenRows?: number[] }[]): SimWorkbook {
  const sim = new SimWorkbook(name);
  for (const sheet of sheets) {
    const s = sim.addSheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        s.setCell(r, c, typeof v === "string" && v.startsWith("=") ? { value: 0, formula: v } : { value: v });
      }),
    );
    for (const [k, f] of Object.entries(sheet.formats ?? {})) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      s.setNumberFormat(r, c, f);
    }
    for (const r of sheet.hiddenRows ?? []) s.hiddenRows.add(r);
  }
  return sim;
}
