// Reading a vertical sheet of headed blocks as treasurers write a general-assembly report: the year's produits and
// charges, then the cash positions, receivables, loans and the contributions in kind (issue 11).
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "test.xlsx", sheets });
const labels = (r: ReturnType<typeof readBudgets>) => r.lines.map((l) => l.label);
const balances = (r: ReturnType<typeof readBudgets>) => r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label);

describe("balance-sheet money among the lines", () => {
  it("skips cash positions under their heading, keeps the fees and interest listed there, and the self-check stays right", () => {
    const r = readBudgets(
      book(
        sheet("Bilan 2017", [
          ["Libellé", "2017"],
          ["Recettes", null],
          ["Cotisations", 1470],
          ["Vente de kits", 1800],
          ["Total recettes", 3270],
          ["Dépenses", null],
          ["Assurance", 200],
          ["Total dépenses", 200],
          ["Etat des fonds (au 30 janvier 2018)", null],
          ["Compte chèque", 10718.16],
          ["Livret Bleu", 3516.26],
          ["Quelques factures 2017 en cours de recouvrement", 291.1],
          ["Intérêts du livret", 35],
          ["Frais bancaires", 12],
        ]),
      ),
    );
    expect(balances(r)).toEqual(["Compte chèque", "Livret Bleu", "Quelques factures 2017 en cours de recouvrement"]);
    expect(labels(r)).toEqual(["Cotisations", "Vente de kits", "Assurance", "Intérêts du livret", "Frais bancaires"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("a loan and a multi-year financing plan among the resources are not the year's income; a total over them is not a mismatch", () => {
    const r = readBudgets(
      book(
        sheet("Bilan", [
          ["Libellé", "2017"],
          ["Recettes", null],
          ["Prêt CMB (hors frais et intérêt)", 25000],
          ["Subvention Région", 18308],
          ["Subvention LTC", 4000],
          ["Total investissement", 47308],
          ["Dossier investissements : montant déblocable", null],
          ["Etat", 5000],
          ["Région", 23351],
          ["Propre", 13420.73],
          ["Total", 41771.73],
          ["Dépenses", null],
          ["Frais liés au prêt", 382],
          ["Scanner 3D", 3499],
        ]),
      ),
    );
    expect(balances(r)).toEqual(["Prêt CMB (hors frais et intérêt)", "Etat", "Région", "Propre"]);
    expect(labels(r)).toEqual(["Subvention Région", "Subvention LTC", "Frais liés au prêt", "Scanner 3D"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });
});
