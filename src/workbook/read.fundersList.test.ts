// A grant application's list of funders: « Acquis : Privé » over brands and foundations, « Partenaires publics » over
// ministries. A brand named alone (« microDON 150 000 ») is one payer, never the subtotal of the two lines under it
// that happen to add up to it (issue 11: a blind list lost 150 000 €), and a heading that names only the kind of payer
// (« Privé », « Public ») says it of every line under it.
import { expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const read = () =>
  readBudgets({
    name: "t.xlsx",
    sheets: [
      sheet("Financements 2024", [
        ["Libellé", "2024"],
        ["Acquis : Privé", null],
        ["Fondation Crédit Mutuel", 270000],
        ["microDON", 150000],
        ["Fondation Andurand", 100000],
        ["Green Got", 50000],
        ["Partenaires publics", null],
        ["Ministère Transition Eco", 100000],
      ]),
    ],
  });

it("« microDON » is a line, not the subtotal of the two lines under it", () => {
  expect(read().lines.map((l) => l.label)).toEqual(["Fondation Crédit Mutuel", "microDON", "Fondation Andurand", "Green Got", "Ministère Transition Eco"]);
});

it("the lines under « Acquis : Privé » are private money, those under « Partenaires publics » public", () => {
  expect(classifyLines(read().lines).map((c) => [c.label, c.nature])).toEqual([
    ["Fondation Crédit Mutuel", "private"],
    ["microDON", "private"],
    ["Fondation Andurand", "private"],
    ["Green Got", "private"],
    ["Ministère Transition Eco", "public"],
  ]);
});

it("a grant application's funding by status (« Acquis », « Sollicités ») and what is asked of a funder are produits", () => {
  const r = readBudgets({
    name: "t.xlsx",
    sheets: [
      sheet("Budget", [
        ["Libellé", "2026"],
        ["Dépenses", null],
        ["Communication et capitalisation", 33000],
        ["Evaluation intermédiaire", 15279],
        ["Budget Total demandé à Expertise France", null],
        ["Expertise France", 48279],
        ["Sollicités", null],
        ["Léa Nature", 50000],
      ]),
    ],
  });
  expect(classifyLines(r.lines).map((c) => [c.label, c.section])).toEqual([
    ["Communication et capitalisation", "expense"],
    ["Evaluation intermédiaire", "expense"],
    ["Expertise France", "income"],
    ["Léa Nature", "income"],
  ]);
});
