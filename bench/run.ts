// `npm run bench`: Équilibre's performance figures against their budgets (DESIGN.md). Not a test.
import { cpus, totalmem } from "node:os";
import { runEngineBench } from "./engine.bench.ts";

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Équilibre benchmark — ${machine}\n`);
runEngineBench(5_000); // warm-up
const runs = [runEngineBench(), runEngineBench(), runEngineBench()].map((r) => r.ms).sort((a, b) => a - b);
const median = runs[1]!;
console.log(`engine: classify + analyse 100,000 lines   median ${median.toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(", ")})   budget ≤ 1000 ms   ${median <= 1000 ? "OK" : "OVER"}`);
