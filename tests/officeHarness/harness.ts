// The harness: the real Office.js client on one side, the simulated workbook on the other, and between
// them what Excel on the web enforces — 5 MB per request and per response, in bytes of the real JSON.
// Every batch is kept (request bytes, response bytes, actions) so tests and the bench can measure them.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { loadOfficeJs, type OfficeJsClient } from "./officeJs.ts";
import { SimServer } from "./server.ts";
import { SimWorkbook } from "./simWorkbook.ts";

/** Excel on the web's limits (Microsoft: "Resource limits and performance optimization for Office Add-ins"). */
export const EXCEL_WEB_LIMITS = { maxRequestBytes: 5 * 1024 * 1024, maxResponseBytes: 5 * 1024 * 1024, maxCellsPerRead: 5_000_000 };

export interface HarnessOptions {
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  maxCellsPerRead?: number;
  /** How an oversized payload is reported: Office.js's own code (RequestPayloadSizeLimitExceeded…) or, as Excel on the web often does, GeneralException. */
  payloadErrorAs?: "code" | "GeneralException";
  /** A cell is being edited: every batch fails as Excel does then (Office.js error 5004). */
  cellEditMode?: boolean;
  /** Fail the n-th batch (1-based) before it runs, with this Office.js failure code. */
  failBatch?: { at: number; code: number };
}

export interface BatchRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  failed: string | null;
}

export interface ExcelHarness {
  /** The real client's `Excel` namespace, whose `run` the host calls. */
  Excel: any;
  client: OfficeJsClient;
  workbook: SimWorkbook;
  server: SimServer;
  batches: BatchRecord[];
  /** The largest request and response so far, in bytes. */
  largest(): { request: number; response: number };
  reset(): void;
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

export function createExcelHarness(workbook = new SimWorkbook(), options: HarnessOptions = {}): ExcelHarness {
  const limits = { ...EXCEL_WEB_LIMITS, ...options };
  const client = loadOfficeJs();
  const server = new SimServer(workbook, { maxCellsPerRead: limits.maxCellsPerRead });
  const batches: BatchRecord[] = [];
  client.setTransport((body) => {
    const record: BatchRecord = { requestBytes: utf8(body), responseBytes: 0, actions: 0, failed: null };
    batches.push(record);
    const payloadCode = (code: number) => (options.payloadErrorAs === "GeneralException" ? 5001 : code);
    if (options.cellEditMode) return (record.failed = "cell edit mode"), { failCode: 5004 };
    if (options.failBatch && options.failBatch.at === batches.length) return (record.failed = `forced ${options.failBatch.code}`), { failCode: options.failBatch.code };
    if (record.requestBytes > limits.maxRequestBytes) return (record.failed = "request too large"), { failCode: payloadCode(5103), message: "The request payload size has exceeded the limit." };
    const response = server.execute(body);
    record.responseBytes = utf8(response);
    if (record.responseBytes > limits.maxResponseBytes) return (record.failed = "response too large"), { failCode: payloadCode(5104), message: "The response payload size has exceeded the limit." };
    record.actions = server.lastActions;
    record.failed = server.lastError;
    return { body: response };
  });
  return {
    Excel: client.Excel,
    client,
    workbook,
    server,
    batches,
    largest: () => ({ request: Math.max(0, ...batches.map((b) => b.requestBytes)), response: Math.max(0, ...batches.map((b) => b.responseBytes)) }),
    reset: () => void batches.splice(0),
  };
}
