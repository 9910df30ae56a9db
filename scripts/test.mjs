#!/usr/bin/env node
// The project's test command: type-check, lint (with the layer rule), then every vitest test.
// Prints a final "N passed, N failed" line (the type-check and the lint count as one check each).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const extra = process.argv.slice(2);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", shell: false }).status === 0;
const bin = (name) => join("node_modules", ".bin", name);

let passed = 0;
let failed = 0;
for (const [name, cmd, args] of [
  // The tests run the command as users do (bin/equilibre.mjs → build/cli/): build it from the current sources.
  ["build of the command (esbuild)", process.execPath, [join("scripts", "build-cli.mjs")]],
  ["type-check (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]],
  ["lint (eslint, layer rule)", bin("eslint"), ["--max-warnings=0", "src", "tests", "scripts", "bin"]],
]) {
  console.log(`\n▶ ${name}`);
  if (run(cmd, args)) {
    passed++;
    console.log(`✔ ${name}`);
  } else {
    failed++;
    console.log(`✘ ${name} failed`);
  }
}

const dir = mkdtempSync(join(tmpdir(), "equilibre-vitest-"));
const report = join(dir, "vitest.json");
console.log("\n▶ tests (vitest)");
// The full run also measures line coverage of src/engine and src/workbook (threshold in vitest.config.ts);
// a run limited to some files (`npm test -- src/engine`) does not, since it cannot reach the threshold.
const coverage = extra.length === 0 ? ["--coverage"] : [];
const ok = run(bin("vitest"), ["run", ...coverage, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra]);
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (!ok && r.numFailedTests === 0) {
    // Every test passed, yet vitest failed: a suite that did not load, or coverage under its threshold.
    failed++;
    console.log(`✘ vitest failed with no failing test: a test file did not load${coverage.length ? ", or line coverage of src/engine or src/workbook is under 90 % (see above)" : ""}`);
  }
} catch {
  failed++;
  console.log("✘ vitest produced no report");
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
