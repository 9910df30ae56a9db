// Node's heap stops at about 4 GB whatever the machine: a 1,000,000-line ledger needs more. For a big input the
// command runs itself again with a heap sized to the machine (three quarters of its memory), unless the user chose
// a size (--max-old-space-size in the command line or NODE_OPTIONS). Small inputs and --help start as before.
import { statSync } from "node:fs";

/** An input this big (compressed .xlsx) may need more than Node's default heap. */
export const BIG_INPUT_BYTES = 8 * 1024 ** 2;

/**
 * The heap (MB) for each of `count` Node heaps sharing the machine — the command's own, or each worker thread of a
 * folder run (src/cli/workerHeap.ts): three quarters of the machine's memory, shared. The one place it is written.
 */
export function heapShareMb(totalmem, count = 1) {
  return Math.floor((totalmem * 3) / 4 / Math.max(1, count) / 2 ** 20);
}

/**
 * The flag to run again with, or null. `sys` is what the process sees: its Node flags, environment, the machine's
 * memory and the current heap limit (bytes), and the size of a path (null when it is not a regular file).
 */
export function heapFlag(argv, sys) {
  const chosen = [...sys.execArgv, ...(sys.env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) => a.startsWith("--max-old-space-size"));
  if (chosen || sys.env.EQUILIBRE_HEAP_SET) return null;
  const wantedMb = heapShareMb(sys.totalmem);
  if (wantedMb <= sys.heapLimit / 2 ** 20) return null;
  const big = argv.some((a) => !a.startsWith("-") && (sys.sizeOf(a) ?? 0) >= BIG_INPUT_BYTES);
  return big ? `--max-old-space-size=${wantedMb}` : null;
}

export function fileSize(path) {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}
