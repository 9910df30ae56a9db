// A table of « Ressources » and « Emploi » (a museum friends' budget, issue 11): the side titled with its numbering
// (« EMPLOI – 1 – Association »), and a line whose amount happens to look like a year (« Dépenses diverses | 2000 »).
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Budget 2010", rows)] });
const levers = (rows: CellValue[][]) => classifyLines(read(rows).lines).map((l) => [l.label, l.section, l.lever]);

const MUSEUM: CellValue[][] = [
  ["Poste", "Budget 2010 (€)"],
  ["RESSOURCES – A – Recettes", null],
  ["Cotisations", 85000],
  ["Dons", 5000],
  ["EMPLOI – 1 – Association", null],
  ["Frais généraux", 12000],
  ["Bulletin", 11000],
  ["Dépenses diverses", 2000],
  ["Salaires + charges", 25000],
];

describe("« EMPLOI – 1 – Association » opens the charges", () => {
  it("its lines are charges, never jobs nor an association's grant", () => {
    const out = levers(MUSEUM).filter(([label]) => ["Frais généraux", "Bulletin", "Salaires + charges"].includes(label as string));
    expect(out.map(([, section]) => section)).toEqual(["expense", "expense", "expense"]);
    expect(out.find(([label]) => label === "Frais généraux")![2]).not.toBe("staff");
    expect(out.find(([label]) => label === "Bulletin")![2]).not.toBe("staff");
  });
});

describe("an amount that looks like a year is a line's amount when the label is a line's", () => {
  it("« Dépenses diverses | 2000 » is a charge of 2 000 €", () => {
    const r = read(MUSEUM);
    const line = r.lines.find((l) => l.label === "Dépenses diverses");
    expect(line?.amount).toEqual({ kind: "value", cents: 200000 });
    expect(levers(MUSEUM).find(([label]) => label === "Dépenses diverses")?.[1]).toBe("expense");
  });

  it("while « Dépenses | 2000 » over the lines of that year still names the column", () => {
    const r = read([
      ["Libellé", "Montant"],
      ["Recettes", null],
      ["Cotisations", 500],
      ["Dépenses", 2000],
      ["Loyer", 800],
      ["Assurance", 200],
    ]);
    expect(r.lines.map((l) => l.label)).not.toContain("Dépenses");
  });
});
