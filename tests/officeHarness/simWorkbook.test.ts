// The simulated workbook's Excel rules, on their own: what a written text becomes, and what renaming or
// deleting a sheet does to the formulas and lists that name it.
import { describe, expect, it } from "vitest";
import { SimWorkbook, typeWrittenText } from "./simWorkbook.ts";

describe("Excel's typing of written text", () => {
  it.each([
    ["6061", "General", { value: 6061 }, undefined],
    [" 1,234.5 ", "General", { value: 1234.5 }, undefined],
    ["50%", "General", { value: 0.5 }, "0%"],
    ["2026-01-15", "General", { value: 46037 }, "m/d/yyyy"],
    ["1/15/2026", "General", { value: 46037 }, "m/d/yyyy"],
    ["TRUE", "General", { value: true }, undefined],
    ["=SUM(A1:A3)", "General", { value: 0, formula: "=SUM(A1:A3)" }, undefined],
    ["'6061", "General", { value: "6061" }, undefined],
    ["'=SUM(A1)", "General", { value: "=SUM(A1)" }, undefined],
    ["6061", "@", { value: "6061" }, undefined],
    ["Achats 6061", "General", { value: "Achats 6061" }, undefined],
  ])("« %s » in a cell formatted %s", (text, format, cell, numberFormat) => {
    const typed = typeWrittenText(text, format);
    expect(typed.cell).toEqual(cell);
    expect(typed.numberFormat).toBe(numberFormat);
  });
});

describe("sheet names in formulas", () => {
  it("follow a rename and break on a delete", () => {
    const wb = new SimWorkbook();
    const a = wb.addSheet("Données");
    const b = wb.addSheet("Rapport");
    b.setCell(0, 0, { value: 0, formula: "='Données'!A1+Données!B2" });
    b.setCell(1, 0, { value: 0, formula: '="Données!A1"' });
    wb.renameSheet(a, "Mes données");
    expect(b.cell(0, 0)?.formula).toBe("='Mes données'!A1+'Mes données'!B2");
    expect(b.cell(1, 0)?.formula).toBe('="Données!A1"');
    expect(wb.missingSheets("='Autre feuille'!A1+'Mes données'!A1")).toEqual(["Autre feuille"]);
    wb.deleteSheet(a);
    expect(b.cell(0, 0)).toMatchObject({ error: "#REF!", formula: "=#REF!A1+#REF!B2" });
    expect(() => wb.deleteSheet(b)).toThrow(/at least one visible/);
  });
});
