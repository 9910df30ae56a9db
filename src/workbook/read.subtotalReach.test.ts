// A foyer rural's list of takings (issue 11, held-out set D, with a header repeated mid-table): « 5 Adhésions Durand
// 40 » over memberships of 24, 8 and 8 was read as their subtotal, and then lent its name to every line down the sheet
// (« Frigo conf », « tente foot rouvre » read as dues).
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const classified = (rows: CellValue[][]) => classifyLines(readBudgets({ name: "test.xlsx", sheets: [gridSheet("2024-2025", rows)] }).lines);

describe("a count of items is a line", () => {
  it("« 5 Adhésions Durand » is one line, whatever the lines under it add up to", () => {
    const out = classified([
      ["Libellé", "Montant (€)"],
      ["RECETTES", null],
      ["Buvette", 300],
      ["5 Adhésions Durand", 40],
      ["Adhésion Paul", 24],
      ["Adhésion Marie", 8],
      ["Adhésion Lucas", 8],
    ]);
    expect(out.map((l) => l.label)).toContain("5 Adhésions Durand");
  });
});

describe("a typed subtotal heads the lines it adds up, not the rest of the sheet", () => {
  it("the lines after its parts keep their own reading", () => {
    const out = classified([
      ["Libellé", "Montant (€)"],
      ["RECETTES", null],
      ["Adhésions", 40],
      ["Adhésion Paul", 24],
      ["Adhésion Marie", 8],
      ["Adhésion Lucas", 8],
      [null, null],
      ["Libellé", "Montant (€)"],
      ["Frigo conf", 100],
      ["tente foot rouvre", 120],
    ]);
    const after = out.filter((l) => l.label === "Frigo conf" || l.label === "tente foot rouvre");
    expect(after.map((l) => l.lever)).not.toContain("membership_fees");
    expect(out.map((l) => l.label)).not.toContain("Adhésions");
  });
});
