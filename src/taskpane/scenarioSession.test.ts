import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "../workbook/pipeline.ts";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot.ts";
import { compare, pointsText, sideOf } from "./compareSession.ts";
import {
  addDraft,
  draftScenario,
  emptyDraft,
  evaluateDraft,
  goalHints,
  hoursValue,
  leverRows,
  parseNumberInput,
  removeDraft,
  scenarioDraft,
  scenariosToSave,
  setLeverField,
  startDrafts,
  updateDraft,
} from "./scenarioSession.ts";

type Row = [string, number | null];
const BUDGET: Row[] = [
  ["CHARGES", null],
  ["Salaires animateurs", 40000],
  ["Salaire coordinatrice", 10000],
  ["Loyer", 6000],
  ["PRODUITS", null],
  ["Subvention Région", 30000],
  ["Subvention commune", 12000],
  ["Recettes diverses", 9000],
  ["Cotisations", 5000],
];

function snapshot(rows: Row[], name = "asso.xlsx", header = "Budget 2026"): WorkbookSnapshot {
  const grid: CellValue[][] = [["Poste", header], ...rows];
  return {
    name,
    sheets: [{ name: "Budget", visibility: "visible", protected: false, merges: [], rows: grid.map((r, i) => ({ index: i + 1, cells: r.map((value, j) => ({ col: j + 1, value })).filter((c) => c.value !== null) })) }],
  };
}

const params = defaultParameters();
const analysed = (rows: Row[], name?: string, header?: string) => analyzeSnapshot(snapshot(rows, name, header), params);
const base = analysed(BUDGET);
const column = base.analyses[0]!.scenario;
const draftWith = (edit: Parameters<typeof setLeverField>[1], field: "percent" | "euros", text: string) => setLeverField(emptyDraft(1, "fr"), edit, field, text);

describe("numbers typed in the scenario fields", () => {
  it("read the French way in French: minus signs, decimal commas, spaced or dotted thousands, a unit after", () => {
    expect(parseNumberInput("-20", "fr")).toBe(-20);
    expect(parseNumberInput(" −12,5 % ", "fr")).toBe(-12.5);
    expect(parseNumberInput("5 000,50", "fr")).toBe(5000.5);
    expect(parseNumberInput("5\u202f000 €", "fr")).toBe(5000);
    expect(parseNumberInput("5.000", "fr")).toBe(5000);
    expect(parseNumberInput("12.5", "fr")).toBe(12.5);
    expect(parseNumberInput("+500 h", "fr")).toBe(500);
    expect(parseNumberInput("1,5", "fr")).toBe(1.5);
  });
  it("read the English way in English", () => {
    expect(parseNumberInput("5,000.50", "en")).toBe(5000.5);
    expect(parseNumberInput("-20%", "en")).toBe(-20);
    expect(parseNumberInput("1,5", "en")).toBeNaN();
  });
  it("tell an empty field (no change) from a field that is not a number", () => {
    expect(parseNumberInput("", "fr")).toBeNull();
    expect(parseNumberInput("  ", "fr")).toBeNull();
    for (const bad of ["abc", "1,2,3", "-", "12a", "5 000,5,0"]) expect(parseNumberInput(bad, "fr"), bad).toBeNaN();
  });
});

