// The side of a block, and of the contributions in kind inside it, from where the block stands: the charges column of
// a side-by-side budget, a journal's Dépenses column, a heading that names a side it does not hold (issue 11).
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { classifiedLines } from "../../tests/classifiedLines.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "test.xlsx", sheets });
const sides = (r: ReturnType<typeof readBudgets>) => classifiedLines(r).map((l) => `${l.label}: ${l.section}`);
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
