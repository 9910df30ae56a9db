// A hidden column of monthly prices that the amounts shown are computed from (« =E12*12 »), in a budget openpyxl
// wrote (corpus/free2/make.py made the committed bytes): working space, never amounts, and said; a hidden column no
// formula uses is read as the others.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBudgets } from "../src/workbook/read.ts";
import { gridSheet } from "./gridSheet.ts";

const ROOT = join(import.meta.dirname, "..");

describe("hidden columns", () => {
  it("a hidden column of inputs to the visible amounts is left out and said, the amounts it makes are read", () => {
    const file = join(import.meta.dirname, "fixtures", "writers", "openpyxl-hidden-working-column.xlsx");
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", file, "--json"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { lines: { amountCell: string; label: string; amount: number }[]; issues: { code: string; message: string }[] };
    expect(doc.lines.filter((l) => l.amountCell.startsWith("E"))).toEqual([]);
    expect(doc.lines.find((l) => l.label === "VPS Scaleway")).toMatchObject({ amountCell: "C12" });
    expect(doc.issues.find((i) => i.code === "hidden_columns")?.message).toContain("La colonne E");
  });

  it("a hidden column that no visible formula uses is read as the others", () => {
    const sheet = { ...gridSheet("Budget", [["Poste", "2025", "2026"], ["Dépenses", null, null], ["Loyer", 800, 850], ["Assurance", 120, 130]]), hiddenColumns: [2] };
    const r = readBudgets({ name: "b.xlsx", sheets: [sheet] });
    expect(new Set(r.lines.map((l) => l.scenario))).toEqual(new Set(["2025", "2026"]));
    expect(r.issues.filter((i) => i.code === "hidden_columns")).toEqual([]);
  });
});
