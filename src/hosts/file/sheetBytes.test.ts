// A sheet's XML handed over as UTF-8 bytes (sheetXmlBytes) is deflated, zipped and read back as its text would be,
// whichever deflater the host uses (the platform's stream in the browser, zlib on Node), in one chunk or many.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { PlannedSheet } from "../../workbook/plan.ts";
import { crc32, deflateChunks } from "./nativeDeflate.ts";
import { buildSheetXml, sheetXmlBytes } from "./sheetXml.ts";
import { XlsxPackage } from "./xlsxPackage.ts";
import { deflateChunksWithZlib } from "./zlibDeflate.ts";

const ctx = { xf: () => 3, dxf: () => 0, drawingRid: null, tableRids: [] };

function sheet(rows: number): PlannedSheet {
  const cells: PlannedSheet["cells"] = [];
  for (let r = 1; r <= rows; r++) {
    cells.push(
      { ref: `A${r}`, value: `Ligne ${r} — « fournitures » & petit matériel 😀` },
      { ref: `B${r}`, value: r * 3, style: "money" },
      { ref: `C${r}`, formula: `B${r}*2`, expected: r * 6, rowFormula: "double" },
      { ref: `D${r}`, value: r % 2 === 0 ? " espace " : "Dons" },
    );
  }
  return { name: "S", role: "mapping", cells, columnWidths: {}, merges: [], tables: [], validations: [], conditionalFormats: [], charts: [] };
}

describe("a sheet written as bytes", () => {
  it("is the UTF-8 of its XML text, in chunks of whole rows", () => {
    const s = sheet(3_000);
    const chunks = [...sheetXmlBytes(s, ctx, 20_000)];
    expect(chunks.length).toBeGreaterThan(5);
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    expect(text).toBe(buildSheetXml(s, ctx));
    for (const c of chunks.slice(0, -1)) expect(Buffer.from(c).toString("utf8").endsWith("</row>")).toBe(true);
  });

  it("deflates as its text does, through the platform's stream and through zlib", async () => {
    const s = sheet(2_000);
    const whole = Buffer.from(buildSheetXml(s, ctx), "utf8");
    for (const deflate of [deflateChunks, deflateChunksWithZlib]) {
      const done = (await deflate(sheetXmlBytes(s, ctx, 10_000)))!;
      expect(done.size).toBe(whole.length);
      expect(done.crc).toBe(crc32(whole));
      expect(Buffer.from(inflateRawSync(done.deflated)).equals(whole)).toBe(true);
    }
  });

  it("is zipped whole, in one chunk or many, and reads back as its text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "x";
    for (const rows of [5, 4_000]) {
      const pkg = await XlsxPackage.open(new Uint8Array(await wb.xlsx.writeBuffer()));
      const s = sheet(rows);
      await pkg.writeChunks("xl/worksheets/sheet9.xml", sheetXmlBytes(s, ctx, 50_000));
      const zip = await JSZip.loadAsync(await pkg.generate(), { checkCRC32: true });
      expect(await zip.file("xl/worksheets/sheet9.xml")!.async("string")).toBe(buildSheetXml(s, ctx));
    }
  });
});
