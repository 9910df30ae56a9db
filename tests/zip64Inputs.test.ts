// Inputs written with ZIP64 records (Python's zipfile with force_zip64=True, and its central directory in ZIP64 as
// a writer past 4 GiB leaves it: tests/fixtures/writers/zip64.py made them from openpyxl-budget.xlsx) are read like
// the same workbook without them, and the report written from them needs no ZIP64: LibreOffice opens it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../src/engine/parameters.ts";
import { writeReportBuffer } from "../src/hosts/file/applyPlan.ts";
import { readSnapshotFromBuffer } from "../src/hosts/file/readSnapshot.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { libreOfficeAvailable, recalculate } from "./libreoffice.ts";

const DIR = join(import.meta.dirname, "fixtures", "writers");
const NOW = new Date(Date.UTC(2026, 0, 16));
const needsLibreOffice = libreOfficeAvailable() || process.env.CI === "true";
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const analyse = async (bytes: Uint8Array, name: string) => analyzeSnapshot(await readSnapshotFromBuffer(bytes, name), defaultParameters());
const found = (r: Awaited<ReturnType<typeof analyse>>) => ({
  lines: r.lines.map((l) => [l.sheet, l.amountCell, l.label, l.amount]),
  issues: r.issues.map((i) => `${i.code} ${i.sheet}!${i.cell ?? ""}`),
  skipped: r.skipped.map((s) => `${s.cell} ${s.why}`),
});

describe("an input written with ZIP64 records", () => {
  for (const name of ["zip64-local.xlsx", "zip64-central.xlsx"]) {
    it(`${name}: the same lines, issues and rows set aside as the workbook without ZIP64; its report opens in LibreOffice`, async () => {
      const bytes = bytesOf(name);
      // The fixture really is ZIP64: its ZIP64 records are there.
      const zip64 = Buffer.from(bytes);
      expect(zip64.indexOf(Buffer.from([0x01, 0x00, 0x10, 0x00]))).toBeGreaterThan(0);
      if (name === "zip64-central.xlsx") expect(zip64.readUInt32LE(zip64.length - 22 + 16)).toBe(0xffffffff);
      const plain = await analyse(bytesOf("openpyxl-budget.xlsx"), "openpyxl-budget.xlsx");
      const result = await analyse(bytes, name);
      expect(result.lines.length).toBeGreaterThan(0);
      expect(found(result)).toEqual(found(plain));

      const { bytes: report } = await writeReportBuffer(bytes, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
      const again = await analyse(report, "rapport.xlsx");
      expect(found(again).lines).toEqual(found(plain).lines);
      if (!needsLibreOffice) return;
      const dir = mkdtempSync(join(tmpdir(), "equilibre-zip64-in-"));
      writeFileSync(join(dir, "rapport.xlsx"), report);
      const converted = recalculate(join(dir, "rapport.xlsx"), join(dir, "lo"));
      const lo = await analyse(new Uint8Array(readFileSync(converted)), "lo.xlsx");
      expect(found(lo).lines.map(([s, c, l]) => [s, c, l])).toEqual(found(plain).lines.map(([s, c, l]) => [s, c, l]));
    }, 180_000);
  }
});
