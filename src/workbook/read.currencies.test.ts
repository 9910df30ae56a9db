// An association that works abroad gives its accounts in two currencies, side by side: « PRODUITS | en € | en VND |
// CHARGES | en € | en VND ». The two columns are one budget said twice (each analysed apart, never added: euros plus
// dongs made a « Total » in neither), and a chapter of the produits half titled « FRAIS DE FONCTIONNEMENT » (costs
// re-billed) is a chapter of the produits, not the start of the charges (issue 11: a blind budget read 29 of its 57
// lines on the wrong side).
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";
import { currencyOf } from "./currencyColumns.ts";

/** Puts a SUM formula on the cells given as [row, col, formula] (1-based), as a treasurer's subtotals are. */
function withFormulas(s: SheetSnapshot, formulas: [number, number, string][]): SheetSnapshot {
  for (const [r, c, f] of formulas) s.rows.find((x) => x.index === r)!.cells.find((x) => x.col === c)!.formula = f;
  return s;
}

const cdpvn = () =>
  withFormulas(
    sheet("Rapport financier", [
      ["PRODUITS", "en €", "en VND", "CHARGES", "en €", "en VND"],
      ["COTISATIONS", 180, 1000, "FRAIS DE FONCTIONNEMENT", 95, 500],
      ["Cotisations des membres", 180, 1000, "Frais postaux", 95, 500],
      ["FRAIS DE FONCTIONNEMENT", 136, 900, "ACHATS", 800, 4000],
      ["Frais postaux refacturés", 136, 900, "Impression des calendriers", 800, 4000],
      ["VENTES", 1700, 8000, null, null, null],
      ["Ventes de calendriers", 1632, 7000, null, null, null],
      ["Ventes de magnets", 68, 1000, null, null, null],
    ]),
    [
      [2, 2, "SUM(B3:B3)"], [2, 3, "SUM(C3:C3)"], [2, 5, "SUM(E3:E3)"], [2, 6, "SUM(F3:F3)"],
      [4, 2, "SUM(B5:B5)"], [4, 3, "SUM(C5:C5)"], [4, 5, "SUM(E5:E5)"], [4, 6, "SUM(F5:F5)"],
      [6, 2, "SUM(B7:B8)"], [6, 3, "SUM(C7:C8)"],
    ],
  );

describe("a budget in two currencies, side by side", () => {
  it("each currency is its own analysis, said once, never added into a « Total »", () => {
    const r = readBudgets({ name: "t.xlsx", sheets: [cdpvn()] });
    expect(new Set(r.lines.map((l) => l.scenario))).toEqual(new Set(["en €", "en VND"]));
    expect(r.issues.filter((i) => i.code === "other_currency")).toHaveLength(1);
    expect(r.issues.find((i) => i.code === "other_currency")!.message).toContain("--column « en € »");
  });

  it("a « FRAIS DE FONCTIONNEMENT » chapter of the produits half keeps its lines on the produits side", () => {
    const sides = classifyLines(readBudgets({ name: "t.xlsx", sheets: [cdpvn()] }).lines)
      .filter((c) => c.scenario === "en €")
      .map((c) => [c.label, c.section]);
    expect(sides).toEqual([
      ["Cotisations des membres", "income"],
      ["Frais postaux refacturés", "income"],
      ["Ventes de calendriers", "income"],
      ["Ventes de magnets", "income"],
      ["Frais postaux", "expense"],
      ["Impression des calendriers", "expense"],
    ]);
  });

  it.each<[string, string | null]>([
    ["en €", "EUR"],
    ["Montant (FCFA)", "XOF"],
    ["Ariary", "MGA"],
    ["en VND", "VND"],
    ["Budget 2025", null],
    ["Action A", null],
  ])("« %s » names the currency %s", (header, code) => {
    expect(currencyOf(header)).toBe(code);
  });
});

