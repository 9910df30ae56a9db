// The report of a big-ish ledger, as the command writes it (the lines sheet deflated in chunks and streamed to the
// file part by part): no ZIP64 record (LibreOffice 7.4 cannot open a ZIP64 central directory, and nothing here needs
// one), Python's zipfile checks every part, and LibreOffice opens it and computes the lines table's formulas.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../src/cli/analyzeFile.ts";
import { defaultParameters } from "../src/engine/parameters.ts";
import { SHEET_CHUNK } from "../src/hosts/file/sheetXml.ts";
import { MAP_COL, MAPPING_FIRST_ROW, sheetNames } from "../src/workbook/reportText.ts";
import { cachedValues, libreOfficeAvailable, recalculate } from "./libreoffice.ts";
import { xlsx } from "./robustness/pipeline.ts";

const needsLibreOffice = libreOfficeAvailable() || process.env.CI === "true";
const N = 4_000;
const LABELS = ["Fournitures", "Loyer", "Assurance", "Honoraires", "Salaires", "Subvention Ville", "Dons", "Cotisations"];
const ACCOUNTS = ["606100", "613200", "616000", "622600", "641100", "741100", "754110", "756100"];

describe("the report of a 4,000-line ledger, written as the command writes it", () => {
  it("has no ZIP64 record, passes Python's zipfile check, and LibreOffice opens it with every line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-big-report-"));
    const input = join(dir, "grand-livre.xlsx");
    writeFileSync(
      input,
      await xlsx((wb) => {
        const ws = wb.addWorksheet("Grand livre");
        ws.addRow(["Compte", "Libellé", "Débit", "Crédit"]);
        for (let i = 0; i < N; i++) {
          const a = ACCOUNTS[i % ACCOUNTS.length]!;
          const amount = 1 + ((i * 37) % 5000);
          ws.addRow([a, `${LABELS[i % LABELS.length]} ${i}`, a.startsWith("7") ? null : amount, a.startsWith("7") ? amount : null]);
        }
      }),
    );
    const out = join(dir, "rapport.xlsx");
    const run = await analyzeFile(input, { params: defaultParameters(), column: null, output: out, lang: "fr", now: new Date(Date.UTC(2026, 0, 16)) });
    expect(run.written?.path).toBe(out);
    const bytes = readFileSync(out);
    // No ZIP64 end record, and every entry of the central directory says « version 2.0 needed », with no extra field.
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(-1);
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
    const count = bytes.readUInt16LE(end + 10);
    for (let i = 0, at = bytes.readUInt32LE(end + 16); i < count; i++) {
      expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
      expect([bytes.readUInt16LE(at + 6), bytes.readUInt16LE(at + 30)]).toEqual([20, 0]);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    // The lines sheet is big enough to have been deflated in several chunks.
    const zip = await JSZip.loadAsync(bytes);
    const sizes = await Promise.all(Object.values(zip.files).filter((f) => f.name.startsWith("xl/worksheets/")).map(async (f) => (await f.async("uint8array")).length));
    expect(Math.max(...sizes)).toBeGreaterThan(2 * SHEET_CHUNK);

    const python = spawnSync("python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip())", out], { encoding: "utf8" });
    expect(python.stdout.trim()).toBe("None");

    if (!needsLibreOffice) return;
    const values = (await cachedValues(recalculate(out, join(dir, "lo")))).get(sheetNames("fr").mapping)!;
    const last = MAPPING_FIRST_ROW + N - 1;
    expect(values.get(`${MAP_COL.label}${last}`)).toBe(`${LABELS[(N - 1) % LABELS.length]} ${N - 1}`);
    expect(values.has(`${MAP_COL.label}${last + 1}`)).toBe(false);
    // LibreOffice computed the effective lever of every line: with no correction typed, the automatic one.
    for (let r = MAPPING_FIRST_ROW; r <= last; r++) {
      if (values.get(`${MAP_COL.lever}${r}`) !== values.get(`${MAP_COL.autoLever}${r}`)) expect.fail(`row ${r}: ${values.get(`${MAP_COL.lever}${r}`)}`);
    }
    expect(values.get(`${MAP_COL.lever}${last}`)).toBeTruthy();
  }, 300_000);
});
