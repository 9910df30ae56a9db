// A big workbook gets a heap that fits it: Node stops at about 4 GB whatever the machine, a million-line ledger
// needs more. The command then runs itself again with three quarters of the machine's memory; what the user sees
// (messages, exit code) is the same.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
type HeapFlag = (argv: string[], sys: { execArgv: string[]; env: Record<string, string | undefined>; totalmem: number; heapLimit: number; sizeOf: (p: string) => number | null }) => string | null;
const { heapFlag, BIG_INPUT_BYTES } = (await import(new URL("../bin/heap.mjs", import.meta.url).href)) as { heapFlag: HeapFlag; BIG_INPUT_BYTES: number };

const GB = 2 ** 30;
const sys = (over: Partial<Parameters<HeapFlag>[1]> = {}): Parameters<HeapFlag>[1] => ({
  execArgv: [],
  env: {},
  totalmem: 24 * GB,
  heapLimit: 4 * GB,
  sizeOf: (p) => (p === "grand-livre.xlsx" ? 22 * 2 ** 20 : p === "budget.xlsx" ? 40_000 : null),
  ...over,
});

describe("the heap for a big workbook", () => {
  it("is three quarters of the machine's memory for a big input", () => {
    expect(heapFlag(["analyze", "grand-livre.xlsx", "-o", "rapport.xlsx"], sys())).toBe("--max-old-space-size=18432");
  });

  it("stays Node's own for a small input, --help, or a machine whose default heap is already enough", () => {
    expect(heapFlag(["analyze", "budget.xlsx"], sys())).toBeNull();
    expect(heapFlag(["--help"], sys())).toBeNull();
    expect(heapFlag(["analyze", "grand-livre.xlsx"], sys({ totalmem: 4 * GB }))).toBeNull();
  });

  it("is the user's when they chose one, and is set once", () => {
    expect(heapFlag(["analyze", "grand-livre.xlsx"], sys({ execArgv: ["--max-old-space-size=2048"] }))).toBeNull();
    expect(heapFlag(["analyze", "grand-livre.xlsx"], sys({ env: { NODE_OPTIONS: "--max-old-space-size=9000" } }))).toBeNull();
    expect(heapFlag(["analyze", "grand-livre.xlsx"], sys({ env: { EQUILIBRE_HEAP_SET: "1" } }))).toBeNull();
  });

  it("changes nothing the user sees: a big file that is no workbook gets its sentence and exit 2", () => {
    const file = join(mkdtempSync(join(tmpdir(), "equilibre-heap-")), "gros.xlsx");
    writeFileSync(file, Buffer.alloc(BIG_INPUT_BYTES + 1, 0x41));
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", file], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, NODE_OPTIONS: "" } });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/gros\.xlsx/);
    expect(r.stderr).not.toMatch(/at .*\.m?js:\d+/);
  });
});
