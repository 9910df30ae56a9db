// Excel for tests, in the compact form older tests build it (sheets of rows, cells by "row,col"): it is
// the real Office.js client against the simulated workbook of tests/officeHarness, with Excel on the web's
// limits. New tests use the harness directly.
import { createExcelHarness, type ExcelHarness, type HarnessOptions } from "./officeHarness/harness.ts";
import { SimWorkbook } from "./officeHarness/simWorkbook.ts";

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<string, FakeCell>; // "row,col" (0-based)
}

export interface FakeWorkbookData {
  name: string;
  sheets: FakeSheet[];
  settings: Map<string, string>;
  title?: string;
}

export function fakeSheet(name: string, rows: (string | number | null | { error: string } | { formula: string; value: number | string })[][], options: Partial<FakeSheet> = {}): FakeSheet {
  const cells = new Map<string, FakeCell>();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      if (typeof v === "object" && "error" in v) cells.set(`${r},${c}`, { value: v.error, error: v.error });
      else if (typeof v === "object") cells.set(`${r},${c}`, { value: v.value, formula: `=${v.formula}` });
      else cells.set(`${r},${c}`, { value: v });
    }),
  );
  return { name, visibility: "Visible", protected: false, cells, ...options };
}

export function toSimWorkbook(data: FakeWorkbookData): SimWorkbook {
  const wb = new SimWorkbook(data.name);
  wb.title = data.title ?? "";
  for (const [k, v] of data.settings) wb.settings.set(k, v);
  for (const s of data.sheets) {
    const sheet = wb.addSheet(s.name);
    sheet.visibility = s.visibility;
    sheet.protected = s.protected;
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      sheet.setCell(r, c, { ...cell });
    }
  }
  wb.active = wb.sheets[0] ?? null;
  return wb;
}

export interface FakeExcel extends ExcelHarness {
  run: ExcelHarness["Excel"]["run"];
  /** Round trips (context.sync() that reached Excel) since the fake was made. */
  readonly syncCount: number;
}

export function createFakeExcel(data: FakeWorkbookData, options: HarnessOptions = {}): FakeExcel {
  const h = createExcelHarness(toSimWorkbook(data), options);
  Object.defineProperty(h, "run", { value: (batch: never) => h.Excel.run(batch) });
  Object.defineProperty(h, "syncCount", { get: () => h.batches.length });
  return h as FakeExcel;
}
