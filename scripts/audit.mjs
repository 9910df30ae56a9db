#!/usr/bin/env node
// Quality gate: no high or critical advisory in the packages users load (`npm audit --omit=dev`).
// Fails on a finding. When the audit service cannot be reached (some networks refuse its POST requests),
// it says so and lets the build go on: an audit that did not run is reported, never passed off as clean.
import { spawnSync } from "node:child_process";

const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", shell: false });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = null;
}
if (!report || report.error || !report.metadata) {
  const why = report?.message || report?.error?.summary || (r.stderr.trim().split("\n").pop() || "no answer");
  console.log(`⚠ npm audit did not run: the audit service could not be reached (${why}). No result either way.`);
  process.exit(0);
}
const v = report.metadata.vulnerabilities ?? {};
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, x]) => x.severity === "high" || x.severity === "critical");
console.log(`npm audit --omit=dev: ${v.critical ?? 0} critical, ${v.high ?? 0} high, ${v.moderate ?? 0} moderate, ${v.low ?? 0} low`);
for (const [name, x] of serious) console.log(`  ✘ ${name} (${x.severity}): ${[x.via].flat().map((y) => (typeof y === "string" ? y : y.title)).join("; ")}`);
process.exit(serious.length > 0 ? 1 : 0);