describe("a scenario typed in the pane", () => {
  it("lists the levers that carry an amount in the column, income first, with their amounts", () => {
    const rows = leverRows(base.classified);
    expect(rows.find((r) => r.lever === "public_grants")?.cents).toBe(4_200_000);
    expect(rows.every((r) => r.cents !== 0)).toBe(true);
    expect(rows.map((r) => r.lever).indexOf("public_grants")).toBeLessThan(rows.map((r) => r.lever).indexOf("staff"));
  });

  it("subsidies cut by 80 % in the pane give the analysis of the budget whose subsidy cells were cut by hand", () => {
    const view = evaluateDraft(base.classified, column, draftWith("public_grants", "percent", "-80"), params, "fr");
    const byHand = analysed(BUDGET.map(([l, v]) => [l, /^Subvention/.test(l) && v !== null ? v / 5 : v])).analyses[0]!;
    expect(view.error).toBeNull();
    expect(view.run!.analysis.model.id).toBe(byHand.model.id);
    expect(view.run!.analysis.model.shares).toEqual(byHand.model.shares);
    expect(view.run!.analysis.model.id).not.toBe(base.analyses[0]!.model.id);
    expect(view.after.public_grants).toBe(840_000);
    expect(view.sentences[0]).toMatch(/^Avec « Subventions publiques » en baisse de 80\u00a0%, votre part publique passe de 89\u00a0% à 63\u00a0% ; le modèle devient mixte public–privé\.$/);
  });

  it("a euro change, hours and a name make one engine scenario; fields that are not numbers are said, not applied", () => {
    let d = setLeverField(emptyDraft(3, "fr"), "membership_fees", "euros", "5 000,50");
    d = setLeverField(d, "public_grants", "percent", "-150");
    d = setLeverField(d, "sales_services", "percent", "beaucoup");
    d = { ...d, name: "  Région en baisse ", hours: "500" };
    const { scenario, problems } = draftScenario(d, column, "fr");
    expect(scenario).toEqual({
      name: "Région en baisse",
      column,
      changes: [
        { kind: "amount", lever: "membership_fees", cents: 500_050 },
        { kind: "volunteerHours", hours: 500 },
      ],
    });
    expect(Object.fromEntries(problems)).toEqual({ "public_grants:percent": "percent", "sales_services:percent": "number" });
    expect(draftScenario({ ...d, name: "", hours: "-3" }, column, "en").scenario.name).toBe("Scenario 3");
    expect(draftScenario({ ...d, hours: "-3" }, column, "fr").problems.get("hours")).toBe("hours");
  });

  it("a cut larger than the lever is a sentence in the user's language, not a crash", () => {
    const fr = evaluateDraft(base.classified, column, draftWith("membership_fees", "euros", "-6000"), params, "fr");
    expect(fr.run).toBeNull();
    expect(fr.error).toMatch(/^Ce scénario ne peut pas être appliqué : la baisse de 6\u00a0000\u00a0€ sur « Cotisations/);
    const en = evaluateDraft(base.classified, column, draftWith("membership_fees", "euros", "-6000"), params, "en");
    expect(en.error).toMatch(/^This scenario cannot be applied: the €6,000 cut on “/);
  });

  it("values the typed hours at the parameters' rate", () => {
    const d = { ...emptyDraft(1, "fr"), hours: "100" };
    expect(hoursValue(d, params, "fr")).toMatch(/^valorisées \d/);
    expect(hoursValue({ ...d, hours: "" }, params, "fr")).toBeNull();
  });
});

describe("goal-seek hints", () => {
  it("name an amount that does change the model when it is typed as a scenario", () => {
    const view = evaluateDraft(base.classified, column, emptyDraft(1, "fr"), params, "fr");
    const hints = goalHints(view, "fr");
    // The budget's private money is its membership fees: the hint moves that lever.
    const patronage = hints.find((h) => /cotisations/.test(h));
    expect(patronage).toMatch(/^[\d\u00a0]+\u00a0€ de cotisations en plus vous rendraient mixte public–privé\.$/);
    const euros = patronage!.match(/^([\d\u00a0]+)\u00a0€/)![1]!.replace(/\u00a0/g, "");
    const at = evaluateDraft(base.classified, column, draftWith("membership_fees", "euros", euros), params, "fr");
    const oneLess = evaluateDraft(base.classified, column, draftWith("membership_fees", "euros", String(Number(euros) - 1)), params, "fr");
    expect(at.run!.analysis.model.id).not.toBe(base.analyses[0]!.model.id);
    expect(oneLess.run!.analysis.model.id).toBe(base.analyses[0]!.model.id);
    expect(hints.some((h) => /heures de bénévolat en plus vous feraient atteindre la règle des 4 tiers/.test(h))).toBe(true);
  });
  it("follow the scenario: once the model has changed, the hint starts from the scenario", () => {
    const view = evaluateDraft(base.classified, column, draftWith("public_grants", "percent", "-100"), params, "en");
    expect(view.run!.analysis.model.shares.public).toBe(0);
    expect(goalHints(view, "en").some((h) => /more in public grants would make you/i.test(h))).toBe(true);
  });
});

