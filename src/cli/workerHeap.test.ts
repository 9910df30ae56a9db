import { describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { heapFlag } from "../../bin/heap.mjs";
import { workerHeapMb } from "./workerHeap.ts";

const GB = 2 ** 30;

describe("the heap of a folder run's workers", () => {
  it("shares three quarters of the machine between the workers when that is more than Node's default", () => {
    expect(workerHeapMb(2, { totalmem: 24 * GB, heapLimit: 4 * GB })).toBe(9216);
    expect(workerHeapMb(1, { totalmem: 24 * GB, heapLimit: 4 * GB })).toBe(18432);
  });

  it("gives a folder run's only worker the heap the command alone gets for a big file (one formula for both)", () => {
    for (const totalmem of [6 * GB, 16 * GB, 24 * GB, 64 * GB]) {
      const machine = { totalmem, heapLimit: 4 * GB };
      const flag = heapFlag(["analyze", "grand-livre.xlsx"], { execArgv: [], env: {}, ...machine, sizeOf: () => 50 * 2 ** 20 });
      expect(flag).toBe(`--max-old-space-size=${workerHeapMb(1, machine)}`);
    }
  });

  it("leaves Node's own limit on a machine where the share would be smaller", () => {
    expect(workerHeapMb(2, { totalmem: 8 * GB, heapLimit: 4 * GB })).toBeNull();
  });

  it("is a limit a worker thread really gets", async () => {
    const mb = 6144;
    const seen = await new Promise<number>((resolve, reject) => {
      const w = new Worker("const { parentPort } = require('node:worker_threads'); parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit);", {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: mb },
      });
      w.once("message", (v: number) => void w.terminate().then(() => resolve(v)));
      w.once("error", reject);
    });
    expect(seen).toBeGreaterThan(5.5 * GB);
  });
});
