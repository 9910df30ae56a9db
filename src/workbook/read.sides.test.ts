// The side of a block, and of the contributions in kind inside it, from where the block stands: the charges column of
// a side-by-side budget, a journal's Dépenses column, a heading that names a side it does not hold (issue 11).
import { describe, expect, it } from "vitest";
import { REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import { columnNumber, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";
import { classifiedLines } from "../../tests/classifiedLines.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "test.xlsx", sheets });
const sides = (r: ReturnType<typeof readBudgets>) => classifiedLines(r).map((l) => `${l.label}: ${l.section}`);
/** As the pane and the report see the lines: with the reader's notes on their side. */
const analysed = (r: ReturnType<typeof readBudgets>) => classifyLines(r.lines);
function withFormulas(s: SheetSnapshot, formulas: Record<string, string>): SheetSnapshot {
  for (const [address, formula] of Object.entries(formulas)) {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    s.rows.find((x) => x.index === Number(row))!.cells.find((c) => c.col === columnNumber(letters!))!.formula = formula;
  }
  return s;
}
const cents = (r: ReturnType<typeof readBudgets>, label: string) => r.lines.filter((l) => l.label === label).map((l) => (l.amount.kind === "value" ? l.amount.cents : null));

describe("contributions in kind on the side of their column", () => {
  it("« Contributions volontaires » in the charges column of a side-by-side budget heads the uses (86), in the produits column the resources (87)", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["CHARGES", "Montant", "PRODUITS", "Montant"],
          ["Location + charges", 9720, "Cotisations mensuelles", 2430],
          ["Assurance", 180, "Subvention pour exploitation", 7470],
          ["TOTAL DES CHARGES", 9900, "TOTAL DES PRODUITS", 9900],
          ["Contributions volontaires", null, "Contributions volontaires", null],
          ["Bénévolat (0.5 ETP)", 7200, "Bénévolat", 7200],
          [null, null, "Apport en nature", 2000],
        ]),
      ),
    );
    expect(sides(r)).toEqual(expect.arrayContaining(["Bénévolat (0.5 ETP): in_kind_use", "Bénévolat: in_kind_resource", "Apport en nature: in_kind_resource"]));
  });

  it("« Contributions volontaires (emplois) » after the expenses heads the uses (86): the word in brackets says the side", () => {
    const r = readBudgets(
      book(
        sheet("Mur de tir", [
          ["Libellé", "Coût"],
          ["Dépenses", null],
          ["Matériaux", 970],
          ["Garniture (paille)", 1400],
          ["Contributions volontaires (emplois)", null],
          ["Bénévolat : 229 h × 10 €", 2290],
        ]),
      ),
    );
    expect(sides(r)).toContain("Bénévolat : 229 h × 10 €: in_kind_use");
  });

  it("a heading that names its side keeps it, whichever column it is in", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["CHARGES", "Montant", "PRODUITS", "Montant"],
          ["Loyer", 900, "Cotisations", 900],
          ["Contributions volontaires (ressources)", null, "Subventions", null],
          ["Mise à disposition de salle", 1200, "Subvention mairie", 500],
        ]),
      ),
    );
    expect(sides(r)).toContain("Mise à disposition de salle: in_kind_resource");
  });

  it("a lone « Apport en nature » with its amount, after a line of its block, is a line, not the block's total", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Libellé", "Montant"],
          ["Charges", null],
          ["Loyer", 900],
          ["Produits", null],
          ["Cotisations", 900],
          ["Contributions volontaires", null],
          ["Bénévolat", 7200],
          ["Apport en nature", 2000],
        ]),
      ),
    );
    expect(sides(r)).toEqual(["Loyer: expense", "Cotisations: income", "Bénévolat: in_kind_resource", "Apport en nature: in_kind_resource"]);
  });

  it("« Apport en nature » over the lines it adds up is still their total", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Libellé", "Montant"],
          ["Recettes", null],
          ["Cotisations", 900],
          ["Apport en nature", 2500],
          ["Prêt de matériel", 2000],
          ["Salle prêtée par la mairie", 500],
        ]),
      ),
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Cotisations", "Prêt de matériel", "Salle prêtée par la mairie"]);
  });

  it("in a journal, an in-kind row in the Dépenses column is the use (86) at its amount, in the Recettes column the resource (87)", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Poste", "Dépenses", "Recettes"],
          ["Loyer", 900, null],
          ["Cotisations", null, 900],
          ["Contributions volontaires en nature", null, null],
          ["Bénévolat (0.5 ETP)", 7200, null],
          ["Bénévolat", null, 7200],
        ]),
      ),
    );
    expect(sides(r)).toEqual(["Loyer: expense", "Cotisations: income", "Bénévolat (0.5 ETP): in_kind_use", "Bénévolat: in_kind_resource"]);
    expect(cents(r, "Bénévolat (0.5 ETP)")).toEqual([720000]);
  });
});

