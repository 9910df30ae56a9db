// Layouts of held-out workbooks written by another program (openpyxl) in shapes the team did not design.
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import type { SheetSnapshot, SnapshotCell } from "./snapshot.ts";

type Cell = string | number | null | { f: string } | { pct: number } | { value: number; formula: string };
const sheet = (name: string, rows: Cell[][], merges: string[] = []): SheetSnapshot => ({
  name,
  visibility: "visible",
  protected: false,
  merges,
  rows: rows.map((cells, i) => ({
    index: i + 1,
    cells: cells.flatMap((v, c): SnapshotCell[] => {
      if (v === null) return [];
      if (typeof v !== "object") return [{ col: c + 1, value: v }];
      // A cell formatted as a percentage reaches the reader as the host shows it (« 12.5% »).
      if ("pct" in v) return [{ col: c + 1, value: `${v.pct * 100}%` }];
      // A formula with its saved result, as a file an office suite saved holds it.
      if ("formula" in v) return [{ col: c + 1, ...v }];
      return [{ col: c + 1, value: null, formula: v.f, uncached: true }];
    }),
  })),
});
const read = (...sheets: SheetSnapshot[]) => analyzeSnapshot({ name: "b.xlsx", sheets }, defaultParameters());
const byLabel = (r: ReturnType<typeof read>) => Object.fromEntries(r.classified.map((l) => [`${l.label}@${l.scenario}`, { section: l.section, cents: l.amount.kind === "value" ? l.amount.cents : null }]));

