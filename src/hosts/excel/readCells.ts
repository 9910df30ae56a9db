// Reading a workbook's cells through Office.js in batches sized in bytes: values, formulas and number
// formats (dates are numbers that only their format marks) of row blocks, as many per context.sync() as fit
// under the response budget. The first batch is sized from an estimate; each next one from the bytes per
// cell actually received; a batch Excel refuses as too large is split and read again.
/* global Excel */
import { jsonBytes, MAX_CELLS_PER_READ } from "./payload.ts";

export interface BlockData {
  sheet: number;
  row0: number; // 0-based
  col0: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** Office's rowHidden of the block: true (all hidden), false (none), null (some). */
  rowHidden: boolean | null;
}

export interface ReadRequest {
  sheet: number;
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

/** A first guess of one cell's bytes in a response (three properties of a text of some 25 letters). */
const FIRST_GUESS_BYTES_PER_CELL = 100;
const PAYLOAD_CODES = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "PayloadTooLarge"]);

export async function readBlocks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  used: ReadRequest[],
  budget: number,
  onSync: () => void,
): Promise<BlockData[]> {
  const out: BlockData[] = [];
  // Bytes per cell, measured sheet by sheet (a mapping sheet's text is heavier than a budget's numbers).
  const measured = new Map<number, number>();
  const perCell = (sheet: number) => measured.get(sheet) ?? FIRST_GUESS_BYTES_PER_CELL;
  let factor = 1;
  // Pending row ranges, in order; each is read whole or split further.
  const queue: ReadRequest[] = [...used];
  while (queue.length > 0) {
    const batch: { req: ReadRequest; range: Excel.Range }[] = [];
    let planned = 0;
    while (queue.length > 0) {
      const req = queue[0]!;
      const rowBytes = req.cols * perCell(req.sheet) * factor;
      const room = budget - planned;
      const fit = Math.min(Math.floor(room / rowBytes), Math.floor(MAX_CELLS_PER_READ / req.cols), req.rows);
      if (fit < 1) {
        if (batch.length > 0) break;
        // Even one row is estimated over budget: read it alone (a response only fails if it really is too large).
      }
      const rows = Math.max(1, fit);
      const take = rows >= req.rows ? queue.shift()! : { ...req, rows };
      if (take !== req) {
        req.row0 += rows;
        req.rows -= rows;
      }
      const range = sheets[take.sheet]!.getRangeByIndexes(take.row0, take.col0, take.rows, take.cols);
      range.load("values,formulas,numberFormat,rowHidden");
      batch.push({ req: take, range });
      planned += take.rows * rowBytes;
      if (planned >= budget) break;
    }
    try {
      await context.sync();
      onSync();
    } catch (e) {
      const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
      const cells = batch.reduce((n, b) => n + b.req.rows * b.req.cols, 0);
      const splittable = batch.length > 1 || batch[0]!.req.rows > 1;
      if (!(PAYLOAD_CODES.has(code) || (code === "GeneralException" && planned > budget / 4)) || !splittable) throw e;
      void cells;
      onSync();
      // Too large after all: read the same rows again in halves, with a doubled estimate.
      factor *= 2;
      const again: ReadRequest[] = [];
      for (const { req } of batch) {
        if (req.rows === 1) again.push(req);
        else {
          const half = Math.ceil(req.rows / 2);
          again.push({ ...req, rows: half }, { ...req, row0: req.row0 + half, rows: req.rows - half });
        }
      }
      queue.unshift(...again);
      continue;
    }
    const bytes = new Map<number, number>();
    const cells = new Map<number, number>();
    for (const { req, range } of batch) {
      const data: BlockData = {
        sheet: req.sheet,
        row0: req.row0,
        col0: req.col0,
        values: range.values,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
        rowHidden: range.rowHidden,
      };
      // Bytes measured on a sample of rows (the whole block would cost as much as the read itself).
      const step = Math.max(1, Math.floor(data.values.length / 64));
      const width = Math.min(req.cols, 256);
      for (let i = 0; i < data.values.length; i += step) {
        const part = (g: unknown[][]) => jsonBytes(width === req.cols ? g[i] : g[i]!.slice(0, width));
        bytes.set(req.sheet, (bytes.get(req.sheet) ?? 0) + part(data.values) + part(data.formulas) + part(data.numberFormat));
        cells.set(req.sheet, (cells.get(req.sheet) ?? 0) + width);
      }
      out.push(data);
    }
    for (const [sheet, n] of cells) if (n > 0) measured.set(sheet, Math.max(8, (bytes.get(sheet)! / n) * 1.2));
    factor = 1;
  }
  return out;
}

/**
 * Hidden rows of the blocks that have some (rowHidden null): each such range is cut in 16 and asked
 * again, one context.sync() per level, until single rows — a few syncs, and only when rows are hidden.
 */
export async function hiddenRows(context: Excel.RequestContext, sheets: Excel.Worksheet[], mixed: ReadRequest[], onSync: () => void): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  let level = mixed;
  while (level.length > 0) {
    const probes: { req: ReadRequest; range: Excel.Range }[] = [];
    for (const req of level) {
      const step = Math.max(1, Math.ceil(req.rows / 16));
      for (let r = 0; r < req.rows; r += step) {
        const part = { ...req, row0: req.row0 + r, rows: Math.min(step, req.rows - r) };
        const range = sheets[req.sheet]!.getRangeByIndexes(part.row0, part.col0, part.rows, 1);
        range.load("rowHidden");
        probes.push({ req: part, range });
      }
    }
    await context.sync();
    onSync();
    level = [];
    for (const { req, range } of probes) {
      if (range.rowHidden === false) continue;
      if (range.rowHidden === true) {
        const set = out.get(req.sheet) ?? new Set<number>();
        for (let r = req.row0; r < req.row0 + req.rows; r++) set.add(r);
        out.set(req.sheet, set);
      } else level.push(req);
    }
  }
  return out;
}
