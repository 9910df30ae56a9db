// The command starts from its build, not from the TypeScript sources: an install keeps working, and starts at
// Node's own speed, where the sources and tsx are absent (timing itself is in `npm run bench`).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function installedCopy(withSources: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "equilibre-install-"));
  dirs.push(dir);
  cpSync(join(ROOT, "bin"), join(dir, "bin"), { recursive: true });
  cpSync(join(ROOT, "scripts"), join(dir, "scripts"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  if (withSources) cpSync(join(ROOT, "src"), join(dir, "src"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const run = (dir: string, ...args: string[]) => spawnSync(process.execPath, [join(dir, "bin", "equilibre.mjs"), ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });

describe("the built command", () => {
  it("runs from build/ with no TypeScript source beside it", () => {
    const dir = installedCopy(true);
    expect(run(dir, "--version").status).toBe(0); // builds build/cli/ from the sources
    rmSync(join(dir, "src"), { recursive: true });
    const help = run(dir, "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage");
    const analysed = run(dir, "analyze", join(ROOT, "examples", "ateliers-du-quartier-cerfa.xlsx"), "--json");
    expect(analysed.status).toBe(0);
    expect(JSON.parse(analysed.stdout).analyses.length).toBeGreaterThan(0);
  });

  it("loads no package from node_modules at run time (JSZip is built in: its sixty CommonJS files cost each run ~70 ms)", () => {
    const dir = installedCopy(true);
    expect(run(dir, "--version").status).toBe(0);
    rmSync(join(dir, "node_modules"));
    const out = join(dir, "rapport.xlsx");
    const r = run(dir, "analyze", join(ROOT, "examples", "ateliers-du-quartier-cerfa.xlsx"), "--json", "-o", out);
    expect(r.stderr).not.toContain("Cannot find");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).analyses.length).toBeGreaterThan(0);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it("analyses a folder on worker threads from the build (the worker module is found beside the chunks)", () => {
    const dir = installedCopy(true);
    expect(run(dir, "--version").status).toBe(0);
    rmSync(join(dir, "src"), { recursive: true });
    const folder = join(dir, "clients");
    mkdirSync(folder);
    for (const name of ["ateliers-du-quartier-cerfa.xlsx", "festival-pluriannuel.xlsx"]) cpSync(join(ROOT, "examples", name), join(folder, name));
    const r = run(dir, "analyze", folder, "--summary", join(dir, "synthese.csv"));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("2 classeur(s) analysé(s) sur 2");
    expect(r.stderr).not.toContain("fil de calcul");
  });

  it("is rebuilt when a source is newer than the build", () => {
    const dir = installedCopy(true);
    expect(run(dir, "--version").status).toBe(0);
    const built = join(dir, "build", "cli", "main.mjs");
    const before = statSync(built).mtimeMs;
    const later = new Date(before + 60_000);
    utimesSync(join(dir, "src", "cli", "args.ts"), later, later);
    expect(run(dir, "--version").status).toBe(0);
    expect(statSync(built).mtimeMs).toBeGreaterThan(before);
  });
});
