// Layouts of a second round of held-out workbooks written by openpyxl in shapes the team did not design (issue 10 and
// 11: every amount cell a line or said, nothing counted twice).
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (name: string, rows: CellValue[][]) => analyzeSnapshot({ name: "b.xlsx", sheets: [gridSheet(name, rows)] }, defaultParameters());
const cells = (r: ReturnType<typeof read>) => r.classified.map((l) => `${l.amountCell}=${l.amount.kind === "value" ? l.amount.cents / 100 : "?"}`);

describe("nine exercises side by side and their cumul", () => {
  const rows: CellValue[][] = [
    ["Code", "Poste", "Exercice 2017", "Exercice 2018", "Exercice 2019", "Cumul 2017-2019"],
    [null, "PRODUITS", null, null, null, null],
    ["P1", "Dons et mécénat", 1614.73, 541.3, 3446.65, 5602.68],
    ["P2", "Cotisations / adhésions", 277.73, "—", 115.05, 392.78],
    [null, "CHARGES", null, null, null, null],
    ["C1", "Frais bancaires", 120, 130, "—", 250],
  ];

  it("reads each year as its own budget, never the cumul as one more", () => {
    const r = read("Comptes", rows);
    expect(new Set(r.classified.map((l) => l.scenario))).toEqual(new Set(["Exercice 2017", "Exercice 2018", "Exercice 2019"]));
    expect(cells(r)).not.toContain("F3=5602.68");
  });

  it("takes « — » typed in an empty year for nothing there: no line of zero, no « amount typed as text »", () => {
    const r = read("Comptes", rows);
    expect(cells(r)).not.toContain("D4=0");
    expect(cells(r)).not.toContain("E6=0");
    expect(r.issues.filter((i) => i.code === "amounts_as_text")).toEqual([]);
  });
});
