// A ditto row (« id. », « idem », « d° ») takes the reading of the row above it (old accounts, hand-kept books).
import { describe, expect, it } from "vitest";
import { classifyLines } from "./analyze.ts";
import { dittoLabels, isDittoLabel } from "./dittoRows.ts";
import type { BudgetLine } from "./types.ts";

const line = (row: number, label: string, column: string | null = null): BudgetLine => ({
  id: `S!A${row}:${column ?? ""}`,
  sheet: "S",
  cell: `A${row}`,
  row,
  label,
  account: null,
  column,
  scenario: column ?? "B",
  amount: { kind: "value", cents: 10000 },
  context: { sectionHint: "income", heading: "Recettes" },
});

describe("ditto rows", () => {
  it.each(["2. id. à 15 fr", "Id.", "idem 2e semestre", "d° à 20 F", "″", "b) id. à 10 fr"])("« %s » says « the same as above »", (label) => {
    expect(isDittoLabel(label)).toBe(true);
  });

  it.each(["Idées de projets", "Identité visuelle", "Dons", "Ditribution"])("« %s » is a label of its own", (label) => {
    expect(isDittoLabel(label)).toBe(false);
  });

  it("is read as the row above, in each column, with the treasurer's word said", () => {
    const lines = [line(5, "1. Cotisations à 30 fr", "Prévu"), line(5, "1. Cotisations à 30 fr", "Effectué"), line(6, "2. id. à 15 fr", "Prévu"), line(6, "2. id. à 15 fr", "Effectué"), line(7, "id.", "Prévu")];
    const read = classifyLines(lines);
    for (const l of read.slice(2)) {
      expect(l.lever).toBe("membership_fees");
      expect(l.reason).toMatch(/comme la ligne au-dessus/);
    }
    expect(read[2]!.label).toBe("2. id. à 15 fr");
  });

  it("with no row above, a ditto row is read for itself", () => {
    expect(dittoLabels([line(3, "id. à 15 fr")])).toEqual([null]);
    expect(classifyLines([line(3, "id. à 15 fr")])[0]!.reason).not.toMatch(/au-dessus/);
  });
});