describe("a block's side from its content when its heading names a side it does not hold", () => {
  const request: CellValue[][] = [
    ["Libellé", "Total"],
    ["Ressources", null],
    ["NDD", 8],
    ["Hébergement", 216],
    ["Projecteur", 743],
    ["Polos", 576],
    ["Assurance", 180],
    ["Total", 1723],
  ];

  it("« Ressources » alone over what a student association asks its school for (« Hébergement », « Assurance », « Projecteur ») is a block of charges, said and asked", () => {
    const r = readBudgets(book(sheet("Récapitulatif", request)));
    const lines = analysed(r);
    expect(lines.map((l) => l.section)).toEqual(["expense", "expense", "expense", "expense", "expense"]);
    for (const l of lines) {
      expect(l.confidence).toBeLessThan(REVIEW_CONFIDENCE);
      expect(l.reason).toContain("le titre « Ressources » dit produits");
      expect(l.reasonEn).toContain("the heading “Ressources” says income");
    }
    // The sheet's « Total » is the charges' total now: the lines add up to it, nothing to report.
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("the sheet's total under the block still checks the lines, on the side they are read on", () => {
    const r = readBudgets(book(sheet("Récapitulatif", request.map((row) => (row[0] === "Total" ? ["Total", 1900] : row)))));
    expect(r.issues.filter((i) => i.code === "total_mismatch").length).toBe(1);
  });

  it("a « Ressources » block of income stays income, with no note", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Libellé", "Montant"],
          ["Ressources", null],
          ["Cotisations", 900],
          ["Subvention mairie", 1500],
          ["Vente de gâteaux", 300],
          ["Hébergement", 200],
        ]),
      ),
    );
    const lines = analysed(r);
    expect(lines.map((l) => l.section)).toEqual(["income", "income", "income", "income"]);
    expect(lines.some((l) => l.reason.includes("le titre"))).toBe(false);
  });

  it("« Ressources » beside « Emplois » is the income side, whatever its lines", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Libellé", "Montant"],
          ["Emplois", null],
          ["Loyer", 950],
          ["Ressources", null],
          ["Hébergement", 200],
          ["Assurance", 700],
        ]),
      ),
    );
    expect(analysed(r).map((l) => `${l.label}: ${l.section}`)).toEqual(["Loyer: expense", "Hébergement: income", "Assurance: income"]);
  });

  it("the two sheets « Ressources » and « Emplois » each name the side the other does not hold", () => {
    const r = readBudgets(
      book(
        sheet("Ressources", [
          ["Libellé", "Montant"],
          ["Hébergement", 200],
          ["Assurance", 700],
        ]),
        sheet("Emplois", [
          ["Libellé", "Montant"],
          ["Loyer", 900],
          ["Électricité", 100],
        ]),
      ),
    );
    expect(analysed(r).map((l) => `${l.label}: ${l.section}`)).toEqual(["Hébergement: income", "Assurance: income", "Loyer: expense", "Électricité: expense"]);
  });

  it("the result formula decides when no label does: « Résultat = financé par − ressources » takes the block away", () => {
    const r = readBudgets(
      book(
        withFormulas(
          sheet("Budget", [
            ["Libellé", "Montant"],
            ["Ressources", null],
            ["Projecteur", 743],
            ["Polos", 576],
            ["Total ressources", 1319],
            ["Financé par", null],
            ["Apport de l'école", 1319],
            ["Total", 1319],
            ["Résultat", 0],
          ]),
          { B5: "SUM(B3:B4)", B8: "SUM(B7:B7)", B9: "B8-B5" },
        ),
      ),
    );
    const lines = analysed(r);
    expect(lines.map((l) => `${l.label}: ${l.section}`)).toEqual(["Projecteur: expense", "Polos: expense", "Apport de l'école: income"]);
    expect(lines[0]!.reason).toContain("la formule du résultat compte ce bloc en charges");
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });
});

describe("an ambiguous heading written as each row's category", () => {
  it("« Ressources » in a Catégorie column beside a Type column « Dépense » says no side: the Type column does", () => {
    const r = readBudgets(
      book(
        sheet("Récapitulatif", [
          ["Libellé", "Catégorie", "Type", "Total"],
          ["NDD", "Ressources", "Dépense", 8],
          ["Hébergement", "Ressources", "Dépense", 216],
          ["T-shirts", "Ressources", "Dépense", 800],
          ["Provisions", "Ressources", "Dépense", 200],
        ]),
      ),
    );
    expect(sides(r)).toEqual(["NDD: expense", "Hébergement: expense", "T-shirts: expense", "Provisions: expense"]);
  });

  it("in a journal, the Dépenses column says the side of rows filed under « Ressources »", () => {
    const r = readBudgets(
      book(
        sheet("Récapitulatif", [
          ["Poste", "Catégorie", "Dépenses", "Recettes"],
          ["NDD", "Ressources", 8, null],
          ["Hébergement", "Ressources", 216, null],
          ["T-shirts", "Ressources", 800, null],
          ["Provisions", "Ressources", 200, null],
        ]),
      ),
    );
    expect(sides(r)).toEqual(["NDD: expense", "Hébergement: expense", "T-shirts: expense", "Provisions: expense"]);
    expect(cents(r, "T-shirts")).toEqual([80000]);
  });
});
