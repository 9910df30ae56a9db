import { describe, expect, it } from "vitest";
import { XmlBytes } from "./xmlBytes.ts";
import { cleanText, escText } from "./xmlText.ts";

const texts = ["Dons manuels 8", "Élan « sportif » – 2024", "a & b", "<x>", " lead", "trail ", "tab\there", "line\nbreak", "😀 emoji", "lone \uD800 high", "lone \uDC00 low", "\uFFFE", "nbsp\u00A0", "\u3000wide", "", "é", "x".repeat(40_000)];

describe("XML written as bytes", () => {
  it("encodes any text as Buffer.from does, lone surrogates included", () => {
    const o = new XmlBytes(4);
    for (const t of texts) o.text(t);
    expect(Buffer.from(o.take(0)).equals(Buffer.from(texts.join(""), "utf8"))).toBe(true);
  });

  it("writes a text as it is only when cleaning, escaping and trimming leave it so", () => {
    for (const t of texts) {
      const o = new XmlBytes(4);
      const plain = o.plainText(t, 32_767);
      const asIs = t !== "" && cleanText(t) === t && escText(t) === t && t.trim() === t && !t.includes("\n");
      if (plain) expect(Buffer.from(o.take(0)).toString("utf8")).toBe(t);
      else expect(o.pos).toBe(0);
      // Refusing more than needed only costs time; writing a text that needed work would change the file.
      if (!asIs) expect(plain).toBe(false);
    }
    expect(new XmlBytes(4).plainText("Dons manuels 8", 32_767)).toBe(true);
  });

  it("writes row numbers as String does", () => {
    const o = new XmlBytes(1);
    for (const n of [0, 7, 10, 16_672, 1_048_576]) o.int(n);
    expect(Buffer.from(o.take(0)).toString("latin1")).toBe("071016672" + "1048576");
  });
});
