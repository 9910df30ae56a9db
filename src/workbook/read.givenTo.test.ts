// What an association gives away is a charge, whatever noun names it: a parents' association's « Dons à l'école »,
// « Don annuel à l'école », « Vente des sapins reversée directement à la coopérative » went out to the school. Under
// no side heading, those words decide the side (and make the sheet a budget); a gift to the association itself
// (« Dons à l'association ») came in (issue 11: a blind APE budget read 1 815 € given to the school as income).
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import { sideOfOwnWords } from "./guessedSides.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const sides = (rows: (string | number | null)[][], name = "Feuil1") =>
  classifyLines(readBudgets({ name: "t.xlsx", sheets: [sheet(name, rows)] }).lines).map((c) => [c.label, c.section]);

describe("a gift made to another body is a charge", () => {
  it("an APE's sheet of gifts to the school, under its own title « Dons à l'école », is read as charges", () => {
    expect(
      sides(
        [
          ["Dons à l'école", "Montant (€)"],
          ["Don annuel à l'école (bénéfice des manifestations : marché de Noël, vide-greniers)", 1500],
          ["Bénéfices de la tombola reversés à l'école", 1187],
          ["Vente des sapins de décembre reversée directement à la coopérative scolaire", 315],
        ],
        "Dons à l'école 2016-2017",
      ),
    ).toEqual([
      ["Don annuel à l'école (bénéfice des manifestations : marché de Noël, vide-greniers)", "expense"],
      ["Bénéfices de la tombola reversés à l'école", "expense"],
      ["Vente des sapins de décembre reversée directement à la coopérative scolaire", "expense"],
    ]);
  });

  it("in a list under no heading, the gift to the school goes out and the gifts to the association come in", () => {
    expect(
      sides([
        ["Libellé", "Montant"],
        ["Dons à l'association", 800],
        ["Subvention de la commune", 500],
        ["Cotisations des adhérents", 300],
        ["Don à la coopérative scolaire", 400],
      ]),
    ).toEqual([
      ["Dons à l'association", "income"],
      ["Subvention de la commune", "income"],
      ["Cotisations des adhérents", "income"],
      ["Don à la coopérative scolaire", "expense"],
    ]);
  });

  it.each<[string, "income" | "expense" | null]>([
    ["Reversée directement à la coopérative", "expense"],
    ["Versés intégralement au comité", "expense"],
    ["Reversement à la fédération", "expense"],
    ["Dons aux Restos du cœur", "expense"],
    ["Dons au club", null],
    ["Dons de particuliers", null],
    ["Reçu de la mairie", "income"],
  ])("« %s » says its side: %s", (label, side) => {
    expect(sideOfOwnWords(label)).toBe(side);
  });
});

describe("a heading that says where the money came from or went is a side heading", () => {
  it("« Sommes versées par les institutionnels » over the funders, « Où vont ces sommes » over what they paid", () => {
    expect(
      sides([
        ["", "Montant (€)"],
        ["Sommes versées par les institutionnels", null],
        ["Conseil Régional", 10000],
        ["Agglomération paloise", 126500],
        ["Où vont ces sommes", null],
        ["Rétribution des intermittents du spectacle (250 à 300 musiciens, 6 soirées)", 40000],
        ["Mise en son et en lumière des animations, matériel et rétribution des professionnels", 20000],
        ["Services de sécurité : gardiennage, secours aux personnes", 10000],
      ]).map(([, side]) => side),
    ).toEqual(["income", "income", "expense", "expense", "expense"]);
  });

  it("after a « Recettes » block, « Où va l'argent ? » opens the charges", () => {
    expect(
      sides([
        ["Recettes", "2024"],
        ["Spectacle de fin d'année", 2400],
        ["Cotisations", 900],
        ["Où va l'argent ?", null],
        ["Animation des ateliers", 1800],
        ["Location de la salle", 600],
        ["D'où vient l'argent", null],
        ["Subvention de la ville", 500],
      ]).map(([, side]) => side),
    ).toEqual(["income", "income", "expense", "expense", "income"]);
  });

  it.each<[string, "income" | "expense" | null]>([
    ["Cotisation à l'Union belge", "expense"],
    ["Adhésion à la fédération", "expense"],
    ["Cotisation annuelle à l'association", null],
    ["Somme versée par la mairie", "income"],
  ])("« %s » says its side: %s", (label, side) => {
    expect(sideOfOwnWords(label)).toBe(side);
  });
});
