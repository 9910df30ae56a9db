// `npm run bench`: Équilibre's performance figures against their budgets (docs/architecture.md). Not a test.
import { cpus, totalmem } from "node:os";
import { folderOfMembers, folderRun, journal, ledger, plainList, ratioToExceljs } from "./files.bench.ts";
import { cliRatio } from "./cli.bench.ts";
import { runDistinctLabelsBench, runEngineBench } from "./engine.bench.ts";
import { officeRun, SYNC_FORMULA } from "./office.bench.ts";
import { runScenarioBench } from "./scenario.bench.ts";
import { startupRatio } from "./startup.bench.ts";
import { build, firstRenderMs, initialGzipBytes, lazyChunks } from "./pane.bench.ts";

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const ok = (pass: boolean) => (pass ? "OK" : "OVER");
console.log(`Équilibre benchmark — ${machine}\n`);

const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
console.log(`office: ${SYNC_FORMULA}`);
for (const n of [100, 10_000, 100_000]) {
  const r = await officeRun(n);
  const under = r.largestRequest < 5 * 1024 * 1024 && r.largestResponse < 5 * 1024 * 1024 && r.failed === 0;
  console.log(
    `office: full run on ${n.toLocaleString("en")} lines through the real Office.js client: ${r.syncs} context.sync() (re-run ${r.rerunSyncs}), ` +
      `written ${mb(r.bytesWritten)}, re-run read ${mb(r.bytesRead)}, largest request ${mb(r.largestRequest)}, largest response ${mb(r.largestResponse)} (${(r.ms / 1000).toFixed(1)} s in the harness)   budget < 5 MB each   ${ok(under)}`,
  );
}

runEngineBench(5_000);
const runs = [runEngineBench(), runEngineBench(), runEngineBench()].map((r) => r.ms).sort((a, b) => a - b);
console.log(`engine: classify + analyse 100,000 lines: median ${runs[1]!.toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(", ")})   budget ≤ 1000 ms   ${ok(runs[1]! <= 1000)}`);

const distinct = [runDistinctLabelsBench(), runDistinctLabelsBench(), runDistinctLabelsBench()].sort((a, b) => a.ms - b.ms)[1]!;
console.log(`engine: classify 16,000 distinct trial-balance labels: median ${distinct.ms.toFixed(0)} ms, ${distinct.usPerLabel.toFixed(1)} µs a label   budget ≤ 400 ms   ${ok(distinct.ms <= 400)}`);

const sc = runScenarioBench();
console.log(`engine: scenario (2 changes) on 100,000 lines ${sc.scenarioMs.toFixed(0)} ms; goal-seek of the patronage that changes the model ${sc.goalSeekMs.toFixed(0)} ms (${sc.analyses} analyses)`);

const cli = await cliRatio(20_000);
for (const [name, make, budget] of [
  ["plain list of 20,000 rows", () => plainList(20_000), 2],
  ["journal of 10,000 rows", () => journal(10_000), 2],
  ["ledger of 1,000,000 lines", () => ledger(1_000_000), Infinity],
] as const) {
  const r = ratioToExceljs(await make(), budget === Infinity ? 1 : 3);
  console.log(`cli: ${name} end to end ${r.cliMs.toFixed(0)} ms (peak ${r.peakMb.toFixed(0)} MB) vs exceljs read + write ${r.exceljsMs.toFixed(0)} ms: ratio ${r.ratio.toFixed(2)}   budget ${budget === Infinity ? "completes" : `≤ ${budget}`}   ${ok(r.ratio <= budget)}`);
}
const members = folderRun(await folderOfMembers(1_000));
console.log(`cli: folder of 1,000 member workbooks (Cerfa, sections, trial balance, multi-year) with -o: ${(members.ms / 1000).toFixed(1)} s on ${members.workers} worker thread(s)   budget ≤ 120 s   ${ok(members.ms <= 120_000)}`);
console.log(`cli: 20,000-line trial balance end to end ${cli.cliMs.toFixed(0)} ms vs exceljs read + write ${cli.exceljsMs.toFixed(0)} ms: ratio ${cli.ratio.toFixed(2)}   budget ≤ 1.2   ${ok(cli.ratio <= 1.2)}`);

build();
const initial = initialGzipBytes();
console.log(`pane: initial JavaScript in Excel ${(initial.bytes / 1024).toFixed(1)} KB gzip (${initial.files.join(", ")}; lazy: ${lazyChunks().join(", ")})   budget ≤ 200 KB   ${ok(initial.bytes <= 200 * 1024)}`);
const render = [await firstRenderMs(), await firstRenderMs(), await firstRenderMs()].sort((a, b) => a - b)[1]!;
console.log(`pane: first render of the standalone page in headless chromium: median ${render.toFixed(0)} ms`);

const startup = startupRatio();
console.log(`cli: equilibre --help ${startup.helpMs.toFixed(0)} ms vs node -e 0 ${startup.nodeMs.toFixed(0)} ms: ratio ${startup.ratio.toFixed(2)}   budget ≤ 3   ${ok(startup.ratio <= 3)}`);
