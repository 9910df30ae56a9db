// Each worker thread of a folder run has its own heap, which Node sizes as it sizes the main thread's (about 4 GB
// whatever the machine): a million-line ledger inside a folder ran out of memory there although the same file
// alone gets a heap sized to the machine (bin/heap.mjs). The workers share three quarters of the machine's memory.
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

const MB = 2 ** 20;

/** The old-generation size (MB) to give each of `count` workers, or null when Node's own limit is already as big. */
export function workerHeapMb(count: number, machine = { totalmem: totalmem(), heapLimit: getHeapStatistics().heap_size_limit }): number | null {
  const share = Math.floor((machine.totalmem * 3) / 4 / Math.max(1, count) / MB);
  return share > machine.heapLimit / MB ? share : null;
}
