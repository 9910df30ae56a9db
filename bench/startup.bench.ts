// `equilibre --help` against `node -e 0`: the command runs its build (build/cli/), not the TypeScript sources.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");

function medianMs(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export function startupRatio(): { helpMs: number; nodeMs: number; ratio: number } {
  spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "--help"], { cwd: ROOT, stdio: "ignore" }); // builds if stale
  const nodeMs = medianMs(["-e", "0"]);
  const helpMs = medianMs([join(ROOT, "bin", "equilibre.mjs"), "--help"]);
  return { helpMs, nodeMs, ratio: helpMs / nodeMs };
}
