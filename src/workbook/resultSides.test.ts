// The sides a sheet's own result formula gives blocks that no heading names (issue 11: a vertical report whose
// blocks are « Frais de fonctionnement », « Rencontre », « Cotisations », « Dons »).
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import { signedRows } from "./resultSides.ts";
import { columnNumber, type CellValue, type SheetSnapshot } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

function sheet(name: string, rows: CellValue[][], formulas: Record<string, string>): SheetSnapshot {
  const s = gridSheet(name, rows);
  for (const [address, formula] of Object.entries(formulas)) {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    s.rows.find((r) => r.index === Number(row))!.cells.find((c) => c.col === columnNumber(letters!))!.formula = formula;
  }
  return s;
}

describe("the result formula says which blocks are produits and which charges", () => {
  it("reads the rows each sign adds, through brackets and SUM", () => {
    expect(signedRows("=B12+B20-(B5+B8)", 2)).toEqual([
      { sign: 1, row: 12 },
      { sign: 1, row: 20 },
      { sign: -1, row: 5 },
      { sign: -1, row: 8 },
    ]);
    expect(signedRows("SUM(B2:B3)-SUM(B6:B6)", 2)).toEqual([
      { sign: 1, row: 2 },
      { sign: 1, row: 3 },
      { sign: -1, row: 6 },
    ]);
    // A product, another column, or one sign only says nothing of the sides.
    expect(signedRows("=B12*2-B5", 2)).toBeNull();
    expect(signedRows("=C12-B5", 2)).toBeNull();
    expect(signedRows("=B12+B13", 2)).toBeNull();
  });

  it("gives blocks that no heading names the side of their total in « Résultat »", () => {
    const r = readBudgets({
      name: "test.xlsx",
      sheets: [
        sheet(
          "Exercice 2023",
          [
            ["Libellé", "2023"],
            ["Frais de fonctionnement", null],
            ["Assurance", 112.35],
            ["Dons pour édition (Bulgarie)", 3500],
            ["Total", 3612.35],
            ["Rencontre nationale", null],
            ["Avance pour réservation", 3200],
            ["Facture Neyliere", 1666.66],
            ["Total", 4866.66],
            ["Cotisations", null],
            ["Cotisation membre (40 euros) X 35", 1400],
            ["Total", 1400],
            ["Rencontre", null],
            ["Rencontre nationale", 5064],
            ["Total", 5064],
            ["Résultat", -2015.01],
          ],
          { B5: "SUM(B3:B4)", B9: "SUM(B7:B8)", B12: "SUM(B11:B11)", B15: "SUM(B14:B14)", B16: "B12+B15-(B5+B9)" },
        ),
      ],
    });
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Assurance", "expense"],
      ["Dons pour édition (Bulgarie)", "expense"],
      ["Avance pour réservation", "expense"],
      ["Facture Neyliere", "expense"],
      ["Cotisation membre (40 euros) X 35", "income"],
      ["Rencontre nationale", "income"],
    ]);
  });
});
