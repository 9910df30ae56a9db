// On Node, the big parts written in chunks go through zlib at level 3: the same bytes as deflating the whole text
// at once, with the CRC-32 and size of the whole text, and in the zip the writer makes.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32 } from "./nativeDeflate.ts";
import "./node.ts";
import { XlsxPackage } from "./xlsxPackage.ts";
import { deflateChunksWithZlib, inflatePartWithZlib, SHEET_DEFLATE_LEVEL } from "./zlibDeflate.ts";
import { usePartInflater } from "./partStream.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";
import { BUDGET_ROWS, handMadeXlsx } from "../../../tests/handMadeXlsx.ts";

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

describe("zlib for the parts read", () => {
  it("reads a workbook as the platform's DecompressionStream does, in pieces of 256 KB", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Poste", "Montant"]);
    for (let i = 0; i < 30_000; i++) ws.addRow([`Fournitures é ${i}`, 100 + (i % 977)]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const viaZlib = await readSnapshotFromBuffer(bytes, "b.xlsx");
    usePartInflater(null);
    try {
      expect(await readSnapshotFromBuffer(bytes, "b.xlsx")).toEqual(viaZlib);
    } finally {
      usePartInflater(inflatePartWithZlib);
    }
    expect(viaZlib.sheets[0]!.rows).toHaveLength(30_001);
    const pieces: number[] = [];
    const big = Buffer.concat(Array.from({ length: 10 }, () => whole));
    const it = inflatePartWithZlib(deflateRawSync(big));
    for (let n = await it.next(); !n.done; n = await it.next()) pieces.push(n.value.length);
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(big.length);
    expect(Math.max(...pieces)).toBe(256 * 1024);
  });

  it("stops at the size a part declares: one that holds more is damaged", async () => {
    const zip = await JSZip.loadAsync(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
    const path = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(path)!.async("string");
    zip.file(path, xml.replace("<sheetData>", `<sheetData>${" ".repeat(8 << 20)}`));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expect(readSnapshotFromBuffer(bytes, "b.xlsx")).resolves.toBeTruthy();
    // The central directory's and the local header's uncompressed size said as 1 KB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode(path);
    for (let i = 0; i + 46 < bytes.length; i++) {
      const sig = view.getUint32(i, true);
      const named = (at: number) => name.every((b, k) => bytes[at + k] === b);
      if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && named(i + 30)) view.setUint32(i + 22, 1024, true);
      else if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && named(i + 46)) view.setUint32(i + 24, 1024, true);
    }
    await expect(readSnapshotFromBuffer(bytes, "b.xlsx")).rejects.toMatchObject({ code: "unreadable_file" });
  });

  it("refuses a part whose bytes do not match the directory's CRC-32, through zlib and through DecompressionStream", async () => {
    const bytes = new Uint8Array(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
    await expect(readSnapshotFromBuffer(bytes, "b.xlsx")).resolves.toBeTruthy();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    for (let i = 0; i + 46 < bytes.length; i++) {
      const named = name.every((b, k) => bytes[i + 46 + k] === b);
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint16(i + 28, true) === name.length && named) view.setUint32(i + 16, view.getUint32(i + 16, true) ^ 1, true);
    }
    await expect(readSnapshotFromBuffer(bytes, "b.xlsx")).rejects.toMatchObject({ code: "unreadable_file" });
    usePartInflater(null);
    try {
      await expect(readSnapshotFromBuffer(bytes, "b.xlsx")).rejects.toMatchObject({ code: "unreadable_file" });
    } finally {
      usePartInflater(inflatePartWithZlib);
    }
  });
});
