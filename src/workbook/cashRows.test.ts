// Cash balances and what an earlier year left, written among the lines: set aside and said, never a produit or a
// charge of the year (issue 11: « Au 31 décembre sur le compte paypal » was read as gifts, « Reste en caisse » as a charge).
import { describe, expect, it } from "vitest";
import { cashRowKind } from "./cashRows.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Compte", rows)] });
const euros = (r: ReturnType<typeof read>) => r.lines.map((l) => [l.label, l.amount.kind === "value" ? l.amount.cents / 100 : null]);

describe("which labels name money held or carried over", () => {
  it.each([
    ["Au 31 décembre sur le compte paypal", "cash_balance"],
    ["Sur le compte de la BNP Paribas (transféré au Crédit Agricole en juin)", "cash_balance"],
    ["Reste en caisse", "cash_balance"],
    ["2° Reste en caisse au 31 décembre 1885", "cash_balance"],
    ["En banque au 31/12/2023", "cash_balance"],
    ["Encaisse au 1er janvier 1886", "cash_balance"],
    ["Fonds le 1er janvier : En caisse", "cash_balance"],
    ["Fonds restant le 31 décembre : Cotisations non payées", "cash_balance"],
    ["Fonds restant le 31 décembre : Cotisations payées en 1948", "cash_balance"],
    ["Nous avons en caisse en novembre 2017 la somme de", "cash_balance"],
    ["Prêt de 500€ par Pierre Lévy remboursé", "loan"],
    ["État du compte avant paiement", "cash_balance"],
    ["État du compte après paiement (hors IBPT)", "cash_balance"],
    ["1. Excédant de recettes de l'exercice 1885", "carried_over"],
    ["Reliquat de l'exercice précédent", "carried_over"],
    ["Report de l'exercice 2023", "carried_over"],
    ["Déficit de l'année précédente", "carried_over"],
    ["Apport exercice 2024", "carried_over"],
    ["Apport de l'exercice précédent", "carried_over"],
  ])("« %s » is %s", (label, kind) => expect(cashRowKind(label)).toBe(kind));

  it.each([
    "Frais de caisse",
    "Caisse d'allocations familiales",
    "Subvention Caisse des écoles",
    "Banque alimentaire",
    "Au 31 décembre, dons reçus sur le compte HelloAsso",
    "En banque : frais bancaires",
    "Excédent de recettes de la brocante",
    "Reprises sur provisions",
    "Report de stage",
    "Cotisations à recevoir (3 125,00), moins périmées (200,00)",
    "Prêt de salle par la mairie",
    "État des lieux du local",
    "Nous avons reçu des dons sur le compte",
    "Apport 2025",
    "Apport des membres",
  ])("« %s » is a line", (label) => expect(cashRowKind(label)).toBeNull());
});

describe("a balanced account with what remains in cash among the expenses", () => {
  const rows: CellValue[][] = [
    ["Recettes et dépenses", "Montant"],
    ["Recettes", null],
    ["1. Excédant de recettes de l'exercice 1885", 766.25],
    ["Cotisations des membres", 2320],
    ["Vente de volumes", 146.25],
    ["Total", 3232.5],
    ["Dépenses", null],
    ["Frais d'impression", 2237.1],
    ["Convocations et frais de poste", 24],
    ["Reste en caisse", 971.4],
    ["Total égal", 3232.5],
  ];

  it("counts neither the surplus carried over nor the cash left, names both, and finds no gap with the totals", () => {
    const r = read(rows);
    expect(euros(r)).toEqual([
      ["Cotisations des membres", 2320],
      ["Vente de volumes", 146.25],
      ["Frais d'impression", 2237.1],
      ["Convocations et frais de poste", 24],
    ]);
    const said = r.issues.filter((i) => i.code === "cash_row");
    expect(said).toHaveLength(1);
    expect(said[0]!.cell).toBe("A3");
    expect(said[0]!.message.replace(/\s/gu, " ")).toContain("ligne 3 (« 1. Excédant de recettes de l'exercice 1885 », 766,25 €), ligne 10 (« Reste en caisse », 971,40 €)");
    expect(said[0]!.messageEn).toContain("Cash rows not counted");
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("while a line about the same bank that names a flow stays a line", () => {
    const r = read([
      ["Poste", "Montant"],
      ["Recettes", null],
      ["Dons reçus sur le compte PayPal", 457],
      ["Cotisations", 120],
      ["Dépenses", null],
      ["Frais de tenue de compte", 36],
      ["Hébergement du site", 80],
    ]);
    expect(euros(r).map((x) => x[0])).toEqual(["Dons reçus sur le compte PayPal", "Cotisations", "Frais de tenue de compte", "Hébergement du site"]);
    expect(r.issues.some((i) => i.code === "cash_row")).toBe(false);
  });
});
