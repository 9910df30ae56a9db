// A budget published as shares (« Part des recettes (%) », « Pourcentage ») holds no euros: the refusal names the
// column and says what to type, and is a « no budget » (exit 3), not the general « il faut une colonne de montants ».
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { isEquilibreError, isNoBudget } from "../engine/errors.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";
import type { CellValue } from "./snapshot.ts";

const refusal = (name: string, rows: CellValue[][]) => {
  try {
    analyzeSnapshot({ name: "parts.xlsx", sheets: [sheet(name, rows)] }, defaultParameters());
  } catch (e) {
    return e;
  }
  return null;
};

describe("a table of shares is said to be one", () => {
  it("« Part des recettes (%) » over a festival's shares: the column and its cell are named, what to do is said", () => {
    const e = refusal("Recettes 2019", [
      ["Poste", "Part des recettes (%)"],
      ["Billetterie", 49.2],
      ["Mécènes et sponsors", 24.1],
      ["Subventions", 5.8],
    ]);
    expect(isEquilibreError(e) && e.code).toBe("shares_only");
    expect(isNoBudget(e)).toBe(true);
    const fr = isEquilibreError(e) ? e.messageIn("fr") : "";
    expect(fr).toContain("« Part des recettes (%) » (feuille « Recettes 2019 », B1)");
    expect(fr).toContain("saisissez les montants");
  });

  it("« Pourcentage » alone is shares too; a sheet of amounts beside a share column is read as a budget", () => {
    const e = refusal("Obligations", [
      ["", "Pourcentage"],
      ["Recettes", null],
      ["Part des cotisations revenant au club", 45],
      ["Participation du syndicat", 2.5],
    ]);
    expect(isEquilibreError(e) && e.code).toBe("shares_only");
    const read = analyzeSnapshot({ name: "b.xlsx", sheets: [sheet("Budget", [["Produits", "Montant", "%"], ["Cotisations", 450, 45], ["Subvention de la commune", 550, 55]])] }, defaultParameters());
    expect(read.lines.map((l) => l.label)).toEqual(["Cotisations", "Subvention de la commune"]);
  });
});
