import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { toAnalysisJson } from "./analysisJson.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import type { CellValue, WorkbookSnapshot } from "./snapshot.ts";

function workbook(grid: CellValue[][]): WorkbookSnapshot {
  const rows = grid.map((values, i) => ({ index: i + 1, cells: values.map((value, j) => ({ col: j + 1, value })).filter((c) => c.value !== null) }));
  return { name: "budget.xlsx", sheets: [{ name: "Budget", visibility: "visible", protected: false, merges: [], rows }] };
}

const budget = (salaries: number): CellValue[][] => [
  ["Charges", "Budget"],
  ["Achats", 1000],
  ["Salaires", salaries],
  ["Produits", null],
  ["Subvention commune", 15000],
  ["Cotisations", 3000],
  ["Ventes", 3000],
];

describe("analyzeSnapshot", () => {
  it("gives a budget that does not balance as its result (a deficit with its amount), not as a point to check", () => {
    const r = analyzeSnapshot(workbook(budget(21200)), defaultParameters());
    expect(r.analyses[0]!.budget).toMatchObject({ result: "deficit", resultCents: -120000 });
    expect(r.issues.map((i) => i.message).filter((m) => /équilibr/.test(m))).toEqual([]);
    expect(r.issues.map((i) => i.code)).not.toContain("unbalanced");
  });

  it("tells an empty workbook from one that holds no budget", () => {
    expect(() => analyzeSnapshot(workbook([]), defaultParameters())).toThrow(/le classeur est vide/);
    expect(() => analyzeSnapshot(workbook([["Stylos", "Quantité"], ["Bleus", 12], ["Rouges", 4]]), defaultParameters())).toThrow(/Aucun budget trouvé dans « budget.xlsx » : il faut/);
  });

  it("does not call a workbook whose only budget is on a hidden sheet empty: it says to check the sheet is visible", () => {
    const hidden = workbook(budget(20000));
    hidden.sheets[0]!.visibility = "hidden";
    expect(() => analyzeSnapshot(hidden, defaultParameters())).toThrow(/Aucun budget trouvé .* Vérifiez que le budget est dans une feuille visible\./);
  });
});

describe("the analysis JSON says how much of the mix is unsure", () => {
  it("an income line with no sure clue stays in the mix, and its share of the mix is given", () => {
    const r = analyzeSnapshot(
      workbook([
        ["Charges", "Budget"],
        ["Achats", 10000],
        ["Produits", null],
        ["Subvention commune", 6000],
        ["Opération Ker Avel", 4000],
      ]),
      defaultParameters(),
    );
    const doc = toAnalysisJson(r);
    const ker = doc.lines.find((l) => l.label === "Opération Ker Avel")!;
    expect(ker.nature).not.toBe("neutral");
    expect(doc.analyses[0]!.model.base).toBe(10000);
    expect(doc.analyses[0]!.model.unsure).toEqual({ amount: 4000, share: 0.4, lineCount: 1 });
  });
});
