#!/usr/bin/env node
// `equilibre`: runs the build that `npm ci` makes (build/cli/, from scripts/build-cli.mjs), so a run costs about
// Node's own start-up. When a source file is newer than the build (a developer's edit), the build is remade first;
// without esbuild (an install without dev dependencies) the sources run through tsx instead.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { fileSize, heapFlag } from "./heap.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = new URL("../build/cli/main.mjs", import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
  }
  return newest;
}

async function loadMain() {
  const sources = `${root}src`;
  const stale = !existsSync(built) || (existsSync(sources) && newestSource(sources) > statSync(built).mtimeMs);
  if (stale) {
    try {
      const { buildCli } = await import("../scripts/build-cli.mjs");
      await buildCli();
    } catch {
      const { register } = await import("tsx/esm/api");
      register();
      return (await import("../src/cli/main.ts")).main;
    }
  }
  return (await import(built.href)).main;
}

const flag = heapFlag(process.argv.slice(2), { execArgv: process.execArgv, env: process.env, totalmem: totalmem(), heapLimit: getHeapStatistics().heap_size_limit, sizeOf: fileSize });
if (flag) {
  // The same command, in a Node whose heap fits the input; its exit code (or signal) is ours.
  const child = spawnSync(process.execPath, [...process.execArgv, flag, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, EQUILIBRE_HEAP_SET: "1" },
  });
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
