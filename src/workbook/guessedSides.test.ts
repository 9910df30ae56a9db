// A table nothing on the sheet gives a side to (no « Recettes » / « Dépenses », no Type cell, no account) is read,
// never « Aucun budget trouvé »: its side comes from its headings' words, and is said as a guess (issue 11).
import { describe, expect, it } from "vitest";
import { REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const read = (...sheets: SheetSnapshot[]) => readBudgets({ name: "test.xlsx", sheets });
const sides = (r: ReturnType<typeof readBudgets>) => classifyLines(r.lines).map((c) => [c.label, c.section]);

describe("a list under a heading that is no section word", () => {
  it("« Libellé | Montant » over « Donnateurs » (sic) and names with their gifts is read as produits, at a confidence that asks to check, and says the side was guessed", () => {
    const r = read(
      sheet("Feuil1", [
        ["Libellé", "Montant"],
        ["Donnateurs", null],
        ["Martine DUPONT", 20],
        ["Jean-Luc Moreau", 50],
        ["Famille Nguyen", 35],
        ["Total", 105],
      ]),
    );
    const classified = classifyLines(r.lines);
    expect(sides(r)).toEqual([
      ["Martine DUPONT", "income"],
      ["Jean-Luc Moreau", "income"],
      ["Famille Nguyen", "income"],
    ]);
    expect(classified.every((c) => c.confidence < REVIEW_CONFIDENCE)).toBe(true);
    const said = r.issues.filter((i) => i.code === "side_guessed");
    expect(said).toHaveLength(1);
    expect(said[0]!.message).toMatch(/les 3 ligne\(s\) B3:B5 .* en produits d'après les mots du titre « Donnateurs »/);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("a table titled « Libellé | Montant » is read even when no label says what it is (suppliers' names)", () => {
    const r = read(
      sheet("Feuil1", [
        ["Libellé", "Montant"],
        ["Scaleway", 12],
        ["Gandi", 8],
        ["Qonto", 9],
      ]),
    );
    expect(r.lines.map((l) => l.label)).toEqual(["Scaleway", "Gandi", "Qonto"]);
  });

  it("a table of numbers titled as no money is still no budget", () => {
    const r = read(
      sheet("Feuil1", [
        ["Libellé", "Quantité"],
        ["Chaises", 40],
        ["Tables", 12],
      ]),
    );
    expect(r.budgets).toEqual([]);
  });

  it("what a collection of money is for (« Utilisation des fonds collectés ») is a block of charges, said surely", () => {
    const r = read(
      sheet("Feuil1", [
        ["Poste", "Prévu"],
        ["Utilisation des fonds collectés", null],
        ["Création de l'association", 230],
        ["Imprimeur Dupuis", 80],
      ]),
    );
    expect(sides(r)).toEqual([
      ["Création de l'association", "expense"],
      ["Imprimeur Dupuis", "expense"],
    ]);
    expect(r.issues.filter((i) => i.code === "side_guessed")).toEqual([]);
  });

  it("a heading that carries its block's sum (« Location serveur =SUM(…) ») gives its lines no side", () => {
    const s = sheet("Feuil1", [
      ["Libellé", "Montant"],
      ["Location serveur", 400],
      ["Hetzner", 250],
      ["Scaleway", 150],
    ]);
    s.rows[1]!.cells[1]!.formula = "=SUM(B3:B4)";
    const r = read(s);
    expect(r.lines.map((l) => l.label)).toEqual(["Hetzner", "Scaleway"]);
    expect(r.issues.filter((i) => i.code === "side_guessed")).toEqual([]);
  });
});

describe("a sheet under a heading in English, with a total row", () => {
  it("« Expenses » over two lines and « TOTAL » is a budget of charges, said by its heading (an English section word), not guessed", () => {
    const r = read(
      sheet("Finance", [
        ["Poste", "€/month"],
        ["Expenses", null],
        ["Rent the space from ptr_ (electricity, water, heating included)", 300],
        ["ADSL (€29,95 adsl + €5 raw copper)", 35],
        ["TOTAL", 335],
      ]),
    );
    expect(sides(r)).toEqual([
      ["Rent the space from ptr_ (electricity, water, heating included)", "expense"],
      ["ADSL (€29,95 adsl + €5 raw copper)", "expense"],
    ]);
    expect(r.lines.map((l) => l.context.sectionHint)).toEqual(["expense", "expense"]);
    expect(r.issues.filter((i) => i.code === "side_guessed")).toEqual([]);
    expect(r.skipped.map((k) => [k.label, k.why])).toContainEqual(["TOTAL", "total"]);
  });

  it("« Monthly income » over lines no French word reads is a budget of produits", () => {
    const r = read(
      sheet("Finance", [
        ["Monthly income", null],
        ["Members (25 × 10)", 250],
        ["Bar and events", 120],
        ["Total", 370],
      ]),
    );
    expect(sides(r)).toEqual([
      ["Members (25 × 10)", "income"],
      ["Bar and events", "income"],
    ]);
    expect(r.issues.filter((i) => i.code === "side_guessed").map((i) => i.message)).toEqual([expect.stringContaining("en produits d'après les mots du titre « Monthly income »")]);
  });

  it("« Item | Amount » over labels no word reads and a « Total » they add up to is read, every line to check", () => {
    const r = read(
      sheet("Sheet1", [
        ["Item", "Amount"],
        ["Rent", 300],
        ["Internet line", 35],
        ["Insurance", 20],
        ["Total", 355],
      ]),
    );
    expect(r.lines.map((l) => [l.label, l.amount])).toEqual([
      ["Rent", { kind: "value", cents: 30000 }],
      ["Internet line", { kind: "value", cents: 3500 }],
      ["Insurance", { kind: "value", cents: 2000 }],
    ]);
    expect(classifyLines(r.lines).every((c) => c.confidence < REVIEW_CONFIDENCE)).toBe(true);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("quantities under « Quantité » that add up to a total row are still no budget", () => {
    const r = read(
      sheet("Stock", [
        ["Article", "Quantité"],
        ["Gobelets", 300],
        ["Nappes", 35],
        ["Total", 335],
      ]),
    );
    expect(r.budgets).toEqual([]);
  });
});

describe("a line under no heading whose own words say which way its money went", () => {
  it("« Versés à l'AFM » among the gifts a Téléthon collected is a charge; « Donnés par … » stays received", () => {
    const r = read(
      sheet("Bilan", [
        ["BILAN SUCCINCT 2022", "Montant"],
        ["Versés à l’AFM", 9500],
        ["Donnés par l’entente de course à pied", 1700],
        ["Des Sponsors", 1170],
        ["Divers dont cotisations", 3758],
      ]),
    );
    expect(sides(r)).toEqual([
      ["Versés à l’AFM", "expense"],
      ["Donnés par l’entente de course à pied", "income"],
      ["Des Sponsors", "income"],
      ["Divers dont cotisations", "income"],
    ]);
    const guessed = r.issues.filter((i) => i.code === "side_guessed");
    expect(guessed.map((i) => i.cell)).not.toContain("A2");
    expect(classifyLines(r.lines).find((c) => c.label === "Versés à l’AFM")!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it("« Marchandises achetées en trois mois » is a purchase whatever its neighbours", () => {
    const r = read(
      sheet("Bilan", [
        ["Libellé", "Montant"],
        ["Marchandises achetées en trois mois (alimentation)", 800],
        ["Dons des particuliers", 3000],
        ["Subvention de la commune", 5000],
      ]),
    );
    expect(sides(r)[0]).toEqual(["Marchandises achetées en trois mois (alimentation)", "expense"]);
  });
});

describe("a side word after a separator ends the label", () => {
  it("« Autres activités : dépenses » among receipts is a charge, « Buvette (recettes) » a receipt", () => {
    const r = read(
      sheet("Bilan", [
        ["Libellé", "Montant"],
        ["Spectacles", 4000],
        ["Autres activités : recettes", 1500],
        ["Autres activités : dépenses", 1229],
        ["Buvette (recettes)", 300],
      ]),
    );
    expect(sides(r)).toEqual([
      ["Spectacles", "income"],
      ["Autres activités : recettes", "income"],
      ["Autres activités : dépenses", "expense"],
      ["Buvette (recettes)", "income"],
    ]);
  });
});
