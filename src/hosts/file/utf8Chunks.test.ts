// The sheet writer's UTF-8: the same bytes as the platform's encoder, whichever way a text is written.
import { describe, expect, it } from "vitest";
import { encoded, Utf8Chunks } from "./utf8Chunks.ts";

const TEXTS = ["", "Libellé", "Équilibre – lignes", "« Dons » 1 200 €", "emoji 😀 fin", "lone \uD800 surrogate", "\uDC00 first", "x".repeat(70_000)];
const joined = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

describe("UTF-8 chunks", () => {
  it("write any text, ASCII or not, as TextEncoder does (a lone surrogate as U+FFFD), growing past the first buffer", () => {
    const out = new Utf8Chunks(16);
    for (const t of TEXTS) {
      out.text(t);
      out.ascii(t);
      out.bytes(encoded(t));
    }
    const want = TEXTS.map((t) => t.repeat(3)).join("");
    expect(Buffer.from(out.take()).equals(Buffer.from(new TextEncoder().encode(want)))).toBe(true);
  });

  it("write integers as their decimal digits", () => {
    const out = new Utf8Chunks();
    const numbers = [0, -0, 7, 9, 10, 99, 100, 65_535, 1_000_000, 2 ** 31 - 1];
    for (const n of numbers) {
      out.digits(n);
      out.ascii(",");
    }
    expect(joined([out.take()])).toBe(numbers.map((n) => `${String(n)},`).join(""));
  });

  it("give each chunk its own bytes: what was taken is not overwritten by what follows", () => {
    const out = new Utf8Chunks(8);
    out.text("première partie");
    const first = out.take();
    out.text("seconde");
    const second = out.take();
    expect([joined([first]), joined([second])]).toEqual(["première partie", "seconde"]);
    expect(out.length).toBe(0);
  });
});
