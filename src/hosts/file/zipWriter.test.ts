// The report's zip written part by part: every reader gets the parts back (JSZip checking CRCs, Info-ZIP's unzip),
// the user's untouched parts keep their compressed bytes, a name with accents says it is UTF-8, and a write that
// fails half-way leaves the earlier report as it was.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "./atomicWrite.ts";
import "./node.ts";
import { XlsxPackage } from "./xlsxPackage.ts";
import { writeZip } from "./zipWriter.ts";

async function input(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  for (let i = 1; i <= 200; i++) ws.addRow([`Ligne ${i}`, i * 10]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function collect(pkg: XlsxPackage): Promise<Buffer> {
  const out: Uint8Array[] = [];
  const size = await writeZip(pkg.entries(), async (b) => {
    out.push(Buffer.from(b));
  });
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
