// Numbers stored as text, the most common import accident: clean ones are read as the numbers they say and said
// once per column; amounts typed with words stay issues naming their cells, even when they are most of the column.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot } from "./snapshot.ts";

const sheet = (name: string, rows: (string | number | null)[][]): SheetSnapshot => ({
  name,
  visibility: "visible",
  protected: false,
  merges: [],
  rows: rows.map((cells, i) => ({ index: i + 1, cells: cells.flatMap((value, c) => (value === null ? [] : [{ col: c + 1, value }])) })),
});
const read = (rows: (string | number | null)[][]) => readBudgets({ name: "b.xlsx", sheets: [sheet("Budget", rows)] });
const amounts = (r: ReturnType<typeof readBudgets>) => Object.fromEntries(r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null]));

describe("amounts typed as text", () => {
  it("are read as numbers when they are clean, and said once per column with their cells", () => {
    const r = read([
      ["Libellé", "Budget 2026", "Réalisé 2025"],
      ["CHARGES", null, null],
      ["Achats de fournitures", "1 200", 1100],
      ["Salaires et charges", "2 500,50 €", "2 400"],
      ["Remboursement de frais", "-350", -300],
      ["PRODUITS", null, null],
      ["Subvention de la commune", "3\u00a0000", 3000],
      ["Cotisations des adhérents", 2000, 1900],
    ]);
    const budget = r.lines.filter((l) => l.scenario === "Budget 2026").map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents : null]);
    expect(budget).toEqual([
      ["Achats de fournitures", 120_000],
      ["Salaires et charges", 250_050],
      ["Remboursement de frais", -35_000],
      ["Subvention de la commune", 300_000],
      ["Cotisations des adhérents", 200_000],
    ]);
    const said = r.issues.filter((i) => i.code === "amounts_as_text");
    expect(said.map((i) => i.cell)).toEqual(["B3", "C4"]);
    expect(said[0]!.message).toContain("Dans la colonne B, 4 montants sont saisis comme du texte (B3, B4, B5, B7)");
    expect(said[0]!.messageEn).toContain("In column B, 4 amounts are typed as text (B3, B4, B5, B7)");
    expect(said[1]!.message).toContain("Dans la colonne C, un montant est saisi comme du texte (C4)");
  });

  it("says nothing when every amount is a number", () => {
    const r = read([["Libellé", "Montant"], ["CHARGES", null], ["Loyer", 1200], ["PRODUITS", null], ["Subvention", 3000]]);
    expect(r.issues.filter((i) => i.code === "amounts_as_text")).toEqual([]);
  });

  it("still finds the budget when most amounts are typed with words: the numbers are read, every other cell is named", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["CHARGES", null],
      ["Achats de fournitures", "1 200 € HT"],
      ["Salaires et charges", "2 500 € TTC"],
      ["Loyer du local", "env. 1200"],
      ["Frais bancaires", 350],
      ["PRODUITS", null],
      ["Subvention de la commune", "3 000 € (acquis)"],
      ["Cotisations des adhérents", "2000"],
      ["Dons des particuliers", "1 700 € env."],
    ]);
    expect(amounts(r)).toEqual({ "Frais bancaires": 350, "Cotisations des adhérents": 2000 });
    expect(r.issues.filter((i) => i.code === "text_not_a_number").map((i) => i.cell)).toEqual(["B3", "B4", "B5", "B8", "B10"]);
    expect(r.issues.filter((i) => i.code === "amounts_as_text").map((i) => i.cell)).toEqual(["B9"]);
  });

  it("keeps an analytic header with a small number (« Action 1 ») as the column's title", () => {
    const r = read([
      ["Libellé", "Action 1", "Action 2"],
      ["CHARGES", null, null],
      ["Achats", 100, 200],
      ["Salaires", 1000, 2000],
      ["PRODUITS", null, null],
      ["Subvention", 1500, 2500],
    ]);
    expect(r.budgets[0]!.amountColumns).toEqual(["Action 1", "Action 2"]);
  });

  it("keeps column titles with figures (« Réalisé 2025-26 », « Exercice clos le 30/09/2008 ») as titles, naming nothing there", () => {
    const r = read([
      ["Libellé", "Réalisé 2025-26", "Exercice clos le 30/09/2008"],
      ["CHARGES", null, null],
      ["Achats", 100, 200],
      ["Salaires", 1000, 2000],
      ["PRODUITS", null, null],
      ["Subvention", 1500, 2500],
    ]);
    expect(r.budgets[0]!.amountColumns).toEqual(["Réalisé 2025-26", "Exercice clos le 30/09/2008"]);
    expect(r.issues).toEqual([]);
  });
});
