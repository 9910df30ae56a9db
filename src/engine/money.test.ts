import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountFromCellValue, centsToEuros, eurosToCents, formatEuros, formatNumber, formatPercent, parseAmountText, parseTypedNumber } from "./money.ts";

describe("parseAmountText: what treasurers type", () => {
  it.each([
    ["1 234,56 €", 123456],
    ["1\u00a0234,56", 123456],
    ["1\u202f234,56\u00a0€", 123456],
    ["1\u2009234,56", 123456],
    ["6\u202f300,00\u00a0€", 630000],
    ["1,234.56", 123456],
    ["1.234,56", 123456],
    ["1234.5", 123450],
    ["(1 200)", -120000],
    ["-1 200", -120000],
    ["\u22121 200", -120000],
    ["1 200-", -120000],
    ["12 k€", 1200000],
    ["12,5 k€", 1250000],
    ["1,5 M€", 150000000],
    ["€ 300", 30000],
    ["300 EUR", 30000],
    ["300 euros", 30000],
    ["+500", 50000],
    ["0,50", 50],
    ["1 500", 150000],
    ["1.500", 150000],
    ["1,500", 150000], // a single separator followed by three digits groups thousands…
    ["0,500", 50], // …unless the whole part is zero
    ["1 234 567,89", 123456789],
    ["12", 1200],
    ["-0", 0],
    ["-", 0], // zero as the accounting format shows it, typed as text
    ["– €", 0],
  ])("%j → %i cents", (text, cents) => {
    expect(parseAmountText(text)).toBe(cents);
  });

  it.each(["", "   ", "abc", "2024-01-01", "12/03/2026", "1,2,3", "1.23.4", "--5", "€", "k€", "12 %", "N/A", "#REF!", "Total", "60 - Achats", "1 2 3,4,5"])(
    "%j is not an amount",
    (text) => {
      expect(parseAmountText(text)).toBeNull();
    },
  );

  it("a text without a digit is no amount, except a dash alone (zero), in every dash and with spaces around", () => {
    for (const label of ["Fournitures", "€", "k€", "néant", "( )", "-- €", "- - "]) expect(parseAmountText(label)).toBeNull();
    for (const dash of ["-", " – ", "—", "\u2212 €", "\u2012eur", "\u2010", "\u00a0-\u202f€"]) expect(parseAmountText(dash)).toBe(0);
  });
  it("never gives -0", () => {
    expect(Object.is(parseAmountText("-0,00"), -0)).toBe(false);
    expect(Object.is(parseAmountText("(0)"), -0)).toBe(false);
  });
});

describe("money properties (fast-check)", () => {
  const cents = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 });
  const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  it("a French-formatted amount parses back to its cents", () => {
    fc.assert(
      fc.property(cents, fc.constantFrom(" ", "\u00a0", "\u202f", ""), fc.boolean(), fc.constantFrom("minus", "paren"), (c, sep, euro, neg) => {
        const abs = Math.abs(c);
        const text = `${group(String(Math.floor(abs / 100)), sep)},${String(abs % 100).padStart(2, "0")}${euro ? "\u00a0€" : ""}`;
        const signed = c < 0 ? (neg === "minus" ? `-${text}` : `(${text})`) : text;
        expect(parseAmountText(signed)).toBe(c === 0 ? 0 : c);
      }),
      { numRuns: 500 },
    );
  });

  it("an English-formatted amount parses back to its cents", () => {
    fc.assert(
      fc.property(cents, (c) => {
        const abs = Math.abs(c);
        const text = `${c < 0 ? "-" : ""}${group(String(Math.floor(abs / 100)), ",")}.${String(abs % 100).padStart(2, "0")}`;
        expect(parseAmountText(text)).toBe(c);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws, and gives null or a safe integer, for any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.stringMatching(/^[\d .,()€kM\u00a0\u202f+-]{0,20}$/)), (s) => {
        const r = parseAmountText(s);
        expect(r === null || Number.isSafeInteger(r)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("euros → cents → euros is the identity at the cent", () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(eurosToCents(centsToEuros(c))).toBe(c);
      }),
    );
  });

  it("a formatted whole-euro amount reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (euros) => {
        expect(parseAmountText(formatEuros(euros * 100, "fr"))).toBe(euros * 100);
      }),
    );
  });
});

describe("cell values and formatting", () => {
  it("reads numbers as they are and texts as typed amounts", () => {
    expect(amountFromCellValue(1234.5)).toBe(123450);
    expect(amountFromCellValue(0.1 + 0.2)).toBe(30);
    expect(amountFromCellValue("(350)")).toBe(-35000);
    expect(amountFromCellValue(Number.NaN)).toBeNull();
    expect(amountFromCellValue(true)).toBeNull();
  });
  it("formats euros and shares the French way", () => {
    expect(formatEuros(1240000, "fr")).toBe("12\u00a0400\u00a0€");
    expect(formatPercent(0.731, "fr")).toBe("73\u00a0%");
    expect(formatPercent(0.731, "en")).toBe("73%");
  });
});

describe("numbers shown and typed in the pane's fields", () => {
  it("are written the user's way: « 5 000 » and « 12,02 » in French, 5,000 and 12.02 in English", () => {
    expect(formatNumber(5000, "fr")).toBe("5\u00a0000");
    expect(formatNumber(12.02, "fr")).toBe("12,02");
    expect(formatNumber(5000, "en")).toBe("5,000");
    expect(formatNumber(12.02, "en")).toBe("12.02");
  });
  it("are read as the user types them", () => {
    expect(parseTypedNumber("5 000", "fr")).toBe(5000);
    expect(parseTypedNumber("5\u202f000", "fr")).toBe(5000);
    expect(parseTypedNumber("12,02", "fr")).toBe(12.02);
    expect(parseTypedNumber("12.02", "fr")).toBe(12.02);
    expect(parseTypedNumber("1.234,5", "fr")).toBe(1234.5);
    expect(parseTypedNumber("5,000", "en")).toBe(5000);
    expect(parseTypedNumber("12.02", "en")).toBe(12.02);
    for (const bad of ["", "abc", "12,0,2", "1-2"]) expect(parseTypedNumber(bad, "fr"), bad).toBeNull();
  });
  it("read back what they show, in both languages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.constantFrom("fr" as const, "en" as const), (hundredths, lang) => {
        const n = hundredths / 100;
        expect(parseTypedNumber(formatNumber(n, lang), lang)).toBe(n);
      }),
    );
  });
});
