import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue, SheetSnapshot } from "./snapshot.ts";

const sheet = (name: string, rows: CellValue[][], visibility: SheetSnapshot["visibility"] = "visible"): SheetSnapshot => ({
  name,
  visibility,
  protected: false,
  merges: [],
  rows: rows.map((cells, i) => ({ index: i + 1, cells: cells.flatMap((value, c) => (value === null ? [] : [{ col: c + 1, value }])) })),
});

const BUDGET: CellValue[][] = [
  ["Charges", "Montant"],
  ["Loyer", 1200],
  ["Salaires", 30000],
  ["Produits", "Montant"],
  ["Cotisations", 5000],
  ["Subvention de la commune", 20000],
];

const hiddenIssues = (...others: SheetSnapshot[]) => readBudgets({ name: "b.xlsx", sheets: [sheet("Budget", BUDGET), ...others] }).issues.filter((i) => i.code === "hidden_sheet_amounts");

describe("hidden sheets holding amounts", () => {
  it("say a hidden sheet holding a single amount row, with no header the reader could take for a budget's", () => {
    const [issue, ...rest] = hiddenIssues(sheet("Cachée", [["Subvention Région", 7000]], "hidden"));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ sheet: "Cachée", message: expect.stringMatching(/feuille masquée « Cachée ».*\(1 ligne\(s\), 7\u00a0000\u00a0€\)/) });
    expect(issue!.messageEn).toMatch(/hidden sheet “Cachée” holds amounts \(1 row\(s\), €7,000\)/);
  });

  it("say rows of a label and an amount wherever they stand, the first number of each row counted", () => {
    const [issue] = hiddenIssues(sheet("Vieux", [[null, "Dons", 300, 2025], ["Buvette", null, -450]], "veryHidden"));
    expect(issue?.message).toMatch(/très masquée « Vieux ».*\(2 ligne\(s\), 750\u00a0€\)/);
  });

  it("leave a hidden list of words, or of numbers without a label, unsaid", () => {
    expect(hiddenIssues(sheet("Listes", [["Alimentation"], ["Transport"]], "hidden"), sheet("Calculs", [[6500, 15, 97500]], "hidden"))).toEqual([]);
  });
});
