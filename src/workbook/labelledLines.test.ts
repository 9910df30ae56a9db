// A real line whose label reads as a total (« Total ventes 2020 » when it is the only sales line, « Dépenses 2020 »
// alone under « Dépenses »): read as a line in every layout, while a true total whose lines are missing keeps its issue.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import { columnNumber, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";
import type { CellValue } from "./snapshot.ts";

const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "test.xlsx", sheets });
/** A sheet of literal rows, with formulas by cell (« B6: SUM(B3:B5) ») carrying the values the rows give them. */
function sheet(name: string, rows: CellValue[][], formulas: Record<string, string> = {}): SheetSnapshot {
  const s = gridSheet(name, rows);
  for (const [address, formula] of Object.entries(formulas)) {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const cell = s.rows.find((r) => r.index === Number(row))?.cells.find((c) => c.col === columnNumber(letters!));
    if (!cell) throw new Error(`no value at ${address}`);
    cell.formula = formula;
  }
  return s;
}
const read = (s: SheetSnapshot) => readBudgets(book(s));
const amounts = (r: ReturnType<typeof readBudgets>) => r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null]);
const mismatches = (r: ReturnType<typeof readBudgets>) => r.issues.filter((i) => i.code === "total_mismatch").map((i) => i.cell);

describe("a line whose label reads as a total", () => {
  it("« Total ventes 2020 », the only sales line of its block, counted by the block's own SUM, is a line", () => {
    const r = read(
      sheet(
        "Bilan 2020",
        [
          ["Libellé", "2020"],
          ["Chiffre d'affaires 2020", null],
          ["Total ventes 2020", 5774],
          ["Subvention de la Fondation Orange", 2500],
          ["Rentrées diverses", 617],
          ["Total", 8891],
          ["Dépenses", null],
          ["Dépenses 2020", 7993.64],
          ["Total", 7993.64],
        ],
        { B6: "SUM(B3:B5)", B9: "SUM(B8:B8)" },
      ),
    );
    expect(amounts(r)).toEqual([
      ["Total ventes 2020", 5774],
      ["Subvention de la Fondation Orange", 2500],
      ["Rentrées diverses", 617],
      ["Dépenses 2020", 7993.64],
    ]);
    expect(mismatches(r)).toEqual([]);
  });

  it("with its months added across its own row (« =SUM(B3:D3) »), it is still a line, not a total", () => {
    const r = read(
      sheet(
        "Bilan 2020",
        [
          ["Libellé", "Sept.", "Oct.", "Nov.", "Total"],
          ["Chiffre d'affaires 2020", null, null, null, null],
          ["Total ventes 2020", 2000, 2000, 1774, 5774],
          ["Subvention de la Fondation Orange", 1000, 1000, 500, 2500],
          ["Rentrées diverses", 200, 200, 217, 617],
          ["Total", 3200, 3200, 2491, 8891],
        ],
        { E3: "SUM(B3:D3)", E4: "SUM(B4:D4)", E5: "SUM(B5:D5)", B6: "SUM(B3:B5)", C6: "SUM(C3:C5)", D6: "SUM(D3:D5)", E6: "SUM(E3:E5)" },
      ),
    );
    expect(amounts(r)).toEqual([
      ["Total ventes 2020", 5774],
      ["Subvention de la Fondation Orange", 2500],
      ["Rentrées diverses", 617],
    ]);
    expect(mismatches(r)).toEqual([]);
  });

  it("in a journal, the column's total counts it with the other operations", () => {
    const r = read(
      sheet(
        "Journal",
        [
          ["Poste", "Dépenses", "Recettes"],
          ["Total ventes 2020", null, 5774],
          ["Subvention de la Fondation Orange", null, 2500],
          ["Dépenses 2020", 7993.64, null],
          ["Total", 7993.64, 8274],
        ],
        { B5: "SUM(B4:B4)", C5: "SUM(C2:C3)" },
      ),
    );
    expect(amounts(r)).toEqual([
      ["Total ventes 2020", 5774],
      ["Subvention de la Fondation Orange", 2500],
      ["Dépenses 2020", 7993.64],
    ]);
  });

  it("under a Cerfa chapter that sums it alone, the chapter is the subtotal and the row its line", () => {
    const r = read(
      sheet(
        "Cerfa",
        [
          ["CHARGES", "2020", "PRODUITS", "2020"],
          ["60 - Achats", 7993.64, "70 - Ventes de produits finis, prestations de services", 5774],
          ["Dépenses 2020", 7993.64, "Total ventes 2020", 5774],
          [null, null, "75 - Autres produits de gestion courante", 2500],
          [null, null, "Subvention de la Fondation Orange", 2500],
          ["TOTAL DES CHARGES", 7993.64, "TOTAL DES PRODUITS", 8274],
        ],
        { B2: "SUM(B3:B3)", D2: "SUM(D3:D3)", D4: "SUM(D5:D5)", B6: "SUM(B2:B2)", D6: "SUM(D2,D4)" },
      ),
    );
    expect(amounts(r).sort()).toEqual([
      ["Dépenses 2020", 7993.64],
      ["Subvention de la Fondation Orange", 2500],
      ["Total ventes 2020", 5774],
    ]);
    expect(mismatches(r)).toEqual([]);
  });

  it("an account of its own (a trial balance) or a Type cell makes the row an operation", () => {
    const balance = read(
      sheet("Balance", [
        ["Compte", "Intitulé", "Débit", "Crédit"],
        ["606000", "Dépenses 2020", 7993.64, 0],
        ["706000", "Total ventes 2020", 0, 5774],
        ["740000", "Subvention", 0, 2500],
      ]),
    );
    expect(amounts(balance)).toEqual([
      ["Dépenses 2020", 7993.64],
      ["Total ventes 2020", 5774],
      ["Subvention", 2500],
    ]);
    const typed = read(
      sheet("Liste", [
        ["Libellé", "Type", "2020"],
        ["Total ventes 2020", "Recette", 5774],
        ["Subvention de la Fondation Orange", "Recette", 2500],
        ["Dépenses 2020", "Dépense", 7993.64],
      ]),
    );
    expect(amounts(typed).map(([label]) => label)).toEqual(["Total ventes 2020", "Subvention de la Fondation Orange", "Dépenses 2020"]);
    expect(typed.lines.map((l) => l.context.sectionHint)).toEqual(["income", "income", "expense"]);
  });

  it("a true total stays a total: its lines missing keep the self-check's issue, and typed subtotals under a grand total stay subtotals", () => {
    // « Total des charges 5 000 » typed under lines that make 4 000: a line is missing, not a line more.
    const missing = read(
      sheet("Budget", [
        ["Libellé", "Montant"],
        ["Charges", null],
        ["Achats", 3000],
        ["Loyer", 1000],
        ["Total des charges", 5000],
      ]),
    );
    expect(amounts(missing)).toEqual([
      ["Achats", 3000],
      ["Loyer", 1000],
    ]);
    expect(mismatches(missing)).toEqual(["B5"]);
    // Typed subtotals, each the sum of the lines above it, and a grand total that sums the subtotals.
    const grand = read(
      sheet(
        "Budget",
        [
          ["Libellé", "Montant"],
          ["Achats", 3000],
          ["Fournitures", 1000],
          ["Total achats", 4000],
          ["Loyer", 500],
          ["Total services", 600],
          ["Total des charges", 4600],
        ],
        { B7: "SUM(B4,B6)" },
      ),
    );
    expect(amounts(grand).map(([label]) => label)).toEqual(["Achats", "Fournitures", "Loyer"]);
    expect(grand.skipped.filter((s) => s.why === "total" || s.why === "subtotal").map((s) => s.label).sort()).toEqual(["Total achats", "Total des charges", "Total services"]);
    expect(mismatches(grand)).toContain("B6");
  });
});

