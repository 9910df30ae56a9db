// Workbooks of several budget sheets (issue 11, seen in held-out set D's sources): a foyer rural keeps one sheet per
// exercise, an association a « Budget global » typed as the sum of its actions' sheets. Read together they were one
// analysis, every euro counted two or four times.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (sheets: Record<string, CellValue[][]>) => readBudgets({ name: "test.xlsx", sheets: Object.entries(sheets).map(([n, rows]) => gridSheet(n, rows)) });
const budget = (achats: number, loyer: number, subvention: number, cotisations: number): CellValue[][] => [
  ["Poste", "Montant"],
  ["Charges", null],
  ["Achats", achats],
  ["Loyer", loyer],
  ["Produits", null],
  ["Subvention Région", subvention],
  ["Cotisations", cotisations],
];
const totalsByScenario = (r: ReturnType<typeof readBudgets>) => {
  const out: Record<string, number> = {};
  for (const l of r.lines) if (l.amount.kind === "value") out[l.scenario] = (out[l.scenario] ?? 0) + l.amount.cents / 100;
  return out;
};

describe("one sheet per exercise", () => {
  it("each sheet is its own analysis, named by the sheet, never added to the others", () => {
    const r = read({ "2022-2023": budget(1500, 400, 1000, 900), "2023-2024": budget(1700, 400, 1200, 900) });
    expect(totalsByScenario(r)).toEqual({ "2022-2023": 3800, "2023-2024": 4200 });
    expect(r.issues.map((i) => i.code)).toContain("separate_periods");
  });

  it("while « Ressources » and « Emplois » sheets of one year stay one budget", () => {
    const r = read({
      "Ressources 2024": [["Poste", "Montant"], ["Subvention Région", 1000], ["Cotisations", 900]],
      "Emplois 2024": [["Poste", "Montant"], ["Achats", 1500], ["Loyer", 400]],
    });
    expect(Object.keys(totalsByScenario(r))).toHaveLength(1);
  });
});

describe("a sheet typed as the sum of the others", () => {
  it("« Budget global » = « Action A » + « Action B », line by line, is a summary: not counted twice", () => {
    const r = read({ "Budget global": budget(1500, 2400, 9000, 2900), "Action A": budget(1000, 1200, 6000, 1200), "Action B": budget(500, 1200, 3000, 1700) });
    expect(r.lines.filter((l) => l.sheet === "Budget global")).toEqual([]);
    expect(r.issues.find((i) => i.code === "summary_sheet")?.message).toContain("Action A");
  });

  it("a sheet copied whole (« Budget (2) ») is counted once", () => {
    const r = read({ Budget: budget(1500, 400, 1000, 900), "Budget (2)": budget(1500, 400, 1000, 900) });
    expect(new Set(r.lines.map((l) => l.sheet))).toEqual(new Set(["Budget"]));
  });

  it("while two actions that only share labels are both read", () => {
    const r = read({ "Action A": budget(1000, 1200, 6000, 1200), "Action B": budget(500, 1200, 3000, 1700) });
    expect(new Set(r.lines.map((l) => l.sheet))).toEqual(new Set(["Action A", "Action B"]));
  });
});

describe("the association's budget and an action's, as a grant application gives both", () => {
  it("are analysed apart, never added (the action is part of the association's budget)", () => {
    const r = read({ "Budget de l'association": budget(5000, 2400, 6000, 1400), "Budget de l'action": budget(1000, 400, 1200, 200) });
    expect(totalsByScenario(r)).toEqual({ "Budget de l'association": 14800, "Budget de l'action": 2800 });
    expect(r.issues.map((i) => i.code)).toContain("separate_budgets");
  });

  it("on one sheet too: the Cerfa's two tables, each under its title, are analysed apart and said", () => {
    const cerfa = (title: string, achats: number, personnel: number, ventes: number, subventions: number): CellValue[][] => [
      [title],
      ["Charges", "Montant", "Produits", "Montant"],
      ["60 - Achats", achats, "70 - Ventes", ventes],
      ["64 - Charges de personnel", personnel, "74 - Subventions", subventions],
      ["Total", achats + personnel, "Total", ventes + subventions],
      [],
    ];
    const r = read({ Budget: [...cerfa("Budget prévisionnel de l'association 2025", 1000, 5000, 2000, 4000), ...cerfa("Budget prévisionnel de l'action 2025", 500, 1000, 800, 700)] });
    expect(totalsByScenario(r)).toEqual({ "Budget prévisionnel de l'association 2025": 12000, "Budget prévisionnel de l'action 2025": 3000 });
    expect(r.issues.find((i) => i.code === "separate_budgets")?.message).toContain("« Budget prévisionnel de l'action 2025 »");
  });

  it("while a heading of the projects' charges inside the association's table is a part of it", () => {
    const r = read({
      Budget: [["Budget de l'association 2025"], ["Charges", "Montant"], ["Achats", 1000], ["Loyer", 5000], ["Budget des projets"], ["Voyage", 700], ["Produits", "Montant"], ["Cotisations", 3000], ["Subvention mairie", 3700]],
    });
    expect(Object.keys(totalsByScenario(r))).toHaveLength(1);
  });

  it("while two actions' sheets with no whole one are the parts of one budget", () => {
    const r = read({ "Action A": budget(1000, 1200, 6000, 1200), "Action B": budget(500, 1200, 3000, 1700) });
    expect(Object.keys(totalsByScenario(r))).toHaveLength(1);
  });
});
