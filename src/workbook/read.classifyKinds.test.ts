// Classification kinds seen on real budgets (issue 11), read through the reader as the treasurer laid them out: a
// parish's accounts with its share paid to the diocese, its posts named as lines, and its cash position among them.
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Comptes 2024", rows)] });
const levers = (rows: CellValue[][]) => classifyLines(read(rows).lines).map((l) => [l.label, l.section, l.lever]);

describe("a parish's accounts", () => {
  it("its posts are staff, its share to the diocese a charge, its cash position no line", () => {
    expect(
      levers([
        ["Libellé", "Montant"],
        ["Recettes", null],
        ["Quêtes", 4500],
        ["Dotation de fonctionnement de la commune", 800],
        ["Artisanat divers", 300],
        ["Dépenses", null],
        ["Organiste", 1200],
        ["Sacristain", 600],
        ["Contribution au diocèse", 2000],
        ["Cible", 400],
        ["Dommages et intérêts", 150],
        ["Affectation au fonds de legs", 500],
        ["Trésorerie", 6200],
        ["Caisse au 1er janvier", 350],
      ]),
    ).toEqual([
      ["Quêtes", "income", "donations"],
      ["Dotation de fonctionnement de la commune", "income", "public_grants"],
      ["Artisanat divers", "income", "sales_services"],
      ["Organiste", "expense", "staff"],
      ["Sacristain", "expense", "staff"],
      ["Contribution au diocèse", "expense", "common_operations"],
      ["Cible", "expense", "common_operations"],
      ["Dommages et intérêts", "expense", "exceptional_charges"],
      ["Affectation au fonds de legs", "expense", "depreciation_provisions"],
    ]);
  });
});
