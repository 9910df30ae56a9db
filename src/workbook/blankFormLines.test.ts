// A form's lines left blank are lines with nothing this year, not headings over the lines after them (issue 11).
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { readBudgets } from "./read.ts";
import type { CellValue, SheetSnapshot } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

interface Formula {
  f: string;
  v: number;
}
const isFormula = (c: CellValue | Formula): c is Formula => c !== null && typeof c === "object" && "f" in c;

/** A grid whose cells may be { f, v }: a formula with its cached value. */
function formSheet(rows: (CellValue | Formula)[][]): SheetSnapshot {
  const sheet = gridSheet("Receipts and Payments", rows.map((r) => r.map((c) => (isFormula(c) ? c.v : c))));
  for (const row of sheet.rows) {
    for (const cell of row.cells) {
      const raw = rows[row.index - 1]![cell.col - 1]!;
      if (isFormula(raw)) cell.formula = raw.f;
    }
  }
  return sheet;
}

const payments = (blank: string) =>
  formSheet([
    ["Payments (Out)", "2025", "2024"],
    ["Registration", 935, 974],
    [blank, null, null],
    ["Programme resources", 256.96, 457.48],
    ["Camps & Events", 605.2, 673.65],
    ["Rent", 520, 440],
    ["Total Payments", { f: "SUM(B2:B6)", v: 2317.16 }, { f: "SUM(C2:C6)", v: 2545.13 }],
  ]);

describe("a blank line of a form", () => {
  it("« Affiliation Fees » with no amount inside the form's SUM does not file the lines after it as affiliation fees", () => {
    const r = readBudgets({ name: "cgi.xlsx", sheets: [payments("Affiliation Fees")] });
    const lines = classifyLines(r.lines).filter((l) => l.scenario === "2025");
    expect(lines.map((l) => l.label)).toEqual(["Registration", "Programme resources", "Camps & Events", "Rent"]);
    const resources = lines.find((l) => l.label === "Programme resources")!;
    expect(resources.lever).not.toBe("network_dues");
    expect(r.lines.find((l) => l.label === "Programme resources")!.context.heading ?? null).not.toBe("Affiliation Fees");
    // What no word of its own says is asked, not said surely.
    expect(resources.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it("while a heading written as one (capitals, a colon, a chapter's title) still heads the lines under it", () => {
    for (const heading of ["FRAIS DE PERSONNEL", "Frais de personnel", "Personnel :"]) {
      const r = readBudgets({ name: "f.xlsx", sheets: [payments(heading)] });
      expect(r.lines.find((l) => l.label === "Programme resources")!.context.heading, heading).toBe(heading);
    }
  });
});

describe("a list's line left blank", () => {
  const balances = (blank: string) =>
    readBudgets({
      name: "report.xlsx",
      sheets: [
        gridSheet("Financial report 2019", [
          ["Libellé", "2019"],
          ["Balances of the organization's accounts at the end of 2019", null],
          ["in the Crédit Mutuel bank account", 1000],
          ["in PayPal (currently locked)", 200],
          [blank, null],
          ["in LiberapayOrg's Mangopay wallets", 270.43],
          ["Expenses", null],
          ["AWS", 722],
          ["Gandi", 54],
          ["Total expenses", 776],
        ]),
      ],
    });

  it("« in Stripe » with no amount between two balances is one of them, not a heading that ends the block", () => {
    const r = balances("in Stripe");
    expect(r.lines.map((l) => l.label)).toEqual(["AWS", "Gandi"]);
  });

  it("while a row with no amount that opens other words is still a heading", () => {
    const r = readBudgets({
      name: "b.xlsx",
      sheets: [gridSheet("Budget", [["Poste", "Montant"], ["Recettes", null], ["Ventes buvette", 500], ["Dons", null], ["Dons Martin", 100], ["Dons Durand", 50]])],
    });
    expect(r.lines.find((l) => l.label === "Dons Martin")?.context.heading).toBe("Dons");
  });
});
