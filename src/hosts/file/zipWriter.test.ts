// The report's zip written part by part: every reader gets the parts back (JSZip checking CRCs, Info-ZIP's unzip),
// the user's untouched parts keep their compressed bytes, a name with accents says it is UTF-8, and a write that
// fails half-way leaves the earlier report as it was.
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "./atomicWrite.ts";
import "./node.ts";
import { crc32 } from "node:zlib";
import { readWorkbook } from "./readSnapshot.ts";
import { XlsxPackage, type PackageEntry } from "./xlsxPackage.ts";
import { writeZip, type ZipLimits } from "./zipWriter.ts";

async function input(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  for (let i = 1; i <= 200; i++) ws.addRow([`Ligne ${i}`, i * 10]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function collect(pkg: XlsxPackage, limits?: ZipLimits): Promise<Buffer> {
  const out: Uint8Array[] = [];
  const size = await writeZip(pkg.entries(), async (b) => {
    out.push(Buffer.from(b));
  }, limits);
  const zip = Buffer.concat(out);
  expect(zip.length).toBe(size);
  return zip;
}

describe("the zip written part by part", () => {
  it("reads back whole, with the untouched parts' compressed bytes as they were", async () => {
    const bytes = await input();
    const before = await JSZip.loadAsync(bytes);
    const pkg = await XlsxPackage.open(bytes);
    pkg.write("xl/worksheets/sheet9.xml", "<worksheet>é</worksheet>");
    pkg.write("xl/média/été.xml", "<x/>");
    pkg.write("xl/empty.xml", "");
    await pkg.writeChunks("xl/worksheets/sheet10.xml", ["<worksheet>", "<sheetData/>".repeat(50_000), "</worksheet>"]);
    await pkg.finish();
    const zip = await collect(pkg);

    const after = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(await after.file("xl/worksheets/sheet9.xml")!.async("string")).toBe("<worksheet>é</worksheet>");
    expect(await after.file("xl/média/été.xml")!.async("string")).toBe("<x/>");
    expect(await after.file("xl/empty.xml")!.async("string")).toBe("");
    expect(await after.file("xl/worksheets/sheet10.xml")!.async("string")).toBe(`<worksheet>${"<sheetData/>".repeat(50_000)}</worksheet>`);
    for (const name of Object.keys(before.files).filter((n) => !before.files[n]!.dir && n !== "[Content_Types].xml")) {
      const raw = (f: JSZip) => (f.files[name] as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
      expect(Buffer.from(raw(after)).equals(Buffer.from(raw(before))), name).toBe(true);
    }
    // No folder entries, as Excel writes none; the [Content_Types].xml the package finished with.
    expect(Object.values(after.files).filter((f) => f.dir)).toEqual([]);
    expect(await after.file("[Content_Types].xml")!.async("string")).toContain("<Types");

    const dir = mkdtempSync(join(tmpdir(), "equilibre-zip-"));
    writeFileSync(join(dir, "r.xlsx"), zip);
    // Info-ZIP checks every CRC and reads the accented name as UTF-8 (the language-encoding flag).
    const listing = execFileSync("unzip", ["-t", join(dir, "r.xlsx")], { encoding: "utf8" });
    expect(listing).toMatch(/No errors detected/);
    expect(listing).toContain("xl/média/été.xml");
  });

  it("leaves the earlier report byte for byte when the write fails half-way", async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-zip-fail-"));
    const target = join(dir, "rapport.xlsx");
    writeFileSync(target, "ancien rapport");
    await expect(
      writeFileAtomic(target, async (sink) => {
        await sink(new Uint8Array(1000));
        throw Object.assign(new Error("no space"), { code: "ENOSPC" });
      }),
    ).rejects.toMatchObject({ code: "write_failed" });
    expect(readFileSync(target, "utf8")).toBe("ancien rapport");
    expect(readdirSync(dir)).toEqual(["rapport.xlsx"]);
    expect(existsSync(target)).toBe(true);
  });
});

describe("ZIP64, where a zip's fields are too small", () => {
  it("is not written when nothing needs it (Excel 2007 warns about ZIP64 it did not need)", async () => {
    const pkg = await XlsxPackage.open(await input());
    await pkg.finish();
    const zip = await collect(pkg);
    expect(zip.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(-1);
    // Every header says « version 2.0 needed »: no ZIP64 extra field anywhere.
    expect(zip.readUInt16LE(4)).toBe(20);
  });

  // LibreOffice 7.4 reads ZIP64 extra fields in local headers but no ZIP64 central directory (neither this one nor
  // Python's zipfile's): it is written only when a zip cannot be written without it (past 4 GiB, 65,535 parts).
  it("written in every record it has (limits lowered to 0), the package is read back by JSZip, Info-ZIP and Équilibre", async () => {
    const bytes = await input();
    const plain = await XlsxPackage.open(bytes);
    await plain.finish();
    const pkg = await XlsxPackage.open(bytes);
    await pkg.finish();
    const zip = await collect(pkg, { u32: 0, u16: 0 });
    // The ZIP64 end record and its locator, then the classic end record whose fields say -1.
    expect(zip.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    expect(zip.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBeGreaterThan(0);
    expect(zip.readUInt32LE(zip.length - 22 + 16)).toBe(0xffffffff);
    expect(zip.readUInt16LE(4)).toBe(45);

    const back = await JSZip.loadAsync(zip, { checkCRC32: true });
    const names = Object.keys(plain.zip.files).filter((n) => !plain.zip.files[n]!.dir);
    expect(Object.keys(back.files).sort()).toEqual(names.sort());
    for (const name of names) expect(await back.file(name)!.async("string"), name).toBe(await plain.zip.file(name)!.async("string"));

    const dir = mkdtempSync(join(tmpdir(), "equilibre-zip64-"));
    const file = join(dir, "rapport.xlsx");
    writeFileSync(file, zip);
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toMatch(/No errors detected/);
    const { snapshot } = await readWorkbook(zip, "rapport.xlsx");
    expect(snapshot.sheets[0]!.rows.at(-1)!.cells.map((c) => c.value)).toEqual(["Ligne 200", 2000]);
  });

  it("past 4 GiB, each part is found at its 64-bit offset (Info-ZIP extracts the last one)", async () => {
    // Seventeen stored parts of 256 MiB of zeros (one buffer, never written: the file is sparse), then a small part.
    const block = new Uint8Array(256 * 2 ** 20);
    const zeros = { data: block, crc: crc32(block) >>> 0, size: block.length, method: 0 };
    const date = new Date(Date.UTC(2026, 0, 16));
    const entries: PackageEntry[] = Array.from({ length: 17 }, (_, i) => ({ path: `xl/media/zeros${i}.bin`, date, raw: zeros, content: async () => block }));
    const last = Buffer.from("<fin>après 4 Gio</fin>");
    entries.push({ path: "xl/fin.xml", date, content: async () => last });
    const dir = mkdtempSync(join(tmpdir(), "equilibre-zip64-big-"));
    const file = join(dir, "big.zip");
    const fd = openSync(file, "w");
    let at = 0;
    try {
      const size = await writeZip(entries, async (b) => {
        if (b !== block) writeSync(fd, b, 0, b.length, at);
        at += b.length;
      });
      expect(size).toBeGreaterThan(2 ** 32);
    } finally {
      closeSync(fd);
    }
    try {
      expect(execFileSync("unzip", ["-p", file, "xl/fin.xml"], { encoding: "utf8" })).toBe("<fin>après 4 Gio</fin>");
      expect(execFileSync("unzip", ["-l", file], { encoding: "utf8" })).toMatch(/18 files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
