// --json: the same text as JSON.stringify(doc, null, 2) + "\n", in one string when it fits (the usual case, and the
// fastest), in pieces no longer than about a megabyte when it does not (the whole document of a million-line ledger
// is longer than any string V8 makes).
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeJson, writeJsonPieces } from "./jsonOutput.ts";

function written(doc: unknown, writer = writeJson): string[] {
  const out: string[] = [];
  writer(doc, (t) => out.push(t));
  return out;
}

const docs: unknown[] = [
  { schemaVersion: 1, file: "b.xlsx", lines: [{ label: "Loyer « été »", amount: { cents: 120000 }, tags: [] }, { label: "x", note: undefined, at: new Date(0) }], empty: {}, none: null },
  [1, "a", null, undefined, () => 1, [[], [{}]], { a: { b: { c: [1, 2] } } }],
  "texte",
  42,
  null,
  undefined,
  { nested: { deep: { deeper: ["\n", "\u2028", "é"] } }, skipped: undefined, f: () => 0 },
];
const bigDoc = () => ({ schemaVersion: 1, lines: Array.from({ length: 200_000 }, (_, i) => ({ sheet: "Grand livre", row: i + 2, label: `Fournitures ${i}`, account: "606100", amount: { kind: "value", cents: i * 100 } })) });

afterEach(() => vi.restoreAllMocks());

describe("--json", () => {
  it("gives JSON.stringify's text, byte for byte, whatever the document holds, by both writers", () => {
    for (const doc of docs) {
      const expected = `${JSON.stringify(doc, null, 2) ?? "null"}\n`;
      expect(written(doc).join("")).toBe(expected);
      expect(written(doc, writeJsonPieces).join("")).toBe(expected);
    }
  });

  it("writes a document of tens of megabytes that fits in one string in one go", () => {
    const doc = bigDoc();
    const out = written(doc);
    expect(out.join("")).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(out.length).toBeLessThanOrEqual(2);
  });

  it("writes a document too long for one string in pieces of about a megabyte, with the same text", () => {
    const doc = bigDoc();
    const expected = `${JSON.stringify(doc, null, 2)}\n`;
    // V8 refuses a string past about 512 MB with a RangeError: made to refuse this whole document, as it would a
    // million-line ledger's, without building half a gigabyte in a test.
    const stringify = JSON.stringify.bind(JSON);
    vi.spyOn(JSON, "stringify").mockImplementation(((value: unknown, replacer?: never, space?: number) => {
      if (value === doc) throw new RangeError("Invalid string length");
      return stringify(value, replacer, space);
    }) as typeof JSON.stringify);
    const out = written(doc);
    expect(out.length).toBeGreaterThan(20);
    expect(Math.max(...out.map((p) => p.length))).toBeLessThan(1.1 * 2 ** 20);
    expect(out.join("")).toBe(expected);
  });

  it("lets any other failure through (a bug to see, not a text to cut)", () => {
    const doc: Record<string, unknown> = { a: 1 };
    doc.self = doc;
    expect(() => written(doc)).toThrow(TypeError);
  });
});
