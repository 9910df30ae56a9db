import { describe, expect, it } from "vitest";
import { classifyLines } from "./analyze.ts";
import type { BudgetLine, Section } from "./types.ts";

const line = (row: number, label: string, euros: number, sectionHint: Section | null, account: string | null = null): BudgetLine => ({
  id: `B!B${row}`,
  sheet: "B",
  cell: `A${row}`,
  row,
  amountCell: `B${row}`,
  label,
  account,
  column: null,
  scenario: "2020",
  amount: { kind: "value", cents: euros * 100 },
  context: { sectionHint, heading: "Déclarations obligatoires", chapter: null, columnHeader: null, analyticColumn: false },
});
const sides = (lines: BudgetLine[]) => classifyLines(lines).map((l) => [l.label, l.section, l.lever]);

describe("a one-sided list of contributions in kind", () => {
  it("valuations listed after the charges, with no use side, are read as resources (87)", () => {
    expect(
      sides([
        line(3, "Achats de matériel", 900, "expense"),
        line(6, "Heures bénévolat : environ une personne-an", 50000, "expense"),
        line(7, "Loyer équivalent", 5000, "expense"),
        line(8, "Mise à disposition de locaux", 1200, "expense"),
      ]),
    ).toEqual([
      ["Achats de matériel", "expense", "purchases"],
      ["Heures bénévolat : environ une personne-an", "in_kind_resource", "volunteering"],
      ["Loyer équivalent", "in_kind_resource", "in_kind_goods"],
      ["Mise à disposition de locaux", "in_kind_resource", "in_kind_goods"],
    ]);
  });

  it("both sides listed, or a use side named by its account or block, stay as they are", () => {
    expect(sides([line(6, "Personnel bénévole", 5000, "expense"), line(9, "Bénévolat", 5000, "income")]).map((l) => l[1])).toEqual(["in_kind_use", "in_kind_resource"]);
    expect(sides([line(6, "Personnel bénévole", 5000, "expense", "864")]).map((l) => l[1])).toEqual(["in_kind_use"]);
    expect(sides([line(6, "Personnel bénévole", 5000, "in_kind_use")]).map((l) => l[1])).toEqual(["in_kind_use"]);
  });
});

describe("lines nothing read in a block of contributions in kind", () => {
  it("someone else's employee beside the valued volunteering and premises is skills patronage, on the resources side", () => {
    const rows = sides([
      line(6, "Heures bénévolat : environ un ETP", 50000, "expense"),
      line(7, "Loyer équivalent (ex-cantine)", 4000, "expense"),
      line(8, "Mi-temps Florian Vasseur", 10000, "expense"),
      line(9, "Détachement Maïté Cartigny", 10000, "expense"),
    ]);
    expect(rows.slice(2)).toEqual([
      ["Mi-temps Florian Vasseur", "in_kind_resource", "skills_patronage"],
      ["Détachement Maïté Cartigny", "in_kind_resource", "skills_patronage"],
    ]);
  });

  it("a block that is mostly charges keeps its lines: one valuation does not turn its neighbours into contributions", () => {
    const rows = sides([
      line(6, "Heures bénévolat", 5000, "expense"),
      line(7, "Achats de matériel", 900, "expense"),
      line(8, "Mi-temps Florian Vasseur", 10000, "expense"),
    ]);
    expect(rows.map((r) => r[1])).toEqual(["in_kind_resource", "expense", "expense"]);
  });
});
