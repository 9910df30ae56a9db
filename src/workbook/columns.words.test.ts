// Figures among words, as a column's cells and titles hold them: the runs of digits are read in place (no string per
// run), and say the same as before — a year or « N-1 » is a title's, a bigger figure an amount's.
import { describe, expect, it } from "vitest";
import { amountInWords, moneyInWords } from "./columns.ts";

describe("figures among words", () => {
  it("tells an amount typed with words from a column title", () => {
    for (const text of ["1 200 € HT", "env. 800", "3 000 € acquis", "Salaires 5993", "12 €", "€5"]) expect(moneyInWords(text)).toBe(true);
    for (const text of ["Budget 2026", "Réalisé 2025-26", "N-1", "Action 1", "Exercice clos le 30/09/2008", "Budget 2025-26 (€)", "Loyer"]) expect(moneyInWords(text)).toBe(false);
  });

  it("counts any figure that is no year as an amount's, in a line", () => {
    expect(amountInWords("Action 1")).toBe(true);
    expect(amountInWords("Cotisations 2024")).toBe(false);
    expect(amountInWords("2019 2020")).toBe(false);
    expect(amountInWords("20190")).toBe(true);
    expect(amountInWords("Réalisé N+1")).toBe(false);
    expect(amountInWords("sans chiffre")).toBe(false);
  });
});
