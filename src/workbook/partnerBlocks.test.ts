// An NGO lists what it pays each partner under the partner's name (issue 11, kind 6): the partner's costs there are
// money paid out (657), not the association's own staff or repairs.
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => analyzeSnapshot({ name: "ngo.xlsx", sheets: [gridSheet("Budget 2018", rows)] }, defaultParameters());
const byLabel = (r: ReturnType<typeof read>) => Object.fromEntries(r.classified.map((l) => [l.label, l]));

describe("a partner's block of charges", () => {
  const partners = (partner: string, aid: string): CellValue[][] => [
    ["Poste", "Montant"],
    ["Recettes", null],
    ["Dons", 20000],
    ["Dépenses", null],
    [partner, 16800],
    ["Salaires", 4800],
    [aid, 5000],
    ["Réparation toiture école Ste Bernadette", 7000],
    ["FONHSUD : 9 500 €", 9500],
    ["Projet moulin Bellevue", 6000],
    ["Appui aux caisses des mutuelles", 3500],
    ["Fonctionnement de l'association", null],
    ["Frais bancaires", 120],
  ];

  it("is money paid to the partner, asked: « Salaires » there is the partner's, not the association's staff", () => {
    const lines = byLabel(read(partners("FPS : 16 800 €", "Appui aux caisses des mutuelles")));
    expect(lines["Salaires"]).toMatchObject({ lever: "other_operating", pillar: "financial" });
    expect(lines["Salaires"]!.confidence).toBeLessThan(0.6);
    expect(lines["Réparation toiture école Ste Bernadette"]!.lever).toBe("other_operating");
    expect(lines["Frais bancaires"]!.lever).not.toBe("other_operating");
  });

  it("while a block with no aid paid, or under a heading that names what is spent, keeps its own costs", () => {
    expect(byLabel(read(partners("FPS : 16 800 €", "Loyer du local")))["Salaires"]!.lever).toBe("staff");
    expect(byLabel(read(partners("PERSONNEL", "Aide aux familles")))["Salaires"]!.lever).toBe("staff");
  });
});
