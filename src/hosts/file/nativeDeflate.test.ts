// Large parts compressed natively are handed to JSZip as compressed entries: the zip reads back the same
// text, with the right CRC, and the entry is deflated.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32, deflateChunks } from "./nativeDeflate.ts";
import { XlsxPackage } from "./xlsxPackage.ts";

describe("native deflate of large parts", () => {
  it("computes the zip CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("gives a zip whose large part reads back unchanged, deflated", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "x";
    const pkg = await XlsxPackage.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const big = `<root>${Array.from({ length: 60_000 }, (_, i) => `<r i="${i}">é ${i * 7919}</r>`).join("")}</root>`;
    expect(big.length).toBeGreaterThan(1 << 20);
    pkg.write("xl/big.xml", big);
    const bytes = await pkg.generate();
    expect(bytes.length).toBeLessThan(big.length / 3);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/big.xml")!.async("string")).toBe(big);
    // Local header: method 8 (deflate). JSZip checks the CRC when it reads (checkCRC32).
    await expect(JSZip.loadAsync(bytes, { checkCRC32: true })).resolves.toBeTruthy();
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain("Budget");
  });

  it("deflates a part given in chunks as they come, with the CRC and size of the whole text", async () => {
    const chunks = Array.from({ length: 40 }, (_, k) => `<row r="${k}">${"é€ ".repeat(500 + k)}</row>`);
    const whole = new TextEncoder().encode(chunks.join(""));
    const done = (await deflateChunks(chunks))!;
    expect(done.size).toBe(whole.length);
    expect(done.crc).toBe(crc32(whole));
    expect(new TextDecoder().decode(inflateRawSync(done.deflated))).toBe(chunks.join(""));
  });

  it("writes a part given in chunks into the zip, deflated, reading back as the chunks joined", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "x";
    const pkg = await XlsxPackage.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const chunks = Array.from({ length: 300 }, (_, k) => `<r i="${k}">${"ligne ".repeat(200)}${k}</r>`);
    let pulled = 0;
    await pkg.writeChunks("xl/chunked.xml", (function* () {
      for (const c of chunks) {
        pulled++;
        yield c;
      }
    })());
    expect(pulled).toBe(chunks.length);
    const bytes = await pkg.generate();
    expect(bytes.length).toBeLessThan(chunks.join("").length / 20);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.file("xl/chunked.xml")!.async("string")).toBe(chunks.join(""));
  });
});
