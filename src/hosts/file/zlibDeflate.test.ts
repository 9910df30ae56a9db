// On Node, the big parts written in chunks go through zlib at level 3: the same bytes as deflating the whole text
// at once, with the CRC-32 and size of the whole text, and in the zip the writer makes.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32 } from "./nativeDeflate.ts";
import "./node.ts";
import { XlsxPackage } from "./xlsxPackage.ts";
import { deflateChunksWithZlib, SHEET_DEFLATE_LEVEL } from "./zlibDeflate.ts";

const chunks = Array.from({ length: 60 }, (_, k) => `<row r="${k}"><c r="A${k}" t="inlineStr"><is><t>Fournitures é ${k * 7919}</t></is></c></row>`.repeat(40));
const whole = Buffer.from(chunks.join(""), "utf8");

describe("zlib for the parts written in chunks", () => {
  it("gives the whole text's deflate at level 3, its CRC-32 and its size", async () => {
    const done = await deflateChunksWithZlib(chunks);
    expect(done.size).toBe(whole.length);
    expect(done.crc).toBe(crc32(whole));
    expect(Buffer.from(done.deflated).equals(deflateRawSync(whole, { level: SHEET_DEFLATE_LEVEL }))).toBe(true);
    expect(inflateRawSync(done.deflated).equals(whole)).toBe(true);
  });

  it("is what the Node host writes a chunked part with", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "x";
    const pkg = await XlsxPackage.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    await pkg.writeChunks("xl/worksheets/sheet9.xml", chunks);
    const zip = await JSZip.loadAsync(await pkg.generate(), { checkCRC32: true });
    const stored = (zip.files["xl/worksheets/sheet9.xml"] as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
    expect(Buffer.from(stored).equals(deflateRawSync(whole, { level: SHEET_DEFLATE_LEVEL }))).toBe(true);
    expect(await zip.file("xl/worksheets/sheet9.xml")!.async("string")).toBe(chunks.join(""));
  });
});