describe("a line whose label reads as a total, in a sheet of typed values (no formula: pasted, a CSV)", () => {
  it("is a line when the typed total under its block counts it with the other lines", () => {
    const r = read(
      sheet("Bilan 2020", [
        ["Libellé", "2020"],
        ["Chiffre d'affaires 2020", null],
        ["Total ventes 2020", 5774],
        ["Subvention de la Fondation Orange", 2500],
        ["Rentrées diverses", 617],
        ["Total", 8891],
        ["Dépenses", null],
        ["Dépenses 2020", 7993.64],
        ["Total", 7993.64],
      ]),
    );
    expect(amounts(r)).toEqual([
      ["Total ventes 2020", 5774],
      ["Subvention de la Fondation Orange", 2500],
      ["Rentrées diverses", 617],
      ["Dépenses 2020", 7993.64],
    ]);
    expect(mismatches(r)).toEqual([]);
  });

  it("a typed subtotal stays a subtotal, and a true total whose lines are missing keeps its issue", () => {
    const r = read(
      sheet("Budget", [
        ["Libellé", "Montant"],
        ["Achats", 3000],
        ["Fournitures", 1000],
        ["Total achats", 4500],
        ["Loyer", 500],
        ["Total des charges", 5000],
      ]),
    );
    expect(amounts(r).map(([label]) => label)).toEqual(["Achats", "Fournitures", "Loyer"]);
    expect(mismatches(r).length).toBeGreaterThan(0);
  });
});
