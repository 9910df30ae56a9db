import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot, SnapshotCell } from "./snapshot.ts";

const sheet = (name: string, rows: (string | number | boolean | null | Omit<SnapshotCell, "col">)[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name,
  visibility: "visible",
  protected: false,
  merges: [],
  rows: rows.map((cells, i) => ({
    index: i + 1,
    cells: cells.flatMap((v, c) => (v === null ? [] : [typeof v === "object" ? { col: c + 1, ...v } : { col: c + 1, value: v }])),
  })),
  ...extra,
});

/** The issues that name a text typed where an amount belongs. */
const textIssues = (r: ReturnType<typeof readBudgets>) => r.issues.filter((i) => i.code === "text_not_a_number");

const BUDGET = [
  ["Poste", "Budget 2026"],
  ["CHARGES", null],
  ["Achats de fournitures", 1000],
  ["Salaires", { value: "2026-03-01" }],
  ["Loyer", { value: null, formula: "VLOOKUP(A5,Tarifs!A:B,2,FALSE)", uncached: true }],
  ["PRODUITS", null],
  ["Subvention de la commune", 1500],
  ["Cotisations des adhérents", 2000],
];

describe("amount cells no line carries", () => {
  it("name a date typed among the amounts and a formula whose result was never saved", () => {
    const r = readBudgets({ name: "b.xlsx", sheets: [sheet("Budget", BUDGET)] });
    expect(r.lines.map((l) => l.label)).toEqual(["Achats de fournitures", "Subvention de la commune", "Cotisations des adhérents"]);
    const byCell = new Map(r.issues.map((i) => [i.cell, i]));
    expect(byCell.get("B4")).toMatchObject({ code: "date_not_an_amount", message: expect.stringContaining("« Salaires »") });
    expect(byCell.get("B5")).toMatchObject({ code: "formula_without_value", messageEn: expect.stringContaining("“Loyer”") });
  });

  it("name a VRAI / FAUX where an amount belongs, in each language's words; a column of checkboxes beside the amounts stays quiet", () => {
    const r = readBudgets({
      name: "b.xlsx",
      sheets: [
        sheet("Budget", [
          ["Poste", "Budget 2026", "Payé"],
          ["CHARGES", null, null],
          ["Achats de fournitures", 1000, true],
          ["Assurance", true, false],
          ["PRODUITS", null, null],
          ["Subvention de la commune", 1500, true],
          ["Cotisations des adhérents", 2000, false],
        ]),
      ],
    });
    const named = r.issues.filter((i) => i.code === "text_not_a_number");
    expect(named.map((i) => i.cell)).toEqual(["B4"]);
    expect(named[0]!.message).toContain("« VRAI »");
    expect(named[0]!.messageEn).toContain("“TRUE”");
  });

  it("count the formulas without a result of a sheet where no budget could be read", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Ligne ${i}`, { value: null, formula: `A${i + 1}*2`, uncached: true }]);
    const r = readBudgets({ name: "b.xlsx", sheets: [sheet("Budget", BUDGET), sheet("Calculs", rows)] });
    const issue = r.issues.find((i) => i.sheet === "Calculs")!;
    expect(issue.code).toBe("formula_without_value");
    expect(issue.message).toMatch(/30 formule\(s\).*B1, B2, B3, B4, B5…/);
  });

  it("say a very hidden sheet holds amounts, and leave Équilibre's own sheets alone", () => {
    const r = readBudgets({
      name: "b.xlsx",
      sheets: [sheet("Budget", BUDGET), sheet("Ancien", BUDGET, { visibility: "veryHidden" }), sheet("_equilibre", BUDGET, { visibility: "veryHidden" })],
      ownSheets: ["_equilibre"],
    });
    const hidden = r.issues.filter((i) => i.code === "hidden_sheet_amounts");
    expect(hidden.map((i) => i.sheet)).toEqual(["Ancien"]);
    expect(hidden[0]!.message).toMatch(/feuille très masquée « Ancien » contient des montants/);
  });
});

describe("an amount typed with words", () => {
  it("is named by its cell (« 1 200 € HT », « env. 800 », « 12OO », « voir annexe »), not dropped in silence; a column title with a year is not", () => {
    const rows = [
      ["Poste", "Budget 2026"],
      ["CHARGES", null],
      ["Achats de fournitures", 1000],
      ["Loyer", "1 200 € HT"],
      ["Salaires", 5000],
      ["Assurance", "env. 800"],
      ["Frais bancaires", 120],
      ["Téléphone", "12OO"],
      ["Ménage", "voir annexe"],
      ["Déplacements", 300],
      ["PRODUITS", "Budget 2026"],
      ["Subvention de la commune", 1500],
      ["Cotisations des adhérents", 2000],
      ["Dons", 900],
    ];
    const r = readBudgets({ name: "b.xlsx", sheets: [sheet("Budget", rows)] });
    expect(r.lines.map((l) => l.label)).toEqual(["Achats de fournitures", "Salaires", "Frais bancaires", "Déplacements", "Subvention de la commune", "Cotisations des adhérents", "Dons"]);
    const texts = textIssues(r);
    expect(texts.map((i) => i.cell)).toEqual(["B4", "B6", "B8", "B9"]);
    expect(texts[0]!.message).toBe("La cellule B4 (« Loyer ») contient « 1 200 € HT », qui n'est pas un montant : elle n'est pas comptée. Saisissez un nombre si c'est un montant.");
    expect(texts[1]!.messageEn).toContain("“Assurance”");
  });

  it("says what a percentage or a time in the amounts shows and why it is no amount, not « Saisissez un nombre » (it is one)", () => {
    // As the hosts give them: the text the cell shows, every digit of a percentage kept.
    const rows = [["Poste", "Montant"], ["CHARGES", null], ["Achats", 1000], ["Loyer", "20%"], ["Part des frais", "12.3456%"], ["Ménage", "1:30"], ["Salaires", 5000], ["PRODUITS", null], ["Subvention de la commune", 1500], ["Dons", 900]];
    const texts = textIssues(readBudgets({ name: "b.xlsx", sheets: [sheet("Budget", rows)] }));
    expect(texts.map((i) => i.cell)).toEqual(["B4", "B5", "B6"]);
    expect(texts[0]!.message).toBe("La cellule B4 (« Loyer ») affiche 20\u00a0% : un pourcentage n'est pas un montant, elle n'est pas comptée. Si c'est un montant, saisissez-le en euros, sans « % », dans une cellule au format Nombre.");
    expect(texts[1]!.message).toContain("affiche 12,35\u00a0% : un pourcentage");
    expect(texts[1]!.messageEn).toContain("shows 12.35%: a percentage is not an amount");
    expect(texts[2]!.message).toContain("affiche 1:30 : une heure ou une durée n'est pas un montant");
    for (const t of texts) expect(t.message).not.toContain("Saisissez un nombre");
  });
});

describe("an amount said in words only", () => {
  it("is named by its cell (« à définir », « en attente »); « néant », « pm » and a repeated column title are not", () => {
    const rows = [
      ["Poste", "Montant"],
      ["CHARGES", null],
      ["Achats de fournitures", 1000],
      ["Loyer", "à définir"],
      ["Salaires", 5000],
      ["Assurance", 300],
      ["Publicité", "pm"],
      ["Frais bancaires", 120],
      ["Poste", "Montant"],
      ["PRODUITS", null],
      ["Subvention de la Région", "en attente"],
      ["Cotisations des adhérents", 2000],
      ["Mécénat", "néant"],
      ["Dons", 900],
      ["Ventes", 450],
    ];
    const r = readBudgets({ name: "b.xlsx", sheets: [sheet("Budget", rows)] });
    expect(r.lines.map((l) => l.label)).toEqual(["Achats de fournitures", "Salaires", "Assurance", "Frais bancaires", "Cotisations des adhérents", "Dons", "Ventes"]);
    const texts = textIssues(r);
    expect(texts.map((i) => i.cell)).toEqual(["B4", "B11"]);
    expect(texts[1]!.message).toContain("« Subvention de la Région »");
  });
});
