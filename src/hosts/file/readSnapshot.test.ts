import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EquilibreError } from "../../engine/errors.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";
import { readSnapshotFromFile } from "./node.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "tests", "fixtures");

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "none";
  } catch (e) {
    expect(e).toBeInstanceOf(EquilibreError);
    return (e as EquilibreError).code;
  }
}

describe("readSnapshot (.xlsx)", () => {
  it("reads values, not display text; errors, formulas, merges and hidden sheets", async () => {
    const s = await readSnapshotFromFile(join(FIXTURES, "04-festival-budget-pluriannuel.xlsx"));
    const budget = s.sheets.find((x) => x.name === "Budget")!;
    const cell = (r: number, c: number) => budget.rows.find((x) => x.index === r)?.cells.find((x) => x.col === c);
    // The text number is kept as typed (with its no-break spaces); reading parses it later.
    expect(cell(9, 3)?.value).toMatch(/^6[\s\u00a0\u202f]300,00[\s\u00a0\u202f]€$/);
    expect(cell(23, 5)?.value).toEqual({ error: "#REF!" });
    expect(cell(17, 3)?.formula).toBe("SUM(C5:C16)");
    expect(budget.merges).toEqual(["A1:E1"]);
    expect(budget.rows.find((r) => r.index === 1)!.cells.map((c) => c.col)).toEqual([1]);
    expect(s.sheets.find((x) => x.name === "Calculs")!.visibility).toBe("hidden");
    expect((await readSnapshotFromFile(join(FIXTURES, "92-feuille-protegee.xlsx"))).sheets[0]!.protected).toBe(true);
  });

  it("keeps a stray cell far right without filling 16,384 columns", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.getCell("A1").value = "Subvention";
    ws.getCell("XFD1").value = "x";
    const s = await readSnapshotFromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), "stray.xlsx");
    expect(s.sheets[0]!.rows[0]!.cells.map((c) => c.col)).toEqual([1, 16384]);
  });

  it("says clearly what is wrong with a file that is not a workbook", async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-read-"));
    const text = join(dir, "budget.xlsx");
    writeFileSync(text, "Libellé;Montant\n");
    expect(await codeOf(readSnapshotFromFile(text))).toBe("unreadable_file");
    expect(await codeOf(readSnapshotFromFile(join(dir, "absent.xlsx")))).toBe("file_not_found");
    const cfb = new Uint8Array(600);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0]);
    expect(await codeOf(readSnapshotFromBuffer(cfb, "ancien.xls"))).toBe("legacy_format");
    const encrypted = new Uint8Array(600);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0]);
    encrypted.set([...new TextEncoder().encode("EncryptedPackage")], 100);
    expect(await codeOf(readSnapshotFromBuffer(encrypted, "secret.xlsx"))).toBe("encrypted_file");
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const e = await readSnapshotFromBuffer(broken, "casse.xlsx").catch((x: EquilibreError) => x);
    expect((e as EquilibreError).message).toMatch(/« casse\.xlsx » ne peut pas être lu comme un classeur Excel/);
  });
});
