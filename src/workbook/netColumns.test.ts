// A column of net results (« Bénéfice net », « Résultat », « Solde », « Net ») read through the real reader on small
// literal grids: the budget when it is the only column of numbers, never beside the columns it is the difference of.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue, SheetSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";
import { classifiedLines } from "../../tests/classifiedLines.ts";

const read = (...sheets: SheetSnapshot[]) => readBudgets({ name: "test.xlsx", sheets });
const events = (title: string, heading: string | null): CellValue[][] => [
  ["Libellé", title],
  ...(heading ? [[heading, null]] : []),
  ["Bourse aux Jouets à la salle des Fêtes", 312],
  ["Vente de sapins sous les Halles avec le Marché de Noël", 579],
  ["Vente de torchons personnalisés par les élèves", 169],
];

describe("a one-block sheet whose only amount column is a net result", () => {
  it("is read, one line per event, on the produits side (activity)", () => {
    for (const title of ["Bénéfice net", "Résultat", "Solde", "Net", "Bénéfice"]) {
      for (const heading of ["Bilan des manifestations de l'année", null]) {
        const r = read(sheet("Bilan des manifestations", events(title, heading)));
        expect(r.lines.map((l) => [l.label, l.amount]), `${title} / ${heading}`).toEqual([
          ["Bourse aux Jouets à la salle des Fêtes", { kind: "value", cents: 31200 }],
          ["Vente de sapins sous les Halles avec le Marché de Noël", { kind: "value", cents: 57900 }],
          ["Vente de torchons personnalisés par les élèves", { kind: "value", cents: 16900 }],
        ]);
        for (const l of classifiedLines(r)) expect([l.label, l.section, l.pillar, l.nature], title).toEqual([l.label, "income", "financial", "activity"]);
      }
    }
  });

  it("takes the side a heading says", () => {
    const r = read(sheet("Fête", [["Libellé", "Net"], ["Dépenses", null], ["Location de la salle", 300], ["Assurance", 80]]));
    expect(r.lines.map((l) => l.context.sectionHint)).toEqual(["expense", "expense"]);
  });
});

describe("a net-result column beside other amounts", () => {
  it("is their difference, never a line: a journal « Poste | Dépenses | Recettes | Bénéfice » reads its two columns", () => {
    const r = read(
      sheet("Journée", [
        ["Poste", "Dépenses", "Recettes", "Bénéfice"],
        ["Inscriptions", null, 575, 575],
        ["Dépenses de la journée", 841.05, null, -841.05],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.context.sectionHint, l.amount])).toEqual([
      ["Inscriptions", "income", { kind: "value", cents: 57500 }],
      ["Dépenses de la journée", "expense", { kind: "value", cents: 84105 }],
    ]);
  });

  it("« Solde » beside account numbers is a trial balance, not net results", () => {
    const r = read(sheet("Balance", [["Compte", "Intitulé", "Solde"], ["606000", "Fournitures", 120], ["706000", "Ventes", -500]]));
    expect(r.lines.map((l) => [l.label, l.context.sectionHint])).toEqual([
      ["Fournitures", "expense"],
      ["Ventes", "income"],
    ]);
  });
});
