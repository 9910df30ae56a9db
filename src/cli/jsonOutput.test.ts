// --json of a very big analysis: the same text as JSON.stringify(doc, null, 2), written in pieces no longer than
// about a megabyte (the whole document of a million-line ledger is longer than any string V8 makes).
import { describe, expect, it } from "vitest";
import { writeJson } from "./jsonOutput.ts";

function written(doc: unknown): string[] {
  const out: string[] = [];
  writeJson(doc, (t) => out.push(t));
  return out;
}

describe("--json written in pieces", () => {
  it("gives JSON.stringify's text, byte for byte, whatever the document holds", () => {
    const docs: unknown[] = [
      { schemaVersion: 1, file: "b.xlsx", lines: [{ label: "Loyer « été »", amount: { cents: 120000 }, tags: [] }, { label: "x", note: undefined, at: new Date(0) }], empty: {}, none: null },
      [1, "a", null, undefined, () => 1, [[], [{}]], { a: { b: { c: [1, 2] } } }],
      "texte",
      42,
      null,
      { nested: { deep: { deeper: ["\n", "\u2028", "é"] } }, skipped: undefined, f: () => 0 },
    ];
    for (const doc of docs) expect(written(doc).join("")).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it("writes a document of tens of megabytes in pieces of about a megabyte, never as one string", () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => ({ sheet: "Grand livre", row: i + 2, label: `Fournitures ${i}`, account: "606100", amount: { kind: "value", cents: i * 100 } }));
    const doc = { schemaVersion: 1, lines };
    const out = written(doc);
    expect(out.length).toBeGreaterThan(20);
    expect(Math.max(...out.map((p) => p.length))).toBeLessThan(1.1 * 2 ** 20);
    expect(out.join("")).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });
});