describe("a chapter titled like the other side, inside a side the sheet already names", () => {
  const produits = (name: string, header: string) =>
    withFormulas(
      sheet(name, [
        [header, "en €"],
        ["COTISATIONS", 180],
        ["Cotisations des membres", 180],
        ["FRAIS DE FONCTIONNEMENT", 136],
        ["Frais postaux (envois calendriers)", 136],
        ["VENTES", 1632],
        ["Ventes de calendriers", 1632],
      ]),
      [[2, 2, "SUM(B3:B3)"], [4, 2, "SUM(B5:B5)"], [6, 2, "SUM(B7:B7)"]],
    );
  const sidesOf = (...sheets: SheetSnapshot[]) => classifyLines(readBudgets({ name: "t.xlsx", sheets }).lines).map((c) => [c.sheet, c.label, c.section]);

  it("on a « Ressources » sheet beside « Emplois », « FRAIS DE FONCTIONNEMENT » is a chapter of the produits; a one-line « en € » sheet is read", () => {
    const emplois = withFormulas(sheet("Emplois", [["Libellé", "en €"], ["FRAIS DE FONCTIONNEMENT", 95], ["Frais postaux", 95]]), [[2, 2, "SUM(B3:B3)"]]);
    expect(sidesOf(produits("Ressources", "Libellé"), emplois)).toEqual([
      ["Ressources", "Cotisations des membres", "income"],
      ["Ressources", "Frais postaux (envois calendriers)", "income"],
      ["Ressources", "Ventes de calendriers", "income"],
      ["Emplois", "Frais postaux", "expense"],
    ]);
  });

  it("under a « PRODUITS » header with « CHARGES » further down, the chapter above « CHARGES » stays in the produits", () => {
    const s = produits("Compte de résultat", "PRODUITS");
    s.rows.push({ index: 9, cells: [{ col: 1, value: "CHARGES" }] }, { index: 10, cells: [{ col: 1, value: "Loyer" }, { col: 2, value: 300 }] });
    expect(sidesOf(s).map(([, label, side]) => [label, side])).toEqual([
      ["Cotisations des membres", "income"],
      ["Frais postaux (envois calendriers)", "income"],
      ["Ventes de calendriers", "income"],
      ["Loyer", "expense"],
    ]);
  });

  it("with no other side said below, « Frais de fonctionnement » after the produits still opens the charges", () => {
    expect(sidesOf(sheet("Budget", [["Produits", "Montant"], ["Cotisations", 100], ["Subventions", 200], ["Frais de fonctionnement", null], ["Loyer", 50], ["Assurance", 20]])).map(([, , side]) => side)).toEqual([
      "income",
      "income",
      "expense",
      "expense",
    ]);
  });
});

describe("a chapter titled like the other side, under a side heading row", () => {
  const sidesOf = (rows: (string | number | null)[][]) => classifyLines(readBudgets({ name: "t.xlsx", sheets: [sheet("CR", rows)] }).lines).map((c) => [c.label, c.section]);

  it("under « RECETTES » with « DEPENSES » further down, « FRAIS DE FONCTIONNEMENT » is a chapter of the recettes", () => {
    expect(
      sidesOf([
        ["Libellé", "en €"],
        ["RECETTES", null],
        ["Cotisations", 180],
        ["FRAIS DE FONCTIONNEMENT", null],
        ["Frais postaux refacturés aux membres", 136],
        ["DEPENSES", null],
        ["Frais postaux", 95],
      ]),
    ).toEqual([
      ["Cotisations", "income"],
      ["Frais postaux refacturés aux membres", "income"],
      ["Frais postaux", "expense"],
    ]);
  });

  it("« Total des dépenses par priorité » after « Revenu » opens the charges, a total below saying « Total Expenses » notwithstanding", () => {
    expect(
      sidesOf([
        ["Libellé", "2018"],
        ["Revenu", null],
        ["Cotisation et contribution des membres", 123380],
        ["Subventions et donations non-affectées", 2439647],
        ["Revenu total", 2563027],
        ["Total des dépenses par priorité", null],
        ["Protéger les défenseurs des droits humains", 724041],
        ["Dépenses logistiques", 241558],
        ["Total Expenses", 965599],
      ]).map(([, side]) => side),
    ).toEqual(["income", "income", "expense", "expense"]);
  });
});
