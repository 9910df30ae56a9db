// Zip bombs refused before they cost time or memory: from the sizes the zip's directory declares, before anything
// is inflated, and by never inflating a part past the size it declares (a part that lies about its size is
// damaged). Both end in « contenu endommagé », like any other package no spreadsheet writer makes.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { EquilibreError } from "../../engine/errors.ts";
import { BUDGET_ROWS, handMadeXlsx } from "../../../tests/handMadeXlsx.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";

const SHEET = "xl/worksheets/sheet1.xml";

/** The package with `path`'s uncompressed size rewritten in its local header and the central directory. */
function declaring(bytes: Uint8Array, path: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(path);
  const named = (at: number) => name.every((b, k) => out[at + k] === b);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && named(i + 30)) {
      view.setUint32(i + 22, size, true);
      patched++;
    } else if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && named(i + 46)) {
      view.setUint32(i + 24, size, true);
      patched++;
    }
  }
  expect(patched).toBe(2);
  return out;
}

async function budget(sheetXmlPadding = 0): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
  if (sheetXmlPadding > 0) {
    const xml = await zip.file(SHEET)!.async("string");
    zip.file(SHEET, xml.replace("<sheetData>", `<sheetData>${" ".repeat(sheetXmlPadding)}`));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function refusal(bytes: Uint8Array): Promise<EquilibreError | null> {
  return readSnapshotFromBuffer(bytes, "piege.xlsx").then(
    () => null,
    (e: unknown) => e as EquilibreError,
  );
}

describe("a zip bomb", () => {
  it("is refused from the size it declares (3 GB for a few hundred bytes), before anything is inflated", async () => {
    const honest = await budget();
    expect(await refusal(honest)).toBeNull();
    // Past 2 GB, JSZip reads the 32-bit size as a negative number: it still counts as 3 GB.
    const e = await refusal(declaring(honest, SHEET, 3 * 1024 ** 3));
    expect(e).toBeInstanceOf(EquilibreError);
    expect([e!.code, (e!.params as { reason?: string }).reason]).toEqual(["unreadable_file", "damaged"]);
    expect(e!.message).toMatch(/contenu est endommagé/);
  });

  it("that declares less than it holds stops inflating at the size it declared, and is refused", async () => {
    // 8 MB of XML: under every ratio limit, so only the size it declares (1 KB) tells the lie.
    const padded = await budget(8 << 20);
    expect(await refusal(padded)).toBeNull();
    const e = await refusal(declaring(padded, SHEET, 1024));
    expect(e).toBeInstanceOf(EquilibreError);
    expect(e!.code).toBe("unreadable_file");
  });
});
