// The file host's disk side (Node only: the CLI and tests). The browser uses the buffer functions.
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { EquilibreError } from "../../engine/errors.ts";
import type { ReportPlan } from "../../workbook/plan.ts";
import type { WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { writeReportBuffer, type WriteResult } from "./applyPlan.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";

/** Reads an .xlsx file from disk. */
export async function readSnapshotFromFile(path: string): Promise<WorkbookSnapshot> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new EquilibreError("file_not_found", { file: path });
  }
  if (info.isDirectory()) throw new EquilibreError("unreadable_file", { file: name, detail: "c'est un dossier" });
  const bytes = await readFile(path);
  return readSnapshotFromBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}

/** Writes a copy of `inputPath` with the plan applied to `outputPath` (the input is never modified). */
export async function writeReportFile(inputPath: string, outputPath: string, plan: ReportPlan, now: Date): Promise<WriteResult> {
  const input = await readFile(inputPath);
  const { bytes, result } = await writeReportBuffer(new Uint8Array(input.buffer, input.byteOffset, input.byteLength), plan, now);
  try {
    await writeFile(outputPath, bytes);
  } catch (e) {
    throw new EquilibreError("write_failed", { file: basename(outputPath), detail: (e as NodeJS.ErrnoException).code ?? "erreur d'écriture" }, { cause: e });
  }
  return result;
}
