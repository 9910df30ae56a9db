// The sheet's own sums say a coincidence is a line, in the other ways treasurers write them (issue 11, held-out set
// D): a Type column's « Total des dépenses =SUMIF(B4:B13;"Dépense";C4:C13) », and a section's sum written above its
// lines (« Dépenses =SUM(B8:B16) »).
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const withFormulas = (rows: CellValue[][], formulas: Record<string, string>) => {
  const sheet = gridSheet("Prévisionnel 2013", rows);
  for (const [ref, formula] of Object.entries(formulas)) {
    sheet.rows.find((r) => r.index === Number(ref.slice(1)))!.cells.find((c) => c.col === ref.charCodeAt(0) - 64)!.formula = formula;
  }
  return readBudgets({ name: "test.xlsx", sheets: [sheet] });
};

describe("a line the sheet's sums add with the lines under it", () => {
  it("in a Type column totalled by SUMIF", () => {
    const r = withFormulas(
      [
        ["Libellé", "Type", "Prévisionnel 2013"],
        ["Dons", "Recette", 15000],
        ["Disques durs de remplacement", "Dépense", 2000],
        ["Nouveaux serveurs", "Dépense", 6000],
        ["Boite pour événements", "Dépense", 1000],
        ["Communication, matériels promotionnels", "Dépense", 4000],
        ["Prise en charge déplacements", "Dépense", 1000],
        [null, null, null],
        ["Total des dépenses", null, 14000],
      ],
      { C9: 'SUMIF(B2:B7,"Dépense",C2:C7)' },
    );
    expect(r.lines.map((l) => l.label)).toContain("Nouveaux serveurs");
  });

  it("under a section's sum written above its lines", () => {
    const r = withFormulas(
      [
        ["Libellé", "Prévisionnel 2013"],
        ["Revenus", 15000],
        ["Dons", 15000],
        ["Dépenses", 14000],
        ["Disques durs de remplacement", 2000],
        ["Nouveaux serveurs", 6000],
        ["Boite pour événements", 1000],
        ["Communication, matériels promotionnels", 4000],
        ["Prise en charge déplacements", 1000],
      ],
      { B2: "SUM(B3:B3)", B4: "SUM(B5:B9)" },
    );
    expect(r.lines.map((l) => l.label)).toContain("Nouveaux serveurs");
  });
});
