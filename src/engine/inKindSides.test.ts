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

describe("two in-kind blocks under one heading that names no side", () => {
  const inKind = (row: number, label: string, euros: number, heading = "Contributions volontaires", sectionHint: Section = "in_kind_resource"): BudgetLine => ({
    ...line(row, label, euros, sectionHint),
    context: { sectionHint, heading, chapter: null, columnHeader: null, analyticColumn: false },
  });

  it("are the mirror of the in-kind: the first its use (86), the second its resource (87), both asked", () => {
    const out = classifyLines([line(5, "Location de la salle", 9720, "expense"), inKind(35, "Bénévolat (0.5 ETP)", 7200), inKind(38, "Bénévolat", 7200), inKind(39, "Apport en nature", 2000)]);
    expect(out.map((l) => [l.label, l.section])).toEqual([
      ["Location de la salle", "expense"],
      ["Bénévolat (0.5 ETP)", "in_kind_use"],
      ["Bénévolat", "in_kind_resource"],
      ["Apport en nature", "in_kind_resource"],
    ]);
    for (const l of out.slice(1)) expect(l.confidence, l.label).toBeLessThan(0.6);
  });

  it("one block, or two whose headings name their side, stay as they are", () => {
    expect(classifyLines([inKind(35, "Bénévolat", 7200), inKind(36, "Apport en nature", 2000)]).map((l) => [l.section, l.confidence >= 0.6])).toEqual([
      ["in_kind_resource", true],
      ["in_kind_resource", true],
    ]);
    const named = classifyLines([inKind(35, "Bénévolat", 7200, "Contributions volontaires (ressources)"), inKind(38, "Bénévolat", 7200, "Contributions volontaires (ressources)")]);
    expect(named.map((l) => l.section)).toEqual(["in_kind_resource", "in_kind_resource"]);
  });
});

describe("the same in-kind amount twice among the produits, by their labels alone", () => {
  it("is the mirror: the first the use (86), the second the resource (87), asked; two different amounts are not", () => {
    const out = classifyLines([line(16, "Cotisations", 1000, "income"), line(22, "+ Bénévolat (0.5 ETP)", 600, "income"), line(24, "+ Bénévolat", 600, "income")]);
    expect(out.map((l) => l.section)).toEqual(["income", "in_kind_use", "in_kind_resource"]);
    expect(out[1]!.confidence).toBeLessThan(0.6);
    const unequal = classifyLines([line(16, "Cotisations", 1000, "income"), line(22, "Bénévolat", 600, "income"), line(24, "Bénévolat valorisé", 900, "income")]);
    expect(unequal.map((l) => l.section)).toEqual(["income", "in_kind_resource", "in_kind_resource"]);
  });
});
