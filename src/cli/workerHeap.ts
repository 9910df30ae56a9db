// Each worker thread of a folder run has its own heap, which Node sizes as it sizes the main thread's (about 4 GB
// whatever the machine): a million-line ledger inside a folder ran out of memory there although the same file
// alone gets a heap sized to the machine (bin/heap.mjs). The workers share what the command alone would get,
// by the same formula (heapShareMb).
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import { heapShareMb } from "../../bin/heap.mjs";

const MB = 2 ** 20;

/** The old-generation size (MB) to give each of `count` workers, or null when Node's own limit is already as big. */
export function workerHeapMb(count: number, machine = { totalmem: totalmem(), heapLimit: getHeapStatistics().heap_size_limit }): number | null {
  const share = heapShareMb(machine.totalmem, count);
  return share > machine.heapLimit / MB ? share : null;
}
