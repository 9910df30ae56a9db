// Workbooks from other writers, read and written back: the x: prefix (Open XML SDK), Strict OOXML, no
// prefix and absolute targets (openpyxl). The report goes in, the user's sheet keeps its bytes, every part
// Équilibre edited stays well-formed (one xmlns:r, one styles part), and LibreOffice opens the result with
// the budget's cells as they were.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../../engine/parameters.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import { buildReportPlan } from "../../workbook/reportPlan.ts";
import { BUDGET_ROWS, handMadeXlsx, openpyxlBook, type HandBook } from "../../../tests/handMadeXlsx.ts";
import { cachedValues, libreOfficeAvailable, recalculate } from "../../../tests/libreoffice.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { parseStrict } from "./packageChecks.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";

const NOW = new Date(Date.UTC(2026, 10, 24));
const needsLibreOffice = libreOfficeAvailable() || process.env.CI === "true";

async function roundTrip(book: HandBook) {
  const input = await handMadeXlsx(book);
  const snapshot = await readSnapshotFromBuffer(input, "budget.xlsx");
  const result = analyzeSnapshot(snapshot, defaultParameters());
  const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
  return { input, output: bytes, result };
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [path, f] of Object.entries(zip.files)) if (!f.dir) out.set(path, await f.async("string"));
  return out;
}

const CASES: [string, HandBook][] = [
  ["the x: prefix (Open XML SDK)", { sheets: [{ name: "Budget", rows: BUDGET_ROWS }], prefix: "x" }],
  ["Strict OOXML", { sheets: [{ name: "Budget", rows: BUDGET_ROWS }], conformance: "strict" }],
  ["no prefix, absolute targets, a drawing without xdr: and comments (openpyxl)", openpyxlBook()],
];

