// The file host's disk side (Node only: the CLI and tests). The browser uses the buffer functions.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { EquilibreError } from "../../engine/errors.ts";
import type { ReportPlan } from "../../workbook/plan.ts";
import type { WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { applyReportPlan, type WriteResult } from "./applyPlan.ts";
import { writeFileAtomic } from "./atomicWrite.ts";
import { readWorkbook } from "./readSnapshot.ts";
import type { XlsxPackage } from "./xlsxPackage.ts";
import { useChunkDeflater } from "./nativeDeflate.ts";
import { deflateChunksWithZlib, inflatePartWithZlib } from "./zlibDeflate.ts";
import { usePartInflater } from "./partStream.ts";
import { typeWorkbookFor } from "./workbookType.ts";
import { writeZip } from "./zipWriter.ts";

// Big sheets are deflated by zlib at the level JSZip uses for the small parts, not at CompressionStream's 6.
useChunkDeflater(deflateChunksWithZlib);
// Parts are read through zlib too, in bigger pieces than DecompressionStream's.
usePartInflater(inflatePartWithZlib);

/** The package each snapshot was read from, so writing the report does not read and unzip the file again. */
const opened = new WeakMap<WorkbookSnapshot, { path: string; pkg: XlsxPackage }>();

/** Reads an .xlsx file from disk. */
export async function readSnapshotFromFile(path: string): Promise<WorkbookSnapshot> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new EquilibreError("file_not_found", { file: path });
  }
  if (info.isDirectory()) throw new EquilibreError("unreadable_file", { file: name, reason: "folder" });
  const bytes = await readFile(path);
  const { snapshot, pkg } = await readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  opened.set(snapshot, { path, pkg });
  return snapshot;
}

/**
 * Writes a copy of `inputPath` with the plan applied to `outputPath` (the input is never modified). Given the
 * snapshot read from that input, the package it was read from is used (once) instead of reading the file again.
 */
export async function writeReportFile(inputPath: string, outputPath: string, plan: ReportPlan, now: Date, from?: WorkbookSnapshot): Promise<WriteResult> {
  const kept = from ? opened.get(from) : undefined;
  if (from) opened.delete(from);
  let source: Uint8Array | XlsxPackage;
  if (kept && kept.path === inputPath) source = kept.pkg;
  else {
    const input = await readFile(inputPath);
    source = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  return writeReportFrom(source, outputPath, plan, now);
}

/**
 * Writes the workbook `source` (its bytes, or the package already opened to read it) with the plan applied to
 * `outputPath`, atomically: a temporary file in the same folder, fsync, rename (a failure leaves no half file).
 */
export async function writeReportFrom(source: Uint8Array | XlsxPackage, outputPath: string, plan: ReportPlan, now: Date): Promise<WriteResult> {
  const { pkg, result } = await applyReportPlan(source, plan, now);
  // A macro workbook's report is an .xlsm: its workbook part typed so, whatever the input's said.
  if (await typeWorkbookFor(pkg, outputPath)) await pkg.finish();
  // Part by part into the temporary file: the zip is never one buffer in memory.
  await writeFileAtomic(outputPath, (sink) => writeZip(pkg.entries(), sink));
  return result;
}
