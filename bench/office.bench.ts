// Excel on the web, through the real Office.js client (tests/officeHarness): syncs of a full run (read,
// analyse, write) and of a re-run (which reads back Équilibre's own sheets), and the largest request and
// response in bytes, under the real limits (5 MB each way, 5,000,000 cells per read).
import { DEFAULT_BATCH_BYTES } from "../src/hosts/excel/payload.ts";
import { EXCEL_WEB_LIMITS } from "../tests/officeHarness/harness.ts";
import { measuredRun } from "../tests/officeHarness/runs.ts";

export interface OfficeFigures {
  lines: number;
  syncs: number;
  rerunSyncs: number;
  largestRequest: number;
  largestResponse: number;
  bytesWritten: number;
  bytesRead: number;
  failed: number;
  ms: number;
}

export async function officeRun(lines: number): Promise<OfficeFigures> {
  const start = performance.now();
  const { first, rerun } = await measuredRun(lines);
  const all = [...first, ...rerun];
  return {
    lines,
    syncs: first.length,
    rerunSyncs: rerun.length,
    largestRequest: Math.max(...all.map((b) => b.requestBytes)),
    largestResponse: Math.max(...all.map((b) => b.responseBytes)),
    bytesWritten: first.slice(3).reduce((n, b) => n + b.requestBytes, 0),
    bytesRead: rerun.reduce((n, b) => n + b.responseBytes, 0),
    failed: all.filter((b) => b.failed).length,
    ms: performance.now() - start,
  };
}

export const SYNC_FORMULA =
  `syncs = 2 (sheets, used ranges; +2 for a huge, mostly empty sheet) + ⌈bytes read / ≈${((DEFAULT_BATCH_BYTES / 1.2) / 1e6).toFixed(1)} MB⌉ (each batch sized from the bytes per cell seen so far, with a 20 % margin; a few more when rows are hidden) ` +
  `+ ⌈bytes written / ${(DEFAULT_BATCH_BYTES / 1e6).toFixed(1)} MB⌉; Excel on the web's limit: ${EXCEL_WEB_LIMITS.maxRequestBytes.toLocaleString("en")} bytes per request and per response`;