describe.each(CASES)("a workbook written with %s", (_, book) => {
  it("gets the report, keeps the user's sheet byte for byte, one xmlns:r and one styles part", async () => {
    const { input, output, result } = await roundTrip(book);
    expect(result.lines.map((l) => l.label)).toEqual(["Achats de fournitures", "Salaires", "Subvention de la commune", "Cotisations des adhérents"]);
    const before = await parts(input);
    const after = await parts(output);
    expect(after.get("xl/worksheets/sheet1.xml")).toBe(before.get("xl/worksheets/sheet1.xml"));
    for (const [path, xml] of after) if (path.endsWith(".xml") || path.endsWith(".rels")) parseStrict(xml, path);
    const workbook = after.get("xl/workbook.xml")!;
    expect(workbook.match(/xmlns:r=/g)).toHaveLength(1);
    const styles = [...after.keys()].filter((p) => /styles\d*\.xml$/.test(p));
    expect(styles).toEqual(["xl/styles.xml"]);
    expect(after.get("xl/_rels/workbook.xml.rels")!.match(/\/styles"/g)).toHaveLength(1);
    // The report's sheets follow the workbook's conformance class.
    const reportPart = [...after.keys()].find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && !before.has(p))!;
    const strict = book.conformance === "strict";
    expect(after.get(reportPart)!.includes("http://purl.oclc.org/ooxml/spreadsheetml/main")).toBe(strict);
    // Read back by Équilibre: the same budget, and the report is its own.
    const back = await readSnapshotFromBuffer(output, "budget.xlsx");
    expect(analyzeSnapshot(back, defaultParameters()).lines.map((l) => l.amount)).toEqual(result.lines.map((l) => l.amount));
  });

  it.skipIf(!needsLibreOffice)("is opened by LibreOffice with the budget's cells as they were", async () => {
    const { output } = await roundTrip(book);
    const dir = mkdtempSync(join(tmpdir(), "equilibre-writers-"));
    const file = join(dir, "rapport.xlsx");
    writeFileSync(file, output);
    const values = await cachedValues(recalculate(file, join(dir, "lo")));
    const budget = values.get("Budget")!;
    expect([budget.get("A3"), budget.get("B3"), budget.get("A7"), budget.get("B7")]).toEqual(["Achats de fournitures", 1000, "Cotisations des adhérents", 2000]);
    expect([...values.keys()]).toContain("Équilibre");
  }, 240_000);
});

/** Every XML part of a package re-encoded as Excel Mobile (Windows Phone) saves them: UTF-16LE with its byte-order mark. */
async function asUtf16(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, f] of Object.entries(zip.files)) {
    if (f.dir || !/\.(xml|rels)$/i.test(path)) continue;
    const text = (await f.async("string")).replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    zip.file(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("a workbook whose parts are UTF-16 (Excel Mobile writes every part so)", () => {
  it("is read, not called damaged, and its report is XML a parser reads whatever each part's encoding", async () => {
    const input = await asUtf16(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
    const snapshot = await readSnapshotFromBuffer(input, "budget.xlsx");
    const result = analyzeSnapshot(snapshot, defaultParameters());
    const euros = (n: number) => ({ kind: "value", cents: n * 100 });
    expect(result.lines.map((l) => [l.label, l.amount])).toEqual([["Achats de fournitures", euros(1000)], ["Salaires", euros(2500)], ["Subvention de la commune", euros(1500)], ["Cotisations des adhérents", euros(2000)]]);
    const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
    const zip = await JSZip.loadAsync(bytes);
    for (const [path, f] of Object.entries(zip.files)) {
      if (f.dir || !/\.(xml|rels)$/i.test(path)) continue;
      const raw = Buffer.from(await f.async("uint8array"));
      // Each part as a parser reads it: UTF-16 after its mark, UTF-8 otherwise, and its declaration must agree.
      const utf16 = raw[0] === 0xff && raw[1] === 0xfe;
      const text = utf16 ? raw.subarray(2).toString("utf16le") : raw.toString("utf8");
      expect(/encoding="UTF-16"/i.test(text.slice(0, 100)), path).toBe(utf16);
      parseStrict(text, path);
    }
    // The user's sheet kept as it was (UTF-16), the workbook rewritten with the report's sheets.
    expect(Buffer.from(await zip.file("xl/worksheets/sheet1.xml")!.async("uint8array")).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('name="Équilibre"');
    const back = analyzeSnapshot(await readSnapshotFromBuffer(bytes, "budget.xlsx"), defaultParameters());
    expect(back.lines.map((l) => l.amount)).toEqual(result.lines.map((l) => l.amount));
  });
});

/**
 * A package zipped as some Windows tools do (POI's 49609.xlsx, calamine's issue_530.xlsx): « \ » between folders,
 * and names in another case than their references (« [content_types].xml », « xl\sharedstrings.xml »).
 */
async function asWindowsZip(bytes: Uint8Array, separator = "\\"): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [path, f] of Object.entries(zip.files)) {
    if (f.dir) continue;
    const name = path === "[Content_Types].xml" || path === "xl/sharedStrings.xml" ? path.toLowerCase() : path;
    out.file(name.replace(/\//g, separator), await f.async("uint8array"), { createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("a workbook zipped with « \\ » between folders and names in another case than their references", () => {
  it("is read, not called damaged, and its report names every part with « / » as it is referenced", async () => {
    const input = await asWindowsZip(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
    expect(Object.keys((await JSZip.loadAsync(input)).files)).toContain("xl\\sharedstrings.xml");
    const result = analyzeSnapshot(await readSnapshotFromBuffer(input, "budget.xlsx"), defaultParameters());
    expect(result.lines.map((l) => l.label)).toEqual(["Achats de fournitures", "Salaires", "Subvention de la commune", "Cotisations des adhérents"]);
    const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
    const names = Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(names.filter((n) => n.includes("\\"))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]));
    // Every override names a part of the package (as Excel checks), the user's sheet among them.
    const after = await parts(bytes);
    const overrides = [...after.get("[Content_Types].xml")!.matchAll(/PartName="\/([^"]+)"/g)].map((m) => decodeURI(m[1]!));
    expect(overrides.filter((p) => !after.has(p))).toEqual([]);
    const back = analyzeSnapshot(await readSnapshotFromBuffer(bytes, "budget.xlsx"), defaultParameters());
    expect(back.lines.map((l) => l.amount)).toEqual(result.lines.map((l) => l.amount));
  });

  it("with « / » but the same names in another case, is read too: OPC names ignore case", async () => {
    const input = await asWindowsZip(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }), "/");
    expect(Object.keys((await JSZip.loadAsync(input)).files)).toContain("xl/sharedstrings.xml");
    const result = analyzeSnapshot(await readSnapshotFromBuffer(input, "budget.xlsx"), defaultParameters());
    expect(result.lines.map((l) => l.label)).toEqual(["Achats de fournitures", "Salaires", "Subvention de la commune", "Cotisations des adhérents"]);
  });

  it.skipIf(!needsLibreOffice)("gets a report LibreOffice opens (it refuses the input itself)", async () => {
    const input = await asWindowsZip(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
    const result = analyzeSnapshot(await readSnapshotFromBuffer(input, "budget.xlsx"), defaultParameters());
    const { bytes } = await writeReportBuffer(input, buildReportPlan(result, { lang: "fr", date: NOW }), NOW);
    const dir = mkdtempSync(join(tmpdir(), "equilibre-windows-zip-"));
    const file = join(dir, "rapport.xlsx");
    writeFileSync(file, bytes);
    const values = await cachedValues(recalculate(file, join(dir, "lo")));
    expect(values.get("Budget")!.get("B3")).toBe(1000);
    expect([...values.keys()]).toContain("Équilibre");
  }, 240_000);
});
