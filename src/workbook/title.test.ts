import { describe, expect, it } from "vitest";
import { associationName } from "./title.ts";
import type { WorkbookSnapshot } from "./snapshot.ts";
import type { DetectedBudget } from "./budget.ts";

const budget = { sheet: "B" } as DetectedBudget;
const book = (a1: string, title: string | null = null): WorkbookSnapshot => ({
  name: "x.xlsx",
  title,
  sheets: [{ name: "B", visibility: "visible", protected: false, merges: [], rows: [{ index: 1, cells: [{ col: 1, value: a1 }] }] }],
});

describe("associationName", () => {
  it.each([
    ["BUDGET PRÉVISIONNEL DE L'ASSOCIATION — Les Ateliers du Quartier", "Les Ateliers du Quartier"],
    ["FC Saint-Martin — Budget prévisionnel saison 2025/2026", "FC Saint-Martin"],
    ["Nature en Garonne — Balance générale au 31/12/2025", "Nature en Garonne"],
    ["Les Amis de l'Estuaire — budget 2026 par action", "Les Amis de l'Estuaire"],
  ])("reads « %s » as « %s »", (a1, name) => {
    expect(associationName(book(a1), [budget])).toBe(name);
  });
  it("prefers the workbook's own title, and gives up on a bare heading", () => {
    expect(associationName(book("Budget 2026", "Secours Populaire 31"), [budget])).toBe("Secours Populaire 31");
    expect(associationName(book("Budget prévisionnel 2026"), [budget])).toBeNull();
  });
});
