// A row of units under the column titles (« € | € », « £'s | £'s ») names no column: the titles above it do. Taken as
// the titles, it gave two years the same name, and the two exercises were added up as two actions of one budget.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Comptes", rows)] });
const byScenario = (r: ReturnType<typeof readBudgets>) => {
  const out: Record<string, number> = {};
  for (const l of r.lines) if (l.amount.kind === "value") out[l.scenario] = (out[l.scenario] ?? 0) + l.amount.cents / 100;
  return out;
};

describe("a unit row under the titles", () => {
  it("« Exercice clos le 31 août 2023 | Exercice précédent » over « € | € » are two exercises, never added", () => {
    const r = read([
      [null, "Exercice clos le 31 août 2023", "Exercice précédent clos le 31 août 2022"],
      ["Recettes", "€", "€"],
      ["Cotisations", 6755, 3081],
      ["Subvention", 1800, 2000],
      ["Total recettes", 8555, 5081],
      ["Dépenses", null, null],
      ["Camps", 4000, 3000],
      ["Total dépenses", 4000, 3000],
      ["Excédent des ressources par rapport aux charges", 4555, 2081],
    ]);
    expect(byScenario(r)).toEqual({ "Exercice clos le 31 août 2023": 12555, "Exercice précédent clos le 31 août 2022": 8081 });
    expect(r.lines.find((l) => l.label === "Camps")?.context.sectionHint).toBe("expense");
    expect(r.skipped.map((s) => [s.label, s.why])).toContainEqual(["Excédent des ressources par rapport aux charges", "result"]);
    expect(r.issues.filter((i) => i.code === "text_not_a_number")).toEqual([]);
  });

  it("the same in English: « Receipts (In) » and « Payments (Out) » name the sides, « Net receipts over payments » is the result", () => {
    const r = read([
      [null, "Year ending 31st August 2023", "Previous year ending 31st August 2022", "Notes"],
      ["Receipts (In)", "£'s", "£'s"],
      ["Opening Balance 1 September 2022", 3527, 7517],
      ["Subs", 6755, 3081],
      ["EA Grant", 1800, 2000],
      ["Total Receipts", 8555, 5081],
      [null],
      ["Payments (Out)"],
      ["Registration", 300, 200],
      ["Camps", 4000, 3000],
      ["Total Payments", 4300, 3200],
      ["Net Receipts over Payments", 4255, 1881],
      ["Closing Balance 31 August 2023", 7782, 9398],
    ]);
    expect(byScenario(r)).toEqual({ "Year ending 31st August 2023": 12855, "Previous year ending 31st August 2022": 8281 });
    expect(r.lines.filter((l) => l.scenario.startsWith("Year")).map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Subs", "income"],
      ["EA Grant", "income"],
      ["Registration", "expense"],
      ["Camps", "expense"],
    ]);
    expect(r.issues.filter((i) => i.code === "text_not_a_number")).toEqual([]);
  });

  it("while a lone « € » over the amounts, with no title above it, still names the column", () => {
    const r = read([
      ["Poste", "€"],
      ["Cotisations", 500],
      ["Loyer", 300],
    ]);
    expect(r.lines.map((l) => l.column)).toEqual(["€", "€"]);
  });
});
