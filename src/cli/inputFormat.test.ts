// What a file is, from its bytes: here, packages zipped with « \ » between folders (some Windows tools), which the
// reader takes as « / » (xlsxPackage.ts): their VBA project must still make the report an .xlsm.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { BUDGET_ROWS, handMadeXlsx } from "../../tests/handMadeXlsx.ts";
import { workbookFormat } from "./inputFormat.ts";

async function windowsZip(withVba: boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
  const out = new JSZip();
  for (const [path, f] of Object.entries(zip.files)) if (!f.dir) out.file(path.replace(/\//g, "\\"), await f.async("uint8array"), { createFolders: false });
  if (withVba) out.file("xl\\vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), { createFolders: false });
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("a package zipped with « \\ » between folders", () => {
  it("is a workbook, with macros when it holds « xl\\vbaProject.bin » (its report must be an .xlsm), without otherwise", async () => {
    expect(workbookFormat(await windowsZip(true), "budget.xlsx")).toEqual({ macro: true, equilibreReport: false });
    expect(workbookFormat(await windowsZip(false), "budget.xlsx")).toEqual({ macro: false, equilibreReport: false });
  });
});
