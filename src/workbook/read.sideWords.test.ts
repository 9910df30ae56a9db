// Side titles seen on budgets nobody on the team wrote (issue 11, held-out set D): an event committee's « Bilan au
// crédit » / « Bilan au débit », a festival's « Structure des coûts », a student crew's « Répartition du budget »,
// a Cerfa's balancing row named in brackets, a Belgian association's « subsides ».
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][], name = "Budget") => readBudgets({ name: "test.xlsx", sheets: [gridSheet(name, rows)] });
const sides = (rows: CellValue[][], name?: string) => classifyLines(read(rows, name).lines).map((l) => [l.label, l.section]);
const levers = (rows: CellValue[][], name?: string) => classifyLines(read(rows, name).lines).map((l) => [l.label, l.lever]);

describe("« Bilan au crédit » and « Bilan au débit » are the produits and the charges", () => {
  it("each event's takings and its costs land on their side", () => {
    expect(
      sides([
        ["Poste", "Montant"],
        ["Bilan au crédit", null],
        ["Déjeuner spectacle au cabaret", 5563],
        ["Subvention de la mairie", 6984],
        ["Bilan au débit", null],
        ["Déjeuner spectacle au cabaret", 10520],
        ["Feu d'artifice du 15 août", 4775],
        ["Sortie Bellewaerde le 4 octobre", 3977],
      ]),
    ).toEqual([
      ["Déjeuner spectacle au cabaret", "income"],
      ["Subvention de la mairie", "income"],
      ["Déjeuner spectacle au cabaret", "expense"],
      ["Feu d'artifice du 15 août", "expense"],
      ["Sortie Bellewaerde le 4 octobre", "expense"],
    ]);
  });
});

describe("« Structure des coûts » opens the charges", () => {
  it("the festival's costs under it are charges, not takings", () => {
    const out = sides([
      ["Poste", "Montant"],
      ["Recettes prévisionnelles", null],
      ["🎟 Billetterie", 17700],
      ["🍽 Buvette et restauration", 32442],
      ["TOTAL RECETTES", 50142],
      ["Structure des coûts", null],
      ["🎭 Artistes (indemnités, défraiements)", 20000],
      ["🚚 Logistique (scène, son, lumière, location lieu)", 15000],
      ["🍽 Restauration + Buvette", 7370],
    ]);
    expect(out.slice(2).map(([, s]) => s)).toEqual(["expense", "expense", "expense"]);
  });
});

describe("« Répartition du budget » is what the budget pays for", () => {
  it("a crew's registration fee among its costs is a charge (header of the label column)", () => {
    const out = sides([
      ["Répartition du budget", "Montant (€)"],
      ["Inscription au rallye", 3540],
      ["Achat de la 4L", 6000],
      ["Carburant", 1000],
    ]);
    expect(out).toEqual([
      ["Inscription au rallye", "expense"],
      ["Achat de la 4L", "expense"],
      ["Carburant", "expense"],
    ]);
  });

  it("and so when the sheet is named so", () => {
    const out = sides(
      [
        ["Poste", "Montant (€)"],
        ["Inscription", 3200],
        ["Assurances", 350],
        ["Divers", 250],
      ],
      "Part du budget",
    );
    expect(out.map(([, s]) => s)).toEqual(["expense", "expense", "expense"]);
  });
});

describe("the Cerfa's balancing row named in brackets is no line", () => {
  it("« Autofinancement (insuffisance prévisionnelle) » is the forecast's result, « Autofinancement (fonds propres) » a line", () => {
    const labels = (rows: CellValue[][]) => read(rows).lines.map((l) => l.label);
    const rows = (label: string): CellValue[][] => [
      ["Poste", "Montant"],
      ["Produits", null],
      ["Subvention Région", 5000],
      [label, 1200],
      ["Charges", null],
      ["Loyer", 6200],
    ];
    expect(labels(rows("Autofinancement (insuffisance prévisionnelle)"))).not.toContain("Autofinancement (insuffisance prévisionnelle)");
    expect(labels(rows("Autofinancement (fonds propres)"))).toContain("Autofinancement (fonds propres)");
  });
});

describe("a chapter whose sum adds only the form's result", () => {
  it("is no line either, and the total of the produits that counts the result checks out", () => {
    const sheet = gridSheet("Budget", [
      ["Compte", "Poste", "Montant"],
      [null, "Produits", null],
      [null, "74 - Subventions d'exploitation", 5000],
      ["741", "Etat", 5000],
      [null, "Ressources propres affectées au projet", 1200],
      [null, "Autofinancement (insuffisance prévisionnelle)", 1200],
      [null, "Total des produits", 6200],
      [null, "Charges", null],
      ["613", "Loyer", 6200],
    ]);
    const formulas: Record<string, string> = { C3: "SUM(C4:C4)", C5: "SUM(C6:C6)", C7: "SUM(C3,C5)" };
    for (const [ref, formula] of Object.entries(formulas)) sheet.rows.find((r) => r.index === Number(ref.slice(1)))!.cells.find((c) => c.col === 3)!.formula = formula;
    const r = readBudgets({ name: "test.xlsx", sheets: [sheet] });
    expect(r.lines.map((l) => l.label)).toEqual(["Etat", "Loyer"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });
});

describe("« subsides » are grants", () => {
  it("a Belgian association's « - subsides » among its receipts is a public grant", () => {
    expect(
      levers([
        ["Poste", "2023"],
        ["Recettes", null],
        ["Cotisations", 1274],
        ["- subsides", 7119],
        ["Dépenses", null],
        ["Marchandises", 1414],
      ]),
    ).toContainEqual(["- subsides", "public_grants"]);
  });
});

describe("a sale named « Bourse aux … » is no grant made", () => {
  it("« Bourse aux Jouets à la salle des Fêtes » among an APE's events under no side heading stays takings", () => {
    const out = sides([
      ["Manifestation", "Total"],
      ["Loto de printemps", 1200],
      ["Bourse aux Jouets à la salle des Fêtes d'Azé", 450],
      ["Vente de gâteaux", 300],
    ]);
    expect(out.find(([l]) => String(l).startsWith("Bourse"))?.[1]).toBe("income");
  });
});
