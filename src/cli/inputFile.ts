// Reading the user's file, safely: a regular file only (a FIFO or /dev/zero would block or never end), a size
// cap, every file system error as a sentence; then its real format from its bytes.
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { EquilibreError } from "../engine/errors.ts";
import { workbookFormat, type WorkbookFormat } from "./inputFormat.ts";

/** The largest workbook read: far above a 1,000,000-line ledger (about 60 MB), far below the memory at hand. */
export const MAX_INPUT_BYTES = 1 << 30;

export interface InputFile {
  bytes: Uint8Array;
  format: WorkbookFormat;
  /** Device and inode, to tell the input from an output that is a hard link to it. */
  dev: number;
  ino: number;
}

const errnoOf = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code ?? "";

/** The bytes of a regular file, with a typed error for anything else (missing, a folder, a pipe, unreadable, too large). */
export async function readInputBytes(path: string, limit = MAX_INPUT_BYTES): Promise<{ bytes: Uint8Array; dev: number; ino: number }> {
  const file = basename(path) || path;
  const info = await stat(path).catch((e: unknown) => {
    const code = errnoOf(e);
    throw code === "ENOENT" || code === "ENOTDIR" ? new EquilibreError("file_not_found", { file: path }) : new EquilibreError("read_failed", { file, problem: code }, { cause: e });
  });
  if (info.isDirectory()) throw new EquilibreError("read_failed", { file, problem: "EISDIR" });
  if (!info.isFile()) throw new EquilibreError("not_a_file", { file });
  if (info.size > limit) throw tooLarge(file, info.size, limit);
  // O_NONBLOCK: should the path become a FIFO between stat and open, open does not wait for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: unknown) => {
    throw new EquilibreError("read_failed", { file, problem: errnoOf(e) }, { cause: e });
  });
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new EquilibreError("not_a_file", { file });
    // Read what the file holds now, never more than the cap (a file still growing stops there).
    const bytes = new Uint8Array(Math.min(opened.size, limit));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled), dev: opened.dev, ino: opened.ino };
  } catch (e) {
    throw e instanceof EquilibreError ? e : new EquilibreError("read_failed", { file, problem: errnoOf(e) }, { cause: e });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(file: string, size: number, limit: number): EquilibreError {
  const mb = (n: number) => Math.ceil(n / 2 ** 20);
  return new EquilibreError("file_too_large", { file, size: mb(size), limit: mb(limit) });
}

/** Reads a workbook the command can analyse; throws a sentence for anything else. */
export async function readInputFile(path: string): Promise<InputFile> {
  const read = await readInputBytes(path);
  return { ...read, format: workbookFormat(read.bytes, basename(path)) };
}
