// Account numbers of another chart than the French one (the Swiss SME chart numbers income 3xxx, event costs 4xxx):
// read as French classes, every income line was set aside as a balance-sheet account, in silence; and a one-side list
// titled in the singular (« Dépense ») was not read at all (issue 11).
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { classifiedLines } from "../../tests/classifiedLines.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";

const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "test.xlsx", sheets });

describe("an account column that follows another chart", () => {
  const swiss = () =>
    readBudgets(
      book(
        sheet("Budget 2023", [
          ["Compte", "Libellé", "2023 (CHF)"],
          [null, "Recettes / Einnahmen / Entrate [CHF]", null],
          ["3410", "Contributions des membres actifs", 4500],
          ["3630", "Rencontres Hivernales du Libre", 5600],
          [null, "Total", 10100],
          [null, "Dépenses / Ausgaben / Uscite [CHF]", null],
          ["4430", "Frais RHL", 7600],
          ["6500", "Charges d'administration", 300],
          ["6520", "Cotisations à des associations", 150],
          [null, "Total", 8050],
        ]),
      ),
    );

  it("reads every line by its label under the side its heading says, none set aside as a balance-sheet account", () => {
    const r = swiss();
    const lines = classifiedLines(r);
    expect(lines.map((l) => `${l.label}: ${l.section}`)).toEqual([
      "Contributions des membres actifs: income",
      "Rencontres Hivernales du Libre: income",
      "Frais RHL: expense",
      "Charges d'administration: expense",
      "Cotisations à des associations: expense",
    ]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account")).toEqual([]);
    // Not the French 65 (« autres charges de gestion courante »): dues paid to other associations.
    expect(lines.find((l) => l.label === "Cotisations à des associations")?.lever).toBe("network_dues");
  });

  it("says that the numbers are not the French chart, naming the column, in French and English", () => {
    const said = swiss().issues.find((i) => i.code === "other_chart");
    expect(said?.message).toMatch(/colonne A \(3410, 3630, 4430, 6500…\).*par leurs libellés/);
    expect(said?.messageEn).toMatch(/column A .*by their labels/);
  });

  it("side by side: the charges half follows the produits half's chart, though its own numbers alone would not say so", () => {
    // Swisslinux's budget as a Cerfa-like table: « Compte | CHARGES | 2023 (CHF) | Compte | PRODUITS | 2023 (CHF) ».
    // Alone, the charges (4425, 4430, then 6500…) look French with two slips: « Frais RHL » (4430) was set aside.
    const r = readBudgets(
      book(
        sheet("Budget 2023", [
          ["Compte", "CHARGES", "2023 (CHF)", "Compte", "PRODUITS", "2023 (CHF)"],
          ["4425", "Contributions aux frais d'inscription", 0, "3410", "Contributions des membres actifs", 4500],
          ["4430", "Frais RHL", 7600, "3620", "Dons", 0],
          [null, "Conférences 2023", 3500, "3630", "Rencontres Hivernales du Libre", 5600],
          ["6500", "Charges d'administration", 300],
          ["6503", "Littérature spécialisée LWN", 1000],
          ["6510", "Téléphone, Internet", 350],
          ["6520", "Cotisations à des associations", 400],
          ["6940", "Frais bancaires", 100],
          [null, "TOTAL DES CHARGES", 13250, null, "TOTAL DES PRODUITS", 10100],
        ]),
      ),
    );
    const lines = classifiedLines(r);
    expect(lines.filter((l) => l.section === "expense").map((l) => l.label)).toContain("Frais RHL");
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account")).toEqual([]);
    expect(r.lines.every((l) => l.account === null)).toBe(true);
    expect(r.issues.filter((i) => i.code === "other_chart").map((i) => i.message.match(/colonne ([A-Z]+)/)?.[1]).sort()).toEqual(["A", "D"]);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("on two sheets « Ressources » and « Emplois »: the charges sheet follows the produits sheet's chart", () => {
    const r = readBudgets(
      book(
        sheet("Ressources", [["Compte", "Libellé", "2023 (CHF)"], ["3410", "Contributions des membres actifs", 4500], ["3630", "Rencontres Hivernales du Libre", 5600]]),
        sheet("Emplois", [["Compte", "Libellé", "2023 (CHF)"], ["4430", "Frais RHL", 7600], [null, "Conférences 2023", 3500], ["6500", "Charges d'administration", 300], ["6510", "Téléphone, Internet", 350], ["6940", "Frais bancaires", 100]]),
      ),
    );
    expect(classifiedLines(r).map((l) => `${l.label}: ${l.section}`)).toEqual([
      "Contributions des membres actifs: income",
      "Rencontres Hivernales du Libre: income",
      "Frais RHL: expense",
      "Conférences 2023: expense",
      "Charges d'administration: expense",
      "Téléphone, Internet: expense",
      "Frais bancaires: expense",
    ]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account")).toEqual([]);
    expect(r.issues.filter((i) => i.code === "other_chart").map((i) => i.sheet)).toEqual(["Ressources", "Emplois"]);
  });

  it("reads the same when the headings are merged across the table (Excel keeps them in the account column)", () => {
    const r = readBudgets(
      book(
        sheet("Budget 2023", [
          ["Compte", "Libellé", "2023 (CHF)"],
          ["Recettes / Einnahmen / Entrate [CHF]", null, null],
          ["3410", "Contributions des membres actifs", 4500],
          ["3630", "Rencontres Hivernales du Libre", 5600],
          [null, "Total", 10100],
          ["Dépenses / Ausgaben / Uscite [CHF]", null, null],
          ["4430", "Frais RHL", 7600],
          ["6500", "Charges d'administration", 300],
          [null, "Total", 7900],
        ]),
      ),
    );
    expect(classifiedLines(r).map((l) => `${l.label}: ${l.section}`)).toEqual([
      "Contributions des membres actifs: income",
      "Rencontres Hivernales du Libre: income",
      "Frais RHL: expense",
      "Charges d'administration: expense",
    ]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account")).toEqual([]);
  });

  it("keeps the French chart when one bank account is filed among the produits", () => {
    const r = readBudgets(
      book(
        sheet("Budget", [
          ["Compte", "Libellé", "Montant"],
          [null, "Produits", null],
          ["706", "Ventes de prestations", 1200],
          ["756", "Cotisations", 800],
          ["512", "Banque", 3000],
          [null, "Charges", null],
          ["606", "Achats", 900],
        ]),
      ),
    );
    expect(r.issues.some((i) => i.code === "other_chart")).toBe(false);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual(["Banque"]);
  });
});

describe("a list titled by its side in the singular", () => {
  it("« Libellé | Dépense » over a heading « Dépense » and suppliers' names is a budget of charges", () => {
    const r = readBudgets(
      book(
        sheet("Comptabilité 2020", [
          ["Libellé", "Dépense"],
          ["Dépense", null],
          ["Scaleway", 88.01],
          ["Scaleway", 56.11],
          ["OVH", 90.04],
          ["Totaux", 234.16],
        ]),
      ),
    );
    expect(classifiedLines(r).map((l) => `${l.label}: ${l.section}`)).toEqual(["Scaleway: expense", "Scaleway: expense", "OVH: expense"]);
  });
});
