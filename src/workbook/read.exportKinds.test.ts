// Kinds seen on held-out set F (issue 11): an accountant's export of several years, typed row by row with the parts
// of the compte de résultat, and an association's bank statement published as it is. Each a small grid, failing
// without its fix.
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { resolveParameters } from "../engine/parameters.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][]) => readBudgets({ name: "test.xlsx", sheets: [gridSheet("Bilans", rows)] });
const classified = (rows: CellValue[][]) => classifyLines(read(rows).lines, resolveParameters({}));

const exportOfYears: CellValue[][] = [
  ["Type", "Poste", "20150301-20160630", "20160701-20170630"],
  ["Charges d'exploitation", "Autres achats et charges externes", 18926, 16691],
  ["Charges d'exploitation", "Salaires et traitements", 160719, 118317],
  ["Charges d'exploitation", "Dotations d'exploitation", 1083, 1166],
  ["Produits d'exploitation", "Production vendue service", 292766, 241121],
  ["Produits d'exploitation", "Production stockée", 9130, 0],
  ["Produits d'exploitation", "Production immobilisée", 0, 1210],
  ["Produits d'exploitation", "Subventions d'exploitation", 5000, 0],
];

describe("an accountant's export of several exercises", () => {
  it("an exercise said by its first and last days (« 20150301-20160630 ») is a year of its own, never added to the next", () => {
    const scenarios = [...new Set(read(exportOfYears).lines.map((l) => l.scenario))];
    expect(scenarios).toEqual(["20150301-20160630", "20160701-20170630"]);
  });

  it("a Type column of the compte de résultat's parts (« Charges d'exploitation », « Produits d'exploitation ») gives each row its side", () => {
    const r = read(exportOfYears);
    const sideOf = (label: string) => r.lines.find((l) => l.label === label)?.context.sectionHint;
    expect(sideOf("Dotations d'exploitation")).toBe("expense");
    expect(sideOf("Production stockée")).toBe("income");
    expect(r.issues.map((i) => i.code)).not.toContain("side_guessed");
  });

  it("production stockée and immobilisée give back charges already counted: out of the mix, not sales", () => {
    const levers = classified(exportOfYears).filter((l) => l.label.startsWith("Production ") && l.scenario === "20150301-20160630");
    expect(levers.map((l) => [l.label, l.lever])).toEqual([
      ["Production vendue service", "sales_services"],
      ["Production stockée", "reversals_transfers"],
      ["Production immobilisée", "reversals_transfers"],
    ]);
  });
});

describe("a bank statement as the association publishes it", () => {
  it("a transfer from a person (« VIR M. R.V. 10278-20-2003… ») among the produits is a gift to check, not a sale", () => {
    const lines = classified([
      ["Libellé", "Montant"],
      ["Crédits", null],
      ["VIR M. R.V. 10278-20-20034370040348", 5],
      ["VIR SEPA MME MARTIN CLAIRE", 20],
      ["VIR M. DUPONT COTISATION 2020", 15],
    ]);
    expect(lines.map((l) => l.lever)).toEqual(["donations", "donations", "membership_fees"]);
    expect(lines[0]!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe("a grant from a body Équilibre does not know", () => {
  it("« Subvention de la caisse de solidarité UDOGEC » is a grant, asked: a union of schools pays private money", () => {
    const [line] = classified([
      ["Libellé", "Montant"],
      ["Recettes", null],
      ["Subvention de la caisse de solidarité UDOGEC", 30000],
    ]);
    expect(line!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(line!.reason).toContain("UDOGEC");
  });

  it("while a known public body's initials stay sure", () => {
    const [line] = classified([
      ["Libellé", "Montant"],
      ["Recettes", null],
      ["Subvention FDVA", 3000],
    ]);
    expect(line!.lever).toBe("public_grants");
    expect(line!.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });
});

describe("a bank export's own column name", () => {
  it("« amount » over a sheet of debits written as the bank writes them is read, not said unread", () => {
    const r = readBudgets({
      name: "test.xlsx",
      sheets: [gridSheet("Emplois", [["Libellé", "amount"], ["Débits", null], ["FACTURE SGT20060310000737", 4.88], ["Paiement à Online SAS", 7.12], ["PRLV SEPA ONLINE SAS DEDIBOX 3607656", 215.96]])],
    });
    expect(r.lines.map((l) => l.amount.kind === "value" ? l.amount.cents / 100 : null)).toEqual([4.88, 7.12, 215.96]);
    expect(r.issues.map((i) => i.code)).not.toContain("section_not_read");
  });
});
