#!/usr/bin/env node
// Builds the `equilibre` command into build/cli/ (one ES module per entry, dependencies left as imports), so that
// a run starts with Node alone instead of compiling the TypeScript sources first (0.7 s → close to `node -e 0`).
// Run by `npm ci` / `npm install` (prepare), by `npm test`, and by bin/equilibre.mjs when a source is newer.
// JSZip is bundled in: loaded from node_modules it is some sixty CommonJS files to find and compile at every run
// (about 70 ms of a 2.5 s budget), bundled about 20 ms. Other packages stay imports (the CLI uses none today).
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_ENTRIES = ["main", "folderWorker"];

/** Packages built into the CLI's chunks, with what they import; every other package stays an import. */
const BUNDLED = new Set(["jszip"]);

function externalExcept(bundled) {
  return {
    name: "external-except",
    setup(b) {
      // A bare import from the project's own sources: external unless bundled; inside a bundled package, bundled.
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:") || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
        const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
        return bundled.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

export async function buildCli() {
  const entryPoints = CLI_ENTRIES.map((name) => join(root, "src", "cli", `${name}.ts`)).filter((f) => existsSync(f));
  const result = await build({
    entryPoints,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    plugins: [externalExcept(BUNDLED)],
    outdir: join(root, "build", "cli"),
    outExtension: { ".js": ".mjs" },
    // Dynamic imports stay separate chunks, so the .xlsx libraries load only when a workbook is read.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    write: false,
    logLevel: "silent",
    legalComments: "none",
    // A bundled CommonJS package's require() of Node's modules (jszip: "stream", "buffer") needs a require in ESM.
    banner: { js: 'import { createRequire as __equilibreRequire } from "node:module"; const require = __equilibreRequire(import.meta.url);' },
  });
  // Written to a temporary name and renamed: several commands started at once may rebuild together.
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  // Chunks of an earlier build are removed once the new ones are in place (their names carry a hash).
  const fresh = new Set(result.outputFiles.map((f) => f.path));
  const chunks = join(root, "build", "cli", "chunks");
  for (const name of readdirSync(chunks, { withFileTypes: true })) {
    const path = join(chunks, name.name);
    if (name.isFile() && !fresh.has(path) && !name.name.endsWith(".tmp")) rmSync(path, { force: true });
  }
  return [...fresh];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}
