// The report's block « Avec votre scénario »: beside the budget's own figures, each scenario of the scenario
// sheet — totals, model, the three shares, the rules and their gaps — computed by the registry's formulas
// plus what the scenario sheet's inputs change (scenarioFormulas.ts). Typing a variation in Excel, without
// the add-in, moves the block. Every cell carries the engine's value (runScenario on the stored inputs).
import type { Analysis } from "../engine/analyze.ts";
import { BUDGET_FIGURES, RESULT_LABEL, RULES } from "../engine/figures.ts";
import { say } from "../engine/i18n/index.ts";
import { NATURE_NAMES } from "../engine/labels.ts";
import { ruleValues } from "../engine/ratios.ts";
import { MIX_NATURES, type MixNature } from "../engine/types.ts";
import { definedName } from "./definedNames.ts";
import type { FigureFormulas } from "./figureFormulas.ts";
import { MODELS, NO_MODEL } from "../engine/models.ts";
import { COLUMN_WIDTHS, euros, ModelFormulas, sectionHeading, share, type Layout } from "./reportSheet.ts";
import { ScenarioFigureFormulas } from "./scenarioFormulas.ts";
import { deltaRefs, scenarioHoursRef, scenarioNameRef } from "./scenarioSheet.ts";
import { columnLetters, columnNumber } from "./snapshot.ts";

/** One column of the block: the budget (C) or a scenario (D…), its formulas and the engine's analysis. */
interface BlockColumn {
  col: string;
  F: FigureFormulas;
  /** null: the engine refused the scenario (a cut beyond a lever's amount): no expected values. */
  analysis: Analysis | null;
  /** The first scenario's cells carry the EquilibreScenario… names. */
  named: boolean;
}

/** Hidden helper cells of column `i` start here (J for the budget, then three columns per scenario). */
const helper = (i: number, k: number) => columnLetters(10 + 3 * i + k);

export function scenarioBlock(L: Layout): void {
  if (!L.scenarios) return;
  const { c, lang, main } = L;
  const { layout, runs } = L.scenarios;
  sectionHeading(L, "report.withYourScenario");
  const columns: BlockColumn[] = [
    { col: "C", F: L.F, analysis: main, named: false },
    ...layout.scenarios.map(
      (_, k): BlockColumn => ({
        col: columnLetters(4 + k),
        F: new ScenarioFigureFormulas(L.R, lang, L.scenarioRef, { ...L.p, volunteerHours: scenarioHoursRef(layout, k) }, deltaRefs(layout, k)),
        analysis: runs[k]?.analysis ?? null,
        named: k === 0,
      }),
    ),
  ];
  const name = (figure: Parameters<typeof definedName>[0], col: BlockColumn, ref: string) => {
    if (col.named) L.names.set(definedName(figure, true), ref);
  };

  // The header: the column shown, then each scenario's name as typed in the scenario sheet.
  c.formula("C", L.scenarioRef, main.scenario, "tableHeader");
  layout.scenarios.forEach((s, k) => {
    const col = columns[k + 1]!.col;
    c.formula(col, `IF(${scenarioNameRef(layout, k)}="","",${scenarioNameRef(layout, k)})`, s.name, "tableHeader");
    c.fit(s.name, COLUMN_WIDTHS[columnNumber(col)] ?? 8.43);
  });
  c.put("A", "", "tableHeader");
  c.put("B", "", "tableHeader");
  c.heights[c.row] = Math.max(30, c.heights[c.row] ?? 0);
  c.next();

  const figure = (id: "income" | "expense") => BUDGET_FIGURES.find((f) => f.id === id)!;
  const totals: Record<string, Record<string, string>> = { income: {}, expense: {} };
  for (const id of ["income", "expense"] as const) {
    c.put("A", figure(id).label[lang], "label");
    for (const col of columns) {
      const a = col.analysis;
      totals[id]![col.col] = c.formula(col.col, col.F.amount(figure(id).amount), a ? euros(id === "income" ? a.budget.incomeCents : a.budget.expenseCents) : null, "money");
      name(id, col, totals[id]![col.col]!);
    }
    c.next();
  }
  c.put("A", RESULT_LABEL[lang], "label");
  for (const col of columns) {
    const ref = c.formula(col.col, `ROUND(${totals.income![col.col]}-${totals.expense![col.col]},2)`, col.analysis ? euros(col.analysis.budget.resultCents) : null, "money");
    name("result", col, ref);
  }
  c.next();

  // The model reads the shares of the three rows under it.
  const modelRow = c.row;
  c.put("A", say(lang, "report.model"), "label");
  for (const col of columns) {
    const shares = Object.fromEntries(MIX_NATURES.map((n, i) => [n, `${col.col}${modelRow + 1 + i}`])) as Record<MixNature, string>;
    const ref = c.formula(col.col, new ModelFormulas(col.F, shares).name(), col.analysis ? col.analysis.model.name[lang] : null, "wrap");
    name("model", col, ref);
  }
  // Tall enough for any model's name in the narrowest column: a variation typed later may change the model.
  c.heights[c.row] = 30;
  for (const col of columns) for (const m of [...MODELS, NO_MODEL]) c.fit(m.name[lang], COLUMN_WIDTHS[columnNumber(col.col)] ?? 8.43);
  c.next();
  for (const n of MIX_NATURES) {
    c.put("A", NATURE_NAMES[n][lang], "text");
    for (const col of columns) name(`share.${n}`, col, c.formula(col.col, new ModelFormulas(col.F).shareOf(n), col.analysis ? col.analysis.model.shares[n] : null, "percent"));
    c.next();
  }

  // Each rule: its value, then its gap; the numerator and denominator sit in hidden cells beside the value.
  RULES.forEach((r, ri) => {
    c.put("A", r.short[lang], "text");
    const gaps: { formula: string; expected: number | null }[] = [];
    columns.forEach((col, i) => {
      const v = col.analysis ? ruleValues(col.analysis.ratios)[ri]! : null;
      const recorded = c.formula(helper(i, 0), col.F.recorded(r), v ? euros(v.recordedCents) : null, "hidden");
      const numerator = c.formula(helper(i, 1), col.F.numerator(r, recorded), v ? euros(v.numeratorCents) : null, "hidden");
      const denominator = c.formula(helper(i, 2), col.F.amount(r.denominator), v ? euros(v.denominatorCents) : null, "hidden");
      name(`rule.${r.id}`, col, c.formula(col.col, col.F.value(numerator, denominator), v ? share(v.value) : null, "percent"));
      gaps.push({ formula: col.F.gap(r, numerator, denominator), expected: v ? euros(v.gapCents) : null });
    });
    c.next();
    c.put("A", say(lang, "report.scenarioGap"), "note");
    columns.forEach((col, i) => name(`gap.${r.id}`, col, c.formula(col.col, gaps[i]!.formula, gaps[i]!.expected, "money")));
    c.next();
  });
  const where = say(lang, "report.scenarioWhere", { sheet: layout.sheet });
  c.put("A", where, "note");
  c.merge("A", "H");
  c.next(2);
}
