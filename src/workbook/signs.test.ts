import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import type { BudgetLine, Section } from "../engine/types.ts";
import { readNegativeSections } from "./signs.ts";

const line = (label: string, euros: number, section: Section, row: number, scenario = "Budget"): BudgetLine => ({
  id: `B!B${row}@${scenario}`,
  sheet: "B",
  cell: `A${row}`,
  row,
  amountCell: `B${row}`,
  label,
  account: null,
  column: scenario,
  scenario,
  amount: { kind: "value", cents: Math.round(euros * 100) },
  context: { sectionHint: section },
});

const cents = (lines: { amount: BudgetLine["amount"] }[]) => lines.map((l) => (l.amount.kind === "value" ? l.amount.cents / 100 : null));

describe("sections typed as negative numbers", () => {
  it("reads charges typed negative as positive, says so, and leaves the produits alone", () => {
    const input = classifyLines([line("Subvention mairie", 3000, "income", 2), line("Achats", -2500, "expense", 4), line("Assurance", -700, "expense", 5), line("Loyer", -4000, "expense", 6)], {});
    const r = readNegativeSections(input);
    expect(cents(r.lines)).toEqual([3000, 2500, 700, 4000]);
    expect(r.lines.map((l) => Boolean(l.negativeInSheet))).toEqual([false, true, true, true]);
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([
      ["negative_amounts", "Les charges de la feuille « B » (« Budget ») sont saisies en nombres négatifs : Équilibre les lit en positif (3 lignes). Vérifiez que c'est bien le cas."],
    ]);
  });

  it("keeps a refund typed negative among positive charges, and a single negative line", () => {
    const input = classifyLines([line("Achats", 2500, "expense", 2), line("Remboursement assurance", -300, "expense", 3), line("Loyer", 4000, "expense", 4), line("Cotisations", -50, "income", 6)], {});
    const r = readNegativeSections(input);
    expect(cents(r.lines)).toEqual([2500, -300, 4000, -50]);
    expect(r.issues).toEqual([]);
  });

  it("decides per amount column", () => {
    const input = classifyLines([line("Achats", -100, "expense", 2, "2025"), line("Loyer", -200, "expense", 3, "2025"), line("Achats", 100, "expense", 2, "2026"), line("Loyer", 200, "expense", 3, "2026")], {});
    expect(cents(readNegativeSections(input).lines)).toEqual([100, 200, 100, 200]);
  });
});

describe("a section of 100,000 lines", () => {
  // Guards the grouping against going quadratic again (it took ~28 s): a generous timeout, no timing assertion.
  it("is read in one pass: every negative charge flipped, one issue", { timeout: 60_000 }, () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => line(`Achats ${i}`, -(1 + (i % 50)), "expense", i + 2));
    const r = readNegativeSections(classifyLines(lines, {}));
    expect(r.lines).toHaveLength(100_000);
    expect(r.lines.every((l) => l.negativeInSheet && l.amount.kind === "value" && l.amount.cents > 0)).toBe(true);
    expect(r.issues.map((i) => i.code)).toEqual(["negative_amounts"]);
  });
});