describe("several named scenarios", () => {
  it("are added, switched, edited and deleted; the last one is emptied, never removed", () => {
    let s = startDrafts([], "fr");
    expect(s.drafts.map((d) => d.name)).toEqual(["Scénario 1"]);
    s = addDraft(s, "fr");
    expect(s.active).toBe(2);
    s = updateDraft(s, 2, (d) => setLeverField({ ...d, name: "Mécénat" }, "corporate_patronage", "euros", "10 000"));
    s = { ...s, active: 1 };
    expect(s.drafts[1]!.levers.corporate_patronage?.euros).toBe("10 000");
    s = removeDraft(s, 1, "fr");
    expect(s.drafts.map((d) => d.name)).toEqual(["Mécénat"]);
    expect(s.active).toBe(2);
    s = removeDraft(s, 2, "fr");
    expect(s.drafts).toHaveLength(1);
    expect(s.drafts[0]!.levers).toEqual({});
  });
  it("saved ones come back as the fields that made them", () => {
    const d = setLeverField(setLeverField({ ...emptyDraft(1, "fr"), name: "A", hours: "12,5" }, "public_grants", "percent", "-20"), "public_grants", "euros", "1 500,25");
    const s = draftScenario(d, column, "fr").scenario;
    const back = startDrafts([s], "fr").drafts[0]!;
    expect(draftScenario(back, column, "fr").scenario).toEqual(s);
    expect(scenarioDraft(s, 1, "en").levers.public_grants).toEqual({ percent: "-20", euros: "1500.25" });
  });
  it("are saved when they say something, each under its own name", () => {
    const v = (name: string, text: string) => evaluateDraft(base.classified, column, { ...draftWith("public_grants", "percent", text), name }, params, "fr");
    const saved = scenariosToSave([v("Baisse", "-10"), v("Baisse", "-20"), v("Vide", ""), v("Faux", "abc")]);
    expect(saved.map((s) => s.name)).toEqual(["Baisse", "Baisse (2)"]);
    expect(saved[1]!.changes).toEqual([{ kind: "percent", lever: "public_grants", percent: -20 }]);
  });
});

describe("comparing with another workbook", () => {
  const lastYear = analysed(
    BUDGET.map(([l, v]) => [l, l === "Subvention Région" ? 40000 : l === "Loyer" ? 18000 : v]),
    "comptes-2025.xlsx",
    "Réalisé 2025",
  );
  it("gives the differences the two analyses imply, and the lines behind them", () => {
    const c = compare(sideOf(lastYear, null), sideOf(base, null));
    expect(c.before.file).toBe("comptes-2025.xlsx");
    expect(c.difference.bySection.income.cents).toBe(-1_000_000);
    expect(c.difference.bySection.expense.cents).toBe(-1_200_000);
    expect(c.difference.byNature.public.cents).toBe(c.after.analysis.totals.byNature.public - c.before.analysis.totals.byNature.public);
    expect(c.difference.byNature.public.points).toBeCloseTo(c.after.analysis.model.shares.public - c.before.analysis.model.shares.public, 12);
    expect(c.lines.map((l) => [l.label, l.cents])).toEqual([
      ["Loyer", -1_200_000],
      ["Subvention Région", -1_000_000],
    ]);
    expect(c.levers.slice(0, 2)).toEqual(["external_services", "public_grants"]);
  });
  it("takes the column of the open budget's name when the other workbook has it", () => {
    const two = analyzeSnapshot(
      {
        name: "two.xlsx",
        sheets: [
          {
            name: "Budget",
            visibility: "visible",
            protected: false,
            merges: [],
            rows: [["Poste", "Réalisé 2025", "Budget 2026"], ...BUDGET.map(([l, v]) => [l, v === null ? null : v * 2, v])].map((r, i) => ({
              index: i + 1,
              cells: r.map((value, j) => ({ col: j + 1, value: value as CellValue })).filter((c) => c.value !== null),
            })),
          },
        ],
      },
      params,
    );
    expect(two.analyses.map((a) => a.scenario)).toEqual(["Réalisé 2025", "Budget 2026"]);
    expect(sideOf(two, null, column).column).toBe("Budget 2026");
    expect(sideOf(two, "Réalisé 2025", column).column).toBe("Réalisé 2025");
    expect(sideOf(two, null, "Ailleurs").column).toBe("Réalisé 2025");
  });
  it("says points signed, the user's way", () => {
    expect(pointsText(0.04, "fr")).toBe("+4,0\u00a0pt");
    expect(pointsText(-0.025, "en")).toBe("−2.5\u00a0pt");
    expect(pointsText(null, "fr")).toBe("—");
  });
});