describe("workbooks from other writers, laid out their own way", () => {
  it("a Cerfa whose chapter sums a script wrote without results: the produits after a header repeated mid-table stay produits", () => {
    const r = read(
      sheet("BP 2024", [
        ["CHARGES PRÉVISIONNELLES", "Montant"],
        ["63 - Impôts et taxes", { f: "SUM(B3:B3)" }],
        ["Impôts et taxes sur rémunération", 120445],
        ["64 - Charges de personnel", { f: "SUM(B5:B6)" }],
        ["Rémunération des personnels", 1708986],
        ["Charges sociales", 311211],
        ["66 - Charges financières", 26242],
        ["TOTAL DES CHARGES", { f: "B2+B4+B7" }],
        [null, null],
        ["PRODUITS PRÉVISIONNELS", "Montant"],
        ["Etat : précisez le(s) ministère(s) sollicité(s)", { f: "SUM(B12:B13)" }],
        ["AFD", 1402796],
        ["ARS", 222288],
        ["Cotisations", { f: "20*2" }],
        ["TOTAL DES PRODUITS", { f: "B11+B14" }],
      ]),
    );
    const lines = byLabel(r);
    expect(lines["AFD@Montant"]).toEqual({ section: "income", cents: 140279600 });
    expect(lines["ARS@Montant"]?.section).toBe("income");
    // « =20*2 » is the amount Excel shows: 40 €, counted, not named as a formula without a result.
    expect(lines["Cotisations@Montant"]).toEqual({ section: "income", cents: 4000 });
    // The chapter rows are the subtotals of their lines, not lines counted again.
    expect(Object.keys(lines).some((k) => k.startsWith("64 - Charges de personnel"))).toBe(false);
    expect(r.issues.filter((i) => i.code === "formula_without_value")).toEqual([]);
  });

  it("a cash book numbered by its vouchers (« N° pièce » 1, 2, 3…): the numbers are no accounts, every row is read on its side", () => {
    const rows: Cell[][] = [["N° pièce", "Libellé", "Dépenses", "Recettes", "Solde"]];
    for (let n = 1; n <= 24; n++) {
      const expense = n % 3 === 0;
      rows.push([n, expense ? `Achat de boissons ${n}` : `Adhésion ${n}`, expense ? 20 : null, expense ? null : 8, { f: n === 1 ? `D2-C2` : `E${n}+D${n + 1}-C${n + 1}` }]);
    }
    const r = read(sheet("Caisse 2024-2025", rows));
    expect(r.lines).toHaveLength(24);
    // Vouchers 10 to 19 were read as class-1 accounts (the balance sheet) and dropped; 60 to 79 as charges or produits.
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account")).toEqual([]);
    expect(r.classified.filter((l) => l.section === "income").map((l) => l.label)).toContain("Adhésion 13");
    expect(r.lines.every((l) => l.account === null)).toBe(true);
  });

  it("« Exercice 2018 | Exercice 2017 » merged over « Montant | % » each: two years, each its own analysis, the shares left out", () => {
    const r = read(
      sheet(
        "Bilan 2018",
        [
          ["Libellé", "Exercice 2018", null, "Exercice 2017", null],
          [null, "Montant", "%", "Montant", "%"],
          ["PRODUITS"],
          ["Vente de marchandises", 705, { pct: 0.1 }, 414, { pct: 0.05 }],
          ["Cotisations", 7641, { pct: 0.9 }, 5527, { pct: 0.95 }],
          ["CHARGES"],
          ["Achat matière 1ère", 201, { pct: 0.2 }, 198, { pct: 0.3 }],
          ["Salaires et charges sociales", 43746, { pct: 0.8 }, 60485, { pct: 0.7 }],
        ],
        ["B1:C1", "D1:E1", "A1:A2"],
      ),
    );
    expect(r.budgets.map((b) => b.amountColumns)).toEqual([["Exercice 2018", "Exercice 2017"]]);
    const lines = byLabel(r);
    expect(lines["Cotisations@Exercice 2017"]).toEqual({ section: "income", cents: 552700 });
    expect(lines["Salaires et charges sociales@Exercice 2018"]).toEqual({ section: "expense", cents: 4374600 });
    expect(r.lines).toHaveLength(8);
  });

  it("a heading that names charges under « RECETTES | en € », the charges' header typed again further down: a chapter of the recettes", () => {
    const r = read(
      sheet("Rapport financier", [
        ["RECETTES", "en €", "en VND"],
        ["FRAIS DE FONCTIONNEMENT"],
        ["Frais postaux (envois calendriers)", 136, 90000],
        ["ACTIONS AU PROFIT DE L'ASSOCIATION"],
        ["VENTES CALENDRIERS 2015", 1632, 341050000],
        ["TOTAUX RECETTES", { f: "B3+B5" }, { f: "C3+C5" }],
        [null],
        ["DEPENSES", "en €", "en VND"],
        ["FRAIS DE FONCTIONNEMENT"],
        ["Frais postaux (envois calendriers)", 95, 1240000],
        ["Riz", null, 105600000],
        ["TOTAUX DEPENSES", { f: "B10+B11" }, { f: "C10+C11" }],
      ]),
    );
    const rows = (section: string) => [...new Set(r.classified.filter((l) => l.section === section).map((l) => l.row))];
    expect(rows("income")).toEqual([3, 5]);
    expect(rows("expense")).toEqual([10, 11]);
  });

  it("a compte d'emploi des ressources: « Évaluation des contributions volontaires en nature » over both halves heads the 86 and the 87", () => {
    const r = read(
      sheet("CER 2017", [
        ["EMPLOIS", "Montant", "RESSOURCES", "Montant"],
        ["Missions sociales", 5000, "Dons et legs collectés", 8000],
        ["Frais de recherche de fonds", 1000, "Subventions et autres concours publics", 2000],
        ["TOTAL", 6000, "TOTAL", 10000],
        ["EVALUATION DES CONTRIBUTIONS VOLONTAIRES EN NATURE", null, "EVALUATION DES CONTRIBUTIONS VOLONTAIRES EN NATURE", null],
        ["Missions sociales", 300, "Bénévolat", 400],
        ["Frais de recherche de fonds", 50, "Prestations en nature", 30],
      ]),
    );
    const at = (row: number, col: string) => r.classified.find((l) => l.row === row && l.amountCell === `${col}${row}`)?.section;
    expect([at(6, "B"), at(7, "B")]).toEqual(["in_kind_use", "in_kind_use"]);
    expect([at(6, "D"), at(7, "D")]).toEqual(["in_kind_resource", "in_kind_resource"]);
    expect([at(2, "B"), at(3, "D")]).toEqual(["expense", "income"]);
  });

  it("a « Synthèse » sheet of totals taken from the other sheets, one row of 86 among them: a summary, nothing counted twice", () => {
    const r = read(
      sheet("Charges", [["Libellé", "Budget 2017"], ["Achats", 600], ["Assurance", 400], ["Total des charges", { value: 1000, formula: "SUM(B2:B3)" }], ["86 - Emplois des contributions", null], ["Personnel bénévole", 800], ["Total 86", { value: 800, formula: "SUM(B6:B6)" }]]),
      sheet("Produits", [["Libellé", "Budget 2017"], ["Cotisations", 500], ["Subvention de la commune", 500], ["Total des produits", { value: 1000, formula: "SUM(B2:B3)" }], ["87 - Contributions volontaires", null], ["Bénévolat", 800], ["Total 87", { value: 800, formula: "SUM(B6:B6)" }]]),
      sheet("Synthèse", [["Synthèse 2017"], [null], ["Total des produits", { value: 1000, formula: "Produits!B4" }], ["Total des charges", { value: 1000, formula: "Charges!B4" }], ["Résultat", { value: 0, formula: "B3-B4" }], ["Contributions volontaires (87)", { value: 800, formula: "Produits!B7" }], ["Emplois des contributions (86)", { value: 800, formula: "Charges!B7" }]]),
    );
    expect(r.classified.filter((l) => l.sheet === "Synthèse")).toEqual([]);
    expect(r.classified.map((l) => l.label).sort()).toEqual(["Achats", "Assurance", "Bénévolat", "Cotisations", "Personnel bénévole", "Subvention de la commune"]);
  });
});
