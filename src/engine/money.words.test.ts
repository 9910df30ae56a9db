// A text with a figure among words (a label « Salaires 2024 ») is no amount, while every written form of an amount
// (units, signs, brackets, « € » before or after) still reads: the early refusal of other characters changes nothing.
import { describe, expect, it } from "vitest";
import { parseAmountText } from "./money.ts";

describe("parseAmountText and words", () => {
  it("refuses a label that holds a figure", () => {
    for (const label of ["Salaires 2024", "Fournitures non stockables 12", "Cotisations URSSAF 5993", "Subvention État 2025", "12 mois", "1 200 € HT", "env. 800", "$300", "£ 12", "12 %"]) {
      expect(parseAmountText(label)).toBeNull();
    }
  });

  it("reads every written form of an amount as before", () => {
    const cases: [string, number][] = [
      ["1 200 €", 120000], ["(1 200)", -120000], ["12 k€", 1200000], ["1,5 M€", 150000000], ["€ 300", 30000], ["300 EUR", 30000],
      ["300 Euros", 30000], ["1 200-", -120000], ["+50", 5000], ["-", 0], ["- €", 0], ["1.234,56", 123456], ["1,234.56", 123456],
      ["0,500", 50], ["12.000", 1200000], ["(12 keur)", -1200000], ["3 MEUR", 300000000], ["−45,10", -4510], ["1\u202f200,50\u00a0€", 120050],
    ];
    for (const [text, cents] of cases) expect(parseAmountText(text)).toBe(cents);
  });
});
