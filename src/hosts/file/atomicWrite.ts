// Every file Équilibre writes on disk goes to a temporary file in the target's own folder, is flushed to the
// disk (fsync), then renamed over the target: a write that fails (disk full, read-only disk, a crash) leaves
// the earlier file as it was, never a truncated one. Node only (the CLI and tests).
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { EquilibreError } from "../../engine/errors.ts";

const errnoOf = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code;

/** Short and hidden, so a name near the length limit still has room and a listing does not show it. */
const tempName = (folder: string) => join(folder, `.~equilibre-${randomBytes(6).toString("hex")}.tmp`);

/**
 * Whether `target` can be written, tried before minutes of analysis rather than found after: its folder is made
 * (a missing one is no error), a folder in its place is refused, and an empty temporary file is created and
 * removed beside it (a read-only disk, a folder without the right). `option` is the option that chose the place.
 */
export async function checkWritable(target: string, option: string): Promise<void> {
  const folder = dirname(target);
  const fail = (e: unknown): never => {
    throw new EquilibreError("write_failed", { file: basename(target), problem: errnoOf(e) ?? "", option }, { cause: e });
  };
  await mkdir(folder, { recursive: true }).catch((e: unknown) => {
    throw new EquilibreError("folder_failed", { file: folder, action: "create", problem: errnoOf(e) ?? "", option }, { cause: e });
  });
  if ((await stat(target).catch(() => null))?.isDirectory()) fail(Object.assign(new Error("EISDIR"), { code: "EISDIR" }));
  const temp = tempName(folder);
  const handle = await open(temp, "wx", 0o600).catch(fail);
  await handle.close().catch(() => undefined);
  await unlink(temp).catch(() => undefined);
}

/** Writes what `write` gives, in order, through `sink`. */
export type StreamedContent = (sink: (bytes: Uint8Array) => Promise<void>) => Promise<unknown>;

/**
 * Writes `data` to `target` atomically; a failure is a typed `write_failed` naming the file system's reason. `data`
 * may be a function that writes the content piece by piece (a big report is never one buffer in memory).
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string | StreamedContent, option = "-o"): Promise<void> {
  const folder = dirname(target);
  const temp = tempName(folder);
  const fail = (e: unknown): never => {
    throw new EquilibreError("write_failed", { file: basename(target), problem: errnoOf(e) ?? "", option }, { cause: e });
  };
  await mkdir(folder, { recursive: true }).catch(fail);
  // A folder in the way is said before anything is written.
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) fail(Object.assign(new Error("EISDIR"), { code: "EISDIR" }));
  let handle;
  try {
    handle = await open(temp, "wx", existing ? existing.mode & 0o777 : 0o666);
  } catch (e) {
    fail(e);
  }
  try {
    if (typeof data === "function") {
      const h = handle!;
      await data(async (bytes) => {
        // A short write (a full disk mid-way) is retried until it fails with the system's reason.
        for (let at = 0; at < bytes.length; ) at += (await h.write(bytes, at, bytes.length - at)).bytesWritten;
      });
    } else await handle!.writeFile(data);
    await handle!.sync();
    await handle!.close();
    handle = undefined;
    await rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    fail(e);
  }
  // The rename itself reaches the disk with the folder's entry; a folder that cannot be synced is no error.
  const dir = await open(folder, "r").catch(() => null);
  await dir?.sync().catch(() => undefined);
  await dir?.close().catch(() => undefined);
}
